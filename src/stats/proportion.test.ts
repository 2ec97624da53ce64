import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  clopperPearsonInterval,
  finitePopulationCorrection,
  proportionInterval,
  stratumStandardError,
  wilsonInterval,
  type Interval,
} from './proportion.js';

function expectInterval(actual: Interval, expected: Interval, tol = 1e-9): void {
  expect(Math.abs(actual[0] - expected[0])).toBeLessThan(tol);
  expect(Math.abs(actual[1] - expected[1])).toBeLessThan(tol);
}

describe('published values (domain notes)', () => {
  it('21/22: Wilson 78.2%–99.2%, Clopper–Pearson 77.2%–99.9%', () => {
    const w = wilsonInterval(21, 22);
    expect((w[0] * 100).toFixed(1)).toBe('78.2');
    expect((w[1] * 100).toFixed(1)).toBe('99.2');
    const cp = clopperPearsonInterval(21, 22);
    expect((cp[0] * 100).toFixed(1)).toBe('77.2');
    expect((cp[1] * 100).toFixed(1)).toBe('99.9');
  });
  it('22/22: Clopper–Pearson 84.6%–100%', () => {
    const cp = clopperPearsonInterval(22, 22);
    expect((cp[0] * 100).toFixed(1)).toBe('84.6');
    expect(cp[1]).toBe(1);
  });
});

// Reference values from R 4.2.2, printed with sprintf("%.15f"):
//   prop.test(x, n, correct = FALSE, conf.level = cl)$conf.int   (Wilson)
//   binom.test(x, n, conf.level = cl)$conf.int                    (Clopper–Pearson)
const R_REFERENCE: { x: number; n: number; cl: number; wilson: Interval; cp: Interval }[] = [
  {
    x: 21,
    n: 22,
    cl: 0.95,
    wilson: [0.782019541613427, 0.991930572378736],
    cp: [0.771555602332367, 0.998849852473426],
  },
  { x: 22, n: 22, cl: 0.95, wilson: [0.851345125391379, 1], cp: [0.845627487184425, 1] },
  { x: 0, n: 22, cl: 0.95, wilson: [0, 0.148654874608621], cp: [0, 0.154372512815575] },
  {
    x: 20,
    n: 22,
    cl: 0.95,
    wilson: [0.721850531583942, 0.974704571009005],
    cp: [0.708387258446067, 0.988794413975849],
  },
  {
    x: 19,
    n: 22,
    cl: 0.95,
    wilson: [0.666650128334283, 0.952509962859447],
    cp: [0.650877902742592, 0.970944148871253],
  },
  { x: 1, n: 1, cl: 0.95, wilson: [0.206549314377238, 1], cp: [0.025, 1] },
  { x: 0, n: 1, cl: 0.95, wilson: [0, 0.793450685622763], cp: [0, 0.975] },
  {
    x: 7,
    n: 10,
    cl: 0.95,
    wilson: [0.396778147461145, 0.892208732593699],
    cp: [0.347547149940003, 0.933260488822266],
  },
  {
    x: 50,
    n: 100,
    cl: 0.95,
    wilson: [0.403831530365996, 0.596168469634004],
    cp: [0.398321129503301, 0.601678870496699],
  },
  {
    x: 21,
    n: 22,
    cl: 0.9,
    wilson: [0.819741665999609, 0.989793248185192],
    cp: [0.801877868363118, 0.997671202484968],
  },
  {
    x: 21,
    n: 22,
    cl: 0.99,
    wilson: [0.703807779596081, 0.994640700196465],
    cp: [0.707574436084785, 0.999772183144041],
  },
];

describe('agreement with R to 1e-9', () => {
  for (const r of R_REFERENCE) {
    it(`${r.x}/${r.n} at ${r.cl}`, () => {
      expectInterval(wilsonInterval(r.x, r.n, r.cl), r.wilson);
      expectInterval(clopperPearsonInterval(r.x, r.n, r.cl), r.cp);
      expectInterval(proportionInterval('wilson', r.x, r.n, r.cl), r.wilson);
      expectInterval(proportionInterval('clopper-pearson', r.x, r.n, r.cl), r.cp);
    });
  }
});

