import { describe, expect, it } from 'vitest';
import { normalCdf } from './quantiles.js';
import { testDifference, testStratifiedChange, testTwoProportions } from './two-proportion.js';

function close(actual: number, expected: number, tol = 1e-9): void {
  expect(Math.abs(actual - expected)).toBeLessThan(tol);
}

// Reference values from R 4.2.2: r <- prop.test(c(x1, x2), c(n1, n2), correct = FALSE);
// r$statistic (X² = z²), r$p.value, r$conf.int (for p1 − p2; ours is p2 − p1, so negated and swapped).
const R_PROP_TEST: {
  x1: number;
  n1: number;
  x2: number;
  n2: number;
  x2stat: number;
  p: number;
  ci: [number, number];
}[] = [
  {
    x1: 15,
    n1: 22,
    x2: 21,
    n2: 22,
    x2stat: 5.500000000000001,
    p: 0.0190164736723,
    ci: [-0.485933233449299, -0.059521312005246],
  },
  {
    x1: 18,
    n1: 22,
    x2: 20,
    n2: 22,
    x2stat: 0.771929824561403,
    p: 0.379620706983558,
    ci: [-0.291921598397008, 0.110103416578826],
  },
  {
    x1: 10,
    n1: 40,
    x2: 30,
    n2: 35,
    x2stat: 27.646683673469383,
    p: 0.00000014562151,
    ci: [-0.784474028402266, -0.429811685883448],
  },
];

describe('two-proportion test = prop.test(correct = FALSE)', () => {
  for (const r of R_PROP_TEST) {
    it(`${r.x1}/${r.n1} → ${r.x2}/${r.n2}`, () => {
      const t = testTwoProportions(r.x1, r.n1, r.x2, r.n2);
      close(t.difference, r.x2 / r.n2 - r.x1 / r.n1, 1e-15);
      close(t.z * t.z, r.x2stat);
      expect(Math.sign(t.z)).toBe(Math.sign(t.difference));
      close(t.pValue, r.p, 1e-12);
      close(t.ci[0], -r.ci[1]);
      close(t.ci[1], -r.ci[0]);
    });
  }
  it('no variation at all: z = 0, p = 1 (never NaN)', () => {
    expect(testTwoProportions(22, 22, 20, 20)).toMatchObject({ difference: 0, z: 0, pValue: 1 });
    expect(testTwoProportions(0, 5, 0, 7)).toMatchObject({ difference: 0, z: 0, pValue: 1 });
  });
  it('rejects empty samples', () => {
    expect(() => testTwoProportions(0, 0, 1, 2)).toThrow(RangeError);
  });
});

describe('difference of two independent estimates', () => {
  it('z = (p2 − p1)/sqrt(se1² + se2²) with a normal reference', () => {
    const t = testDifference(0.8, 0.03, 0.9, 0.04);
    close(t.z, 0.1 / 0.05, 1e-12);
    // 2·pnorm(−2) = 0.0455002638963584 (R)
    close(t.pValue, 0.0455002638963584, 1e-12);
    // qnorm(0.975) = 1.95996398454005
    close(t.ci[0], 0.1 - 1.95996398454005 * 0.05, 1e-12);
  });
  it('no sampling error on either side', () => {
    expect(testDifference(0.5, 0, 0.5, 0)).toMatchObject({ z: 0, pValue: 1 });
    expect(testDifference(0.5, 0, 0.6, 0).pValue).toBe(0);
  });
});

describe('change of a stratified estimate', () => {
  it('pools each stratum over both drills for the variance under no change (by hand)', () => {
    const pairs = [
      {
        before: { population: 300, eligible: 22, favourable: 20 },
        after: { population: 300, eligible: 22, favourable: 21 },
      },
      {
        before: { population: 80, eligible: 10, favourable: 6 },
        after: { population: 80, eligible: 10, favourable: 10 },
      },
    ];
    const t = testStratifiedChange(pairs)!;
    const w1 = 300 / 380;
    const w2 = 80 / 380;
    const p1 = w1 * (20 / 22) + w2 * 0.6;
    const p2 = w1 * (21 / 22) + w2 * 1;
    const pa = 41 / 44;
    const pb = 16 / 20;
    const v0 =
      2 * ((w1 * w1 * (1 - 22 / 300) * pa * (1 - pa)) / 21) +
      2 * ((w2 * w2 * (1 - 10 / 80) * pb * (1 - pb)) / 9);
    close(t.difference, p2 - p1, 1e-15);
    close(t.z, (p2 - p1) / Math.sqrt(v0), 1e-12);
    close(t.pValue, 2 * (1 - normalCdf(Math.abs(t.z))), 1e-12);
  });
  it('no p of 0 from a roll-up at 100%: the pooled variance is not 0', () => {
    const t = testStratifiedChange([
      {
        before: { population: 100, eligible: 20, favourable: 19 },
        after: { population: 100, eligible: 20, favourable: 20 },
      },
    ])!;
    // V0 = 2 (1 − 20/100) p̄(1−p̄)/19 with p̄ = 39/40; the design variance after is 0
    const v0 = (2 * 0.8 * (39 / 40) * (1 / 40)) / 19;
    close(t.z, 0.05 / Math.sqrt(v0), 1e-12);
    expect(t.pValue).toBeGreaterThan(0.25);
  });
  it('nothing to compare: undefined; identical extremes: p = 1', () => {
    expect(
      testStratifiedChange([{ before: { population: 10, eligible: 5, favourable: 5 } }]),
    ).toBeUndefined();
    const same = testStratifiedChange([
      {
        before: { population: 10, eligible: 5, favourable: 5 },
        after: { population: 10, eligible: 6, favourable: 6 },
      },
    ])!;
    expect(same).toMatchObject({ difference: 0, z: 0, pValue: 1 });
  });
});
