import { describe, expect, it } from 'vitest';
import { createRng } from '../sampling/rng.js';
import { discreteSampler, hypergeometricTable } from './hypergeometric.js';
import { hypergeometricCdf, hypergeometricUpperTail } from '../stats/hypergeometric.js';
import { logChoose, logFactorial } from './fieldwork-outcomes.js';
import { minFavourable } from './pass-rule.js';

/** A plain log-space pmf, independent of the saddle-point one in src/stats: exp(ln C(K,x) + ln C(N−K,n−x) − ln C(N,n)). */
function ownPmf(x: number, N: number, K: number, n: number): number {
  return Math.exp(logChoose(K, x) + logChoose(N - K, n - x) - logChoose(N, n));
}
function ownUpper(N: number, K: number, n: number, k: number): number {
  let s = 0;
  for (let x = Math.max(k, 0); x <= Math.min(n, K); x++) s += ownPmf(x, N, K, n);
  return s;
}

/**
 * Log-space evaluation loses about eps × ln(N!) in the exponent (the three log-binomials are of
 * that size and cancel), hence this relative tolerance: ~6e-12 at N=300, ~6e-10 at N=20,000.
 */
const tol = (N: number) => 32 * Number.EPSILON * Math.max(1, logFactorial(N));

describe('exact pass probabilities', () => {
  it('gives the issue check value: N=300, K=270, n=22, t=0.9 → 0.619041', () => {
    const k = minFavourable(22, 0.9);
    expect(k).toBe(20);
    expect(hypergeometricUpperTail(k, 300, 270, 22)).toBeCloseTo(0.619041, 6);
    expect(ownUpper(300, 270, 22, k)).toBeCloseTo(0.619041, 6);
  });

  // Reference values from R 4.2.2: phyper(k - 1, K, N - K, n, lower.tail = FALSE).
  it.each([
    [300, 270, 22, 20, 0.619040961686218],
    [300, 279, 22, 20, 0.808660468157148],
    [1000, 900, 22, 20, 0.619732302594943],
    [20000, 18600, 50, 45, 0.865212186438188],
    [150, 135, 30, 27, 0.650999275023779],
    [30, 27, 22, 20, 0.620689655172414],
    [300, 270, 10, 9, 0.736790068823549],
    [120, 114, 22, 20, 0.925630903391774],
  ])('P(X ≥ k) for N=%i K=%i n=%i k=%i matches R (%f)', (N, K, n, k, r) => {
    // R prints 15 significant digits: allow 1e-15 on top of the log-space error.
    expect(Math.abs(hypergeometricUpperTail(k, N, K, n) - r)).toBeLessThan(tol(N) + 1e-15);
    expect(Math.abs(ownUpper(N, K, n, k) - r)).toBeLessThan(tol(N) + 1e-15);
  });

  it('the table agrees with plain log-space sums and with the recurrence cdf over a grid of designs', () => {
    for (const N of [1, 7, 22, 171, 300, 2000, 50000]) {
      for (const p of [0, 0.05, 0.5, 0.9, 0.97, 1]) {
        const K = Math.round(p * N);
        for (const n of [0, 1, Math.min(N, 22), Math.min(N, 60), Math.min(N, 400)]) {
          const t = hypergeometricTable(N, K, n);
          let total = 0;
          for (let x = 0; x <= n; x++) {
            const own = x < t.min || x > t.max ? 0 : ownPmf(x, N, K, n);
            expect(Math.abs(t.pmf[x]! - own)).toBeLessThanOrEqual(2 * tol(N) * own + 1e-300);
            total += t.pmf[x]!;
          }
          expect(Math.abs(total - 1)).toBeLessThan(tol(N));
          let tail = 0;
          for (let x = t.max; x > t.min; x--) {
            tail += t.pmf[x]!;
            const cdf = hypergeometricCdf(x - 1, N, K, n);
            expect(Math.abs(1 - cdf - tail)).toBeLessThan(2 * tol(N));
          }
        }
      }
    }
  });

  it('compares the threshold in integers', () => {
    expect(minFavourable(20, 0.9)).toBe(18); // 0.9 × 20 = 18.000000000000004 in floating point
    expect(minFavourable(10, 0.7)).toBe(7);
    expect(minFavourable(100, 0.29)).toBe(29); // 28.999999999999996
    expect(minFavourable(22, 0.9)).toBe(20);
    expect(minFavourable(9, 0.9)).toBe(9);
    expect(minFavourable(5, 0)).toBe(0);
  });
});

describe('discreteSampler', () => {
  it('is exactly the inverse of the cdf: draw(u) is the smallest x with cdf(x) > u', () => {
    const t = hypergeometricTable(300, 270, 22);
    const s = discreteSampler(t.pmf);
    const cum: number[] = [];
    let c = 0;
    for (const p of t.pmf) cum.push((c += p));
    const total = c;
    let mismatches = 0;
    for (let i = 0; i < 100_000; i++) {
      const u = i / 100_000 + 1 / 300_000;
      let x = 0;
      while (x < cum.length - 1 && cum[x]! / total <= u) x++;
      if (s.draw(u) !== x) mismatches++;
    }
    expect(mismatches).toBe(0);
    // The last support point is reached for u just below 1 and nothing beyond it.
    expect(s.draw(1 - Number.EPSILON)).toBe(22);
  });

  it('never returns a point outside the support', () => {
    const t = hypergeometricTable(40, 38, 22); // support 20..22
    const s = discreteSampler(t.pmf);
    const g = createRng('support');
    const seen = new Set<number>();
    for (let i = 0; i < 20_000; i++) seen.add(s.draw(g.next()));
    expect([...seen].sort()).toEqual([20, 21, 22]);
    expect(s.draw(0)).toBe(20);
  });

  it('reproduces the hypergeometric law for a community above 170 households (chi-square, seeded)', () => {
    // @stdlib/random-base-hypergeometric returns 22 on every draw here (its factorials overflow).
    const t = hypergeometricTable(300, 270, 22);
    const s = discreteSampler(t.pmf);
    const g = createRng('chi-square');
    const draws = 200_000;
    const counts = new Float64Array(23);
    for (let i = 0; i < draws; i++) counts[s.draw(g.next())]!++;
    // Pool cells with expected count < 5 into their neighbour, then a chi-square statistic.
    let chi = 0;
    let cells = 0;
    let pooledObs = 0;
    let pooledExp = 0;
    for (let x = 0; x <= 22; x++) {
      pooledObs += counts[x]!;
      pooledExp += t.pmf[x]! * draws;
      if (pooledExp >= 5) {
        chi += (pooledObs - pooledExp) ** 2 / pooledExp;
        cells++;
        pooledObs = 0;
        pooledExp = 0;
      }
    }
    // 10 pooled cells: 9 df, whose 99.9th percentile is 27.88 (R: qchisq(0.999, 9)).
    expect(cells).toBe(10);
    expect(chi).toBeLessThan(27.88);
  });
});
