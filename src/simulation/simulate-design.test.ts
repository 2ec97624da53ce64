import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { kornGraubardInterval } from '../stats/index.js';
import { kornGraubardLowerBound } from './rules.js';
import {
  simulateDesign,
  summariseValues,
  type SimulationDesign,
  type StratumSpec,
} from './simulate-design.js';
import { completesDistribution, fieldworkOutcomes } from './fieldwork-outcomes.js';
import { discreteQuantile, exactIndicator, indicatorPopulation, type NotSureRule } from './model.js';
import type { PassRule } from './pass-rule.js';
import { seededStreams } from './streams.js';

const point = (t: number): PassRule => ({ kind: 'point', threshold: t });

function stratum(
  key: string,
  N: number,
  n: number,
  R: number,
  rates: number[],
  q = 0,
  rule: NotSureRule = 'not_favourable',
  groups: Record<string, string> = {},
): StratumSpec {
  return {
    key,
    groups,
    population: N,
    size: n,
    reserves: R,
    indicators: rates.map((p) => indicatorPopulation(N, p, q, rule)),
  };
}

function design(
  strata: StratumSpec[],
  thresholds: number[],
  responseRate = 1,
  levels: string[] = [],
): SimulationDesign {
  return {
    strata,
    indicators: thresholds.map((t, i) => ({ id: `ind${i}`, rule: point(t) })),
    responseRate,
    levels,
  };
}

describe('Monte Carlo against exact values (within 3 standard errors)', () => {
  const R = 40_000;
  const designs: [string, SimulationDesign][] = [
    ['the issue design: N=300, 90%, n=22, t=0.9', design([stratum('A', 300, 22, 0, [0.9])], [0.9])],
    ['small community, sample near its size', design([stratum('B', 40, 22, 0, [0.9])], [0.9])],
    ['large community, satisfaction 85%', design([stratum('C', 5000, 40, 0, [0.88])], [0.85])],
    ['non-response 80% with 5 reserves', design([stratum('D', 300, 22, 5, [0.93])], [0.9], 0.8)],
    ['reserves run out often (response 50%)', design([stratum('E', 200, 22, 3, [0.95])], [0.9], 0.5)],
    [
      'not sure excluded, non-response',
      design([stratum('F', 400, 22, 5, [0.92], 0.08, 'exclude')], [0.9], 0.85),
    ],
    ['not sure counted as not favourable', design([stratum('G', 400, 22, 5, [0.92], 0.05)], [0.9], 0.85)],
  ];

  it.each(designs)('%s', (_name, d) => {
    const res = simulateDesign(d, { replicates: R, streams: seededStreams('mc-vs-exact') });
    const s = d.strata[0]!;
    const r = res.strata[0]!;
    const se = Math.sqrt((r.pPassExact * (1 - r.pPassExact)) / R);
    expect(Math.abs(r.pPass - r.pPassExact)).toBeLessThanOrEqual(3 * se + 1e-12);

    // The measured rate: mean within 3 SE of the exact mean, quantiles consistent with the exact law.
    const { pm, expectedReserves } = completesDistribution(
      fieldworkOutcomes(s.size, s.reserves, d.responseRate),
      s.size,
    );
    const ex = exactIndicator(s.indicators[0]!, pm, d.indicators[0]!.rule);
    const mass = ex.rates.reduce((a, b) => a + b.prob, 0);
    const mean = ex.rates.reduce((a, b) => a + b.rate * b.prob, 0) / mass;
    const sd = Math.sqrt(ex.rates.reduce((a, b) => a + (b.rate - mean) ** 2 * b.prob, 0) / mass);
    expect(Math.abs(r.mean - mean)).toBeLessThan((3 * sd) / Math.sqrt(R));
    for (const [q, v] of [
      [0.05, r.q05],
      [0.5, r.q50],
      [0.95, r.q95],
    ] as const) {
      // v is a q-quantile of the simulated law; its exact cdf must be within 3 SE of q on either side.
      const below = ex.rates.filter((x) => x.rate < v).reduce((a, b) => a + b.prob, 0) / mass;
      const upTo = below + ex.rates.filter((x) => x.rate === v).reduce((a, b) => a + b.prob, 0) / mass;
      const qse = Math.sqrt((q * (1 - q)) / R);
      expect(below).toBeLessThan(q + 3 * qse);
      expect(upTo).toBeGreaterThan(q - 3 * qse);
      if (Math.abs(below - q) > 3 * qse && Math.abs(upTo - q) > 3 * qse)
        expect(v).toBe(discreteQuantile(ex.rates, q));
    }

    // Expected reserves: exact and simulated within 3 SE (SE from the exact law of reserves used).
    expect(r.expectedReservesExact).toBeCloseTo(expectedReserves, 12);
    const outcomes = fieldworkOutcomes(s.size, s.reserves, d.responseRate);
    const v2 = outcomes.reduce((a, o) => a + o.prob * (o.reservesUsed - expectedReserves) ** 2, 0);
    expect(Math.abs(r.expectedReserves - expectedReserves)).toBeLessThanOrEqual(
      3 * Math.sqrt(v2 / R) + 1e-12,
    );
  });
});

