import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { completesDistribution, fieldworkOutcomes, logFactorial } from './fieldwork-outcomes.js';
import { discreteQuantile, exactIndicator, indicatorPopulation, type IndicatorPopulation } from './model.js';
import { passes, type PassRule } from './pass-rule.js';

/**
 * Brute force over every ordered draw of the n + R households (primaries then reserves, in rank
 * order) and every pattern of completes among the visits: the fieldwork as interviewers do it.
 */
function bruteForce(
  kinds: ('F' | 'S' | 'U')[],
  n: number,
  reserves: number,
  r: number,
  rule: PassRule,
  notSureRule: 'not_favourable' | 'exclude',
): { pPass: number; expectedReserves: number } {
  const N = kinds.length;
  const k = n + reserves;
  let pPass = 0;
  let expectedReserves = 0;
  let orders = 0;
  const used = new Array<boolean>(N).fill(false);
  const seq: number[] = [];
  const results: { pass: number; reserves: number }[] = [];
  const walk = () => {
    if (seq.length === k) {
      orders++;
      let pPassThis = 0;
      let resThis = 0;
      for (let mask = 0; mask < 1 << k; mask++) {
        // Visits in order; stop at n completes.
        let completes = 0;
        let visits = 0;
        let x = 0;
        let s = 0;
        let prob = 1;
        for (let i = 0; i < k && completes < n; i++) {
          visits++;
          const ok = (mask >> i) & 1;
          prob *= ok ? r : 1 - r;
          if (ok) {
            completes++;
            const kind = kinds[seq[i]!]!;
            if (kind === 'F') x++;
            if (kind === 'S') s++;
          }
        }
        // Masks that differ only after the stop describe the same fieldwork: count each once.
        let canonical = true;
        for (let i = visits; i < k; i++) if ((mask >> i) & 1) canonical = false;
        if (!canonical) continue;
        const e = notSureRule === 'exclude' ? completes - s : completes;
        if (passes(rule, x, e)) pPassThis += prob;
        resThis += prob * Math.max(0, visits - n);
      }
      results.push({ pass: pPassThis, reserves: resThis });
      return;
    }
    for (let h = 0; h < N; h++) {
      if (used[h]) continue;
      used[h] = true;
      seq.push(h);
      walk();
      seq.pop();
      used[h] = false;
    }
  };
  walk();
  for (const res of results) {
    pPass += res.pass / orders;
    expectedReserves += res.reserves / orders;
  }
  return { pPass, expectedReserves };
}

function population(kinds: ('F' | 'S' | 'U')[], rule: 'not_favourable' | 'exclude'): IndicatorPopulation {
  return {
    population: kinds.length,
    favourable: kinds.filter((k) => k === 'F').length,
    notSure: kinds.filter((k) => k === 'S').length,
    notSureRule: rule,
  };
}

describe('fieldwork outcomes', () => {
  it('sum to one and give the expected reserves of the negative binomial', () => {
    for (const [n, R, r] of [
      [22, 5, 0.8],
      [22, 0, 0.7],
      [5, 10, 0.3],
      [1, 1, 0.5],
    ] as const) {
      const o = fieldworkOutcomes(n, R, r);
      expect(o.reduce((s, x) => s + x.prob, 0)).toBeCloseTo(1, 13);
      const { pm, expectedReserves } = completesDistribution(o, n);
      expect(pm.length).toBe(n + 1);
      expect(expectedReserves).toBeGreaterThanOrEqual(0);
      expect(expectedReserves).toBeLessThanOrEqual(R);
    }
    // No reserves: completes ~ Binomial(n, r).
    const { pm } = completesDistribution(fieldworkOutcomes(3, 0, 0.5), 3);
    [0.125, 0.375, 0.375, 0.125].forEach((v, k) => expect(pm[k]).toBeCloseTo(v, 15));
  });

  it('degenerate response rates', () => {
    expect(fieldworkOutcomes(22, 5, 1)).toEqual([{ completes: 22, reservesUsed: 0, prob: 1 }]);
    expect(fieldworkOutcomes(22, 5, 0)).toEqual([{ completes: 0, reservesUsed: 5, prob: 1 }]);
  });

  it('computes ln k! to full precision', () => {
    expect(logFactorial(0)).toBe(0);
    expect(logFactorial(10)).toBeCloseTo(Math.log(3628800), 13);
    // ln(170!) = 706.573062245787 (R: lfactorial(170))
    expect(logFactorial(170)).toBeCloseTo(706.573062245787, 10);
  });
});

