import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  failRisk,
  hypergeometricCountInterval,
  hypergeometricInterval,
  hypergeometricTails,
  posteriorOverCount,
} from './finite.js';
import { hypergeometricPmf } from './hypergeometric.js';

// R 4.2.2, examples/stats/finite.R: hyper_ci(x, n, N, conf) is
//   K <- 0:N; c(min(K[phyper(x-1, K, N-K, n, lower.tail=FALSE) > a]), max(K[phyper(x, K, N-K, n) > a]))
// with a = (1 - conf)/2.
const R_CI: [x: number, n: number, N: number, conf: number, lo: number, hi: number][] = [
  [22, 22, 300, 0.95, 256, 300],
  [22, 22, 300, 0.9, 264, 300],
  [21, 22, 300, 0.95, 234, 299],
  [21, 22, 300, 0.9, 243, 299],
  [0, 22, 300, 0.95, 0, 44],
  [0, 22, 300, 0.9, 0, 36],
  [11, 22, 300, 0.95, 87, 213],
  [11, 22, 300, 0.9, 96, 204],
  [8, 10, 10, 0.95, 8, 8], // census
  [17, 17, 17, 0.95, 17, 17], // census, n/n
  [12, 12, 15, 0.95, 13, 15], // N < 22, n/n
  [12, 12, 15, 0.9, 14, 15],
  [0, 12, 15, 0.95, 0, 2], // 0/n
  [0, 12, 15, 0.9, 0, 1],
  [7, 12, 15, 0.95, 7, 10],
  [21, 22, 1000, 0.95, 774, 998],
  [21, 22, 1000, 0.9, 804, 997],
  [19, 22, 2000, 0.95, 1304, 1941],
  [19, 22, 2000, 0.9, 1370, 1922],
  [3, 5, 7, 0.95, 3, 5],
  [20, 22, 50, 0.95, 38, 48],
  [20, 22, 50, 0.9, 39, 48],
];

describe('exact hypergeometric interval (R phyper inversion)', () => {
  it.each(R_CI)('x=%i of n=%i from N=%i at %f: K in [%i, %i]', (x, n, N, conf, lo, hi) => {
    expect(hypergeometricCountInterval(x, n, N, conf)).toEqual([lo, hi]);
    const [l, h] = hypergeometricInterval(x, n, N, conf);
    expect(l).toBe(lo / N);
    expect(h).toBe(hi / N);
  });

  it('a census has a zero-width interval at its rate, whatever x', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 60 }), fc.nat(), (N, seed) => {
        const x = seed % (N + 1);
        expect(hypergeometricInterval(x, N, N)).toEqual([x / N, x / N]);
      }),
    );
  });

  it('holds the observed rate and nests: a higher confidence gives a wider interval', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 200 }), fc.nat(), fc.nat(), (N, a, b) => {
        const n = 1 + (a % N);
        const x = b % (n + 1);
        const [lo95, hi95] = hypergeometricCountInterval(x, n, N, 0.95);
        const [lo90, hi90] = hypergeometricCountInterval(x, n, N, 0.9);
        expect(lo95).toBeLessThanOrEqual(lo90);
        expect(hi95).toBeGreaterThanOrEqual(hi90);
        // K can be no less than x and no more than N − (n − x).
        expect(lo90).toBeGreaterThanOrEqual(x);
        expect(hi90).toBeLessThanOrEqual(N - (n - x));
      }),
    );
  });

  it('tails of a large community do not underflow (N = 20,000)', () => {
    const { le, ge } = hypergeometricTails(0, 20_000, 19_000, 22);
    expect(le).toBeGreaterThan(0);
    // P(X = 0) = C(1000, 22)/C(20000, 22) ≈ 0.05^22 · (slightly less): log10 ≈ −29
    expect(Math.log10(le)).toBeGreaterThan(-30);
    expect(Math.log10(le)).toBeLessThan(-28);
    expect(ge).toBeCloseTo(1, 12);
  });

  it('no respondents: the whole of [0, 1]', () => {
    expect(hypergeometricInterval(0, 0, 40)).toEqual([0, 1]);
  });
});

// R 4.2.2, examples/stats/finite.R: fail_risk(x, n, N, n2, c, prior) with n2 = min(22, N) and
// c = ceiling(t * n2): sum over K of post(K) * phyper(c - 1, K, N - K, n2), post ∝ prior × dhyper(x, K, N-K, n).
const R_RISK: [x: number, n: number, N: number, t: number, uniform: number, jeffreys: number][] = [
  [22, 22, 300, 0.9, 0.095532668772889, 0.039319929366294],
  [21, 22, 300, 0.9, 0.27261722321486, 0.195468625569165],
  [20, 22, 300, 0.9, 0.471207077685826, 0.39958296913362],
  [19, 22, 300, 0.9, 0.646609142384517, 0.592523770412943],
  [22, 22, 30, 0.9, 0.005538313089449, 0.002030344162485],
  [28, 30, 30, 0.9, 0, 0], // census at 93%: no official 22 of 30 can fall below 20
  [8, 10, 10, 0.85, 1, 1], // census of 10 at 80%: the official check is a census too
  [14, 21, 120, 0.85, 0.937122957420715, 0.929760040931796],
  [20, 21, 2000, 0.8, 0.091090856093647, 0.057676424381235],
  [5, 6, 9, 0.8, 0.533333333333333, 0.468005952380952],
  [37, 40, 40, 0.9, 0.15587044534413, 0.15587044534413], // census at 92.5% still fails 15.6% of checks
  [0, 22, 300, 0.9, 0.999999999982968, 0.999999999996001],
];

