import type { Lang } from '../core/i18n.js';
import { describeRule, type PassRule } from '../simulation/pass-rule.js';
import { t } from '../core/messages.js';
import { boxTable, layoutTable } from '../report/text.js';
import { pm } from './render.messages.js';
import { formatPercent as pct, formatProbability as prob } from '../core/percent.js';
import type { PrecisionPlan, PrecisionRequest } from './precision.js';
import type { PassSizePlan, PassSizeRequest } from './pass-size.js';

export interface RiskTable {
  sizes: number[];
  rows: { trueRate: number; favourable: number; pPass: number[] }[];
}

function rows(lines: [string, string][]): string[] {
  return layoutTable(lines).map((l) => `  ${l}`);
}

const fmt = (v: number) => (Math.abs(v) >= 1e6 ? v.toExponential(4) : v.toFixed(2));

export function precisionJson(req: PrecisionRequest, plan: PrecisionPlan) {
  return {
    form: 'precision',
    margin: req.margin,
    confidence: req.confidence,
    expected: req.expected,
    population: req.population ?? null,
    deff: req.deff,
    response_rate: req.responseRate,
    z: plan.z,
    n0: plan.n0,
    n_fpc: plan.nFpc,
    n_deff: plan.nDeff,
    n_unrounded: plan.nDraw,
    n: plan.n,
    expected_completes: plan.completes,
    exceeds_population: plan.exceedsPopulation,
  };
}

export function renderPrecision(req: PrecisionRequest, plan: PrecisionPlan, lang: Lang): string {
  const out: string[] = [];
  out.push(
    t(lang, pm.precisionHead, {
      margin: pct(req.margin),
      confidence: pct(req.confidence, 0),
      expected: pct(req.expected),
    }),
  );
  const lines: [string, string][] = [
    [`n₀ = z²p(1−p)/e²`, t(lang, pm.n0, { n0: fmt(plan.n0), z: plan.z.toFixed(6) })],
  ];
  if (req.population !== undefined) lines.push([t(lang, pm.fpc, { n: req.population }), fmt(plan.nFpc)]);
  if (req.deff !== 1) lines.push([t(lang, pm.deff, { deff: req.deff }), fmt(plan.nDeff)]);
  if (req.responseRate !== 1)
    lines.push([t(lang, pm.responseRate, { rate: pct(req.responseRate) }), fmt(plan.nDraw)]);
  lines.push([t(lang, pm.draw), String(plan.n)]);
  if (req.responseRate !== 1) lines.push([t(lang, pm.completes), plan.completes.toFixed(1)]);
  out.push(...rows(lines));
  if (plan.exceedsPopulation) out.push(`  ${t(lang, pm.exceeds, { n: req.population ?? 0 })}`);
  return `${out.join('\n')}\n`;
}

export function passSizeJson(
  req: PassSizeRequest,
  plan: PassSizePlan,
  bySize: PassSizePlan['curve'],
  risk: RiskTable,
) {
  const rule = req.rule;
  return {
    form: 'pass_probability',
    threshold: req.threshold,
    expected: req.expected,
    power: req.power,
    population: req.population,
    favourable: plan.favourable,
    pass_rule: rule.kind,
    confidence: rule.kind === 'lower_bound' ? rule.confidence : null,
    ci_method: rule.kind === 'lower_bound' ? rule.method : null,
    n: plan.n ?? null,
    p_pass_at_n: plan.n === undefined ? null : plan.curve[plan.n - 1]!.pPass,
    smallest_n_any: plan.smallestAny ?? null,
    scanned_sizes: plan.scanned,
    scanned_all: plan.scannedAll,
    by_size: bySize.map((c) => ({ n: c.n, needed: c.needed <= c.n ? c.needed : null, p_pass: c.pPass })),
    by_rate: risk.rows.map((r) => ({
      true_rate: r.trueRate,
      favourable: r.favourable,
      p_pass: Object.fromEntries(risk.sizes.map((n, i) => [String(n), r.pPass[i]!])),
    })),
  };
}

function ruleLine(rule: PassRule, lang: Lang) {
  return describeRule(rule, lang);
}

export function renderPassSize(
  req: PassSizeRequest,
  plan: PassSizePlan,
  bySize: PassSizePlan['curve'],
  risk: RiskTable,
  lang: Lang,
): string {
  const out: string[] = [];
  out.push(
    t(lang, pm.passHead, {
      population: req.population,
      expected: pct(req.expected),
      favourable: plan.favourable,
      rule: ruleLine(req.rule, lang),
      power: prob(req.power, 2),
    }),
  );
  if (plan.n !== undefined) {
    const p = plan.curve[plan.n - 1]!.pPass;
    out.push(t(lang, pm.passSize, { n: plan.n, p: prob(p, 6) }));
    if (plan.n === req.population) out.push(`  ${t(lang, pm.censusOnly)}`);
    if (plan.smallestAny !== undefined && plan.smallestAny < plan.n) {
      const c = plan.curve[plan.smallestAny - 1]!;
      out.push(`  ${t(lang, pm.sawTooth, { n: c.n, p: prob(c.pPass, 4), needed: c.needed })}`);
    }
  } else {
    const below = req.expected < req.threshold ? t(lang, pm.belowThreshold) : '';
    out.push(`${t(lang, pm.noSize, { scanned: plan.scanned })}${below}`);
  }
  if (!plan.scannedAll) out.push(`  ${t(lang, pm.scanned, { scanned: plan.scanned })}`);
  out.push('');
  out.push(t(lang, pm.bySize, { rate: pct(req.expected) }));
  const sizeRows = bySize.map((c) => [
    String(c.n),
    c.needed <= c.n ? `${c.needed}/${c.n}` : '–',
    prob(c.pPass, 4),
    c.pPass >= req.power ? t(lang, pm.atTarget) : '',
  ]);
  out.push(
    boxTable([t(lang, pm.headN), t(lang, pm.headNeeded), t(lang, pm.headPass), ''], sizeRows, {
      align: ['right', 'right', 'right', 'left'],
      headRule: true,
    }),
  );
  out.push('');
  out.push(t(lang, pm.byRate));
  const rateRows = risk.rows.map((r) => {
    const mark = r.trueRate < req.threshold ? ' <' : r.trueRate === req.expected ? ' *' : '';
    return [`${pct(r.trueRate)}${mark}`, ...r.pPass.map((p) => prob(p, 4))];
  });
  out.push(
    boxTable([t(lang, pm.headTrueRate), ...risk.sizes.map((n) => `n=${n}`)], rateRows, {
      align: ['right', ...risk.sizes.map(() => 'right' as const)],
      headRule: true,
    }),
  );
  out.push(`  ${t(lang, pm.byRateKey)}`);
  return `${out.join('\n')}\n`;
}