describe('exact pass probability against brute force over every draw and response pattern', () => {
  const point: PassRule = { kind: 'point', threshold: 0.6 };
  const cases: [string, ('F' | 'S' | 'U')[], number, number, number, 'not_favourable' | 'exclude'][] = [
    ['full response', ['F', 'F', 'F', 'F', 'U', 'U', 'S'], 3, 0, 1, 'not_favourable'],
    ['non-response with reserves', ['F', 'F', 'F', 'F', 'U', 'U', 'S'], 3, 2, 0.6, 'not_favourable'],
    ['not sure excluded', ['F', 'F', 'F', 'S', 'U', 'S', 'F'], 3, 1, 1, 'exclude'],
    ['not sure excluded, non-response, reserves', ['F', 'F', 'S', 'U', 'S', 'F', 'F'], 3, 2, 0.7, 'exclude'],
    ['reserves run out', ['F', 'U', 'F', 'F', 'S', 'U'], 4, 1, 0.5, 'exclude'],
  ];
  it.each(cases)('%s', (_name, kinds, n, R, r, rule) => {
    const bf = bruteForce(kinds, n, R, r, point, rule);
    const { pm, expectedReserves } = completesDistribution(fieldworkOutcomes(n, R, r), n);
    const ex = exactIndicator(population(kinds, rule), pm, point);
    expect(ex.pPass).toBeCloseTo(bf.pPass, 12);
    expect(expectedReserves).toBeCloseTo(bf.expectedReserves, 12);
  });

  it('with a lower-bound rule decided per (x, eligible)', () => {
    // A toy interval: the lower bound is the rate minus 1/(eligible + 1).
    const rule: PassRule = {
      kind: 'lower_bound',
      threshold: 0.5,
      confidence: 0.9,
      method: 'toy',
      lowerBound: (x, m) => x / m - 1 / (m + 1),
    };
    const kinds: ('F' | 'S' | 'U')[] = ['F', 'F', 'F', 'F', 'S', 'U', 'F'];
    const bf = bruteForce(kinds, 4, 1, 0.8, rule, 'exclude');
    const { pm } = completesDistribution(fieldworkOutcomes(4, 1, 0.8), 4);
    expect(exactIndicator(population(kinds, 'exclude'), pm, rule).pPass).toBeCloseTo(bf.pPass, 12);
  });
});

describe('population from rates', () => {
  it('rounds p·N half up, as the issue states', () => {
    expect(indicatorPopulation(300, 0.9, 0, 'not_favourable').favourable).toBe(270);
    expect(indicatorPopulation(22, 0.25, 0, 'not_favourable').favourable).toBe(6); // 5.5 → 6
    expect(indicatorPopulation(300, 0.9, 0.05, 'exclude')).toEqual({
      population: 300,
      favourable: 257, // 0.9 × 285 = 256.5 → 257
      notSure: 15,
      notSureRule: 'exclude',
    });
  });

  it('rejects a true rate and not-sure share that cannot both hold', () => {
    expect(() => indicatorPopulation(100, 0.97, 0.05, 'not_favourable')).toThrow(/leave no room/);
  });

  it('the exact rate law sums to one with the no-eligible mass, and its quantiles are attained rates', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 5, max: 400 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 0.3, noNaN: true }),
        fc.integer({ min: 1, max: 30 }),
        fc.integer({ min: 0, max: 5 }),
        fc.double({ min: 0.05, max: 1, noNaN: true }),
        (N, p, q, n0, R0, r) => {
          const n = Math.min(n0, N);
          const R = Math.min(R0, N - n);
          const ind = indicatorPopulation(N, p * (1 - q), q, 'exclude');
          const { pm } = completesDistribution(fieldworkOutcomes(n, R, r), n);
          const ex = exactIndicator(ind, pm, { kind: 'point', threshold: 0.9 });
          const mass = ex.rates.reduce((s, x) => s + x.prob, 0) + ex.pNoEligible;
          expect(mass).toBeCloseTo(1, 10);
          expect(ex.pPass).toBeGreaterThanOrEqual(0);
          expect(ex.pPass).toBeLessThanOrEqual(1);
          if (ex.rates.length) expect(ex.rates.map((x) => x.rate)).toContain(discreteQuantile(ex.rates, 0.5));
        },
      ),
      { numRuns: 200, seed: 20260101 },
    );
  });
});
