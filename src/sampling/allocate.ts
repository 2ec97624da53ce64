/**
 * Sample sizes per stratum. Every allocation keeps the total exact (largest-remainder rounding,
 * unlike ceil-per-stratum, which overshoots), never exceeds a stratum's size, gives every stratum at
 * least `minPerStratum` where the total allows, and hands on what a small stratum cannot take.
 */
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

/** Largest-remainder rounding of quotas q (sum = total) under caps; ties go to the earlier stratum. */
function roundQuotas(quotas: readonly number[], caps: readonly number[], total: number): number[] {
  const out = quotas.map((q, h) => Math.min(caps[h]!, Math.floor(q + 1e-9)));
  let left = total - out.reduce((a, b) => a + b, 0);
  const order = quotas
    .map((q, h) => ({ h, rem: q - Math.floor(q + 1e-9) }))
    .sort((a, b) => b.rem - a.rem || a.h - b.h);
  while (left > 0) {
    let progressed = false;
    for (const { h } of order) {
      if (left === 0) break;
      if (out[h]! < caps[h]!) {
        out[h]!++;
        left--;
        progressed = true;
      }
    }
    if (!progressed) break;
  }
  return out;
}

export function allocate(req: AllocationRequest): Allocation {
  const H = req.sizes.length;
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

  // Iterative proportional allocation: strata whose quota falls below the minimum or above the
  // stratum's size are fixed there; the rest share what remains by their weights.
  const fixed: (number | undefined)[] = new Array<number | undefined>(H).fill(undefined);
  for (;;) {
    const free: number[] = [];
    let remaining = total;
    for (let h = 0; h < H; h++) {
      if (fixed[h] !== undefined) remaining -= fixed[h]!;
      else free.push(h);
    }
    const W = free.reduce((a, h) => a + w[h]!, 0);
    let changed = false;
    for (const h of free) {
      const q = W > 0 ? (remaining * w[h]!) / W : remaining / free.length;
      if (q > req.sizes[h]!) {
        fixed[h] = req.sizes[h]!;
        changed = true;
      } else if (q < minimum[h]!) {
        fixed[h] = minimum[h]!;
        changed = true;
      }
    }
    if (changed) continue;
    const quotas = new Array<number>(H).fill(0);
    for (let h = 0; h < H; h++) if (fixed[h] !== undefined) quotas[h] = fixed[h]!;
    for (const h of free) quotas[h] = W > 0 ? (remaining * w[h]!) / W : remaining / free.length;
    const sizes = roundQuotas(quotas, req.sizes, total);
    return { sizes, total: sizes.reduce((a, b) => a + b, 0) };
  }
}

/** A fixed size per stratum, capped at the stratum's size. */
export function allocateFixed(sizes: readonly number[], perStratum: number): Allocation {
  const out = sizes.map((N) => Math.min(N, perStratum));
  return { sizes: out, total: out.reduce((a, b) => a + b, 0) };
}
