import { normalQuantile } from '../stats/index.js';

export interface PrecisionRequest {
  /** Half-width of the confidence interval, e.g. 0.05 for ±5 points. */
  margin: number;
  confidence: number;
  /** Expected rate p (0.5, the most conservative, when unknown). */
  expected: number;
  /** Households in the population; undefined for an infinite population (no correction). */
  population?: number;
  /** Design effect (1 for simple random sampling; about 1 + (m−1)ρ for clustered designs). */
  deff: number;
  /** Expected share of drawn households that complete. */
  responseRate: number;
}

export interface PrecisionPlan {
  z: number;
  /** n₀ = z²p(1−p)/e², unrounded. */
  n0: number;
  /** After the finite population correction n₀/(1 + (n₀−1)/N). */
  nFpc: number;
  /** × design effect. */
  nDeff: number;
  /** ÷ response rate: households to draw, unrounded. */
  nDraw: number;
  /** Rounded up once, at the end. */
  n: number;
  /** Completes expected from n drawn households. */
  completes: number;
  /** The population is smaller than the households to draw: a census (n = N) is the best there is. */
  exceedsPopulation: boolean;
}

/**
 * Sample size for estimating a rate to within ±e: n₀ = z²p(1−p)/e² with z the normal quantile of
 * (1 + confidence)/2, the finite population correction n₀/(1 + (n₀−1)/N) (Cochran 1977, §4.4),
 * times the design effect, divided by the response rate; every step unrounded and one rounding up
 * at the end (checks: e=0.05, p=0.5 → 385; with N=1000 → 278).
 */
export function planPrecision(req: PrecisionRequest): PrecisionPlan {
  const { margin: e, confidence, expected: p, population: N, deff, responseRate: r } = req;
  if (!(e > 0 && e < 1)) throw new RangeError(`margin must be between 0 and 1 (exclusive), got ${e}`);
  if (!(confidence > 0 && confidence < 1))
    throw new RangeError(`confidence must be in (0, 1), got ${confidence}`);
  if (!(p >= 0 && p <= 1)) throw new RangeError(`expected rate must be in [0, 1], got ${p}`);
  if (N !== undefined && !(Number.isSafeInteger(N) && N >= 1))
    throw new RangeError(`population must be a whole number ≥ 1, got ${N}`);
  if (!(deff > 0)) throw new RangeError(`design effect must be positive, got ${deff}`);
  if (!(r > 0 && r <= 1)) throw new RangeError(`response rate must be in (0, 1], got ${r}`);
  const z = normalQuantile((1 + confidence) / 2);
  const n0 = (z * z * p * (1 - p)) / (e * e);
  const nFpc = N === undefined ? n0 : n0 / (1 + (n0 - 1) / N);
  const nDeff = nFpc * deff;
  const nDraw = nDeff / r;
  // One rounding, robust to representation error (a value of 278.0000000001 is 278).
  let n = Math.max(1, Math.ceil(nDraw - 1e-9));
  const exceedsPopulation = N !== undefined && n > N;
  if (N !== undefined) n = Math.min(n, N);
  return { z, n0, nFpc, nDeff, nDraw, n, completes: n * r, exceedsPopulation };
}
