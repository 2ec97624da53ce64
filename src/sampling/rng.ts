import seedrandom from 'seedrandom';

/**
 * The one source of randomness. seedrandom's xor4096 (Brent's xorgens, passes BigCrush) is frozen
 * upstream, so a seed gives the same sequence on every platform and Node version; every artifact
 * records RNG_NAME with the seed.
 */
export const RNG_NAME = 'seedrandom-3.0.5/xor4096';

export interface Rng {
  /** Uniform on [0, 1) with 53 random bits. */
  next(): number;
  /** Uniform 32-bit unsigned integer. */
  uint32(): number;
}

/**
 * A generator for one named stream of a seed: each stratum draws from its own stream, so a
 * stratum's sample does not depend on the other strata.
 */
export function createRng(seed: string, stream = ''): Rng {
  const prng = seedrandom.xor4096(`${seed}\u0000${stream}`);
  return {
    next: () => prng.double(),
    uint32: () => prng.int32() >>> 0,
  };
}

const TWO32 = 4294967296;

/** Uniform integer in [0, m), exact (rejection sampling, no modulo bias). */
export function uniformInt(rng: Rng, m: number): number {
  if (!(m >= 1) || m !== Math.floor(m)) throw new RangeError(`uniformInt: bad range ${m}`);
  if (m <= TWO32) {
    const limit = TWO32 - (TWO32 % m);
    for (;;) {
      const x = rng.uint32();
      if (x < limit) return x % m;
    }
  }
  // Beyond 2^32 (never for a household roster): 53-bit floats are uniform enough at this scale.
  return Math.floor(rng.next() * m);
}

/** A fresh seed when the user gives none: printed and recorded so the draw can be repeated. */
export function freshSeed(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('hex');
}
