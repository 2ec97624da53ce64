import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { roundLargestRemainder } from './largest-remainder.js';
import { splitByWeights } from '../synth/roster.js';

describe('largest-remainder rounding', () => {
  it('hands the units left to the largest remainders, ties to the earlier index', () => {
    expect(roundLargestRemainder([1.5, 1.5, 2], 5)).toEqual([2, 1, 2]);
    expect(roundLargestRemainder([0.2, 0.7, 0.1], 1)).toEqual([0, 1, 0]);
  });

  it('reads a quota a hair below a whole number (floating-point division) as that number', () => {
    const third = 1 / 3;
    expect(roundLargestRemainder([3 * third * 3, 2.9999999999999996, 1.0000000000000004], 7)).toEqual([
      3, 3, 1,
    ]);
  });

  it('respects caps and stops when the caps are full', () => {
    expect(roundLargestRemainder([2.6, 2.4], 5, [2, 10])).toEqual([2, 3]);
    expect(roundLargestRemainder([2.6, 2.4], 5, [2, 2])).toEqual([2, 2]);
  });

  it('sums to the total without caps, each part within one of its quota (the synthetic roster splits too)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 1, maxLength: 20 }),
        fc.nat(5000),
        (w, total) => {
          const parts = splitByWeights(total, w);
          const sum = w.reduce((a, b) => a + b, 0);
          expect(parts.reduce((a, b) => a + b, 0)).toBe(total);
          parts.forEach((p, i) => {
            const q = sum > 0 ? (total * w[i]!) / sum : total / w.length;
            expect(Math.abs(p - q)).toBeLessThan(1 + 1e-9);
          });
        },
      ),
    );
  });
});
