import { holmAdjust, newcombeChange, stratifiedChange, type StratumPair } from '../stats/two-proportion.js';
import type { IndicatorResult, LocalName, ScoreReport } from './report-types.js';

/**
 * Trends across drills: several score reports (oldest first) lined up per community (and roll-up)
 * and indicator, with the change and whether it is larger than sampling noise allows. Pure.
 */

export const COMPARE_FORMAT = 'hhsurvey-compare' as const;

/** One drill's result for one community × indicator (null where the drill has none). */
export interface TrendPoint {
  rate: number | null;
  /** Households in the community (or the roll-up) in that drill's sample list. */
  population: number | null;
  favourable: number | null;
  eligible: number | null;
  se: number | null;
  pass: boolean | null;
}

export interface ChangeTest {
  /** Later rate minus earlier rate. */
  difference: number;
  /** A community: Newcombe's hybrid score interval (Wilson pieces with the finite population
   *  correction); a roll-up: the stratified design-based difference with a t reference. */
  method: 'newcombe' | 'stratified-t';
  /** Interval for the difference at the comparison's confidence level. */
  ci: [number, number];
  /** Two-sided p-value of the test dual to the interval (p < 1 − confidence exactly when ci excludes 0). */
  p_value: number;
  /** Holm-adjusted p-value over every first-to-last change (with --adjust holm; steps are not adjusted). */
  p_adjusted?: number;
  /** Degrees of freedom of the t reference (roll-ups). */
  df?: number;
  /** The change is larger than sampling noise allows: p (or, with Holm, the adjusted p) < 1 − confidence. */
  significant: boolean;
}

export type Direction = 'better' | 'worse' | 'unclear' | 'none';

export interface TrendRow {
  level: 'stratum' | 'street' | 'overall';
  group: string;
  indicator: string;
  threshold: number | null;
  points: TrendPoint[];
  /** From each drill to the next (length = drills − 1); null where either rate is missing. */
  steps: (ChangeTest | null)[];
  /** First to last drill with a rate. */
  change: ChangeTest | null;
  /** better / worse: a significant change; unclear: a change the sample cannot confirm; none: no data. */
  direction: Direction;
}

export type Adjustment = 'none' | 'holm';

export interface CompareResult {
  format: typeof COMPARE_FORMAT;
  format_version: 2;
  confidence: number;
  /** How the changes were judged (the same for every row of a level). */
  methods: { community: 'newcombe-fpc'; rollup: 'stratified-t' };
  /** First-to-last changes tested (one per row with a change): the family for the multiplicity note and Holm. */
  tests: number;
  adjustment: Adjustment;
  reports: { file: string; generated_at: string; standard: string; pass: boolean }[];
  indicators: { id: string; name: LocalName }[];
  rows: TrendRow[];
  summary: { better: number; worse: number; unclear: number };
}

export interface NamedReport {
  file: string;
  report: ScoreReport;
}

function point(r: IndicatorResult | undefined, population: number | undefined): TrendPoint {
  if (!r) return { rate: null, population: null, favourable: null, eligible: null, se: null, pass: null };
  return {
    rate: r.rate,
    population: population ?? null,
    favourable: r.favourable,
    eligible: r.eligible,
    se: r.se,
    pass: r.pass,
  };
}

function testChange(
  level: TrendRow['level'],
  a: TrendPoint,
  b: TrendPoint,
  confidence: number,
  pairs: () => StratumPair[],
): ChangeTest | null {
  if (a.rate === null || b.rate === null) return null;
  if (level === 'stratum') {
    if (!a.eligible || !b.eligible || a.favourable === null || b.favourable === null) return null;
    // A sample list with fewer households than respondents (hand-made) is read as a census, as score does.
    const count = (p: TrendPoint) => ({
      favourable: p.favourable!,
      eligible: p.eligible!,
      population: p.population === null ? undefined : Math.max(p.population, p.eligible!),
    });
    const t = newcombeChange(count(a), count(b), confidence);
    return {
      difference: t.difference,
      method: 'newcombe',
      ci: t.ci,
      p_value: t.pValue,
      significant: t.significant,
    };
  }
  const t = stratifiedChange(pairs(), confidence);
  if (!t) return null;
  return {
    difference: t.difference,
    method: 'stratified-t',
    ci: t.ci,
    p_value: t.pValue,
    df: t.df,
    significant: t.significant,
  };
}

