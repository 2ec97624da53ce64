import { betaQuantile, normalQuantile } from './quantiles.js';

/** A two-sided confidence interval [low, high] for a proportion, always within [0, 1]. */
export type Interval = [low: number, high: number];

export type CiMethod = 'wilson' | 'clopper-pearson';

function checkCounts(x: number, n: number): void {
  if (!Number.isInteger(x) || !Number.isInteger(n) || n < 0 || x < 0 || x > n) {
    throw new RangeError(`need whole numbers 0 <= x <= n, got x=${x}, n=${n}`);
  }
}

function checkConfidence(confidence: number): void {
  if (!(confidence > 0 && confidence < 1))
    throw new RangeError(`confidence must be in (0, 1), got ${confidence}`);
}

function clamp01(v: number): number {
  return v < 0 ? 0 : v > 1 ? 1 : v;
}

/**
 * Wilson score interval: the interval R's `prop.test(x, n, correct = FALSE)` reports.
 * centre ± half-width of (p + z²/2n ± z·sqrt(p(1−p)/n + z²/4n²)) / (1 + z²/n); the bound at a rate of
 * exactly 0 or 1 is set to 0 or 1 (R does the same). No respondents (n = 0): the whole of [0, 1].
 */
export function wilsonInterval(x: number, n: number, confidence = 0.95): Interval {
  checkCounts(x, n);
  checkConfidence(confidence);
  if (n === 0) return [0, 1];
  const z = normalQuantile((1 + confidence) / 2);
  const p = x / n;
  const z22n = (z * z) / (2 * n);
  const half = z * Math.sqrt((p * (1 - p)) / n + z22n / (2 * n));
  const low = x === 0 ? 0 : (p + z22n - half) / (1 + 2 * z22n);
  const high = x === n ? 1 : (p + z22n + half) / (1 + 2 * z22n);
  return [clamp01(low), clamp01(high)];
}

/**
 * Clopper–Pearson ("exact") interval: R's `binom.test(x, n)$conf.int`,
 * [qbeta(α/2, x, n−x+1), qbeta(1−α/2, x+1, n−x)] with 0 and 1 at the ends.
 */
export function clopperPearsonInterval(x: number, n: number, confidence = 0.95): Interval {
  checkCounts(x, n);
  checkConfidence(confidence);
  if (n === 0) return [0, 1];
  const alpha = 1 - confidence;
  const low = x === 0 ? 0 : betaQuantile(alpha / 2, x, n - x + 1);
  const high = x === n ? 1 : betaQuantile(1 - alpha / 2, x + 1, n - x);
  return [clamp01(low), clamp01(high)];
}

export function proportionInterval(method: CiMethod, x: number, n: number, confidence = 0.95): Interval {
  return method === 'wilson' ? wilsonInterval(x, n, confidence) : clopperPearsonInterval(x, n, confidence);
}

/**
 * Standard error of a stratum's rate from m respondents out of N households, with the finite
 * population correction: sqrt((1 − m/N) p(1−p)/(m−1)), the one-stratum case of the stratified
 * variance (what R's survey package gives for `svydesign(ids=~1, fpc=~N)`). A rate of 0 or 1 (and so
 * every single respondent) has p(1−p) = 0 and a standard error of 0; no respondents: 0 as well.
 */
export function stratumStandardError(x: number, m: number, population: number): number {
  checkCounts(x, m);
  if (m < 2) return 0;
  const p = x / m;
  return Math.sqrt((finitePopulationCorrection(m, population) * p * (1 - p)) / (m - 1));
}

/** 1 − m/N, never below 0 (a census has no sampling variance); no known N means no correction. */
export function finitePopulationCorrection(m: number, population: number): number {
  if (!(population > 0) || !Number.isFinite(population)) return 1;
  return Math.max(0, 1 - m / population);
}
