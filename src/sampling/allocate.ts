/**
 * Sample sizes per stratum. Every allocation keeps the total exact (largest-remainder rounding,
 * unlike ceil-per-stratum, which overshoots), never exceeds a stratum's size, gives every stratum at
 * least `minPerStratum` where the total allows, and hands on what a small stratum cannot take.
 */

import { roundLargestRemainder } from '../core/largest-remainder.js';

export type AllocationMethod = 'proportional' | 'equal' | 'neyman';

export interface AllocationRequest {
  /** Households available per stratum (N_h). */
  sizes: readonly number[];
  total: number;
  method: AllocationMethod;
  minPerStratum: number;
  /** Prior rates per stratum for Neyman allocation (undefined = 0.5). */
  priors?: readonly (number | undefined)[];
}

export interface Allocation {
  sizes: number[];
  /** The total actually allocated (less than asked when the strata hold fewer households). */
  total: number;
}

/** Neyman weight N_h·S_h with S_h = sqrt(p(1−p)); a prior of 0 or 1 still gets a small share. */
function weights(req: AllocationRequest): number[] {
  return req.sizes.map((N, h) => {
    if (req.method === 'equal') return N > 0 ? 1 : 0;
    if (req.method === 'proportional') return N;
    const p = req.priors?.[h] ?? 0.5;
    const s = Math.sqrt(Math.max(p * (1 - p), 0.01 * 0.99));
    return N * s;
  });
}

/** Quotas q (sum = total) to whole sizes under caps: largest-remainder rounding. */
function roundQuotas(quotas: readonly number[], caps: readonly number[], total: number): number[] {
  return roundLargestRemainder(quotas, total, caps);
}

export function allocate(req: AllocationRequest): Allocation {
  const available = req.sizes.reduce((a, b) => a + b, 0);
  const total = Math.min(req.total, available);
  const w = weights(req);
  const minimum = req.sizes.map((N) => Math.min(N, req.minPerStratum));
  const minTotal = minimum.reduce((a, b) => a + b, 0);

  if (total <= minTotal) {
    // Not enough for every stratum's minimum: spread the total by the same weights, capped at the minimum.
    const W = w.reduce((a, b) => a + b, 0) || 1;
    const sizes = roundQuotas(
      w.map((x, h) => Math.min(minimum[h]!, (total * x) / W)),
      minimum,
      total,
    );
    return { sizes, total: sizes.reduce((a, b) => a + b, 0) };
  }

  const sizes = roundQuotas(boundedQuotas(w, minimum, req.sizes, total), req.sizes, total);
  return { sizes, total: sizes.reduce((a, b) => a + b, 0) };
}

/**
 * The continuous optimum of an allocation under bounds lo_h ≤ n_h ≤ hi_h with Σ n_h = total:
 * n_h = clamp(λ·w_h, lo_h, hi_h), with λ such that the sum is the total (the KKT conditions of
 * minimising Σ w_h²/n_h, which is the stratified variance for Neyman weights w_h = N_h·S_h, and
 * the proportional and equal allocations for their weights). The sum is continuous and
 * non-decreasing in λ, so bisection finds it; then λ is recomputed exactly from the strata left
 * free: (total − Σ bounded) / Σ_free w_h. A stratum held at a bound for a small λ is released when
 * λ grows past it, which a one-way "fix and never revisit" loop misses. Needs Σ lo ≤ total ≤ Σ hi.
 */
export function boundedQuotas(
  w: readonly number[],
  lo: readonly number[],
  hi: readonly number[],
  total: number,
): number[] {
  const clampAt = (l: number) => w.map((x, h) => Math.min(hi[h]!, Math.max(lo[h]!, l * x)));
  const sum = (l: number) => clampAt(l).reduce((a, b) => a + b, 0);
  let a = 0;
  let b = 1;
  while (sum(b) < total && b < 1e300) b *= 2;
  for (let i = 0; i < 200 && b - a > 1e-15 * b; i++) {
    const mid = (a + b) / 2;
    if (sum(mid) < total) a = mid;
    else b = mid;
  }
  const q = clampAt(b);
  // Exact λ over the free strata (strictly inside their bounds at the λ found).
  let fixed = 0;
  let W = 0;
  const free = q.map((v, h) => w[h]! > 0 && v > lo[h]! && v < hi[h]!);
  q.forEach((v, h) => {
    if (free[h]) W += w[h]!;
    else fixed += v;
  });
  if (W > 0) {
    const lambda = (total - fixed) / W;
    q.forEach((_, h) => {
      if (free[h]) q[h] = Math.min(hi[h]!, Math.max(lo[h]!, lambda * w[h]!));
    });
  }
  return q;
}

/** A fixed size per stratum, capped at the stratum's size. */
export function allocateFixed(sizes: readonly number[], perStratum: number): Allocation {
  const out = sizes.map((N) => Math.min(N, perStratum));
  return { sizes: out, total: out.reduce((a, b) => a + b, 0) };
}
