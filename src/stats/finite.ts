import { hypergeometricPmfVector, hypergeometricTails, logChoose } from './hypergeometric.js';
import type { Interval } from './proportion.js';

// The distribution itself lives in ./hypergeometric.ts (one implementation for score, plan and
// simulate); re-exported here for the callers of this module.
export { hypergeometricTails } from './hypergeometric.js';

/**
 * Exact inference for a finite community: x favourable among n respondents drawn without
 * replacement from N households, K of them favourable (X ~ Hypergeometric(N, K, n)).
 *
 * Probabilities come from ./hypergeometric.ts: tails are sums of pmf terms, never 1 − cdf, so
 * nothing underflows or cancels for communities of thousands of households (stdlib's hypergeometric
 * cdf returns 0 for some such tails; see src/simulation/hypergeometric.ts).
 */

function checkFinite(x: number, n: number, N: number): void {
  for (const v of [x, n, N]) {
    if (!Number.isSafeInteger(v) || v < 0)
      throw new RangeError(`need whole numbers ≥ 0, got x=${x}, n=${n}, N=${N}`);
  }
  if (x > n || n > N) throw new RangeError(`need x ≤ n ≤ N, got x=${x}, n=${n}, N=${N}`);
}

/**
 * The exact interval for the favourable count K: invert the two one-sided hypergeometric tests
 * (Buonaccorsi 1987), K_lo = min{K : P(X ≥ x | N,K,n) > α/2}, K_hi = max{K : P(X ≤ x | N,K,n) > α/2}.
 * R: K[phyper(x-1, K, N-K, n, lower.tail=FALSE) > α/2] and K[phyper(x, K, N-K, n) > α/2] over K = 0..N.
 * A census (n = N) gives [x, x]. Both tails are monotone in K, so each bound is found by bisection.
 */
export function hypergeometricCountInterval(
  x: number,
  n: number,
  N: number,
  confidence = 0.95,
): [low: number, high: number] {
  checkFinite(x, n, N);
  if (!(confidence > 0 && confidence < 1))
    throw new RangeError(`confidence must be in (0, 1), got ${confidence}`);
  const half = (1 - confidence) / 2;
  // P(X ≥ x | K) rises with K and is 1 at K = N − (n − x); P(X ≤ x | K) falls with K and is 1 at K = x.
  let a = x;
  let b = N - (n - x);
  while (a < b) {
    const mid = Math.floor((a + b) / 2);
    if (hypergeometricTails(x, N, mid, n).ge > half) b = mid;
    else a = mid + 1;
  }
  const low = a;
  a = x;
  b = N - (n - x);
  while (a < b) {
    const mid = Math.ceil((a + b) / 2);
    if (hypergeometricTails(x, N, mid, n).le > half) a = mid;
    else b = mid - 1;
  }
  const high = a;
  return [low, high];
}

/** The exact finite-population interval for a community's rate: [K_lo/N, K_hi/N]. No respondents: [0, 1]. */
export function hypergeometricInterval(x: number, n: number, N: number, confidence = 0.95): Interval {
  if (n === 0) {
    checkFinite(x, n, N);
    return [0, 1];
  }
  const [lo, hi] = hypergeometricCountInterval(x, n, N, confidence);
  return [lo / N, hi / N];
}

/** Prior on a community's favourable count K before the mock sample. */
export type FinitePrior = 'uniform' | 'jeffreys';
export const FINITE_PRIORS: readonly FinitePrior[] = ['uniform', 'jeffreys'];

/**
 * The posterior over K (0..N) after x favourable of n respondents: prior(K) × dhyper(x; K, N−K, n),
 * normalised. Priors: uniform over 0..N, or beta-binomial(N, ½, ½) (Jeffreys),
 * prior(K) ∝ C(N,K) Γ(K+½) Γ(N−K+½).
 */
