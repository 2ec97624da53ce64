import { hypergeometricPmfVector } from '../stats/hypergeometric.js';

/**
 * The hypergeometric distribution of the number of favourable households x in a simple random
 * sample of n from N households, K of them favourable: P(x) = C(K,x) C(N−K,n−x) / C(N,n).
 *
 * A community's favourable households are unknown to the sampler, so under any fixed-size design
 * (simple random or systematic) the count in the sample follows this law when the favourable
 * households are a random K-subset of the roster.
 */
export interface HypergeometricTable {
  N: number;
  K: number;
  n: number;
  /** Smallest and largest possible x: max(0, n+K−N) and min(n, K). */
  min: number;
  max: number;
  /** pmf[x] for x = 0..n (zero outside the support). */
  pmf: Float64Array;
}

/** The whole pmf over 0..n (src/stats/hypergeometric.ts). */
export function hypergeometricTable(N: number, K: number, n: number): HypergeometricTable {
  const pmf = hypergeometricPmfVector(N, K, n);
  return { N, K, n, min: Math.max(0, n + K - N), max: Math.min(n, K), pmf };
}

/** Σ pmf[x] over the x for which `take(x)` holds. */
export function sumWhere(table: HypergeometricTable, take: (x: number) => boolean): number {
  let s = 0;
  for (let x = table.min; x <= table.max; x++) if (take(x)) s += table.pmf[x]!;
  return Math.min(1, s);
}

/**
 * A sampler by inversion of a precomputed cdf with a guide table (Chen & Asau 1974): one uniform
 * per variate, at most a couple of comparisons on average, exact up to double rounding, and
 * monotone in u.
 *
 * Why not @stdlib/random-base-hypergeometric: its inversion (HIN) starts from a probability built
 * from plain factorials, which overflow to Infinity beyond 170!, so for any community of more than
 * 170 households it returns a boundary value on every draw (N=300, K=270, n=22 always gives 22).
 */
export interface DiscreteSampler {
  /** Normalised cdf over 0..k−1 (last support point exactly 1). */
  cdf: Float64Array;
  /** guide[g] = smallest i with cdf[i] > g/k. */
  guide: Int32Array;
  /** The variate for a uniform u in [0, 1). */
  draw(u: number): number;
}

export function discreteSampler(pmf: ArrayLike<number>): DiscreteSampler {
  const k = pmf.length;
  if (k === 0) throw new RangeError('discreteSampler: empty distribution');
  const cdf = new Float64Array(k);
  let s = 0;
  for (let i = 0; i < k; i++) {
    s += pmf[i]!;
    cdf[i] = s;
  }
  // Normalise so the last value is exactly 1 and rounding never leaves u past the end.
  for (let i = 0; i < k; i++) cdf[i] = cdf[i]! / s;
  let last = k - 1;
  while (last > 0 && pmf[last] === 0) last--;
  cdf[last] = 1;
  const guideSize = k;
  const guide = new Int32Array(guideSize);
  let j = 0;
  for (let g = 0; g < guideSize; g++) {
    while (cdf[j]! <= g / guideSize) j++;
    guide[g] = j;
  }
  return {
    cdf,
    guide,
    draw(u: number): number {
      let i = guide[Math.floor(u * guideSize)]!;
      while (cdf[i]! <= u) i++;
      return i;
    },
  };
}
