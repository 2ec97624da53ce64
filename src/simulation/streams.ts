import { createRng, RNG_NAME } from '../sampling/rng.js';
import type { StreamFactory } from './simulate-design.js';

/**
 * Named uniform streams from one seed, from the project's one source of randomness (seedrandom's
 * xor4096, 53-bit doubles): stream `simulate/<name>` of the seed. The library is frozen, so a seed
 * gives the same numbers on every platform and Node version.
 */
export const RNG_ALGORITHM = RNG_NAME;

export function seededStreams(seed: string): StreamFactory {
  return (name: string) => createRng(seed, `hhsurvey-simulate\u0000${name}`);
}
