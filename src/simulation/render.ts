import Table from 'cli-table3';
import { rl } from './render.messages.js';
import { t } from '../core/messages.js';
import { sv } from './verdict.messages.js';
import type { Lang } from '../core/i18n.js';
import type { IndicatorSpec, LevelResult, SimulationResult, StratumResult } from './simulate-design.js';
import { describeRule, minPassing, type PassRule } from './pass-rule.js';
import { formatPercent as pct, formatProbability as prob } from '../core/percent.js';
import { displayWidth } from '../core/width.js';

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

function table(head: string[], aligns: ('left' | 'right')[]): Table.Table {
  return new Table({
    head,
    colAligns: aligns,
    style: { head: [], border: [], compact: true, 'padding-left': 1, 'padding-right': 1 },
  });
}

const T = {
  stratum: { zh: '社区', en: 'stratum' },
  indicator: { zh: '指标', en: 'indicator' },
  N: { zh: '户数', en: 'N' },
  n: { zh: '样本', en: 'n' },
  trueRate: { zh: '真实率', en: 'true' },
  exact: { zh: '通过概率(精确)', en: 'P(pass) exact' },
  mc: { zh: '通过概率(模拟)±SE', en: 'P(pass) MC ± SE' },
  mean: { zh: '均值', en: 'rate mean' },
  q: { zh: '5%/50%/95%', en: '5% / 50% / 95%' },
  reserves: { zh: '预计用备用户', en: 'reserves used' },
  level: { zh: '层级', en: 'level' },
  group: { zh: '范围', en: 'group' },
  levelPass: { zh: '汇总通过(模拟)', en: 'roll-up P(pass) MC' },
  allExact: { zh: '全部社区通过(精确)', en: 'all pass exact' },
  allMc: { zh: '全部社区通过(模拟)', en: 'all pass MC' },
} as const;

function quantiles(r: { q05: number; q50: number; q95: number }): string {
  return `${pct(r.q05)} / ${pct(r.q50)} / ${pct(r.q95)}`;
}

export function renderStrataTable(rows: StratumResult[], lang: Lang): string {
  const t = table(
    [T.stratum, T.indicator, T.N, T.n, T.trueRate, T.exact, T.mc, T.mean, T.q, T.reserves].map(
      (h) => h[lang],
    ),
    ['left', 'left', 'right', 'right', 'right', 'right', 'right', 'right', 'right', 'right'],
  );
  for (const r of rows) {
    t.push([
      r.stratum,
      r.indicator,
      String(r.population),
      r.reserves ? `${r.size}+${r.reserves}` : String(r.size),
      pct(r.trueRate),
      prob(r.pPassExact, 6),
      pm(r.pPass, r.pPassSe),
      pct(r.mean),
      quantiles(r),
      r.reserves ? r.expectedReservesExact.toFixed(2) : '0',
    ]);
  }
  return t.toString();
}

export function renderLevelsTable(rows: LevelResult[], lang: Lang): string {
  const t = table(
    [T.level, T.group, T.indicator, T.N, T.trueRate, T.levelPass, T.mean, T.q, T.allExact, T.allMc].map(
      (h) => h[lang],
    ),
    ['left', 'left', 'left', 'right', 'right', 'right', 'right', 'right', 'right', 'right'],
  );
  const zh = lang === 'zh';
  const levelName = (l: string) =>
    zh ? (({ street: '街道', overall: '全部' } as Record<string, string>)[l] ?? l) : l;
  for (const r of rows) {
    t.push([
      levelName(r.level),
      r.level === 'overall' ? levelName('overall') : r.group,
      r.indicator,
      String(r.population),
      pct(r.trueRate),
      pm(r.pPass, r.pPassSe),
      pct(r.mean, 2),
      quantiles(r),
      prob(r.pAllPassExact, 6),
      pm(r.pAllPass, r.pAllPassSe),
    ]);
  }
  return t.toString();
}

/** The readable report of a one-community (simple form) run. */
export function renderSimple(run: SimulationRun, res: SimulationResult, lang: Lang): string {
  const r = res.strata[0]!;
  const rule = run.indicators[0]!.rule;
  const need = minPassing(rule, r.size);
  const zh = lang === 'zh';
  const lines: string[] = [];
  const reserves = r.reserves ? (zh ? `，备用户 ${r.reserves}` : `, reserves ${r.reserves}`) : '';
  lines.push(
    zh
      ? `一个社区：${r.population} 户，其中 ${r.favourable} 户持肯定回答（真实率 ${pct(r.trueRate)}），抽 ${r.size} 户${reserves}`
      : `One community: ${r.population} households, ${r.favourable} favourable (true rate ${pct(r.trueRate)}), ${r.size} drawn${reserves}`,
  );
  const needText =
    need <= r.size
      ? zh
        ? `（全部 ${r.size} 户完成时至少 ${need} 户）`
        : ` (at least ${need} of ${r.size} when all complete)`
      : zh
        ? `（${r.size} 户无法达到）`
        : ` (unreachable with ${r.size})`;
  lines.push(`${zh ? '判定规则：' : 'Pass rule: '}${describeRule(rule, lang)}${needText}`);
  if (run.responseRate < 1 || run.notSure > 0) {
    lines.push(
      zh
        ? `应答率 ${pct(run.responseRate)}，"不清楚" 占 ${pct(run.notSure)}`
        : `Response rate ${pct(run.responseRate)}, "not sure" share ${pct(run.notSure)}`,
    );
  }
  lines.push('');
  const rows: [string, string][] = [
    [zh ? '通过概率（精确，超几何分布）' : 'P(pass), exact (hypergeometric)', prob(r.pPassExact, 6)],
    [
      zh ? `通过概率（模拟 ${res.replicates} 次）` : `P(pass), Monte Carlo (${res.replicates} replicates)`,
      `${prob(r.pPass)} ± ${prob(r.pPassSe)}${t(lang, rl.standardError)}`,
    ],
    [
      zh ? '测得比率：均值 / 5% / 50% / 95%' : 'Measured rate: mean / 5% / 50% / 95%',
      `${pct(r.mean)} / ${quantiles(r)}`,
    ],
  ];
  if (r.reserves > 0 || run.responseRate < 1) {
    rows.push([
      zh ? '预计使用备用户（精确 / 模拟）' : 'Reserves used, expected (exact / MC)',
      `${r.expectedReservesExact.toFixed(3)} / ${r.expectedReserves.toFixed(3)}`,
    ]);
  }
  if (r.pNoEligibleExact >= 5e-7) {
    rows.push([t(lang, sv.noData), prob(r.pNoEligibleExact, 6)]);
  }
  const width = Math.max(...rows.map(([k]) => displayWidth(k)));
  for (const [k, v] of rows) lines.push(`${k}${' '.repeat(width - displayWidth(k) + 2)}${v}`);
  lines.push('');
  lines.push(zh ? `种子 ${run.seed}（${run.rng}）` : `seed ${run.seed} (${run.rng})`);
  return `${lines.join('\n')}\n`;
}