describe('reproducibility', () => {
  const d = design(
    [stratum('南全福社区', 300, 22, 5, [0.93, 0.85]), stratum('利农社区', 500, 22, 5, [0.9, 0.8])],
    [0.9, 0.8],
    0.8,
  );

  it('same seed, same numbers; another seed, other numbers', () => {
    const a = simulateDesign(d, { replicates: 5000, streams: seededStreams('s1') });
    const b = simulateDesign(d, { replicates: 5000, streams: seededStreams('s1') });
    const c = simulateDesign(d, { replicates: 5000, streams: seededStreams('s2') });
    expect(b).toEqual(a);
    expect(c.strata.map((r) => r.pPass)).not.toEqual(a.strata.map((r) => r.pPass));
    expect(c.strata.map((r) => r.pPassExact)).toEqual(a.strata.map((r) => r.pPassExact));
  });

  it("a community's numbers do not depend on the other communities or their order", () => {
    const a = simulateDesign(d, { replicates: 5000, streams: seededStreams('s1') });
    const alone = simulateDesign(
      { ...d, strata: [d.strata[1]!] },
      { replicates: 5000, streams: seededStreams('s1') },
    );
    const reversed = simulateDesign(
      { ...d, strata: [...d.strata].reverse() },
      { replicates: 5000, streams: seededStreams('s1') },
    );
    const pick = (res: typeof a, key: string) => res.strata.filter((r) => r.stratum === key);
    expect(pick(alone, '利农社区')).toEqual(pick(a, '利农社区'));
    expect(pick(reversed, '南全福社区')).toEqual(pick(a, '南全福社区'));
  });
});