const pointRule = (t: number) => (k: number, n: number) => k >= Math.ceil(t * n - 1e-9);

describe('risk of failing the official check', () => {
  it.each(R_RISK)('x=%i of n=%i, N=%i, threshold %f', (x, n, N, t, uniform, jeffreys) => {
    const base = { favourable: x, eligible: n, population: N, officialSize: 22, passes: pointRule(t) };
    // Sums of up to N·n' terms of order 1: agreement to 1e-12.
    expect(Math.abs(failRisk(base) - uniform)).toBeLessThan(1e-12);
    expect(Math.abs(failRisk({ ...base, prior: 'jeffreys' }) - jeffreys)).toBeLessThan(1e-12);
  });

  /**
   * An independent computation by enumeration: households 0..N−1, the first K favourable. The
   * likelihood counts the n-subsets holding x favourable ones; the failure probability counts the
   * n'-subsets that fail the rule. Uniform prior: the posterior is the normalised likelihood.
   */
  function bruteForce(
    x: number,
    n: number,
    N: number,
    n2: number,
    passes: (k: number, n: number) => boolean,
  ): number {
    const subsets = (size: number): number[][] => {
      const out: number[][] = [];
      const pick = (start: number, acc: number[]) => {
        if (acc.length === size) {
          out.push([...acc]);
          return;
        }
        for (let i = start; i < N; i++) {
          acc.push(i);
          pick(i + 1, acc);
          acc.pop();
        }
      };
      pick(0, []);
      return out;
    };
    const mock = subsets(n);
    const official = subsets(n2);
    let num = 0;
    let den = 0;
    for (let K = 0; K <= N; K++) {
      const lik = mock.filter((s) => s.filter((i) => i < K).length === x).length / mock.length;
      const fail =
        official.filter((s) => !passes(s.filter((i) => i < K).length, n2)).length / official.length;
      num += lik * fail;
      den += lik;
    }
    return num / den;
  }

  it('matches a brute-force enumeration of every mock and official sample (N ≤ 9)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 9 }),
        fc.nat(),
        fc.nat(),
        fc.nat(),
        fc.constantFrom(0.5, 0.8, 0.9),
        (N, a, b, c, t) => {
          const n = 1 + (a % N);
          const x = b % (n + 1);
          const n2 = 1 + (c % N);
          const got = failRisk({
            favourable: x,
            eligible: n,
            population: N,
            officialSize: n2,
            passes: pointRule(t),
          });
          expect(Math.abs(got - bruteForce(x, n, N, n2, pointRule(t)))).toBeLessThan(1e-12);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('follows the pmf term by term from K to K + 1 as exactly as computing it afresh (N up to 5,000)', () => {
    // The reference: every K's pmf computed on its own, as failRisk did before the ratio steps.
    const reference = (
      x: number,
      n: number,
      N: number,
      n2: number,
      t: number,
      prior: 'uniform' | 'jeffreys',
    ) => {
      const post = posteriorOverCount(x, n, N, prior);
      let risk = 0;
      for (let K = 0; K <= N; K++) {
        if (post[K] === 0) continue;
        let fail = 0;
        for (let k = 0; k <= n2; k++) if (!pointRule(t)(k, n2)) fail += hypergeometricPmf(k, N, K, n2);
        risk += post[K]! * Math.min(1, fail);
      }
      return Math.min(1, risk);
    };
    fc.assert(
      fc.property(
        fc.integer({ min: 23, max: 5000 }),
        fc.integer({ min: 1, max: 30 }),
        fc.nat(),
        fc.constantFrom(0.8, 0.85, 0.9),
        fc.constantFrom('uniform' as const, 'jeffreys' as const),
        (N, size, a, t, prior) => {
          const n = Math.min(size, N);
          const x = a % (n + 1);
          const input = {
            favourable: x,
            eligible: n,
            population: N,
            officialSize: 22,
            passes: pointRule(t),
            prior,
          };
          expect(Math.abs(failRisk(input) - reference(x, n, N, 22, t, prior))).toBeLessThan(1e-13);
        },
      ),
      { numRuns: 40 },
    );
  });

  it('a census puts the whole posterior on the observed count', () => {
    const post = posteriorOverCount(7, 12, 12, 'jeffreys');
    expect(post[7]).toBe(1);
    expect(post.reduce((a, b) => a + b, 0)).toBe(1);
  });

  it('risk falls as the mock result rises (uniform prior, N = 300)', () => {
    const risks = [16, 18, 20, 22].map((x) =>
      failRisk({ favourable: x, eligible: 22, population: 300, officialSize: 22, passes: pointRule(0.9) }),
    );
    for (let i = 1; i < risks.length; i++) expect(risks[i]!).toBeLessThan(risks[i - 1]!);
  });
});
