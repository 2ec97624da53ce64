/**
 * Special functions shared by the distributions: ln Γ, and the pieces of Loader's (2000) saddle-point
 * evaluation of binomial probabilities (Stirling remainder, deviance), which keep full relative
 * precision where differences of log-factorials would cancel.
 */

const LN_2PI = Math.log(2 * Math.PI);

/** ln m! for m = 0..15, summed exactly enough (at most 15 roundings of numbers below 28). */
const SMALL_LOG_FACTORIAL: number[] = [0];
for (let m = 1; m <= 15; m++) SMALL_LOG_FACTORIAL.push(SMALL_LOG_FACTORIAL[m - 1]! + Math.log(m));

/**
 * δ(m) = ln Γ(m+1) − (m + ½) ln m + m − ½ ln 2π, the error of Stirling's formula. Whole numbers up
 * to 15 from ln m! directly (the terms are small, so nothing cancels); above 15 the asymptotic
 * series 1/(12m) − 1/(360m³) + 1/(1260m⁵) − 1/(1680m⁷) + 1/(1188m⁹), which is below double
 * rounding there. Other real m (used by the beta function) go through lnGamma.
 */
export function stirlingError(m: number): number {
  if (m <= 15) {
    if (m === 0) return Infinity;
    if (Number.isInteger(m)) return SMALL_LOG_FACTORIAL[m]! - (m + 0.5) * Math.log(m) + m - 0.5 * LN_2PI;
    return lnGamma(m + 1) - (m + 0.5) * Math.log(m) + m - 0.5 * LN_2PI;
  }
  const m2 = m * m;
  return (1 / 12 - (1 / 360 - (1 / 1260 - (1 / 1680 - 1 / 1188 / m2) / m2) / m2) / m2) / m;
}

/** D(x, μ) = x ln(x/μ) + μ − x ≥ 0, by the series in v = (x−μ)/(x+μ) when x is close to μ. */
export function deviance(x: number, mu: number): number {
  if (Math.abs(x - mu) < 0.1 * (x + mu)) {
    let v = (x - mu) / (x + mu);
    let s = (x - mu) * v;
    let ej = 2 * x * v;
    v *= v;
    for (let j = 1; j < 1000; j++) {
      ej *= v;
      const next = s + ej / (2 * j + 1);
      if (next === s) return next;
      s = next;
    }
    return s;
  }
  return x * Math.log(x / mu) + mu - x;
}

/** Binomial probability b(x; m, p) (q = 1 − p given separately), for real 0 ≤ x ≤ m. */
export function binomialDensity(x: number, m: number, p: number, q: number): number {
  if (p === 0) return x === 0 ? 1 : 0;
  if (q === 0) return x === m ? 1 : 0;
  if (x === 0) return m === 0 ? 1 : Math.exp(p < 0.1 ? -deviance(m, m * q) - m * p : m * Math.log(q));
  if (x === m) return Math.exp(q < 0.1 ? -deviance(m, m * p) - m * q : m * Math.log(p));
  if (x < 0 || x > m) return 0;
  const lc =
    stirlingError(m) - stirlingError(x) - stirlingError(m - x) - deviance(x, m * p) - deviance(m - x, m * q);
  return Math.exp(lc) * Math.sqrt(m / (2 * Math.PI * x * (m - x)));
}

/**
 * ln Γ(x) for x > 0: Lanczos' approximation (g = 7, nine coefficients, as published by Godfrey),
 * relative error about 1e-15; below ½ through Γ(x) = Γ(x+1)/x.
 */
const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
  12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];

export function lnGamma(x: number): number {
  if (!(x > 0)) return x === 0 ? Infinity : NaN;
  if (x < 0.5) return lnGamma(x + 1) - Math.log(x);
  const z = x - 1;
  let a = LANCZOS[0]!;
  for (let i = 1; i < 9; i++) a += LANCZOS[i]! / (z + i);
  const t = z + 7.5;
  return 0.5 * LN_2PI + (z + 0.5) * Math.log(t) - t + Math.log(a);
}
