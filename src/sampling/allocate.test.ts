import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocate, allocateFixed } from './allocate.js';

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
