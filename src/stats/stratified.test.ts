import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { estimateStratified, kornGraubardInterval, type StratumCounts } from './stratified.js';
import { clopperPearsonInterval } from './proportion.js';

const A: StratumCounts = { population: 300, eligible: 22, favourable: 20 };
const B: StratumCounts = { population: 150, eligible: 20, favourable: 15 };
const C: StratumCounts = { population: 500, eligible: 22, favourable: 22 };
const D: StratumCounts = { population: 80, eligible: 10, favourable: 6 };

function close(actual: number, expected: number, tol = 1e-9): void {
  expect(Math.abs(actual - expected)).toBeLessThan(tol);
}

describe('stratified estimate: by hand', () => {
  it('A and B: p = Σ(N_h/N)p_h, V = Σ(N_h/N)²(1 − m_h/N_h)p_h(1−p_h)/(m_h−1)', () => {
    const e = estimateStratified([A, B])!;
    // N = 450: p = (300/450)(20/22) + (150/450)(15/20) = 0.6060606… + 0.25
    const p = (2 / 3) * (20 / 22) + (1 / 3) * 0.75;
    const v =
      ((4 / 9) * (1 - 22 / 300) * ((20 / 22) * (2 / 22))) / 21 +
      ((1 / 9) * (1 - 20 / 150) * (0.75 * 0.25)) / 19;
    close(e.rate, p, 1e-15);
    close(e.variance, v, 1e-15);
    close(e.se, Math.sqrt(v), 1e-15);
    expect(e).toMatchObject({ respondents: 42, strata: 2, df: 40, population: 450 });
  });
});

// Reference values from R 4.2.2 with survey 4.1.1:
//   d <- data.frame(stratum, N, y)   # one row per eligible respondent, y = 1 if favourable
//   des <- svydesign(ids = ~1, strata = ~stratum, fpc = ~N, data = d)
//   svymean(~y, des); degf(des); attr(svyciprop(~y, des, method = "beta", level = lv), "ci")
// with strata A (N=300, 20/22), B (N=150, 15/20), C (N=500, 22/22), D (N=80, 6/10), E (N=40, 30/40).
const E: StratumCounts = { population: 40, eligible: 40, favourable: 30 };
const R_SURVEY: {
  label: string;
  strata: StratumCounts[];
  level: number;
  p: number;
  se: number;
  df: number;
  ci: [number, number];
}[] = [
  {
    label: 'AB',
    strata: [A, B],
    level: 0.95,
    p: 0.856060606060606,
    se: 0.05070619548843,
    df: 40,
    ci: [0.724374537375921, 0.940648196607699],
  },
  {
    label: 'CD',
    strata: [C, D],
    level: 0.95,
    p: 0.944827586206896,
    se: 0.021069313540027,
    df: 30,
    ci: [0.886670759236179, 0.978541759905495],
  },
  {
    label: 'ABCD',
    strata: [A, B, C, D],
    level: 0.95,
    p: 0.906045895851721,
    se: 0.025130159448572,
    df: 70,
    ci: [0.843658125162982, 0.949527525271963],
  },
  {
    label: 'A',
    strata: [A],
    level: 0.95,
    p: 0.909090909090909,
    se: 0.060389222484751,
    df: 21,
    ci: [0.712410750404436, 0.988262668261076],
  },
  {
    label: 'D',
    strata: [D],
    level: 0.95,
    p: 0.6,
    se: 0.152752523165195,
    df: 9,
    ci: [0.266833601360795, 0.87549335184593],
  },
  {
    label: 'ABCD 90%',
    strata: [A, B, C, D],
    level: 0.9,
    p: 0.906045895851721,
    se: 0.025130159448572,
    df: 70,
    ci: [0.853922717665152, 0.943986711683571],
  },
  {
    label: 'ABCD 99%',
    strata: [A, B, C, D],
    level: 0.99,
    p: 0.906045895851721,
    se: 0.025130159448572,
    df: 70,
    ci: [0.822549039258435, 0.959278185063662],
  },
  // E is a census (m = N): no variance from it, R agrees.
  {
    label: 'AE',
    strata: [A, E],
    level: 0.95,
    p: 0.890374331550802,
    se: 0.05328460807478,
    df: 60,
    ci: [0.736647670115547, 0.970896808316914],
  },
  // F has a single respondent; R needs options(survey.lonely.psu = "remove").
  {
    label: 'ABF (lonely)',
    strata: [A, B, { population: 50, eligible: 1, favourable: 1 }],
    level: 0.95,
    p: 0.870454545454545,
    se: 0.045635575939587,
    df: 40,
    ci: [0.751069240927395, 0.946320570540327],
  },
];

