import { testStratifiedChange, testTwoProportions, type StratumPair } from '../stats/two-proportion.js';
import type { IndicatorResult, LocalName, ScoreReport } from './report-types.js';

/**
 * Trends across drills: several score reports (oldest first) lined up per community (and roll-up)
 * and indicator, with the change and whether it is larger than sampling noise allows. Pure.
 */

export const COMPARE_FORMAT = 'hhsurvey-compare' as const;

/** One drill's result for one community × indicator (null where the drill has none). */
export interface TrendPoint {
  rate: number | null;
  favourable: number | null;
  eligible: number | null;
  se: number | null;
  pass: boolean | null;
}

export interface ChangeTest {
  /** Later rate minus earlier rate. */
  difference: number;
  /** Two-sided p-value: pooled two-proportion z test for a community (R: prop.test(correct = FALSE));
   *  for a roll-up, the stratified analogue (stratum rates pooled over both drills; testStratifiedChange). */
  p_value: number;
  /** Interval for the difference at the comparison's confidence level. */
  ci: [number, number];
  /** p_value < 1 − confidence: the change is larger than the intervals allow. */
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

export interface CompareResult {
  format: typeof COMPARE_FORMAT;
  format_version: 1;
  confidence: number;
  reports: { file: string; generated_at: string; standard: string; pass: boolean }[];
  indicators: { id: string; name: LocalName }[];
  rows: TrendRow[];
  summary: { better: number; worse: number; unclear: number };
}

export interface NamedReport {
  file: string;
  report: ScoreReport;
}

function point(r: IndicatorResult | undefined): TrendPoint {
  if (!r) return { rate: null, favourable: null, eligible: null, se: null, pass: null };
  return { rate: r.rate, favourable: r.favourable, eligible: r.eligible, se: r.se, pass: r.pass };
}

function testChange(
  level: TrendRow['level'],
  a: TrendPoint,
  b: TrendPoint,
  confidence: number,
  pairs: () => StratumPair[],
): ChangeTest | null {
  if (a.rate === null || b.rate === null) return null;
  const alpha = 1 - confidence;
  if (level === 'stratum') {
    if (!a.eligible || !b.eligible || a.favourable === null || b.favourable === null) return null;
    const t = testTwoProportions(a.favourable, a.eligible, b.favourable, b.eligible, confidence);
    return { difference: t.difference, p_value: t.pValue, ci: t.ci, significant: t.pValue < alpha };
  }
  const t = testStratifiedChange(pairs(), confidence);
  if (!t) return null;
  return { difference: t.difference, p_value: t.pValue, ci: t.ci, significant: t.pValue < alpha };
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

export function compareReports(reports: readonly NamedReport[], confidence = 0.95): CompareResult {
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

  const find = (report: ScoreReport, level: TrendRow['level'], group: string, id: string) => {
    const holder =
      level === 'stratum'
        ? report.strata.find((s) => s.stratum === group)
        : report.levels.find((l) => l.level === level && (level === 'overall' || l.group === group));
    return holder?.indicators.find((i) => i.id === id);
  };

  const rows: TrendRow[] = [];
  for (const { level, group } of keys) {
    for (const ind of indicators) {
      const found = reports.map(({ report }) => find(report, level, group, ind.id));
      const points = found.map(point);
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
      const direction: Direction =
        change === null
          ? 'none'
          : change.significant
            ? change.difference > 0
              ? 'better'
              : 'worse'
            : 'unclear';
      const latest = [...found].reverse().find((r) => r !== undefined);
      rows.push({
        level,
        group,
        indicator: ind.id,
        threshold: latest?.threshold ?? ind.threshold,
        points,
        steps,
        change,
        direction,
      });
    }
  }
  return {
    format: COMPARE_FORMAT,
    format_version: 1,
    confidence,
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
