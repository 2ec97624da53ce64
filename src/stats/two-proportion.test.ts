import { describe, expect, it } from 'vitest';
import { createRng, uniformInt } from '../sampling/rng.js';
import { hypergeometricPmfVector } from './hypergeometric.js';
import { wilsonInterval } from './proportion.js';
import { normalQuantile } from './quantiles.js';
import {
  holmAdjust,
  newcombeChange,
  pieceSize,
  stratifiedChange,
  tTwoSided,
  wilsonAt,
  type StratumPair,
} from './two-proportion.js';

function close(actual: number, expected: number, tol: number): void {
  expect(Math.abs(actual - expected)).toBeLessThan(tol);
}

// Reference values: examples/stats/compare.R (R 4.2.2; Wilson pieces from prop.test(correct = FALSE),
// the dual p-value by uniroot on the confidence level). The first row is Newcombe (1998), Table II, example (a): 56/70 − 48/80,
// method 10: 0.0524 to 0.3339; the others of that table (b)–(h) are the next seven rows.
// R's uniroot stops at 1e-14 on log10(α): p-values agree to about 1e-13 relative.
const R_NEWCOMBE: [x1: number, n1: number, x2: number, n2: number, lo: number, hi: number, p: number][] = [
  [48, 80, 56, 70, 0.052431472402365, 0.333872654036906, 0.0081331403586068],
  [3, 10, 9, 10, 0.170522723934503, 0.809017973535488, 0.00496340141751017],
  [2, 7, 6, 7, 0.058227927482312, 0.806249637524228, 0.0266250575478653],
  [0, 29, 5, 56, -0.038137147903537, 0.192560013855112, 0.117555730672575],
  [0, 20, 0, 10, -0.161125158052819, 0.277532799862889, 1],
  [0, 10, 0, 10, -0.277532799862889, 0.277532799862889, 1],
  [0, 20, 10, 10, 0.679086037141915, 1, 4.50781961758292e-9],
  [0, 10, 10, 10, 0.607509350430524, 1, 8.94808372009481e-7],
  [15, 22, 21, 22, 0.041083375161286, 0.484682559878708, 0.0229396913309446],
  [18, 22, 20, 22, -0.125621223471839, 0.304580609919189, 0.384157157511032],
  [15, 20, 19, 20, -0.031790877111014, 0.422532714727364, 0.0859537891493968],
  [6, 10, 10, 10, 0.038385820888002, 0.687326230266342, 0.0316891542231926],
];

// A census (every household of the community) in one or both drills: its rate is exact.
const R_NEWCOMBE_CENSUS: [
  x1: number,
  n1: number,
  N1: number,
  x2: number,
  n2: number,
  N2: number,
  lo: number,
  hi: number,
  p: number,
][] = [
  [20, 22, 30, 22, 22, 22, 0.025295428990995, 0.278149468416058, 0], // the bound never reaches 0
  [18, 22, 22, 21, 22, 22, 0.136363636363636, 0.136363636363636, 0],
  [15, 20, 80, 19, 20, 80, -0.031790877111014, 0.422532714727364, 0.0859537891493968], // no census: as without N
];

