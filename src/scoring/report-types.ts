/**
 * The score report: the one result every output format renders, and the JSON shape
 * (`--format json`) that `compare`, drills and priors read back. Its shape is defined once, by the
 * zod schema in report-schema.ts (kept out of this module so that importing these names does not
 * load zod); schemas/score-report.schema.json is generated from it. Add fields, never rename.
 */
import type { z } from 'zod';
import type { CiMethod } from '../stats/proportion.js';
import type {
  indicatorResultSchema,
  levelResultSchema,
  scoreReportSchema,
  stratumResultSchema,
} from './report-schema.js';

/** Interval for a community's rate: exact for the finite community (default), or binomial. */
export type CommunityCiMethod = CiMethod | 'hypergeometric';
export const COMMUNITY_CI_METHODS = [
  'hypergeometric',
  'wilson',
  'clopper-pearson',
] as const satisfies readonly CommunityCiMethod[];

/**
 * Where a community's result stands: fails now (the standard's rule fails on the mock result), at
 * risk (passes now, but the risk of failing the official check is above the report's risk level),
 * on track, or no data (no eligible respondent).
 */
export type VerdictGroup = 'fails_now' | 'at_risk' | 'on_track' | 'no_data';
export const VERDICT_GROUPS = [
  'fails_now',
  'at_risk',
  'on_track',
  'no_data',
] as const satisfies readonly VerdictGroup[];

export const REPORT_FORMAT = 'hhsurvey-score-report' as const;
export const REPORT_FORMAT_VERSION = 1 as const;

/** The report's parts, as its schema defines them (src/scoring/report-schema.ts). */
export type ScoreReport = z.output<typeof scoreReportSchema>;
/** One indicator's result in one stratum or roll-up group. */
export type IndicatorResult = z.output<typeof indicatorResultSchema>;
export type StratumResult = z.output<typeof stratumResultSchema>;
export type LevelResult = z.output<typeof levelResultSchema>;
export type LocalName = ScoreReport['standard_name'];
export type ScoreRate = NonNullable<StratumResult['score']>;
export type DispositionCounts = StratumResult['dispositions'];
export type IndicatorDefinition = ScoreReport['indicators'][number];
