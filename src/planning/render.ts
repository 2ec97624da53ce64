import Table from 'cli-table3';
import type { Lang } from '../core/i18n.js';
import { describeRule, type PassRule } from '../simulation/pass-rule.js';
import { displayWidth } from '../core/width.js';
import { formatPercent as pct, formatProbability as prob } from '../core/percent.js';
import type { PrecisionPlan, PrecisionRequest } from './precision.js';
import type { PassSizePlan, PassSizeRequest } from './pass-size.js';

export interface RiskTable {
  sizes: number[];
  rows: { trueRate: number; favourable: number; pPass: number[] }[];
}

function rows(lines: [string, string][]): string[] {
  const width = Math.max(...lines.map(([k]) => displayWidth(k)));
  return lines.map(([k, v]) => `  ${k}${' '.repeat(width - displayWidth(k) + 2)}${v}`);
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
  const zh = lang === 'zh';
  const out: string[] = [];
  out.push(
    zh
      ? `估计比率误差不超过 ±${pct(req.margin)}（置信度 ${pct(req.confidence, 0)}，预期比率 ${pct(req.expected)}）所需样本量`
      : `Sample size to estimate a rate within ±${pct(req.margin)} at ${pct(req.confidence, 0)} confidence (expected rate ${pct(req.expected)})`,
  );
  const lines: [string, string][] = [[`n₀ = z²p(1−p)/e²`, `${fmt(plan.n0)}   (z = ${plan.z.toFixed(6)})`]];
  if (req.population !== undefined) {
    lines.push([
      zh ? `有限总体校正 (N = ${req.population})` : `finite population (N = ${req.population})`,
      fmt(plan.nFpc),
    ]);
  }
  if (req.deff !== 1)
    lines.push([zh ? `× 设计效应 ${req.deff}` : `× design effect ${req.deff}`, fmt(plan.nDeff)]);
  if (req.responseRate !== 1) {
    lines.push([
      zh ? `÷ 应答率 ${pct(req.responseRate)}` : `÷ response rate ${pct(req.responseRate)}`,
      fmt(plan.nDraw),
    ]);
  }
  lines.push([zh ? '应抽户数（最后一步向上取整）' : 'households to draw (rounded up once)', String(plan.n)]);
  if (req.responseRate !== 1) {
    lines.push([zh ? '预计完成访问' : 'expected completes', plan.completes.toFixed(1)]);
  }
  out.push(...rows(lines));
  if (plan.exceedsPopulation) {
    out.push(
      zh
        ? `  注意：所需户数超过总体 ${req.population} 户，只能全部访问；误差目标无法按此设计达到。`
        : `  Note: more households than the population of ${req.population} would be needed: interview them all; the margin cannot be met as designed.`,
    );
  }
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
  const zh = lang === 'zh';
  const out: string[] = [];
  out.push(
    zh
      ? `社区 ${req.population} 户，预期真实率 ${pct(req.expected)}（${plan.favourable} 户），判定规则 ${ruleLine(req.rule, lang)}，目标通过概率 ≥ ${prob(req.power, 2)}`
      : `Community of ${req.population} households, expected true rate ${pct(req.expected)} (${plan.favourable} households), rule ${ruleLine(req.rule, lang)}, target P(pass) ≥ ${prob(req.power, 2)}`,
  );
  if (plan.n !== undefined) {
    const p = plan.curve[plan.n - 1]!.pPass;
    out.push(
      zh
        ? `应抽户数：${plan.n}（通过概率 ${prob(p, 6)}；从此以上每个样本量都达到目标）`
        : `Households to draw: ${plan.n} (P(pass) = ${prob(p, 6)}; every larger size also reaches the target)`,
    );
    if (plan.n === req.population) {
      out.push(
        zh
          ? '  注意：只有全部入户（普查）才能稳定达到目标：预期真实率离阈值太近，任何更小的样本量都会有低于目标的时候。'
          : '  Note: only a census keeps the target: the expected rate is too close to the threshold for any smaller sample.',
      );
    }
    if (plan.smallestAny !== undefined && plan.smallestAny < plan.n) {
      const c = plan.curve[plan.smallestAny - 1]!;
      out.push(
        zh
          ? `  注意：样本量 ${c.n} 时通过概率已达 ${prob(c.pPass, 4)}（需 ${c.needed}/${c.n}），但所需户数按整户跳变，通过概率随样本量呈锯齿状，更大的样本量会再次低于目标；小样本对未达标社区同样宽松（见下表）。`
          : `  Note: a sample of ${c.n} already reaches ${prob(c.pPass, 4)} (${c.needed} of ${c.n} needed), but the needed count steps by whole households, so the probability saw-tooths and some larger sizes fall below the target again; small samples are just as lenient with communities below the standard (see the table).`,
      );
    }
  } else {
    out.push(
      zh
        ? `在 ${plan.scanned} 户以内，没有一个样本量能让通过概率始终不低于目标。${req.expected < req.threshold ? '预期真实率低于阈值：样本越大，通过的可能越小。' : ''}`
        : `No size up to ${plan.scanned} keeps P(pass) at or above the target.${req.expected < req.threshold ? ' The expected rate is below the threshold: the larger the sample, the less likely a pass.' : ''}`,
    );
  }
  if (!plan.scannedAll) {
    out.push(zh ? `  （只计算了 1–${plan.scanned} 户）` : `  (sizes 1–${plan.scanned} examined)`);
  }
  out.push('');
  out.push(
    zh
      ? `通过概率与样本量（真实率 ${pct(req.expected)}）：`
      : `P(pass) by sample size (true rate ${pct(req.expected)}):`,
  );
  const t1 = new Table({
    head: zh ? ['样本量', '需肯定回答', '通过概率', ''] : ['n', 'needed', 'P(pass)', ''],
    colAligns: ['right', 'right', 'right', 'left'],
    style: { head: [], border: [], compact: true },
  });
  for (const c of bySize) {
    t1.push([
      String(c.n),
      c.needed <= c.n ? `${c.needed}/${c.n}` : '–',
      prob(c.pPass, 4),
      c.pPass >= req.power ? (zh ? '≥ 目标' : '≥ target') : '',
    ]);
  }
  out.push(t1.toString());
  out.push('');
  out.push(
    zh
      ? '通过概率与真实率（行）和样本量（列）：阈值以下的通过即“误放”，以上的不通过即“误判”'
      : 'P(pass) by true rate (rows) and sample size (columns): below the threshold a pass is a false pass; above it a fail is a false fail',
  );
  const t2 = new Table({
    head: [zh ? '真实率' : 'true rate', ...risk.sizes.map((n) => `n=${n}`)],
    colAligns: ['right', ...risk.sizes.map(() => 'right' as const)],
    style: { head: [], border: [], compact: true },
  });
  for (const r of risk.rows) {
    const mark = r.trueRate < req.threshold ? ' <' : r.trueRate === req.expected ? ' *' : '';
    t2.push([`${pct(r.trueRate)}${mark}`, ...r.pPass.map((p) => prob(p, 4))]);
  }
  out.push(t2.toString());
  out.push(
    zh
      ? '  < 低于阈值；* 预期真实率。精确超几何概率，假设全部样本户完成访问。'
      : '  < below the threshold; * the expected rate. Exact hypergeometric probabilities, every drawn household completing.',
  );
  return `${out.join('\n')}\n`;
}
