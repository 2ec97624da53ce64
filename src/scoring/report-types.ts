/**
 * The score report: the one result every output format renders, and the JSON shape
 * (`--format json`) that `compare`, drills and priors read back. Field names are snake_case and
 * part of the interface; schemas/score-report.schema.json documents them. Add fields, never rename.
 */
import type { CiMethod } from '../stats/proportion.js';

export const REPORT_FORMAT = 'hhsurvey-score-report' as const;
export const REPORT_FORMAT_VERSION = 1 as const;

export interface LocalName {
  zh: string;
  en: string;
}

export type PassRule = 'point' | 'lower_bound';

/** One indicator's result in one stratum or roll-up group. */
export interface IndicatorResult {
  id: string;
  /** Respondents counted favourable (roll-ups: the plain sum over strata). */
  favourable: number;
  /** Respondents in the denominator: complete interviews minus those the indicator excludes. */
  eligible: number;
  /** Complete interviews left out of the denominator (not sure / unanswered / skipped, per the standard). */
  excluded: number;
  /** The rate (roll-ups: the stratified estimate Σ (N_h/N) p_h); null with no eligible respondent. */
  rate: number | null;
  se: number | null;
  /** [low, high] at the report's confidence; null with no eligible respondent. */
  ci: [number, number] | null;
  threshold: number;
  /** Pass on the standard's rule; null when there is nothing to judge. */
  pass: boolean | null;
  /** The interval contains the threshold: this sample cannot tell pass from fail. */
  too_close: boolean;
  /** Roll-ups only: degrees of freedom of the Korn–Graubard interval (respondents − strata). */
  df?: number;
  /** Roll-ups only: strata with eligible respondents / strata in the group. */
  strata_used?: number;
}

export interface ScoreRate {
  /** Σ points × rate over the indicators with points and a rate. */
  earned: number;
  possible: number;
  /** earned / possible */
  rate: number;
}

export interface DispositionCounts {
  complete: number;
  partial: number;
  refused: number;
  break_off: number;
  not_home: number;
  unable: number;
  language: number;
  not_found: number;
  not_dwelling: number;
  vacant: number;
  no_eligible: number;
}

export interface StratumResult {
  stratum: string;
  street: string | null;
  /** N_h: households in the stratum's roster. */
  population: number;
  /** Primary households drawn (n_h). */
  sampled: number;
  reserves: number;
  /** Reserve households visited. */
  reserves_used: number;
  /** Complete interviews (primaries and reserves). */
  completes: number;
  /** Primary households with nothing recorded yet. */
  not_visited: number;
  /** Final dispositions of every household recorded (primaries and reserves). */
  dispositions: DispositionCounts;
  /** On the original (primary) sample: AAPOR RR1 and COOP1; null when not defined. */
  response_rate: { rr1: number | null; coop1: number | null };
  /** Every judged indicator passes; null when nothing could be judged. */
  pass: boolean | null;
  score: ScoreRate | null;
  indicators: IndicatorResult[];
}

export interface LevelResult {
  /** 'street' (sub-district, 街道) or 'overall'. */
  level: 'street' | 'overall';
  /** The street's name, or 'overall'. */
  group: string;
  strata: string[];
  population: number;
  completes: number;
  pass: boolean | null;
  score: ScoreRate | null;
  indicators: IndicatorResult[];
}

export interface IndicatorDefinition {
  id: string;
  name: LocalName;
  threshold: number;
  points: number | null;
}

export interface ScoreReport {
  format: typeof REPORT_FORMAT;
  format_version: typeof REPORT_FORMAT_VERSION;
  tool: { name: 'hhsurvey'; version: string };
  generated_at: string;
  /** The standard is met: no judged indicator fails, in any community or roll-up. */
  pass: boolean;
  standard: string;
  standard_name: LocalName;
  standard_version: string | null;
  confidence: number;
  pass_rule: PassRule;
  /** Interval for a community's rate. */
  ci_method: CiMethod;
  /** Interval for roll-ups. */
  rollup_ci_method: 'korn-graubard';
  /** Every primary household has a record. */
  fieldwork_complete: boolean;
  sample: string | null;
  responses: string[];
  indicators: IndicatorDefinition[];
  strata: StratumResult[];
  /** Roll-ups: streets (when the sample has them), then overall (always last). */
  levels: LevelResult[];
  summary: {
    strata: number;
    strata_failed: number;
    strata_too_close: number;
    strata_not_judged: number;
    indicators_failed: number;
    indicators_too_close: number;
  };
}
