import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocate, allocateFixed, boundedQuotas } from './allocate.js';

/** Neyman weights as allocate computes them: N_h·sqrt(p(1−p)), floored at p = 0.01. */
const neymanWeights = (sizes: readonly number[], priors: readonly number[]) =>
  sizes.map((N, h) => N * Math.sqrt(Math.max(priors[h]! * (1 - priors[h]!), 0.01 * 0.99)));

/**
 * The integer allocation that minimises the stratified variance Σ w_h²/n_h (up to terms that do not
 * depend on n) with min(N_h, m) ≤ n_h ≤ N_h and Σ n_h = total, by trying every allocation.
 */
function bruteForceOptimum(
  sizes: readonly number[],
  w: readonly number[],
  minPer: number,
  total: number,
): number[] {
  let best: number[] = [];
  let bestV = Infinity;
  const rec = (h: number, left: number, acc: number[]) => {
    if (h === sizes.length) {
      if (left !== 0) return;
      const v = acc.reduce((a, n, i) => a + (w[i]! > 0 ? (w[i]! * w[i]!) / n : 0), 0);
      if (v < bestV - 1e-12) {
        bestV = v;
        best = [...acc];
      }
      return;
    }
    for (let n = Math.min(sizes[h]!, minPer); n <= Math.min(sizes[h]!, left); n++) {
      acc.push(n);
      rec(h + 1, left - n, acc);
      acc.pop();
    }
  };
  rec(0, total, []);
  return best;
}

