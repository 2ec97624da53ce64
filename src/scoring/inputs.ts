/**
 * What the scoring engine needs from the sample, the responses and the standard, as small
 * structural interfaces: the real SampleList, Standard and response records satisfy them.
 */

export type DispositionToken =
  | 'complete'
  | 'partial'
  | 'refused'
  | 'break_off'
  | 'not_home'
  | 'unable'
  | 'language'
  | 'not_found'
  | 'not_dwelling'
  | 'vacant'
  | 'no_eligible';

export const DISPOSITIONS: readonly DispositionToken[] = [
  'complete',
  'partial',
  'refused',
  'break_off',
  'not_home',
  'unable',
  'language',
  'not_found',
  'not_dwelling',
  'vacant',
  'no_eligible',
];

export type Answers = Readonly<Record<string, number | undefined>>;
export type Classification = 'favourable' | 'unfavourable' | 'excluded';

export interface ScoringIndicator {
  id: string;
  name: { zh: string; en: string };
  threshold: number;
  points?: number;
}

export interface ScoringStandard<I extends ScoringIndicator = ScoringIndicator> {
  id: string;
  version?: string;
  name: { zh: string; en: string };
  confidence: number;
  pass_rule: 'point' | 'lower_bound';
  indicators: readonly I[];
}

export interface ScoringSampleEntry {
  stratum: string;
  role: 'primary' | 'reserve';
  rank: number;
  householdId: string;
  street?: string;
}

export interface ScoringSample {
  file?: string;
  entries: readonly ScoringSampleEntry[];
  strata: readonly { key: string; population: number; primaries: number; reserves: number }[];
}

/** A household's final record (the newest row for it wins). */
export interface HouseholdOutcome {
  householdId: string;
  disposition: DispositionToken;
  answers: Answers;
}

export interface ResponseRates {
  rr1: number | null;
  coop1: number | null;
}
