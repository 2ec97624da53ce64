import { describe, expect, it } from 'vitest';
import { betaQuantile, incompleteBeta, normalCdf, normalQuantile, tQuantile } from './quantiles.js';

/**
 * Reference values: R 4.2.2 (pnorm, qnorm, qt, qbeta), printed with formatC(x, digits = 17) by
 * scripts/reference-distributions.R. The functions are claimed to 1e-12 relative: the series,
 * continued fractions and Newton steps stop at 1e-16, and the forms used do not cancel. One known
 * exception: past the mean, the incomplete beta's continued fraction runs at 1 − x, whose rounding
 * (ε) a large a + b amplifies, so there the claim is (a + b)·16ε relative (betaTol).
 */
const REL = 1e-12;
const betaTol = (a: number, b: number) => Math.max(REL, 16 * (a + b) * Number.EPSILON);
function close(actual: number, expected: number, rel = REL): void {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(rel * Math.abs(expected));
}

describe('normal distribution against R', () => {
  it.each([
    [-37, 5.7255712225245771e-300],
    [-20, 2.7536241186062337e-89],
    [-8, 6.2209605742717849e-16],
    [-3, 0.0013498980316300946],
    [-1.5, 0.066807201268858071],
    [-0.3, 0.38208857781104733],
    [0.2, 0.57925970943910299],
    [1, 0.84134474606854293],
    [2.9, 0.99813418669961596],
    [5, 0.99999971334842808],
  ])('pnorm(%d)', (x, r) => close(normalCdf(x), r));

  it.each([
    [1e-300, -37.047096299361201],
    [1e-20, -9.2623400897984052],
    [1e-8, -5.61200124417479],
    [0.001, -3.0902323061678132],
    [0.025, -1.9599639845400538],
    [0.3, -0.52440051270804067],
    [0.975, 1.9599639845400536],
  ])('qnorm(%d)', (p, r) => close(normalQuantile(p), r));

  it('has the edges and symmetry', () => {
    expect(normalCdf(0)).toBe(0.5);
    expect(normalCdf(-Infinity)).toBe(0);
    expect(normalCdf(Infinity)).toBe(1);
    expect(normalQuantile(0.5)).toBe(0);
    expect(normalQuantile(0)).toBe(-Infinity);
    expect(normalQuantile(1)).toBe(Infinity);
    expect(normalQuantile(1.5)).toBeNaN();
    for (const x of [-6, -2.5, -1, -0.1, 0.7, 3]) close(normalQuantile(normalCdf(x)), x, 1e-10);
  });
});

describe('Student t quantile against R', () => {
  it.each([
    [0.0005, 1, -636.61924876871956],
    [0.025, 1, -12.706204736174707],
    [0.3, 1, -0.72654252800536101],
    [0.0005, 3.5, -10.204828631655879],
    [0.025, 3.5, -2.9400886379827296],
    [0.3, 3.5, -0.57533870177223101],
    [0.0005, 21, -3.8192771642744616],
    [0.025, 21, -2.0796138447276804],
    [0.3, 21, -0.53245514701449692],
    [0.0005, 1e4, -3.291499965941604],
    [0.025, 1e4, -1.9602012398906259],
    [0.3, 1e4, -0.52441722834546667],
    [0.0005, 1e7, -3.2905277044652226],
    [0.025, 1e7, -1.9599642217672053],
    [0.3, 1e7, -0.52440052942325366],
  ])('qt(%d, %d)', (p, df, r) => {
    // Solved through qbeta(·, ½, df/2).
    close(tQuantile(p, df), r, betaTol(0.5, df / 2));
    close(tQuantile(1 - p, df), -r, betaTol(0.5, df / 2));
  });

  it('closed forms: qt(p, 1) = tan(π(p − ½)), qt(p, 2) = (2p − 1)/√(2p(1 − p))', () => {
    for (const p of [0.01, 0.1, 0.35, 0.6, 0.9]) {
      close(tQuantile(p, 1), Math.tan(Math.PI * (p - 0.5)), 1e-11);
      close(tQuantile(p, 2), (2 * p - 1) / Math.sqrt(2 * p * (1 - p)), 1e-11);
    }
    expect(tQuantile(0.5, 7)).toBe(0);
    close(tQuantile(0.025, Infinity), -1.9599639845400538);
  });
});

describe('beta quantile against R', () => {
  it.each([
    [1e-10, 1, 22, 4.545454545671487e-12],
    [0.025, 1, 22, 0.0011501475265735751],
    [0.975, 1, 22, 0.15437251281557451],
    [1e-10, 21, 2, 0.29286363665342113],
    [0.025, 21, 2, 0.77155560233236642],
    [0.975, 21, 2, 0.988794413975849],
    [1e-10, 0.3, 5, 6.9479848014233277e-35],
    [0.025, 0.3, 5, 6.8390083801757371e-7],
    [0.975, 0.3, 5, 0.33430287151061677],
    [1e-10, 0.05, 0.5, 3.7047666941529269e-200],
    [0.025, 0.05, 0.5, 3.3694656796368211e-32],
    [0.975, 0.05, 0.5, 0.93185350710383508],
    [1e-10, 200.5, 20.3, 0.74007387833751892],
    [0.025, 200.5, 20.3, 0.86669901305016639],
    [0.975, 200.5, 20.3, 0.94243939647905584],
    [1e-10, 19000, 1001, 0.93955058657200052],
    [0.025, 19000, 1001, 0.94688843205860884],
    [0.975, 19000, 1001, 0.95293134715687322],
    [1e-10, 0.5, 1e6, 7.853983597470168e-27],
    [0.025, 0.5, 1e6, 4.9103468122572572e-10],
    [0.975, 0.5, 1e6, 2.5119405667151732e-6],
  ])('qbeta(%d, %d, %d)', (p, a, b, r) => close(betaQuantile(p, a, b), r, betaTol(a, b)));

  it('closed forms: qbeta(p, a, 1) = p^(1/a), qbeta(p, 1, b) = 1 − (1 − p)^(1/b)', () => {
    for (const p of [0.001, 0.025, 0.5, 0.975])
      for (const s of [0.4, 1, 3, 22, 500]) {
        close(betaQuantile(p, s, 1), Math.pow(p, 1 / s), 1e-11);
        close(betaQuantile(p, 1, s), -Math.expm1(Math.log1p(-p) / s), 1e-11);
      }
  });

  it('is the inverse of the incomplete beta function, both tails summing to 1', () => {
    for (const [a, b] of [
      [0.5, 0.5],
      [2, 30],
      [45.2, 3.1],
    ] as const)
      for (const p of [0.01, 0.2, 0.8, 0.99]) {
        const [lower, upper] = incompleteBeta(betaQuantile(p, a, b), a, b);
        close(lower, p, 1e-11);
        expect(Math.abs(lower + upper - 1)).toBeLessThan(1e-15);
      }
    expect(betaQuantile(0, 2, 3)).toBe(0);
    expect(betaQuantile(1, 2, 3)).toBe(1);
    expect(betaQuantile(0.5, 0, 3)).toBeNaN();
  });
});
