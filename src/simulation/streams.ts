import seedrandom from 'seedrandom';
import type { StreamFactory } from './engine.js';

/**
 * Named uniform streams from one seed: seedrandom's xor4096 (passes BigCrush, ~5 ns a 32-bit draw;
 * `.double()` gives 53-bit floats), seeded with the seed and the stream's name. The library is
 * frozen, so a seed gives the same numbers on every platform and Node version.
 */
export const RNG_ALGORITHM = 'seedrandom-xor4096';

export function seededStreams(seed: string): StreamFactory {
  return (name: string) => {
    const g = seedrandom.xor4096(`hhsurvey-simulate\u0000${seed}\u0000${name}`);
    return () => g.double();
  };
}
