import { heads, rl } from './render.messages.js';
import { t } from '../core/messages.js';
import { sv } from './verdict.messages.js';
import type { Lang } from '../core/i18n.js';
import type { IndicatorSpec, LevelResult, SimulationResult, StratumResult } from './simulate-design.js';
import { describeRule, minPassing, type PassRule } from './pass-rule.js';
import { formatPercent as pct, formatProbability as prob } from '../core/percent.js';
import { boxTable, layoutTable } from '../report/text.js';

/** What a run was asked to do, echoed in every output so a result can be reproduced. */
export interface SimulationRun {
  seed: string;
  rng: string;
  replicates: number;
  responseRate: number;
  notSure: number;
  indicators: IndicatorSpec[];
  /** Standard id when judged against a standard file. */
  standard?: string;
}

export interface SimulationJson {
  seed: string;
  rng: string;
  replicates: number;
  standard: string | null;
  response_rate: number;
  not_sure: number;
  indicators: {
    id: string;
    threshold: number;
    pass_rule: string;
    confidence: number | null;
    ci_method: string | null;
  }[];
  results: Record<string, unknown>[];
  levels: Record<string, unknown>[];
}

function ruleJson(rule: PassRule) {
  return {
    threshold: rule.threshold,
    pass_rule: rule.kind,
    confidence: rule.kind === 'lower_bound' ? rule.confidence : null,
    ci_method: rule.kind === 'lower_bound' ? rule.method : null,
  };
}

const num = (v: number): number | null => (Number.isFinite(v) ? v : null);

/** The documented `--json` shape: `results[]` per stratum × indicator, `levels[]` per roll-up. */
export function simulationJson(run: SimulationRun, res: SimulationResult): SimulationJson {
  const thresholds = new Map(run.indicators.map((i) => [i.id, i.rule.threshold]));
  return {
    seed: run.seed,
    rng: run.rng,
    replicates: res.replicates,
    standard: run.standard ?? null,
    response_rate: run.responseRate,
    not_sure: run.notSure,
    indicators: run.indicators.map((i) => ({ id: i.id, ...ruleJson(i.rule) })),
    results: res.strata.map((r) => ({
      stratum: r.stratum,
      ...r.groups,
      indicator: r.indicator,
      population: r.population,
      size: r.size,
      reserves: r.reserves,
      favourable: r.favourable,
      not_sure: r.notSure,
      true_rate: num(r.trueRate),
      threshold: thresholds.get(r.indicator),
      p_pass_exact: r.pPassExact,
      p_pass: r.pPass,
      p_pass_se: r.pPassSe,
      rate_mean: num(r.mean),
      rate_q05: num(r.q05),
      rate_q50: num(r.q50),
      rate_q95: num(r.q95),
      p_no_eligible: r.pNoEligible,
      p_no_eligible_exact: r.pNoEligibleExact,
      expected_reserves: r.expectedReserves,
      expected_reserves_exact: r.expectedReservesExact,
    })),
    levels: res.levels.map((l) => ({
      level: l.level,
      group: l.group,
      indicator: l.indicator,
      strata: l.strata,
      population: l.population,
      true_rate: num(l.trueRate),
      threshold: thresholds.get(l.indicator),
      p_pass_exact: null,
      p_pass: l.pPass,
      p_pass_se: l.pPassSe,
      rate_mean: num(l.mean),
      rate_q05: num(l.q05),
      rate_q50: num(l.q50),
      rate_q95: num(l.q95),
      p_all_pass_exact: l.pAllPassExact,
      p_all_pass: l.pAllPass,
      p_all_pass_se: l.pAllPassSe,
    })),
  };
}

const pm = (p: number, se: number) => `${prob(p)} ± ${prob(se)}`;

function quantiles(r: { q05: number; q50: number; q95: number }): string {
  return `${pct(r.q05)} / ${pct(r.q50)} / ${pct(r.q95)}`;
}

