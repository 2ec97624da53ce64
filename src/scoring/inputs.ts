/**
 * What the scoring engine needs from the sample, the responses and the standard, as small
 * structural interfaces: the real SampleList, Standard and response records satisfy them.
 */

import type { DispositionToken } from '../fieldwork/dispositions.js';
import type { Answers, Classification } from '../standard/logic.js';

export type { Answers, Classification, DispositionToken };

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
