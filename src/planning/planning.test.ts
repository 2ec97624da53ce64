import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { planPrecision } from './precision.js';
import { passProbability, planPassSize, smallestPassing } from './pass-size.js';
import { hypergeometricTable, sumWhere } from '../simulation/hypergeometric.js';
import { hypergeometricUpperTail } from '../stats/hypergeometric.js';

/** P(X ≥ k) as the sum of the whole pmf table: a second path to the recurrence's tail. */
const upperTail = (N: number, K: number, n: number, k: number) =>
  sumWhere(hypergeometricTable(N, K, n), (x) => x >= k);
import { passes } from '../simulation/pass-rule.js';
import { makePassRule } from '../simulation/rules.js';

const base = { confidence: 0.95, expected: 0.5, deff: 1, responseRate: 1 };

describe('planPrecision', () => {
  it('the issue checks: e = 0.05, p = 0.5 → 385; with N = 1000 → 278', () => {
    const inf = planPrecision({ ...base, margin: 0.05 });
    expect(inf.n0).toBeCloseTo(384.14588206941, 9); // 1.959964² × 0.25 / 0.0025
    expect(inf.n).toBe(385);
    const fin = planPrecision({ ...base, margin: 0.05, population: 1000 });
    expect(fin.nFpc).toBeCloseTo(384.14588206941 / (1 + 383.14588206941 / 1000), 9);
    expect(fin.n).toBe(278);
  });

  it('applies the design effect and the response rate before one final rounding', () => {
    const p = planPrecision({
      ...base,
      margin: 0.05,
      expected: 0.9,
      population: 300,
      deff: 1.5,
      responseRate: 0.8,
    });
    const n0 = (1.959963984540054 ** 2 * 0.09) / 0.0025;
    const expected = ((n0 / (1 + (n0 - 1) / 300)) * 1.5) / 0.8;
    expect(p.nDraw).toBeCloseTo(expected, 9);
    expect(p.n).toBe(Math.ceil(expected));
    // Rounding each step up would give more: ceil(ceil(ceil(94.87) × 1.5) / 0.8) = 179.
    expect(p.n).toBe(178);
  });

  it('a census at most, and flags a margin the population cannot give', () => {
    const p = planPrecision({ ...base, margin: 0.01, population: 500, deff: 2 });
    expect(p.n).toBe(500);
    expect(p.exceedsPopulation).toBe(true);
  });

  it('99% confidence uses z = 2.5758', () => {
    const p = planPrecision({ ...base, margin: 0.03, confidence: 0.99 });
    expect(p.z).toBeCloseTo(2.5758293035489, 10);
    expect(p.n).toBe(Math.ceil((2.5758293035489 ** 2 * 0.25) / 0.0009));
  });
});

describe('hypergeometricUpperTail (recurrence) agrees with the full table sum', () => {
  it('on random designs', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5000 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (N, p, f, t) => {
          const K = Math.round(p * N);
          const n = Math.max(0, Math.min(N, Math.round(f * Math.min(N, 600))));
          const k = Math.round(t * (n + 1));
          const a = hypergeometricUpperTail(k, N, K, n);
          const b = upperTail(N, K, n, k);
          expect(Math.abs(a - b)).toBeLessThan(1e-10);
        },
      ),
      { numRuns: 400, seed: 7 },
    );
  });

  it('the issue value', () => {
    expect(passProbability(300, 270, 22, { kind: 'point', threshold: 0.9 })).toBeCloseTo(0.619041, 6);
  });
});

describe('planPassSize', () => {
  it('a pass probability of exactly the power counts as reaching it (9/10 computed as 0.8999999999999972)', () => {
    // N = 10, K = 9, n = 1: P(pass) = P(the one household drawn is favourable) = 9/10 exactly.
    const rule = makePassRule('point', 0.9, 0.95, 'wilson');
    expect(hypergeometricUpperTail(1, 10, 9, 1)).toBeLessThan(0.9);
    const plan = planPassSize({ threshold: 0.9, expected: 0.9, power: 0.9, population: 10, rule });
    expect(plan.curve[0]).toMatchObject({ n: 1, needed: 1 });
    expect(plan.smallestAny).toBe(1);
  });

  const rule = makePassRule('point', 0.9, 0.95, 'wilson');

  it('reports the smallest size from which every larger size reaches the power', () => {
    const plan = planPassSize({ threshold: 0.9, expected: 0.95, power: 0.8, population: 300, rule });
    const n = plan.n!;
    expect(plan.curve[n - 1]!.pPass).toBeGreaterThanOrEqual(0.8);
    expect(plan.curve[n - 2]!.pPass).toBeLessThan(0.8);
    for (const c of plan.curve.slice(n - 1)) expect(c.pPass).toBeGreaterThanOrEqual(0.8);
    expect(n).toBe(20);
    // The saw-tooth: 16 households reach the power, 17–19 do not.
    expect(plan.curve[15]!.pPass).toBeGreaterThanOrEqual(0.8);
    expect(plan.curve[16]!.pPass).toBeLessThan(0.8);
    // A one-household sample passes with probability p: the literal "smallest n".
    expect(plan.smallestAny).toBe(1);
    expect(plan.curve[0]!.pPass).toBeCloseTo(0.95, 12);
    expect(plan.scannedAll).toBe(true);
  });

  it('every point of the curve is the exact hypergeometric tail', () => {
    const plan = planPassSize({ threshold: 0.9, expected: 0.93, power: 0.8, population: 150, rule });
    for (const c of plan.curve) {
      expect(c.needed).toBe(Math.ceil(0.9 * c.n - 1e-9));
      expect(Math.abs(c.pPass - upperTail(150, 140, c.n, c.needed))).toBeLessThan(1e-12);
    }
    // At a census the verdict is certain: 140/150 = 93.3% ≥ 90%.
    expect(plan.curve[149]!.pPass).toBe(1);
  });

  it('no size works when the expected rate is below the threshold', () => {
    const plan = planPassSize({ threshold: 0.9, expected: 0.88, power: 0.8, population: 300, rule });
    expect(plan.n).toBeUndefined();
    expect(plan.curve[299]!.pPass).toBe(0);
  });

  it('a lower-bound rule: the needed count is the smallest x whose bound reaches the threshold', () => {
    for (const method of ['wilson', 'clopper-pearson'] as const) {
      const lb = makePassRule('lower_bound', 0.8, 0.95, method);
      for (const n of [1, 5, 22, 60, 137]) {
        const k = smallestPassing(lb, n);
        if (k <= n) expect(passes(lb, k, n)).toBe(true);
        if (k >= 1 && k - 1 <= n) expect(passes(lb, k - 1, n)).toBe(false);
      }
    }
    // Wilson 95% on 22/22 is 85.1%: a 90% lower-bound rule cannot be met with 22 households.
    expect(smallestPassing(makePassRule('lower_bound', 0.9, 0.95, 'wilson'), 22)).toBe(23);
  });
});
