import xor4096 from 'seedrandom/lib/xor4096.js';

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
  /** `out.length` values of `next()`, in order, at a fraction of the cost of calling it. */
  fill(out: Float64Array): void;
}

/**
 * A generator for one named stream of a seed: each stratum draws from its own stream, so a
 * stratum's sample does not depend on the other strata.
 */
export function createRng(seed: string, stream = ''): Rng {
  return new Xor4096(seed, stream);
}

interface Xor4096State {
  X: number[];
  i: number;
  w: number;
}

/**
 * seedrandom's xor4096, seeded by seedrandom itself (its key schedule) and then stepped here on a
 * typed array: the same 32-bit outputs as the library's `int32()` and the same doubles as its
 * `double()` (top 21 bits of one output and 32 of the next, zero rejected), checked number for
 * number against the library in rng.test.ts. Stepping it in a loop instead of through the library's
 * closures is what makes a Monte Carlo draw cost a few nanoseconds.
 */
class Xor4096 implements Rng {
  private readonly X: Int32Array;
  private i: number;
  private w: number;

  constructor(seed: string, stream: string) {
    const prng = xor4096(`${seed}\u0000${stream}`, { state: true }) as unknown as {
      state(): Xor4096State;
    };
    const st = prng.state();
    this.X = Int32Array.from(st.X);
    this.i = st.i;
    this.w = st.w;
  }

  uint32(): number {
    const X = this.X;
    let i = this.i;
    const w = (this.w = (this.w + 0x61c88647) | 0);
    let v = X[(i + 34) & 127]!;
    i = (i + 1) & 127;
    let t = X[i]!;
    v ^= v << 13;
    t ^= t << 17;
    v ^= v >>> 15;
    t ^= t >>> 12;
    v = X[i] = v ^ t;
    this.i = i;
    return ((v + (w ^ (w >>> 16))) | 0) >>> 0;
  }

  next(): number {
    for (;;) {
      const top = this.uint32() >>> 11;
      const bot = this.uint32() / 0x100000000;
      const result = (top + bot) / (1 << 21);
      if (result !== 0) return result;
    }
  }

  fill(out: Float64Array): void {
    const X = this.X;
    let i = this.i;
    let w = this.w;
    const n = out.length;
    for (let k = 0; k < n;) {
      w = (w + 0x61c88647) | 0;
      let v = X[(i + 34) & 127]!;
      i = (i + 1) & 127;
      let t = X[i]!;
      v ^= v << 13;
      t ^= t << 17;
      v ^= v >>> 15;
      t ^= t >>> 12;
      v = X[i] = v ^ t;
      const top = ((v + (w ^ (w >>> 16))) | 0) >>> 11;
      w = (w + 0x61c88647) | 0;
      v = X[(i + 34) & 127]!;
      i = (i + 1) & 127;
      t = X[i]!;
      v ^= v << 13;
      t ^= t << 17;
      v ^= v >>> 15;
      t ^= t >>> 12;
      v = X[i] = v ^ t;
      const bot = (((v + (w ^ (w >>> 16))) | 0) >>> 0) / 0x100000000;
      const result = (top + bot) / (1 << 21);
      if (result !== 0) out[k++] = result;
    }
    this.i = i;
    this.w = w;
  }
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
