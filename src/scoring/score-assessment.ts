import { failRisk, hypergeometricInterval, type FinitePrior } from '../stats/finite.js';
import { proportionInterval, stratumStandardError, type Interval } from '../stats/proportion.js';
import { estimateStratified, kornGraubardInterval } from '../stats/stratified.js';
import { commonStreet, streetRollUp } from '../roster/street-roll-up.js';
import type {
  Answers,
  Classification,
  DispositionToken,
  HouseholdOutcome,
  ResponseRates,
  ScoringIndicator,
  ScoringSample,
  ScoringStandard,
} from './inputs.js';
import { DISPOSITION_TOKENS } from '../fieldwork/dispositions.js';
import {
  REPORT_FORMAT,
  REPORT_FORMAT_VERSION,
  VERDICT_GROUPS,
  type CommunityCiMethod,
  type DispositionCounts,
  type IndicatorResult,
  type LevelResult,
  type ScoreRate,
  type ScoreReport,
  type StratumResult,
  type VerdictGroup,
} from './report-types.js';

/**
 * The scoring engine: a sample, its households' final outcomes and a standard in, a score report
 * out. Pure: no files, no clock (the caller passes the time), no output.
 */
export interface ScoreInput<I extends ScoringIndicator = ScoringIndicator> {
  standard: ScoringStandard<I>;
  /** Whether a respondent counts as favourable for an indicator (the standard's classifyIndicator). */
  classify: (indicator: I, answers: Answers) => Classification;
  sample: ScoringSample;
  /** Final outcome per household id (newest row wins); households not in the map were not visited. */
  outcomes: ReadonlyMap<string, HouseholdOutcome>;
  /** RR1 and COOP1 of a stratum from its primaries' final dispositions (undefined: not yet recorded). */
  responseRates: (primaries: readonly (DispositionToken | undefined)[]) => ResponseRates;
  ciMethod: CommunityCiMethod;
  /** How the risk of failing the official check is computed (defaults: uniform prior, level 0.2, each community's mock size). */
  risk?: RiskOptions;
  /** Defaults to the standard's confidence. */
  confidence?: number;
  meta: { version: string; generatedAt: string; sample?: string; responses?: string[] };
}

export interface RiskOptions {
  prior?: FinitePrior;
  /** Passing results with a risk above this level are "at risk" (default 0.2). */
  level?: number;
  /** Households in the official sample (default: the community's own number of primaries). */
  officialSize?: number;
}

export const DEFAULT_RISK_LEVEL = 0.2;

/** A community's interval: exact for the finite community (hypergeometric), or Wilson / Clopper–Pearson. */
export function communityInterval(
  method: CommunityCiMethod,
  x: number,
  m: number,
  population: number,
  confidence: number,
): Interval {
  if (method === 'hypergeometric') return hypergeometricInterval(x, m, Math.max(population, m), confidence);
  return proportionInterval(method, x, m, confidence);
}

/** Rates are compared with the threshold with this slack, so 18/20 = 0.9 meets a 0.90 threshold. */
const EPS = 1e-12;

interface StratumTally {
  population: number;
  eligible: Map<string, number>;
  favourable: Map<string, number>;
  excluded: Map<string, number>;
}

