import { kornGraubardInterval, proportionInterval, type CiMethod } from '../stats/index.js';
import type { LevelLowerBound } from './engine.js';
import type { PassRule } from './pass-rule.js';

/**
 * Pass rules built on the scoring module's interval maths, so a simulated verdict is the verdict
 * `hhsurvey score` would give on the same counts.
 */
export function makePassRule(
  kind: 'point' | 'lower_bound',
  threshold: number,
  confidence: number,
  method: CiMethod,
): PassRule {
  if (kind === 'point') return { kind, threshold };
  return {
    kind,
    threshold,
    confidence,
    method,
    lowerBound: (x, m) => proportionInterval(method, x, m, confidence)[0],
  };
}

/** Korn–Graubard lower bound of a roll-up (R: svyciprop(method = "beta")). */
export const kornGraubardLowerBound: LevelLowerBound = (rate, variance, respondents, df, confidence) =>
  kornGraubardInterval({ rate, variance, respondents, df }, confidence)[0];
