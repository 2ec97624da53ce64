import {
  proportionInterval,
  stratumStandardError,
  type CiMethod,
  type Interval,
} from '../stats/proportion.js';
import { estimateStratified, kornGraubardInterval } from '../stats/stratified.js';
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
  type DispositionCounts,
  type IndicatorResult,
  type LevelResult,
  type ScoreRate,
  type ScoreReport,
  type StratumResult,
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
  ciMethod: CiMethod;
  /** Defaults to the standard's confidence. */
  confidence?: number;
  meta: { version: string; generatedAt: string; sample?: string; responses?: string[] };
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
      if (m === 0) return unjudged(ind, x, m, excluded);
      const rate = x / m;
      const ci = proportionInterval(input.ciMethod, x, m, confidence);
      return {
        id: ind.id,
        favourable: x,
        eligible: m,
        excluded,
        rate,
        se: stratumStandardError(x, m, population),
        ci,
        threshold: ind.threshold,
        ...judge(rate, ci, ind.threshold),
      };
    });
    strata.push({
      stratum: key,
      street: commonStreet(entries),
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
      indicators,
    });
  }

  const levels: LevelResult[] = [];
  const streets = groupByStreet(strata);
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
    strata,
    levels,
    summary: {
      strata: strata.length,
      strata_failed: strata.filter((s) => s.pass === false).length,
      strata_too_close: strata.filter((s) => s.indicators.some((i) => i.too_close)).length,
      strata_not_judged: strata.filter((s) => s.pass === null).length,
      indicators_failed: strata.reduce((a, s) => a + s.indicators.filter((i) => i.pass === false).length, 0),
      indicators_too_close: strata.reduce((a, s) => a + s.indicators.filter((i) => i.too_close).length, 0),
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

function commonStreet(entries: readonly { street?: string }[]): string | null {
  const streets = new Set(entries.map((e) => e.street?.trim() ?? '').filter((s) => s !== ''));
  return streets.size === 1 ? [...streets][0]! : null;
}

/**
 * Streets as a roll-up level, when the sample knows them and they group communities (a sample
 * stratified by street alone has nothing between stratum and overall). Strata without a street
 * are left out of the street level (they still count in the overall).
 */
function groupByStreet(strata: readonly StratumResult[]): Map<string, string[]> | undefined {
  const groups = new Map<string, string[]>();
  for (const s of strata) {
    if (s.street === null) continue;
    const list = groups.get(s.street);
    if (list) list.push(s.stratum);
    else groups.set(s.street, [s.stratum]);
  }
  if (groups.size === 0) return undefined;
  if ([...groups.entries()].every(([street, keys]) => keys.length === 1 && keys[0] === street))
    return undefined;
  return groups;
}

function sum(xs: readonly number[]): number {
  return xs.reduce((a, b) => a + b, 0);
}