describe('allocate', () => {
  it('proportional allocation with largest remainders keeps the total exact', () => {
    // quotas 100·(50,30,20)/100 exact; then 10·(1/3 each) = 3.33 → 4,3,3
    expect(
      allocate({ sizes: [500, 300, 200], total: 100, method: 'proportional', minPerStratum: 1 }).sizes,
    ).toEqual([50, 30, 20]);
    expect(
      allocate({ sizes: [100, 100, 100], total: 10, method: 'proportional', minPerStratum: 1 }).sizes,
    ).toEqual([4, 3, 3]);
  });

  it('hands what a small stratum cannot take to the others', () => {
    // equal shares of 60 would be 20 each, but the first stratum holds 5
    expect(allocate({ sizes: [5, 100, 100], total: 60, method: 'equal', minPerStratum: 1 }).sizes).toEqual([
      5, 28, 27,
    ]);
  });

  it('gives every stratum its minimum first', () => {
    const a = allocate({ sizes: [1000, 10, 10], total: 30, method: 'proportional', minPerStratum: 3 });
    expect(a.sizes).toEqual([24, 3, 3]);
  });

  it('neyman allocation follows N_h·sqrt(p(1−p))', () => {
    // weights 100·0.5 = 50 and 100·sqrt(0.09) = 30 → 40 split 25 / 15
    const a = allocate({
      sizes: [100, 100],
      total: 40,
      method: 'neyman',
      minPerStratum: 1,
      priors: [0.5, 0.9],
    });
    expect(a.sizes).toEqual([25, 15]);
  });

  it('constrained Neyman: a stratum held at the minimum early is released when the optimum moves past it', () => {
    // A case the one-way "fix at the bound and never revisit" loop got wrong ([12, 4, 5, 5]): the
    // exhaustive optimum is [10, 4, 5, 5].
    const sizes = [12, 4, 7, 8];
    const priors = [0.56, 0.56, 0.73, 0];
    const a = allocate({ sizes, total: 24, method: 'neyman', minPerStratum: 5, priors });
    expect(a.sizes).toEqual([10, 4, 5, 5]);
    expect(bruteForceOptimum(sizes, neymanWeights(sizes, priors), 5, 24)).toEqual([10, 4, 5, 5]);
  });

  it('strata of 7 … 512 households, 200 drawn, at least 10 each: the 95-household stratum gets 13', () => {
    const sizes = [7, 13, 48, 95, 160, 233, 301, 512];
    const a = allocate({ sizes, total: 200, method: 'neyman', minPerStratum: 10 });
    // λ = (200 − 7 − 10 − 10) / (95 + 160 + 233 + 301 + 512): quotas 12.6, 21.3, 31.0, 40.0, 68.1
    expect(a.sizes).toEqual([7, 10, 10, 13, 21, 31, 40, 68]);
  });

  it('within one household of the exhaustive optimum in every stratum (property, small cases)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 25 }), { minLength: 2, maxLength: 4 }),
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 4, maxLength: 4 }),
        fc.integer({ min: 1, max: 6 }),
        fc.nat(),
        (sizes, priors, minPer, k) => {
          const available = sizes.reduce((x, y) => x + y, 0);
          const minTotal = sizes.reduce((x, N) => x + Math.min(N, minPer), 0);
          const total = minTotal + (k % (available - minTotal + 1));
          const a = allocate({ sizes, total, method: 'neyman', minPerStratum: minPer, priors });
          const best = bruteForceOptimum(sizes, neymanWeights(sizes, priors), minPer, total);
          a.sizes.forEach((n, h) => expect(Math.abs(n - best[h]!)).toBeLessThanOrEqual(1));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('bounded quotas are clamp(λ·w) summing to the total (KKT), checked against bisection', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(
            fc.double({ min: 0.01, max: 100, noNaN: true }),
            fc.integer({ min: 0, max: 20 }),
            fc.integer({ min: 0, max: 50 }),
          ),
          {
            minLength: 1,
            maxLength: 8,
          },
        ),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (rows, f) => {
          const w = rows.map((r) => r[0]);
          const lo = rows.map((r) => r[1]);
          const hi = rows.map((r) => r[1] + r[2]);
          const sLo = lo.reduce((a, b) => a + b, 0);
          const sHi = hi.reduce((a, b) => a + b, 0);
          const total = sLo + f * (sHi - sLo);
          const q = boundedQuotas(w, lo, hi, total);
          expect(Math.abs(q.reduce((a, b) => a + b, 0) - total)).toBeLessThan(1e-6 * (1 + total));
          // Free strata share one λ; bounded ones sit on the side λ·w puts them.
          const free = q.map((v, h) => v > lo[h]! + 1e-9 && v < hi[h]! - 1e-9);
          const lambdas = q.flatMap((v, h) => (free[h] ? [v / w[h]!] : []));
          if (lambdas.length === 0) return;
          const lambda = lambdas[0]!;
          for (const l of lambdas) expect(Math.abs(l - lambda)).toBeLessThan(1e-9 * (1 + lambda));
          q.forEach((v, h) => {
            if (free[h]) return;
            if (Math.abs(v - lo[h]!) < 1e-9 && lo[h]! < hi[h]!)
              expect(lambda * w[h]!).toBeLessThanOrEqual(lo[h]! + 1e-6);
            else if (lo[h]! < hi[h]!) expect(lambda * w[h]!).toBeGreaterThanOrEqual(hi[h]! - 1e-6);
          });
        },
      ),
      { numRuns: 300 },
    );
  });

  it('caps the total at the households available', () => {
    expect(allocate({ sizes: [3, 4], total: 100, method: 'proportional', minPerStratum: 1 })).toEqual({
      sizes: [3, 4],
      total: 7,
    });
    expect(allocateFixed([30, 10], 22).sizes).toEqual([22, 10]);
  });

  it('invariants hold for any input (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 500 }), { minLength: 1, maxLength: 30 }),
        fc.integer({ min: 0, max: 3000 }),
        fc.constantFrom<'proportional' | 'equal' | 'neyman'>('proportional', 'equal', 'neyman'),
        fc.integer({ min: 0, max: 5 }),
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 30, maxLength: 30 }),
        (sizes, total, method, minPer, priors) => {
          const a = allocate({ sizes, total, method, minPerStratum: minPer, priors });
          const available = sizes.reduce((x, y) => x + y, 0);
          const sum = a.sizes.reduce((x, y) => x + y, 0);
          expect(sum).toBe(Math.min(total, available));
          expect(a.total).toBe(sum);
          a.sizes.forEach((n, h) => {
            expect(n).toBeGreaterThanOrEqual(0);
            expect(n).toBeLessThanOrEqual(sizes[h]!);
            expect(Number.isInteger(n)).toBe(true);
          });
          const minTotal = sizes.reduce((x, N) => x + Math.min(N, minPer), 0);
          if (total >= minTotal)
            a.sizes.forEach((n, h) => expect(n).toBeGreaterThanOrEqual(Math.min(sizes[h]!, minPer)));
        },
      ),
      { numRuns: 400 },
    );
  });
});