describe('edge cases', () => {
  it('no respondents: the whole of [0, 1]', () => {
    expect(wilsonInterval(0, 0)).toEqual([0, 1]);
    expect(clopperPearsonInterval(0, 0)).toEqual([0, 1]);
  });
  it('rejects impossible counts', () => {
    expect(() => wilsonInterval(3, 2)).toThrow(RangeError);
    expect(() => clopperPearsonInterval(-1, 2)).toThrow(RangeError);
    expect(() => wilsonInterval(1.5, 2)).toThrow(RangeError);
    expect(() => wilsonInterval(1, 2, 1)).toThrow(RangeError);
  });
});

describe('stratum standard error', () => {
  it('is sqrt((1 − m/N) p(1−p)/(m−1))', () => {
    // 20 of 22 from N = 300: (1 − 22/300)·(10/11)(1/11)/21
    expect(stratumStandardError(20, 22, 300)).toBeCloseTo(
      Math.sqrt(((278 / 300) * (20 / 22) * (2 / 22)) / 21),
      15,
    );
    // R: SE(svymean(~y, svydesign(ids=~1, fpc=~N, data=<20 ones, 2 zeros, N=300>))) = 0.060389222484751
    expect(Math.abs(stratumStandardError(20, 22, 300) - 0.060389222484751)).toBeLessThan(1e-12);
    // R: 6 of 10 from N = 80 → 0.152752523165195
    expect(Math.abs(stratumStandardError(6, 10, 80) - 0.152752523165195)).toBeLessThan(1e-12);
  });
  it('is 0 (never NaN) at rates 0 and 1, for one respondent, none, and a census', () => {
    expect(stratumStandardError(0, 22, 300)).toBe(0);
    expect(stratumStandardError(22, 22, 300)).toBe(0);
    expect(stratumStandardError(1, 1, 300)).toBe(0);
    expect(stratumStandardError(0, 0, 300)).toBe(0);
    expect(stratumStandardError(5, 10, 10)).toBe(0);
  });
  it('finite population correction', () => {
    expect(finitePopulationCorrection(22, 300)).toBeCloseTo(1 - 22 / 300, 15);
    expect(finitePopulationCorrection(30, 20)).toBe(0);
    expect(finitePopulationCorrection(5, 0)).toBe(1);
  });
});

const counts = fc
  .integer({ min: 0, max: 400 })
  .chain((n) => fc.tuple(fc.integer({ min: 0, max: n }), fc.constant(n)));
const levels = fc.tuple(
  fc.double({ min: 0.5, max: 0.995, noNaN: true }),
  fc.double({ min: 0.5, max: 0.995, noNaN: true }),
);

describe('properties', () => {
  for (const method of ['wilson', 'clopper-pearson'] as const) {
    it(`${method}: a valid interval that contains the rate`, () => {
      fc.assert(
        fc.property(counts, fc.double({ min: 0.5, max: 0.999, noNaN: true }), ([x, n], cl) => {
          const [lo, hi] = proportionInterval(method, x, n, cl);
          expect(Number.isFinite(lo) && Number.isFinite(hi)).toBe(true);
          expect(0 <= lo && lo <= hi && hi <= 1).toBe(true);
          if (n > 0) {
            const p = x / n;
            expect(lo <= p + 1e-12 && p - 1e-12 <= hi).toBe(true);
          }
        }),
      );
    });
    it(`${method}: intervals nest as the confidence grows`, () => {
      fc.assert(
        fc.property(counts, levels, ([x, n], [a, b]) => {
          const [c1, c2] = a <= b ? [a, b] : [b, a];
          const narrow = proportionInterval(method, x, n, c1);
          const wide = proportionInterval(method, x, n, c2);
          expect(wide[0]).toBeLessThanOrEqual(narrow[0] + 1e-12);
          expect(wide[1]).toBeGreaterThanOrEqual(narrow[1] - 1e-12);
        }),
      );
    });
  }
});