describe('agreement with R survey (svymean, degf, svyciprop beta) to 1e-9', () => {
  for (const r of R_SURVEY) {
    it(r.label, () => {
      const e = estimateStratified(r.strata)!;
      close(e.rate, r.p);
      close(e.se, r.se);
      expect(e.df).toBe(r.df);
      const ci = kornGraubardInterval(e, r.level);
      close(ci[0], r.ci[0]);
      close(ci[1], r.ci[1]);
    });
  }
});

describe('edge cases R leaves as NaN', () => {
  it('all favourable: upper bound 1, lower bound Clopper–Pearson on n respondents with the df scaling', () => {
    const e = estimateStratified([C])!;
    expect(e.rate).toBe(1);
    expect(e.variance).toBe(0);
    const ci = kornGraubardInterval(e);
    expect(ci[1]).toBe(1);
    // One stratum: df = n − 1, no scaling, so exactly binom.test(22, 22)$conf.int[1] = 0.845627487184425.
    close(ci[0], 0.845627487184425);
    const both = kornGraubardInterval(
      estimateStratified([C, { population: 400, eligible: 22, favourable: 22 }])!,
    );
    expect(both[1]).toBe(1);
    // 44 respondents in 2 strata: wider than Clopper–Pearson on 44 because df = 42 < 43.
    expect(both[0]).toBeLessThan(clopperPearsonInterval(44, 44)[0]);
    expect(both[0]).toBeGreaterThan(0.9);
  });
  it('none favourable: lower bound 0', () => {
    const ci = kornGraubardInterval(estimateStratified([{ population: 100, eligible: 22, favourable: 0 }])!);
    expect(ci[0]).toBe(0);
    close(ci[1], 0.154372512815575); // binom.test(0, 22)$conf.int[2]
  });
  it('every stratum a census: the rate is known exactly', () => {
    const e = estimateStratified([E, { population: 10, eligible: 10, favourable: 5 }])!;
    expect(e.variance).toBe(0);
    expect(kornGraubardInterval(e)).toEqual([e.rate, e.rate]);
  });
  it('single respondents everywhere: df 0, still a valid interval', () => {
    const e = estimateStratified([
      { population: 10, eligible: 1, favourable: 1 },
      { population: 10, eligible: 1, favourable: 0 },
    ])!;
    expect(e.df).toBe(0);
    expect(e.rate).toBe(0.5);
    const ci = kornGraubardInterval(e);
    expect(ci.every(Number.isFinite)).toBe(true);
  });
  it('strata without respondents are left out; none at all gives undefined', () => {
    const e = estimateStratified([A, { population: 1000, eligible: 0, favourable: 0 }])!;
    expect(e.population).toBe(300);
    close(e.rate, 20 / 22, 1e-15);
    expect(estimateStratified([{ population: 10, eligible: 0, favourable: 0 }])).toBeUndefined();
    expect(estimateStratified([])).toBeUndefined();
  });
});

const stratum = fc
  .record({
    population: fc.integer({ min: 1, max: 2000 }),
    m: fc.integer({ min: 0, max: 60 }),
    q: fc.double({ min: 0, max: 1, noNaN: true }),
  })
  .map(({ population, m, q }) => {
    const eligible = Math.min(m, population);
    return { population, eligible, favourable: Math.round(q * eligible) };
  });

describe('properties', () => {
  it('a valid interval that contains the rate; the rate is between the smallest and largest p_h', () => {
    fc.assert(
      fc.property(
        fc.array(stratum, { minLength: 1, maxLength: 12 }),
        fc.double({ min: 0.5, max: 0.999, noNaN: true }),
        (strata, cl) => {
          const e = estimateStratified(strata);
          if (!e) return;
          const [lo, hi] = kornGraubardInterval(e, cl);
          expect(Number.isFinite(lo) && Number.isFinite(hi)).toBe(true);
          expect(0 <= lo && lo <= e.rate && e.rate <= hi && hi <= 1).toBe(true);
          const rates = strata.filter((s) => s.eligible > 0).map((s) => s.favourable / s.eligible);
          expect(e.rate).toBeGreaterThanOrEqual(Math.min(...rates) - 1e-12);
          expect(e.rate).toBeLessThanOrEqual(Math.max(...rates) + 1e-12);
        },
      ),
    );
  });
  it('intervals nest as the confidence grows', () => {
    fc.assert(
      fc.property(
        fc.array(stratum, { minLength: 1, maxLength: 12 }),
        fc.double({ min: 0.5, max: 0.995, noNaN: true }),
        fc.double({ min: 0.5, max: 0.995, noNaN: true }),
        (strata, a, b) => {
          const e = estimateStratified(strata);
          if (!e) return;
          const narrow = kornGraubardInterval(e, Math.min(a, b));
          const wide = kornGraubardInterval(e, Math.max(a, b));
          expect(wide[0]).toBeLessThanOrEqual(narrow[0] + 1e-9);
          expect(wide[1]).toBeGreaterThanOrEqual(narrow[1] - 1e-9);
        },
      ),
    );
  });
});