export function renderStrataTable(rows: StratumResult[], lang: Lang): string {
  const h = heads;
  const head = [h.stratum, h.indicator, h.N, h.n, h.trueRate, h.exact, h.mc, h.mean, h.q, h.reserves];
  const body = rows.map((r) => [
    r.stratum,
    r.indicator,
    r.population,
    r.reserves ? `${r.size}+${r.reserves}` : r.size,
    pct(r.trueRate),
    prob(r.pPassExact, 6),
    pm(r.pPass, r.pPassSe),
    pct(r.mean),
    quantiles(r),
    r.reserves ? r.expectedReservesExact.toFixed(2) : '0',
  ]);
  return boxTable(
    head.map((x) => t(lang, x)),
    body,
    { align: ['left', 'left', ...Array<'right'>(8).fill('right')], headRule: true },
  );
}

export function renderLevelsTable(rows: LevelResult[], lang: Lang): string {
  const h = heads;
  const head = [
    h.level,
    h.group,
    h.indicator,
    h.N,
    h.trueRate,
    h.levelPass,
    h.mean,
    h.q,
    h.allExact,
    h.allMc,
  ];
  const levelName = (l: string) =>
    l === 'street' ? t(lang, rl.levelStreet) : l === 'overall' ? t(lang, rl.levelOverall) : l;
  const body = rows.map((r) => [
    levelName(r.level),
    r.level === 'overall' ? levelName('overall') : r.group,
    r.indicator,
    r.population,
    pct(r.trueRate),
    pm(r.pPass, r.pPassSe),
    pct(r.mean, 2),
    quantiles(r),
    prob(r.pAllPassExact, 6),
    pm(r.pAllPass, r.pAllPassSe),
  ]);
  return boxTable(
    head.map((x) => t(lang, x)),
    body,
    { align: ['left', 'left', 'left', ...Array<'right'>(7).fill('right')], headRule: true },
  );
}

/** The readable report of a one-community (simple form) run. */
export function renderSimple(run: SimulationRun, res: SimulationResult, lang: Lang): string {
  const r = res.strata[0]!;
  const rule = run.indicators[0]!.rule;
  const need = minPassing(rule, r.size);
  const lines: string[] = [];
  const reserves = r.reserves ? t(lang, rl.reserves, { n: r.reserves }) : '';
  lines.push(
    t(lang, rl.community, {
      population: r.population,
      favourable: r.favourable,
      rate: pct(r.trueRate),
      size: r.size,
      reserves,
    }),
  );
  const needText =
    need <= r.size
      ? t(lang, rl.needReachable, { need, size: r.size })
      : t(lang, rl.needUnreachable, { size: r.size });
  lines.push(t(lang, rl.passRule, { rule: describeRule(rule, lang), need: needText }));
  if (run.responseRate < 1 || run.notSure > 0) {
    lines.push(t(lang, rl.responses, { response: pct(run.responseRate), notSure: pct(run.notSure) }));
  }
  lines.push('');
  const rows: [string, string][] = [
    [t(lang, rl.pPassExact), prob(r.pPassExact, 6)],
    [
      t(lang, rl.pPassMc, { n: res.replicates }),
      `${prob(r.pPass)} ± ${prob(r.pPassSe)}${t(lang, rl.standardError)}`,
    ],
    [t(lang, rl.measured), `${pct(r.mean)} / ${quantiles(r)}`],
  ];
  if (r.reserves > 0 || run.responseRate < 1) {
    rows.push([
      t(lang, rl.reservesExpected),
      `${r.expectedReservesExact.toFixed(3)} / ${r.expectedReserves.toFixed(3)}`,
    ]);
  }
  if (r.pNoEligibleExact >= 5e-7) {
    rows.push([t(lang, sv.noData), prob(r.pNoEligibleExact, 6)]);
  }
  lines.push(...layoutTable(rows));
  lines.push('');
  lines.push(t(lang, rl.seed, { seed: run.seed, rng: run.rng }));
  return `${lines.join('\n')}\n`;
}
