/**
 * The score report: the one result every output format renders, and the JSON shape
 * (`--format json`) that `compare`, drills and priors read back. Field names are snake_case and
 * part of the interface; schemas/score-report.schema.json documents them. Add fields, never rename.
 */
import type { FinitePrior } from '../stats/finite.js';
import type { CiMethod } from '../stats/proportion.js';

/** Interval for a community's rate: exact for the finite community (default), or binomial. */
export type CommunityCiMethod = CiMethod | 'hypergeometric';
export const COMMUNITY_CI_METHODS: readonly CommunityCiMethod[] = [
  'hypergeometric',
  'wilson',
  'clopper-pearson',
];

/**
 * Where a community's result stands: fails now (the standard's rule fails on the mock result), at
 * risk (passes now, but the risk of failing the official check is above the report's risk level),
 * on track, or no data (no eligible respondent).
 */
export type VerdictGroup = 'fails_now' | 'at_risk' | 'on_track' | 'no_data';
export const VERDICT_GROUPS: readonly VerdictGroup[] = ['fails_now', 'at_risk', 'on_track', 'no_data'];

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
  /**
   * Communities only: the model-based probability that an official check (a fresh simple random
   * sample of the report's official size, judged by the standard's rule) fails; null with no data.
   */
  risk?: number | null;
  /** Communities only: the verdict group. */
  group?: VerdictGroup;
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
  /** The worst group among the indicators (fails now, at risk, on track; no data when none has data). */
  group: VerdictGroup;
  /** The highest risk among the indicators (a lower bound on failing any of them); null with no data. */
  worst_risk: number | null;
  indicators: IndicatorResult[];
}

/** How the risk of failing the official check was computed. */
export interface RiskModel {
  /** Prior on a community's favourable count K: uniform over 0..N, or beta-binomial(½, ½) (Jeffreys). */
  prior: FinitePrior;
  /** Results with a risk above this level (and passing now) are "at risk". */
  level: number;
  /** Households in the official sample; null: each community's own mock sample size (capped at N). */
  official_size: number | null;
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
  /** The report's title (a drill's name or `--title`); renderers fall back to the standard's name. */
  title?: string;
  /** The standard is met: no judged indicator fails, in any community or roll-up. */
  pass: boolean;
  standard: string;
  standard_name: LocalName;
  standard_version: string | null;
  confidence: number;
  pass_rule: PassRule;
  /** Interval for a community's rate. */
  ci_method: CommunityCiMethod;
  /** Interval for roll-ups. */
  rollup_ci_method: 'korn-graubard';
  /** Every primary household has a record. */
  fieldwork_complete: boolean;
  sample: string | null;
  responses: string[];
  indicators: IndicatorDefinition[];
  risk_model: RiskModel;
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
    /** Community results (community × indicator) in each verdict group. */
    results: Record<VerdictGroup, number>;
    /** Communities in each verdict group (a community's worst indicator). */
    communities: Record<VerdictGroup, number>;
  };
}