export function scoreAssessment<I extends ScoringIndicator>(input: ScoreInput<I>): ScoreReport {
  const { standard, sample, outcomes } = input;
  const confidence = input.confidence ?? standard.confidence;
  const judge = makeJudge(standard.pass_rule);
  const prior = input.risk?.prior ?? 'uniform';
  const riskLevel = input.risk?.level ?? DEFAULT_RISK_LEVEL;
  const officialSize = input.risk?.officialSize;
  // passes[k] for k favourable of an official sample of n2 from N, judged by the standard's rule.
  const passTables = new Map<string, Uint8Array>();
  const officialPasses = (N: number, n2: number, threshold: number): Uint8Array => {
    const key = `${N}/${n2}/${threshold}`;
    let table = passTables.get(key);
    if (!table) {
      table = new Uint8Array(n2 + 1);
      for (let k = 0; k <= n2; k++) {
        const ci: Interval =
          standard.pass_rule === 'point'
            ? [k / n2, k / n2]
            : communityInterval(input.ciMethod, k, n2, N, confidence);
        table[k] = judge(k / n2, ci, threshold).pass ? 1 : 0;
      }
      passTables.set(key, table);
    }
    return table;
  };

  const byStratum = new Map<string, ScoringSample['entries'][number][]>();
  for (const s of sample.strata) byStratum.set(s.key, []);
  for (const e of sample.entries) {
    let list = byStratum.get(e.stratum);
    if (!list) byStratum.set(e.stratum, (list = []));
    list.push(e);
  }
  const info = new Map(sample.strata.map((s) => [s.key, s]));

  const tallies = new Map<string, StratumTally>();
  const strata: StratumResult[] = [];
  let fieldworkComplete = true;

  for (const [key, entries] of byStratum) {
    const meta = info.get(key);
    const primaries = entries.filter((e) => e.role === 'primary');
    const reserves = entries.filter((e) => e.role === 'reserve');
    const population = meta?.population ?? entries.length;
    const dispositions = emptyDispositions();
    const tally: StratumTally = {
      population,
      eligible: new Map(),
      favourable: new Map(),
      excluded: new Map(),
    };
    let completes = 0;
    for (const e of entries) {
      const o = outcomes.get(e.householdId);
      if (!o) continue;
      dispositions[o.disposition] += 1;
      if (o.disposition !== 'complete') continue;
      completes += 1;
      for (const ind of standard.indicators) {
        const c = input.classify(ind, o.answers);
        const map = c === 'favourable' ? tally.favourable : c === 'excluded' ? tally.excluded : undefined;
        if (map) map.set(ind.id, (map.get(ind.id) ?? 0) + 1);
        if (c !== 'excluded') tally.eligible.set(ind.id, (tally.eligible.get(ind.id) ?? 0) + 1);
      }
    }
    const notVisited = primaries.filter((e) => !outcomes.has(e.householdId)).length;
    if (notVisited > 0) fieldworkComplete = false;
    tallies.set(key, tally);

    const indicators = standard.indicators.map((ind): IndicatorResult => {
      const m = tally.eligible.get(ind.id) ?? 0;
      const x = tally.favourable.get(ind.id) ?? 0;
      const excluded = tally.excluded.get(ind.id) ?? 0;
      if (m === 0) return { ...unjudged(ind, x, m, excluded), risk: null, group: 'no_data' };
      const rate = x / m;
      // A sample list whose roster size is smaller than its respondents (hand-made) is read as a census.
      const N = Math.max(population, m);
      const ci = communityInterval(input.ciMethod, x, m, N, confidence);
      const verdict = judge(rate, ci, ind.threshold);
      const n2 = Math.min(N, officialSize ?? meta?.primaries ?? primaries.length);
      const passes = officialPasses(N, n2, ind.threshold);
      const risk =
        n2 > 0
          ? failRisk({
              favourable: x,
              eligible: m,
              population: N,
              officialSize: n2,
              prior,
              passes: (k) => passes[k] === 1,
            })
          : null;
      const group: VerdictGroup = !verdict.pass
        ? 'fails_now'
        : risk !== null && risk > riskLevel
          ? 'at_risk'
          : 'on_track';
      return {
        id: ind.id,
        favourable: x,
        eligible: m,
        excluded,
        rate,
        se: stratumStandardError(x, m, N),
        ci,
        threshold: ind.threshold,
        ...verdict,
        risk,
        group,
      };
    });
    const risks = indicators.flatMap((i) => (typeof i.risk === 'number' ? [i.risk] : []));
    strata.push({
      stratum: key,
      street: commonStreet(entries.map((e) => e.street)),
      population,
      sampled: meta?.primaries ?? primaries.length,
      reserves: meta?.reserves ?? reserves.length,
      reserves_used: reserves.filter((e) => outcomes.has(e.householdId)).length,
      completes,
      not_visited: notVisited,
      dispositions,
      response_rate: input.responseRates(primaries.map((e) => outcomes.get(e.householdId)?.disposition)),
      pass: allPass(indicators),
      score: scoreRate(standard.indicators, indicators),
      group: worstGroup(indicators.map((i) => i.group ?? 'no_data')),
      worst_risk: risks.length > 0 ? Math.max(...risks) : null,
      indicators,
    });
  }

  const levels: LevelResult[] = [];
  const streets = streetRollUp(strata.map((s) => ({ key: s.stratum, street: s.street })));
  if (streets) {
    for (const [street, keys] of streets) levels.push(rollUp('street', street, keys));
  }
  levels.push(
    rollUp(
      'overall',
      'overall',
      strata.map((s) => s.stratum),
    ),
  );

  function rollUp(level: LevelResult['level'], group: string, keys: string[]): LevelResult {
    const members = keys.map((k) => tallies.get(k)!);
    const indicators = standard.indicators.map((ind): IndicatorResult => {
      const counts = members.map((t) => ({
        population: t.population,
        eligible: t.eligible.get(ind.id) ?? 0,
        favourable: t.favourable.get(ind.id) ?? 0,
      }));
      const x = sum(counts.map((c) => c.favourable));
      const m = sum(counts.map((c) => c.eligible));
      const excluded = sum(members.map((t) => t.excluded.get(ind.id) ?? 0));
      const est = estimateStratified(counts);
      if (!est) return { ...unjudged(ind, x, m, excluded), strata_used: 0 };
      const ci = kornGraubardInterval(est, confidence);
      return {
        id: ind.id,
        favourable: x,
        eligible: m,
        excluded,
        rate: est.rate,
        se: est.se,
        ci,
        threshold: ind.threshold,
        ...judge(est.rate, ci, ind.threshold),
        df: est.df,
        strata_used: est.strata,
      };
    });
    const set = new Set(keys);
    const inGroup = strata.filter((s) => set.has(s.stratum));
    return {
      level,
      group,
      strata: keys,
      population: sum(inGroup.map((s) => s.population)),
      completes: sum(inGroup.map((s) => s.completes)),
      pass: allPass(indicators),
      score: scoreRate(standard.indicators, indicators),
      indicators,
    };
  }

  const judged = [...strata.flatMap((s) => s.indicators), ...levels.flatMap((l) => l.indicators)];
  return {
    format: REPORT_FORMAT,
    format_version: REPORT_FORMAT_VERSION,
    tool: { name: 'hhsurvey', version: input.meta.version },
    generated_at: input.meta.generatedAt,
    pass: judged.every((r) => r.pass !== false) && judged.some((r) => r.pass !== null),
    standard: standard.id,
    standard_name: { zh: standard.name.zh, en: standard.name.en },
    standard_version: standard.version ?? null,
    confidence,
    pass_rule: standard.pass_rule,
    ci_method: input.ciMethod,
    rollup_ci_method: 'korn-graubard',
    fieldwork_complete: fieldworkComplete,
    sample: input.meta.sample ?? null,
    responses: input.meta.responses ?? [],
    indicators: standard.indicators.map((i) => ({
      id: i.id,
      name: { zh: i.name.zh, en: i.name.en },
      threshold: i.threshold,
      points: i.points ?? null,
    })),
    risk_model: { prior, level: riskLevel, official_size: officialSize ?? null },
    strata,
    levels,
    summary: {
      strata: strata.length,
      strata_failed: strata.filter((s) => s.pass === false).length,
      strata_too_close: strata.filter((s) => s.indicators.some((i) => i.too_close)).length,
      strata_not_judged: strata.filter((s) => s.pass === null).length,
      indicators_failed: strata.reduce((a, s) => a + s.indicators.filter((i) => i.pass === false).length, 0),
      indicators_too_close: strata.reduce((a, s) => a + s.indicators.filter((i) => i.too_close).length, 0),
      results: countGroups(strata.flatMap((s) => s.indicators.map((i) => i.group ?? 'no_data'))),
      communities: countGroups(strata.map((s) => s.group)),
    },
  };
}