describe("Newcombe's hybrid score interval for a community's change", () => {
  for (const [x1, n1, x2, n2, lo, hi, p] of R_NEWCOMBE) {
    it(`${x1}/${n1} → ${x2}/${n2} = R`, () => {
      const c = newcombeChange({ favourable: x1, eligible: n1 }, { favourable: x2, eligible: n2 });
      close(c.difference, x2 / n2 - x1 / n1, 1e-15);
      close(c.ci[0], lo, 1e-12);
      close(c.ci[1], hi, 1e-12);
      close(c.pValue, p, 1e-12 * p + 1e-15);
      expect(c.significant).toBe(p < 0.05);
    });
  }
  it('Newcombe 1998 Table II (a), as published to 4 places', () => {
    const c = newcombeChange({ favourable: 48, eligible: 80 }, { favourable: 56, eligible: 70 });
    expect(c.ci.map((v) => Math.round(v * 1e4) / 1e4)).toEqual([0.0524, 0.3339]);
  });
  for (const [x1, n1, N1, x2, n2, N2, lo, hi, p] of R_NEWCOMBE_CENSUS) {
    it(`${x1}/${n1} of ${N1} → ${x2}/${n2} of ${N2} = R`, () => {
      const c = newcombeChange(
        { favourable: x1, eligible: n1, population: N1 },
        { favourable: x2, eligible: n2, population: N2 },
      );
      close(c.ci[0], lo, 1e-12);
      close(c.ci[1], hi, 1e-12);
      if (p === 0) expect(c.pValue).toBe(0);
      else close(c.pValue, p, 1e-12 * p);
    });
  }
  it('Wilson pieces are prop.test; a census has no width, a sample no other correction', () => {
    const z = normalQuantile(0.975);
    const w = wilsonAt(21 / 22, 22, z);
    const r = wilsonInterval(21, 22);
    close(w[0], r[0], 1e-15);
    close(w[1], r[1], 1e-15);
    expect(pieceSize(22, 22)).toBe(Infinity);
    expect(pieceSize(22, undefined)).toBe(22);
    expect(pieceSize(22, 23)).toBe(22);
    expect(wilsonAt(0.5, Infinity, z)).toEqual([0.5, 0.5]);
    const none = newcombeChange(
      { favourable: 20, eligible: 22, population: 22 },
      { favourable: 20, eligible: 22, population: 22 },
    );
    expect(none).toMatchObject({ difference: 0, pValue: 1, significant: false });
  });
  it('calls no more false changes than asked: exact level under "no change" (enumeration) = R', () => {
    // Both drills draw n of the same N households, K favourable: P(significant) summed exactly over
    // both hypergeometric outcomes, the largest over K. R (compare.R): N=30, n=22: 0.000566761494448;
    // N=40, n=22: 0.00457185273686; N=10, n=8: 0.
    const level = (N: number, n: number) => {
      let worst = 0;
      for (let K = 0; K <= N; K++) {
        const pmf = hypergeometricPmfVector(N, K, n);
        let size = 0;
        for (let a = 0; a <= n; a++)
          for (let b = 0; b <= n; b++) {
            const pr = pmf[a]! * pmf[b]!;
            if (pr < 1e-15) continue;
            const c = newcombeChange(
              { favourable: a, eligible: n, population: N },
              { favourable: b, eligible: n, population: N },
            );
            if (c.significant) size += pr;
          }
        worst = Math.max(worst, size);
      }
      return worst;
    };
    close(level(30, 22), 0.000566761494448, 1e-12);
    close(level(40, 22), 0.00457185273686, 1e-12);
    expect(level(10, 8)).toBe(0);
    // A large community (sampling fraction 7%): the level is near 0.05 and does not exceed it.
    const big = level(300, 22);
    expect(big).toBeLessThanOrEqual(0.05);
    expect(big).toBeGreaterThan(0.03);
  });
  it('interval and test never disagree: every count pair at n = 1..12 and 22, three levels, with and without N', () => {
    let rows = 0;
    let significant = 0;
    for (const n1 of [1, 2, 3, 5, 7, 12, 22])
      for (const n2 of [1, 4, 6, 10, 22])
        for (const N of [undefined, 23, 40, 300])
          for (let x1 = 0; x1 <= n1; x1++)
            for (let x2 = 0; x2 <= n2; x2++)
              for (const confidence of [0.9, 0.95, 0.99]) {
                const c = newcombeChange(
                  { favourable: x1, eligible: n1, population: N },
                  { favourable: x2, eligible: n2, population: N },
                  confidence,
                );
                rows += 1;
                if (c.significant) significant += 1;
                expect(c.pValue < 1 - confidence, `${x1}/${n1} → ${x2}/${n2} of ${N} at ${confidence}`).toBe(
                  c.significant,
                );
                expect(c.ci[0] <= c.difference && c.difference <= c.ci[1]).toBe(true);
              }
    // Both outcomes occur (the check is not vacuous).
    expect(significant).toBeGreaterThan(rows / 10);
    expect(rows - significant).toBeGreaterThan(rows / 10);
  });
  it('the p-value is the level at which the interval touches 0', () => {
    for (const [x1, n1, x2, n2] of [
      [15, 22, 21, 22],
      [12, 20, 5, 20],
      [3, 7, 7, 7],
    ] as const) {
      const c = newcombeChange(
        { favourable: x1, eligible: n1, population: 50 },
        { favourable: x2, eligible: n2, population: 60 },
      );
      const at = newcombeChange(
        { favourable: x1, eligible: n1, population: 50 },
        { favourable: x2, eligible: n2, population: 60 },
        1 - c.pValue,
      );
      close(c.difference > 0 ? at.ci[0] : at.ci[1], 0, 1e-9);
    }
  });
  it('rejects empty samples', () => {
    expect(() => newcombeChange({ favourable: 0, eligible: 0 }, { favourable: 1, eligible: 2 })).toThrow(
      RangeError,
    );
  });
});

