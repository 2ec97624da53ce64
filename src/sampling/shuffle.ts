import { uniformInt, type Rng } from './rng.js';

/** An array or typed array whose entries can be swapped. */
interface Swappable<T> {
  readonly length: number;
  [index: number]: T;
}

/**
 * A partial Fisher–Yates shuffle (Knuth, TAOCP vol. 2, 3.4.2, Algorithm P, run forwards): afterwards
 * the first `take` entries of `a` are a uniformly random ordered selection, without replacement, of
 * all its entries. One `uniformInt(rng, n - i)` for each i from 0 to take − 1, in that order: the
 * sampling draw's seeded golden tests pin this order, so it must not change. The one shuffle of
 * hhsurvey: the sample draw, the reserve order and the synthetic answers' option order.
 */
export function shuffleFirst<T>(a: Swappable<T>, take: number, rng: Rng): void {
  const n = a.length;
  const k = Math.min(take, n);
  for (let i = 0; i < k; i++) {
    const j = i + uniformInt(rng, n - i);
    const t = a[i]!;
    a[i] = a[j]!;
    a[j] = t;
  }
}