describe('roll-ups', () => {
  const strata = [
    stratum('a1', 300, 22, 0, [0.93], 0, 'not_favourable', { street: '全福' }),
    stratum('a2', 150, 22, 0, [0.95], 0, 'not_favourable', { street: '全福' }),
    stratum('b1', 800, 22, 0, [0.9], 0, 'not_favourable', { street: '华山' }),
    stratum('b2', 420, 22, 0, [0.97], 0, 'not_favourable', { street: '华山' }),
    stratum('b3', 60, 22, 0, [0.88], 0, 'not_favourable', { street: '华山' }),
  ];
  const R = 40_000;
  const res = simulateDesign(design(strata, [0.9], 1, ['street']), {
    replicates: R,
    streams: seededStreams('rollup'),
  });

  it('has one row per group and the overall last', () => {
    expect(res.levels.map((l) => `${l.level}:${l.group}`)).toEqual([
      'street:全福',
      'street:华山',
      'overall:overall',
    ]);
    expect(res.levels.map((l) => l.population)).toEqual([450, 1280, 1730]);
  });

  it('"every community passes": simulated within 3 SE of the exact product', () => {
    for (const l of res.levels) {
      const se = Math.sqrt((l.pAllPassExact * (1 - l.pAllPassExact)) / R);
      expect(Math.abs(l.pAllPass - l.pAllPassExact)).toBeLessThan(3 * se);
    }
    const overall = res.levels.at(-1)!;
    expect(overall.pAllPassExact).toBeCloseTo(
      res.strata.reduce((p, s) => p * s.pPassExact, 1),
      14,
    );
  });

  it('the stratified estimate is unbiased: its mean is Σ (N_h/N) E[p_h] within 3 SE', () => {
    for (const l of res.levels) {
      const members = res.strata.filter((s) => l.level === 'overall' || s.groups.street === l.group);
      const expected = members.reduce(
        (a, s) => a + (s.population / l.population) * (s.favourable / s.population),
        0,
      );
      expect(l.trueRate).toBeCloseTo(expected, 12);
      // Var of the stratified estimate: Σ W_h² (1 − n/N_h) P(1 − P) n/(n − 1) / n, P = K_h/N_h.
      const v = members.reduce((a, s) => {
        const W = s.population / l.population;
        const P = s.favourable / s.population;
        return (
          a +
          (W * W * (1 - s.size / s.population) * P * (1 - P) * (s.population / (s.population - 1))) / s.size
        );
      }, 0);
      expect(Math.abs(l.mean - expected)).toBeLessThan(3 * Math.sqrt(v / R));
      expect(l.q05).toBeLessThanOrEqual(l.q50);
      expect(l.q50).toBeLessThanOrEqual(l.q95);
    }
  });

  it('a one-community roll-up under the point rule passes exactly when the community does', () => {
    const one = simulateDesign(design([strata[0]!], [0.9]), {
      replicates: 2000,
      streams: seededStreams('one'),
    });
    expect(one.levels[0]!.pPass).toBe(one.strata[0]!.pPass);
    expect(one.levels[0]!.pAllPass).toBe(one.strata[0]!.pPass);
  });

  it('a lower-bound rule needs the roll-up interval', () => {
    const d = design([strata[0]!], [0.9]);
    d.indicators[0]!.rule = {
      kind: 'lower_bound',
      threshold: 0.9,
      confidence: 0.95,
      method: 'toy',
      lowerBound: (x, m) => x / m,
    };
    expect(() => simulateDesign(d, { replicates: 10, streams: seededStreams('x') })).toThrow(
      /levelLowerBound/,
    );
  });
});

describe('the Korn–Graubard lower bound used for roll-ups', () => {
  it('equals the scoring module’s kornGraubardInterval(...)[0] exactly', () => {
    const lb = kornGraubardLowerBound();
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 0.01, noNaN: true }),
        fc.integer({ min: 0, max: 2000 }),
        fc.integer({ min: 0, max: 200 }),
        fc.constantFrom(0.8, 0.9, 0.95, 0.99),
        (p, v, n, strata, conf) => {
          const df = n - Math.min(n, strata);
          const want = kornGraubardInterval({ rate: p, variance: v, respondents: n, df }, conf)[0];
          expect(lb(p, v, n, df, conf)).toBe(want);
          // and again from the cache
          expect(lb(p, v, n, df, conf)).toBe(want);
        },
      ),
      { numRuns: 300, seed: 11 },
    );
    for (const p of [0, 1])
      expect(lb(p, 0, 50, 45, 0.95)).toBe(
        kornGraubardInterval({ rate: p, variance: 0, respondents: 50, df: 45 }, 0.95)[0],
      );
  });
});

describe('summariseValues', () => {
  it('gives the type-1 quantiles of a sort (R quantile(type = 1)), by selection', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.double({ min: 0, max: 1, noNaN: true }), fc.constantFrom(0.25, 0.5, 0.9)), {
          minLength: 1,
          maxLength: 300,
        }),
        (xs) => {
          const sorted = [...xs].sort((a, b) => a - b);
          const q = (p: number) => sorted[Math.max(1, Math.ceil(p * xs.length - 1e-9)) - 1];
          const s = summariseValues(Float64Array.from(xs));
          expect([s.q05, s.q50, s.q95]).toEqual([q(0.05), q(0.5), q(0.95)]);
          expect(s.mean).toBeCloseTo(xs.reduce((a, b) => a + b, 0) / xs.length, 12);
        },
      ),
    );
  });
});