// examples/stats/compare.R, the two drills as one design: svydesign(strata = drill × community,
// fpc = N), svyby(~y, ~drill, svymean), svycontrast(c(−1, 1)); t on degf(design).
const R_ROLLUP: {
  pairs: StratumPair[];
  d: number;
  se: number;
  df: number;
  ci: [number, number];
  p: number;
}[] = [
  {
    pairs: [
      {
        before: { population: 80, eligible: 20, favourable: 15 },
        after: { population: 80, eligible: 20, favourable: 19 },
      },
      {
        before: { population: 40, eligible: 22, favourable: 18 },
        after: { population: 40, eligible: 22, favourable: 21 },
      },
      {
        before: { population: 30, eligible: 10, favourable: 10 },
        after: { population: 30, eligible: 10, favourable: 9 },
      },
    ],
    d: 0.123030303030303,
    se: 0.056551403774572,
    df: 98,
    ci: [0.010805882732897, 0.235254723327709],
    p: 0.0319936188932988,
  },
  {
    pairs: [
      {
        before: { population: 80, eligible: 20, favourable: 12 },
        after: { population: 85, eligible: 22, favourable: 20 },
      },
      {
        before: { population: 40, eligible: 22, favourable: 17 },
        after: { population: 40, eligible: 21, favourable: 20 },
      },
      { before: { population: 30, eligible: 10, favourable: 6 } },
    ],
    d: 0.276883116883117,
    se: 0.071641567857477,
    df: 90,
    ci: [0.134554637964566, 0.419211595801668],
    p: 0.000209494618883228,
  },
];

describe('stratified change of a roll-up (t on the design degrees of freedom)', () => {
  R_ROLLUP.forEach((r, i) => {
    it(`case ${i + 1} = R survey`, () => {
      const c = stratifiedChange(r.pairs)!;
      close(c.difference, r.d, 1e-14);
      close(c.se, r.se, 1e-14);
      expect(c.df).toBe(r.df);
      close(c.ci[0], r.ci[0], 1e-12);
      close(c.ci[1], r.ci[1], 1e-12);
      close(c.pValue, r.p, 1e-12 * r.p);
      expect(c.significant).toBe(true);
    });
  });
  it("t tail = R's 2·pt(−|t|, df)", () => {
    // R: 2 * pt(-2.1, 15) = 0.0530552561520428; 2 * pt(-0.5, 3) = 0.651447964848151
    close(tTwoSided(2.1, 15), 0.0530552561520428, 1e-14);
    close(tTwoSided(-0.5, 3), 0.651447964848151, 1e-14);
  });
  it('no design variance in either drill: the variance under "no change" is used instead', () => {
    const c = stratifiedChange([
      {
        before: { population: 100, eligible: 20, favourable: 20 },
        after: { population: 100, eligible: 20, favourable: 0 },
      },
    ])!;
    // V0 = 2 (1 − 20/100) p̄(1 − p̄)/19 with p̄ = 1/2, df = 38
    close(c.se, Math.sqrt((2 * 0.8 * 0.25) / 19), 1e-15);
    expect(c).toMatchObject({ difference: -1, df: 38, significant: true });
    const census = stratifiedChange([
      {
        before: { population: 20, eligible: 20, favourable: 20 },
        after: { population: 20, eligible: 20, favourable: 19 },
      },
    ])!;
    expect(census).toMatchObject({ pValue: 0, significant: true, se: 0 });
    census.ci.forEach((v) => close(v, -1 / 20, 1e-15));
    expect(stratifiedChange([{ before: { population: 10, eligible: 5, favourable: 5 } }])).toBeUndefined();
  });
  it('interval and test never disagree over 2000 seeded random roll-ups', () => {
    const rng = createRng('compare-rollups');
    let significant = 0;
    for (let i = 0; i < 2000; i++) {
      const pairs: StratumPair[] = [];
      const strata = 1 + uniformInt(rng, 5);
      for (let h = 0; h < strata; h++) {
        const population = 5 + uniformInt(rng, 300);
        const side = () => {
          const eligible = 1 + uniformInt(rng, Math.min(population, 25));
          return { population, eligible, favourable: uniformInt(rng, eligible + 1) };
        };
        pairs.push({ before: side(), after: side() });
      }
      const confidence = [0.9, 0.95, 0.99][i % 3]!;
      const c = stratifiedChange(pairs, confidence)!;
      if (c.significant) significant += 1;
      expect(c.pValue < 1 - confidence).toBe(c.significant);
    }
    expect(significant).toBeGreaterThan(200);
    expect(significant).toBeLessThan(1800);
  });
});

describe('Holm step-down adjustment', () => {
  it('= R p.adjust(p, "holm")', () => {
    // R: p.adjust(c(0.01, 0.04, 0.03, 0.005, 0.2), "holm") = 0.04 0.09 0.09 0.025 0.2
    const adj = holmAdjust([0.01, 0.04, 0.03, 0.005, 0.2]);
    [0.04, 0.09, 0.09, 0.025, 0.2].forEach((v, i) => close(adj[i]!, v, 1e-15));
    expect(holmAdjust([])).toEqual([]);
    expect(holmAdjust([0.6, 0.6])).toEqual([1, 1]);
  });
});
