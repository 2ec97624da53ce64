/**
 * The distribution functions the intervals and tests need: normal cdf and quantile, Student t
 * quantile, beta quantile. Short implementations of textbook formulas (cited at each), tested
 * against R's pnorm / qnorm / qt / qbeta to 1e-12 relative or better (quantiles.test.ts): four
 * functions did not justify the hundreds of packages a numerical library brings.
 */
import { binomialDensity, lnGamma } from './special.js';

const SQRT_PI = Math.sqrt(Math.PI);

/**
 * erfc(z) for z ≥ 0. Below 2: 1 − erf(z) with erf(z) = (2/√π) e^(−z²) Σ 2ⁿ z^(2n+1) / (1·3·…·(2n+1))
 * (Abramowitz & Stegun 7.1.6, all terms positive, so nothing cancels). From 2 up: the continued
 * fraction e^(−z²)/√π · 1/(z + ½/(z + 1/(z + (3/2)/(z + …)))) (A&S 7.1.14), evaluated by Lentz's
 * method, which converges quickly there and keeps relative precision far into the tail.
 */
function erfc(z: number): number {
  if (z < 2) {
    const z2 = z * z;
    let term = z;
    let sum = z;
    for (let n = 0; n < 200; n++) {
      term *= (2 * z2) / (2 * n + 3);
      sum += term;
      if (term < 1e-17 * sum) break;
    }
    return 1 - (2 / SQRT_PI) * Math.exp(-z2) * sum;
  }
  const tiny = 1e-300;
  let f = z;
  let c = z;
  let d = 0;
  for (let n = 1; n < 500; n++) {
    const a = n / 2;
    d = z + a * d;
    d = 1 / (Math.abs(d) < tiny ? tiny : d);
    c = z + a / c;
    if (Math.abs(c) < tiny) c = tiny;
    const delta = c * d;
    f *= delta;
    if (Math.abs(delta - 1) <= 2 * Number.EPSILON) break;
  }
  return Math.exp(-z * z) / (SQRT_PI * f);
}

/** Standard normal distribution function: pnorm(x) = erfc(−x/√2)/2. */
export function normalCdf(x: number): number {
  if (Number.isNaN(x)) return NaN;
  if (x === Infinity) return 1;
  if (x === -Infinity) return 0;
  const z = -x / Math.SQRT2;
  return z >= 0 ? erfc(z) / 2 : 1 - erfc(-z) / 2;
}

/**
 * Standard normal quantile: qnorm(p). A start from Abramowitz & Stegun 26.2.23 (error < 4.5e-4),
 * then Halley steps on normalCdf (cubic convergence: three steps reach double precision).
 */
export function normalQuantile(p: number): number {
  if (!(p >= 0 && p <= 1)) return NaN;
  if (p === 0) return -Infinity;
  if (p === 1) return Infinity;
  if (p > 0.5) return -normalQuantile(1 - p);
  if (p === 0.5) return 0;
  const t = Math.sqrt(-2 * Math.log(p));
  let x = -(
    t -
    (2.515517 + 0.802853 * t + 0.010328 * t * t) / (1 + t * (1.432788 + t * (0.189269 + 0.001308 * t)))
  );
  for (let i = 0; i < 6; i++) {
    const density = Math.exp(-0.5 * x * x) / Math.sqrt(2 * Math.PI);
    const e = (normalCdf(x) - p) / density;
    const step = e / (1 + (x * e) / 2);
    x -= step;
    if (Math.abs(step) <= 1e-15 * Math.abs(x)) break;
  }
  return x;
}

/**
 * x^a (1−x)^b / B(a, b), through Loader's binomial density with real arguments:
 * Γ(a+b)/(Γ(a)Γ(b)) x^a (1−x)^b = ab/(a+b) · b(a; a+b, x), which avoids cancelling ln Γ terms.
 */
function betaFront(x: number, a: number, b: number, y: number): number {
  return ((a * b) / (a + b)) * binomialDensity(a, a + b, x, y);
}

/**
 * Both tails of the regularized incomplete beta function, [I_x(a,b), 1 − I_x(a,b)], from the
 * continued fraction (DLMF 8.17.22) evaluated by Lentz's method on the side where it converges
 * fast (x < (a+1)/(a+b+2)); the other tail by the symmetry I_x(a,b) = 1 − I_(1−x)(b,a). y = 1 − x
 * may be given exactly by a caller that knows it better than 1 − x can be rounded.
 */
