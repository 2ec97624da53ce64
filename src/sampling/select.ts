import type { Rng } from './rng.js';
import { shuffleFirst } from './shuffle.js';

/**
 * Selection within one stratum. Positions refer to the stratum's households in canonical order
 * (by household id, or by address for systematic sampling), never to their order in the file.
 */
export interface Selection {
  /** Positions of the primary households, in draw order. */
  primaries: number[];
  /** Positions of the reserve households, in the order field teams must use them. */
  reserves: number[];
}

/**
 * Simple random sampling without replacement: a partial Fisher–Yates shuffle. The first n
 * positions are the sample (every subset of size n equally likely), the next r are reserves in a
 * uniformly random order.
 */
export function selectRandom(N: number, n: number, r: number, rng: Rng): Selection {
  const take = Math.min(N, n + r);
  const nn = Math.min(N, n);
  const perm = new Int32Array(N);
  for (let i = 0; i < N; i++) perm[i] = i;
  shuffleFirst(perm, take, rng);
  return { primaries: Array.from(perm.subarray(0, nn)), reserves: Array.from(perm.subarray(nn, take)) };
}

/**
 * Systematic sampling with a fractional interval k = N/n and a random start u in [0, k): units at
 * floor(u + i·k). Every unit has inclusion probability exactly n/N, and the sample spreads evenly
 * over the sort order (implicit stratification by grid, building, ...). Reserves are a random
 * ordering of units not sampled.
 */
export function selectSystematic(N: number, n: number, r: number, rng: Rng): Selection {
  if (n >= N) return selectRandom(N, N, 0, rng);
  const k = N / n;
  const u = rng.next() * k;
  const primaries: number[] = [];
  const taken = new Uint8Array(N);
  for (let i = 0; i < n; i++) {
    const p = Math.min(N - 1, Math.floor(u + i * k));
    primaries.push(p);
    taken[p] = 1;
  }
  const rest = new Int32Array(N - n);
  let m = 0;
  for (let i = 0; i < N; i++) if (!taken[i]) rest[m++] = i;
  const rr = Math.min(r, m);
  const pool = rest.subarray(0, m);
  shuffleFirst(pool, rr, rng);
  return { primaries, reserves: Array.from(rest.subarray(0, rr)) };
}