/** A roll-up group's strata in one report, with one indicator's counts. */
function groupStrata(report: ScoreReport, level: TrendRow['level'], group: string, id: string) {
  const holder = report.levels.find((l) => l.level === level && (level === 'overall' || l.group === group));
  const members = new Set(holder?.strata ?? []);
  const out = new Map<string, { population: number; eligible: number; favourable: number }>();
  for (const s of report.strata) {
    if (!members.has(s.stratum)) continue;
    const r = s.indicators.find((i) => i.id === id);
    if (r && r.eligible > 0)
      out.set(s.stratum, { population: s.population, eligible: r.eligible, favourable: r.favourable });
  }
  return out;
}

export interface CompareOptions {
  confidence?: number;
  /** Holm's step-down adjustment over every first-to-last change (default: none). */
  adjustment?: Adjustment;
}

export function compareReports(reports: readonly NamedReport[], options: CompareOptions = {}): CompareResult {
  const confidence = options.confidence ?? 0.95;
  const adjustment = options.adjustment ?? 'none';
  const indicators: { id: string; name: LocalName; threshold: number }[] = [];
  for (const { report } of reports)
    for (const i of report.indicators)
      if (!indicators.some((x) => x.id === i.id))
        indicators.push({ id: i.id, name: i.name, threshold: i.threshold });

  // Groups in the order they first appear: communities, then streets, then overall.
  const keys: { level: TrendRow['level']; group: string }[] = [];
  const seen = new Set<string>();
  const add = (level: TrendRow['level'], group: string) => {
    const k = `${level}\u0000${group}`;
    if (!seen.has(k)) {
      seen.add(k);
      keys.push({ level, group });
    }
  };
  for (const { report } of reports) for (const s of report.strata) add('stratum', s.stratum);
  for (const { report } of reports)
    for (const l of report.levels) if (l.level === 'street') add('street', l.group);
  add('overall', 'overall');

  const holderOf = (report: ScoreReport, level: TrendRow['level'], group: string) =>
    level === 'stratum'
      ? report.strata.find((s) => s.stratum === group)
      : report.levels.find((l) => l.level === level && (level === 'overall' || l.group === group));

  const rows: TrendRow[] = [];
  for (const { level, group } of keys) {
    for (const ind of indicators) {
      const holders = reports.map(({ report }) => holderOf(report, level, group));
      const found = holders.map((h) => h?.indicators.find((i) => i.id === ind.id));
      const points = found.map((r, i) => point(r, holders[i]?.population));
      const pairsOf = (i: number, j: number) => () => {
        const before = groupStrata(reports[i]!.report, level, group, ind.id);
        const after = groupStrata(reports[j]!.report, level, group, ind.id);
        return [...new Set([...before.keys(), ...after.keys()])].map((k) => ({
          before: before.get(k),
          after: after.get(k),
        }));
      };
      const steps = points
        .slice(1)
        .map((p, i) => testChange(level, points[i]!, p, confidence, pairsOf(i, i + 1)));
      const withRate = points.map((p, i) => (p.rate === null ? -1 : i)).filter((i) => i >= 0);
      const change =
        withRate.length >= 2
          ? testChange(
              level,
              points[withRate[0]!]!,
              points[withRate[withRate.length - 1]!]!,
              confidence,
              pairsOf(withRate[0]!, withRate[withRate.length - 1]!),
            )
          : null;
      const latest = [...found].reverse().find((r) => r !== undefined);
      rows.push({
        level,
        group,
        indicator: ind.id,
        threshold: latest?.threshold ?? ind.threshold,
        points,
        steps,
        change,
        direction: 'none',
      });
    }
  }
  const changes = rows.flatMap((r) => (r.change ? [r.change] : []));
  if (adjustment === 'holm') {
    const adjusted = holmAdjust(changes.map((c) => c.p_value));
    changes.forEach((c, i) => {
      c.p_adjusted = adjusted[i]!;
      // The decision follows the adjusted p; the interval stays the per-comparison one.
      c.significant = adjusted[i]! < 1 - confidence;
    });
  }
  for (const r of rows)
    r.direction =
      r.change === null
        ? 'none'
        : r.change.significant
          ? r.change.difference > 0
            ? 'better'
            : 'worse'
          : 'unclear';
  return {
    format: COMPARE_FORMAT,
    format_version: 2,
    confidence,
    methods: { community: 'newcombe-fpc', rollup: 'stratified-t' },
    tests: changes.length,
    adjustment,
    reports: reports.map(({ file, report }) => ({
      file,
      generated_at: report.generated_at,
      standard: report.standard,
      pass: report.pass,
    })),
    indicators: indicators.map(({ id, name }) => ({ id, name })),
    rows,
    summary: {
      better: rows.filter((r) => r.direction === 'better').length,
      worse: rows.filter((r) => r.direction === 'worse').length,
      unclear: rows.filter((r) => r.direction === 'unclear').length,
    },
  };
}
