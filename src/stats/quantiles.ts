/**
 * Distribution functions from stdlib (a maintained numerical library), never hand-written special
 * functions. Thin typed wrappers so the rest of the code imports one module.
 */
import betaQuantileFn from '@stdlib/stats-base-dists-beta-quantile';
import normalCdfFn from '@stdlib/stats-base-dists-normal-cdf';
import normalQuantileFn from '@stdlib/stats-base-dists-normal-quantile';
import tQuantileFn from '@stdlib/stats-base-dists-t-quantile';

/** Standard normal quantile: qnorm(p). */
export function normalQuantile(p: number): number {
  return normalQuantileFn(p, 0, 1);
}

/** Standard normal distribution function: pnorm(x). */
export function normalCdf(x: number): number {
  return normalCdfFn(x, 0, 1);
}

/** Student t quantile: qt(p, df). */
export function tQuantile(p: number, df: number): number {
  return tQuantileFn(p, df);
}

/** Beta quantile: qbeta(p, a, b). */
export function betaQuantile(p: number, a: number, b: number): number {
  return betaQuantileFn(p, a, b);
}
