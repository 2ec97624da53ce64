import { binomialDensity } from './special.js';

/**
 * The hypergeometric law: x favourable households in a simple random sample of n drawn without
 * replacement from N households of which K are favourable. P(x) = C(K,x) C(N−K,n−x) / C(N,n).
 *
 * The pmf is evaluated the way Loader (2000, "Fast and accurate computation of binomial
 * probabilities") evaluates binomial probabilities, which keeps full relative precision for any N
 * instead of cancelling three log-binomials of size ln N!: with p = n/N,
 *   P(x) = b(x; K, p) · b(n−x; N−K, p) / b(n; N, p),
 * where b is the binomial pmf written with the Stirling remainder δ(m) = ln m! − ln(√(2πm)(m/e)^m)
 * and the deviance term D(x, μ) = x ln(x/μ) + μ − x (evaluated by its series near x = μ).
 * Tails are summed from the pmf with the ratio recurrence, on whichever side of the mean they lie,
 * so neither needs a 1 − cdf subtraction. Reference values: R's dhyper / phyper (see the tests).
 */

/** Throws a RangeError unless N, K and n are whole numbers with K ≤ N and n ≤ N. */
export function checkHypergeometric(N: number, K: number, n: number): void {
  for (const [name, v] of [
    ['N', N],
    ['K', K],
    ['n', n],
  ] as const) {
    if (!Number.isSafeInteger(v) || v < 0)
      throw new RangeError(`hypergeometric: ${name} must be a whole number ≥ 0, got ${v}`);
  }
  if (K > N) throw new RangeError(`hypergeometric: K (${K}) exceeds N (${N})`);
  if (n > N) throw new RangeError(`hypergeometric: n (${n}) exceeds N (${N})`);
}

/** The support of X: max(0, n+K−N) .. min(n, K). */
export function hypergeometricSupport(N: number, K: number, n: number): [number, number] {
  return [Math.max(0, n + K - N), Math.min(n, K)];
}

/** P(X = x) for X ~ Hypergeometric(N, K, n) (R: dhyper(x, K, N − K, n)). */
export function hypergeometricPmf(x: number, N: number, K: number, n: number): number {
  checkHypergeometric(N, K, n);
  return pmfUnchecked(x, N, K, n);
}

function pmfUnchecked(x: number, N: number, K: number, n: number): number {
  if (!Number.isInteger(x) || x < 0 || x > n || x > K || n - x > N - K) return 0;
  if (n === 0 || n === N) return 1; // x is then forced (0, or K)
  const p = n / N;
  const q = (N - n) / N;
  return (binomialDensity(x, K, p, q) * binomialDensity(n - x, N - K, p, q)) / binomialDensity(n, N, p, q);
}

/**
 * pmf[x] = P(X = x) for x = 0..n (0 outside the support): the mode's term as above, the others by
 * the ratio recurrence p(x+1)/p(x) = (K−x)(n−x) / ((x+1)(N−K−n+x+1)) outward from it, so every
 * term is a product of factors below 1 times the largest (no underflow before it matters, no
 * cancellation).
 */
export function hypergeometricPmfVector(N: number, K: number, n: number): Float64Array {
  checkHypergeometric(N, K, n);
  const pmf = new Float64Array(n + 1);
  const [lo, hi] = hypergeometricSupport(N, K, n);
  const mode = Math.min(hi, Math.max(lo, Math.floor(((n + 1) * (K + 1)) / (N + 2))));
  const top = pmfUnchecked(mode, N, K, n);
  pmf[mode] = top;
  let term = top;
  for (let x = mode; x < hi; x++) {
    term *= ((K - x) * (n - x)) / ((x + 1) * (N - K - n + x + 1));
    pmf[x + 1] = term;
  }
  term = top;
  for (let x = mode; x > lo; x--) {
    term *= (x * (N - K - n + x)) / ((K - x + 1) * (n - x + 1));
    pmf[x - 1] = term;
  }
  return pmf;
}

/** P(X ≤ x) and P(X ≥ x), each summed over its own tail of the pmf (never 1 − the other). */
export function hypergeometricTails(x: number, N: number, K: number, n: number): { le: number; ge: number } {
  const pmf = hypergeometricPmfVector(N, K, n);
  let le = 0;
  let ge = 0;
  for (let k = 0; k <= n; k++) {
    if (k <= x) le += pmf[k]!;
    if (k >= x) ge += pmf[k]!;
  }
  return { le: Math.min(1, le), ge: Math.min(1, ge) };
}

/** log C(a, b) as Σ log((a − k + i)/i) over the smaller side k; −Infinity outside 0 ≤ b ≤ a. */
export function logChoose(a: number, b: number): number {
  if (b < 0 || b > a) return -Infinity;
  const k = Math.min(b, a - b);
  let s = 0;
  for (let i = 1; i <= k; i++) s += Math.log((a - k + i) / i);
  return s;
}

/** P(X ≤ x) by summing downward from x; the terms fall geometrically below the mode. */
function sumDown(x: number, N: number, K: number, n: number, lo: number): number {
  let term = pmfUnchecked(x, N, K, n);
  let sum = term;
  for (let y = x; y > lo; y--) {
    term *= (y * (N - K - n + y)) / ((K - y + 1) * (n - y + 1));
    sum += term;
    if (term <= Number.EPSILON * 1e-3 * sum) break;
  }
  return Math.min(1, sum);
}

/** P(X ≥ k) by summing upward from k; the terms fall geometrically above the mode. */
function sumUp(k: number, N: number, K: number, n: number, hi: number): number {
  let term = pmfUnchecked(k, N, K, n);
  let sum = term;
  for (let y = k; y < hi; y++) {
    term *= ((K - y) * (n - y)) / ((y + 1) * (N - K - n + y + 1));
    sum += term;
    if (term <= Number.EPSILON * 1e-3 * sum) break;
  }
  return Math.min(1, sum);
}

/** P(X ≤ x) (R: phyper(x, K, N − K, n)). */
export function hypergeometricCdf(x: number, N: number, K: number, n: number): number {
  checkHypergeometric(N, K, n);
  const [lo, hi] = hypergeometricSupport(N, K, n);
  x = Math.floor(x);
  if (x < lo) return 0;
  if (x >= hi) return 1;
  // Below the mean the lower tail is the small side: sum it; above it, subtract the upper tail.
  return x * N <= n * K ? sumDown(x, N, K, n, lo) : Math.max(0, 1 - sumUp(x + 1, N, K, n, hi));
}

/** P(X ≥ k) (R: phyper(k − 1, K, N − K, n, lower.tail = FALSE)). */
export function hypergeometricUpperTail(k: number, N: number, K: number, n: number): number {
  checkHypergeometric(N, K, n);
  const [lo, hi] = hypergeometricSupport(N, K, n);
  k = Math.ceil(k);
  if (k <= lo) return 1;
  if (k > hi) return 0;
  return k * N >= n * K ? sumUp(k, N, K, n, hi) : Math.max(0, 1 - sumDown(k - 1, N, K, n, lo));
}