/** Pass on the point estimate or on the lower bound; too close when the interval holds the threshold. */
export function makeJudge(rule: 'point' | 'lower_bound') {
  return (rate: number, ci: Interval, threshold: number): { pass: boolean; too_close: boolean } => ({
    pass: (rule === 'point' ? rate : ci[0]) + EPS >= threshold,
    too_close: ci[0] <= threshold + EPS && threshold <= ci[1] + EPS,
  });
}

function unjudged(
  ind: ScoringIndicator,
  favourable: number,
  eligible: number,
  excluded: number,
): IndicatorResult {
  return {
    id: ind.id,
    favourable,
    eligible,
    excluded,
    rate: null,
    se: null,
    ci: null,
    threshold: ind.threshold,
    pass: null,
    too_close: false,
  };
}

function worstGroup(groups: readonly VerdictGroup[]): VerdictGroup {
  for (const g of ['fails_now', 'at_risk', 'on_track'] as const) if (groups.includes(g)) return g;
  return 'no_data';
}

function countGroups(groups: readonly VerdictGroup[]): Record<VerdictGroup, number> {
  const out = Object.fromEntries(VERDICT_GROUPS.map((g) => [g, 0])) as Record<VerdictGroup, number>;
  for (const g of groups) out[g] += 1;
  return out;
}

function allPass(indicators: readonly IndicatorResult[]): boolean | null {
  if (indicators.every((i) => i.pass === null)) return null;
  return indicators.every((i) => i.pass !== false);
}

/** Score rate: points × rate summed over the indicators with points and a rate, over their points. */
export function scoreRate(
  defs: readonly ScoringIndicator[],
  results: readonly IndicatorResult[],
): ScoreRate | null {
  let earned = 0;
  let possible = 0;
  defs.forEach((d, i) => {
    const r = results[i];
    if (d.points === undefined || d.points <= 0 || !r || r.rate === null) return;
    earned += d.points * r.rate;
    possible += d.points;
  });
  return possible > 0 ? { earned, possible, rate: earned / possible } : null;
}

function emptyDispositions(): DispositionCounts {
  return Object.fromEntries(DISPOSITION_TOKENS.map((d) => [d, 0])) as unknown as DispositionCounts;
}

function sum(xs: readonly number[]): number {
  return xs.reduce((a, b) => a + b, 0);
}