export function posteriorOverCount(
  x: number,
  n: number,
  N: number,
  prior: FinitePrior = 'uniform',
): Float64Array {
  checkFinite(x, n, N);
  const logPost = new Float64Array(N + 1).fill(-Infinity);
  // C(N,K) Γ(K+½) Γ(N−K+½) ∝ g(K) g(N−K) with g(k) = Γ(k+½)/k!, kept as a running log ratio
  // (g(k+1) = g(k)·(k+½)/(k+1), g(0) = √π) so its terms stay small.
  const logG: number[] = [];
  if (prior === 'jeffreys') {
    let lg = 0.5 * Math.log(Math.PI);
    for (let k = 0; k <= N; k++) {
      logG.push(lg);
      lg += Math.log((k + 0.5) / (k + 1));
    }
  }
  let max = -Infinity;
  for (let K = x; K <= N - (n - x); K++) {
    let l = logChoose(K, x) + logChoose(N - K, n - x);
    if (prior === 'jeffreys') l += logG[K]! + logG[N - K]!;
    logPost[K] = l;
    if (l > max) max = l;
  }
  const post = new Float64Array(N + 1);
  let total = 0;
  for (let K = 0; K <= N; K++) {
    const w = logPost[K] === -Infinity ? 0 : Math.exp(logPost[K]! - max);
    post[K] = w;
    total += w;
  }
  for (let K = 0; K <= N; K++) post[K] = post[K]! / total;
  return post;
}

export interface FailRiskInput {
  /** Favourable and eligible respondents of the mock sample. */
  favourable: number;
  eligible: number;
  /** Households in the community. */
  population: number;
  /** Size of the official sample (capped at N: a smaller community is taken whole). */
  officialSize: number;
  /** passes[x] for x = 0..n' favourable of the official sample's n' = min(officialSize, N). */
  passes: (x: number, n: number) => boolean;
  prior?: FinitePrior;
}

/** How often failRisk computes its pmf afresh instead of by the ratio from the previous K. */
const ANCHOR = 32;

/**
 * Risk of failing the real assessment: the probability that a fresh simple random sample of n'
 * households from the same community, judged by the standard's rule, fails, given the mock result:
 *   Σ_K π(K | x) · Σ_{x' fails} dhyper(x'; K, N−K, n').
 * Model-based: the respondents are taken as a simple random sample of the community, the official
 * respondents answer as the households' favourable count K says, and nothing changes in between.
 * Exact, O(N · n').
 */
export function failRisk(input: FailRiskInput): number {
  const { favourable: x, eligible: n, population: N } = input;
  const post = posteriorOverCount(x, n, N, input.prior ?? 'uniform');
  const n2 = Math.min(input.officialSize, N);
  const failing: number[] = [];
  for (let k = 0; k <= n2; k++) if (!input.passes(k, n2)) failing.push(k);
  if (failing.length === 0) return 0;
  // P(x' = k | K) for the failing k: exact (./hypergeometric.ts) at K ≤ n' and at every ANCHOR-th K,
  // and in between from the previous K by the exact ratio
  //   P(k | K) / P(k | K−1) = K/(K−k) · (N−K+1−n'+k)/(N−K+1)   (k ≤ n' < K),
  // a few roundings a step (relative error below 1e-13 before the next anchor) instead of three
  // binomial densities and a pass over the whole support.
  const f = failing.length;
  const terms = new Float64Array(f);
  let last = -1;
  let risk = 0;
  for (let K = 0; K <= N; K++) {
    const w = post[K]!;
    if (w === 0) continue;
    if (last === K - 1 && K > n2 && K % ANCHOR !== 0) {
      const down = 1 / (N - K + 1);
      for (let i = 0; i < f; i++) {
        const k = failing[i]!;
        terms[i] = terms[i]! * (K / (K - k)) * ((N - K + 1 - n2 + k) * down);
      }
    } else {
      const pmf = hypergeometricPmfVector(N, K, n2);
      for (let i = 0; i < f; i++) terms[i] = pmf[failing[i]!]!;
    }
    last = K;
    let fail = 0;
    for (let i = 0; i < f; i++) fail += terms[i]!;
    risk += w * Math.min(1, Math.max(0, fail));
  }
  return Math.min(1, Math.max(0, risk));
}