export function incompleteBeta(x: number, a: number, b: number, y = 1 - x): [number, number] {
  if (x <= 0) return [0, 1];
  if (y <= 0) return [1, 0];
  if (x > (a + 1) / (a + b + 2)) {
    const [upper, lower] = incompleteBeta(y, b, a, x);
    return [lower, upper];
  }
  const tiny = 1e-300;
  let c = 1;
  // 1 − (a+b)x/(a+1), written with y so that it does not cancel when x is close to 1.
  let d = (a * y + 1 - b * x) / (a + 1);
  d = 1 / (Math.abs(d) < tiny ? tiny : d);
  let f = d;
  // Stop when a step changes the value by at most an ulp (a stricter test can stall on rounding).
  for (let m = 1; m < 10000; m++) {
    let change = 0;
    for (let half = 0; half < 2; half++) {
      const numerator =
        half === 0
          ? (m * (b - m) * x) / ((a + 2 * m - 1) * (a + 2 * m))
          : (-(a + m) * (a + b + m) * x) / ((a + 2 * m) * (a + 2 * m + 1));
      d = 1 + numerator * d;
      d = 1 / (Math.abs(d) < tiny ? tiny : d);
      c = 1 + numerator / c;
      if (Math.abs(c) < tiny) c = tiny;
      const delta = c * d;
      f *= delta;
      change = Math.max(change, Math.abs(delta - 1));
    }
    if (change <= 2 * Number.EPSILON) break;
  }
  const lower = Math.min(1, (betaFront(x, a, b, y) * f) / a);
  return [lower, 1 - lower];
}

/**
 * Beta quantile: qbeta(p, a, b). Newton's method on the tail that p is in (so a small upper tail
 * keeps its relative precision), kept inside a bracket that shrinks with every step and bisected
 * whenever a step would leave it.
 */
export function betaQuantile(p: number, a: number, b: number): number {
  if (!(p >= 0 && p <= 1) || !(a > 0) || !(b > 0)) return NaN;
  if (p === 0) return 0;
  if (p === 1) return 1;
  if (Math.min(a, b) > LARGE_SHAPE) return cornishFisherBeta(p, a, b);
  const lowerSide = p <= 0.5;
  const target = lowerSide ? p : 1 - p;
  let lo = 0;
  let hi = 1;
  // Start from the mean, or from the leading term of a tail when it lies beyond the mean:
  // I_x(a,b) ≈ x^a/(a·B(a,b)) near 0 and 1 − I_x(a,b) ≈ (1−x)^b/(b·B(a,b)) near 1.
  let x = a / (a + b);
  const lnBeta = lnGamma(a) + lnGamma(b) - lnGamma(a + b);
  if (lowerSide) {
    const near0 = Math.exp((Math.log(target) + Math.log(a) + lnBeta) / a);
    if (near0 === 0) return 0;
    if (near0 < x) x = near0;
  } else {
    const near1 = -Math.expm1((Math.log(target) + Math.log(b) + lnBeta) / b);
    if (near1 === 1) return 1;
    if (near1 > x) x = near1;
  }
  for (let i = 0; i < 1000; i++) {
    const [lower, upper] = incompleteBeta(x, a, b);
    // g(x) rises with x on either side: lower − p, or (1 − p) − upper.
    const g = lowerSide ? lower - target : target - upper;
    if (g === 0) return x;
    if (g < 0) lo = x;
    else hi = x;
    const density = betaFront(x, a, b, 1 - x) / (x * (1 - x));
    const step = g / density;
    if (Math.abs(step) <= 4 * Number.EPSILON * x) return x - step;
    let next = x - step;
    if (!(next > lo && next < hi)) next = (lo + hi) / 2;
    if (hi - lo <= 4 * Number.EPSILON * hi) return next;
    x = next;
  }
  return x;
}

/**
 * Beyond this, the continued fraction needs more than ~10⁴ terms near the mean (it takes about
 * √min(a, b)), and the beta law is normal to O(1/min(a, b)) once its skewness is accounted for.
 */
const LARGE_SHAPE = 1e8;

/**
 * The Cornish–Fisher expansion of the beta quantile to the skewness term (error O(1/min(a, b))
 * standard deviations, below 1e-8 of one here): μ + σ(z + γ(z² − 1)/6).
 */
function cornishFisherBeta(p: number, a: number, b: number): number {
  const s = a + b;
  const mean = a / s;
  const sd = Math.sqrt(((a / s) * (b / s)) / (s + 1));
  const skew = (2 * (b - a) * Math.sqrt(s + 1)) / ((s + 2) * Math.sqrt(a) * Math.sqrt(b));
  const z = normalQuantile(p);
  return Math.min(1, Math.max(0, mean + sd * (z + (skew * (z * z - 1)) / 6)));
}

/**
 * Student t quantile: qt(p, df), df > 0 (not necessarily whole). With X ~ t(df), df/(df + X²)
 * follows Beta(df/2, ½) and X²/(df + X²) follows Beta(½, df/2), so for p < ½
 * qt(p, df) = −√(df·y/(1−y)) with y = qbeta(1 − 2p, ½, df/2), or −√(df(1−x)/x) with
 * x = qbeta(2p, df/2, ½): whichever of x and y is below ½ is solved for, so 1 − it loses nothing.
 */
export function tQuantile(p: number, df: number): number {
  if (!(p >= 0 && p <= 1) || !(df > 0)) return NaN;
  if (p === 0.5) return 0;
  if (p > 0.5) return -tQuantile(1 - p, df);
  if (p === 0) return -Infinity;
  if (df === Infinity) return normalQuantile(p);
  const y = betaQuantile(1 - 2 * p, 0.5, df / 2);
  if (y <= 0.5) return -Math.sqrt((df * y) / (1 - y));
  const x = betaQuantile(2 * p, df / 2, 0.5);
  return -Math.sqrt((df * (1 - x)) / x);
}
