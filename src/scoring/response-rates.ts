import { coop1, countDispositions, rr1, type DispositionToken } from '../fieldwork/dispositions.js';
import type { ResponseRates } from './inputs.js';

/**
 * AAPOR RR1 and COOP1 on the original (primary) sample from the households' newest dispositions,
 * as `hhsurvey status` computes them: primaries not yet visited are left out (the rate so far).
 */
export function computeResponseRates(primaries: readonly (DispositionToken | undefined)[]): ResponseRates {
  const counts = countDispositions(primaries.filter((d): d is DispositionToken => d !== undefined));
  return { rr1: rr1(counts), coop1: coop1(counts) };
}
