import { describe, expect, it } from 'vitest';
import {
  hypergeometricCdf,
  hypergeometricPmf,
  hypergeometricSupport,
  hypergeometricUpperTail,
} from './hypergeometric.js';

/** C(n, k) exactly. */
function choose(n: number, k: number): bigint {
  if (k < 0 || k > n) return 0n;
  let c = 1n;
  for (let i = 1; i <= k; i++) c = (c * BigInt(n - k + i)) / BigInt(i);
  return c;
}
/** An exact ratio of big integers to the nearest double (scaled so both fit). */
function ratio(num: bigint, den: bigint): number {
  if (num === 0n) return 0;
  const shift = BigInt(Math.max(0, den.toString(2).length - 1000));
  return Number((num << 1000n) / (den >> shift)) / 2 ** Number(1000n + shift);
}

/**
 * Claimed accuracy: 1e-13 relative. Each probability is a product of three saddle-point binomial
 * terms (each within a few ε, Loader 2000), and a tail adds at most a few hundred positive terms
 * from the ratio recurrence, each multiplication adding ε.
 */
const REL = 1e-13;
function close(actual: number, expected: number, rel = REL): void {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(rel * Math.abs(expected));
}

describe('hypergeometric distribution', () => {
  it('equals exact enumeration with whole numbers (N up to 200)', () => {
    for (const N of [1, 5, 22, 47, 120, 200])
      for (const K of [0, 1, Math.floor(N / 3), N - 1, N])
        for (const n of [0, 1, Math.floor(N / 2), N]) {
          if (K < 0 || n > N) continue;
          const total = choose(N, n);
          let lowerNum = 0n;
          const [lo, hi] = hypergeometricSupport(N, K, n);
          for (let x = 0; x <= n; x++) {
            const num = choose(K, x) * choose(N - K, n - x);
            lowerNum += num;
            close(hypergeometricPmf(x, N, K, n), ratio(num, total));
            close(hypergeometricCdf(x, N, K, n), ratio(lowerNum, total));
            close(hypergeometricUpperTail(x + 1, N, K, n), ratio(total - lowerNum, total));
            if (x < lo || x > hi) expect(hypergeometricPmf(x, N, K, n)).toBe(0);
          }
        }
  });

  // R 4.2.2, scripts/reference-distributions.R: dhyper(x, K, N − K, n).
  it.each([
    [2, 50000, 2500, 400, 2.5374669245870357e-7],
    [40, 50000, 2500, 400, 1.5859422651635358e-5],
    [900, 1e6, 9e5, 1000, 0.042037814990498072],
    [960, 1e6, 9e5, 1000, 6.445731415689766e-13],
    [20, 300, 270, 22, 0.29052510875269533],
    [5, 171, 9, 60, 0.11761145609004223],
  ])('pmf(%i; N=%i, K=%i, n=%i) matches R', (x, N, K, n, r) => close(hypergeometricPmf(x, N, K, n), r));

  // phyper(x, K, N − K, n) and phyper(k − 1, K, N − K, n, lower.tail = FALSE).
  it.each([
    [13, 50000, 2500, 400, 0.060629447227672432],
    [950, 1e6, 9e5, 1000, 0.99999999725385347],
    [19, 300, 270, 22, 0.38095903831378192],
  ])('P(X ≤ %i; N=%i, K=%i, n=%i) matches R', (x, N, K, n, r) => close(hypergeometricCdf(x, N, K, n), r));
  it.each([
    [40, 50000, 2500, 400, 2.8772915123063277e-5],
    [942, 1e6, 9e5, 1000, 1.3429948168600732e-6],
    [930, 1e6, 9e5, 1000, 0.0005714672122086958],
    [20, 300, 270, 22, 0.61904096168621803],
    [9, 171, 9, 60, 5.3155575789445483e-5],
  ])('P(X ≥ %i; N=%i, K=%i, n=%i) matches R', (k, N, K, n, r) =>
    close(hypergeometricUpperTail(k, N, K, n), r),
  );

  it('rejects impossible designs', () => {
    expect(() => hypergeometricPmf(0, 10, 11, 2)).toThrow(RangeError);
    expect(() => hypergeometricCdf(0, 10, 5, 11)).toThrow(RangeError);
    expect(() => hypergeometricUpperTail(0, 10.5, 5, 2)).toThrow(RangeError);
  });
});
