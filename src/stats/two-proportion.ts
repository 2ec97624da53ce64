import { incompleteBeta, normalCdf, normalQuantile, tQuantile } from './quantiles.js';
import { finitePopulationCorrection, type Interval } from './proportion.js';
import { estimateStratified, type StratumCounts } from './stratified.js';

/**
 * Changes between two drills, each with one interval and one test that always agree: the test is
 * significant at level α exactly when the (1 − α) interval excludes 0.
 */

/** One drill's count in one community: x favourable of n respondents, drawn from N households. */
export interface DrillCount {
  favourable: number;
  eligible: number;
  /** Households in the community (its roster size): eligible ≥ population is a census. */
  population?: number;
}

export interface ChangeEstimate {
  /** Later rate minus earlier rate. */
  difference: number;
  /** Interval for the difference at the confidence asked for. */
  ci: Interval;
  /** Two-sided p-value of the test dual to the interval: the largest α whose (1 − α) interval holds 0. */
  pValue: number;
  /** The interval excludes 0 (the same as pValue < 1 − confidence). */
  significant: boolean;
}

export interface StratifiedChange extends ChangeEstimate {
  /** sqrt(V_before + V_after) (or the pooled-rate variance where both are 0; see stratifiedChange). */
  se: number;
  /** Degrees of freedom of the t reference: Σ respondents − Σ strata over both drills. */
  df: number;
}

function checkCount(c: DrillCount): void {
  const { favourable: x, eligible: n, population: N } = c;
  if (!Number.isInteger(x) || !Number.isInteger(n) || n < 1 || x < 0 || x > n)
    throw new RangeError(`need whole numbers 0 <= x <= n, n >= 1; got x=${x}, n=${n}`);
  if (N !== undefined && !(N > 0)) throw new RangeError(`population must be positive, got ${N}`);
}

function checkConfidence(confidence: number): void {
  if (!(confidence > 0 && confidence < 1))
    throw new RangeError(`confidence must be in (0, 1), got ${confidence}`);
}

/**
 * The sample size a drill's Wilson piece is computed on: n, or Infinity for a census (n ≥ N), whose
 * rate is known exactly. No finite population correction in between, on purpose: the binomial
 * variance at n_eff = n(N−1)/(N−n) (the hypergeometric variance of a sample rate) looks right, but
 * the asymptotic interval built on it calls far too many changes when much of a small community is
 * interviewed: by exact enumeration under "no change" (the same K of N in both drills), the test's
 * true level reaches 0.32 at N = 10, n = 8 and 0.08 at N = 30, n = 22, against 0.05 asked. Without the
 * correction the level stays at or below 0.05 in every case enumerated (two-proportion.test.ts): a
 * change found is real; the price is fewer changes found where a large share is interviewed.
 */
export function pieceSize(n: number, population?: number): number {
  return population !== undefined && Number.isFinite(population) && n >= population ? Infinity : n;
}

/**
 * Wilson score interval at a real (effective) sample size: the p solving (p̂ − p)² = z² p(1−p)/n_eff.
 * With n_eff = n it is R's prop.test(x, n, correct = FALSE)$conf.int; n_eff = Infinity gives [p̂, p̂].
 */
export function wilsonAt(rate: number, nEff: number, z: number): Interval {
  if (nEff === Infinity) return [rate, rate];
  const z22n = (z * z) / (2 * nEff);
  const half = z * Math.sqrt((rate * (1 - rate)) / nEff + z22n / (2 * nEff));
  const low = rate <= 0 ? 0 : (rate + z22n - half) / (1 + 2 * z22n);
  const high = rate >= 1 ? 1 : (rate + z22n + half) / (1 + 2 * z22n);
  return [Math.min(rate, Math.max(0, low)), Math.max(rate, Math.min(1, high))];
}

/** Newcombe's hybrid score interval for p2 − p1 at normal quantile z, from the Wilson pieces. */
function newcombeAt(p1: number, e1: number, p2: number, e2: number, z: number): Interval {
  const [l1, u1] = wilsonAt(p1, e1, z);
  const [l2, u2] = wilsonAt(p2, e2, z);
  const d = p2 - p1;
  return [d - Math.hypot(p2 - l2, u1 - p1), d + Math.hypot(u2 - p2, p1 - l1)];
}

/**
 * A community's change between two drills: Newcombe's hybrid score interval (Newcombe 1998,
 * Statistics in Medicine 17:873–890, method 10) for p2 − p1,
 *   [d − √((p2 − l2)² + (u1 − p1)²), d + √((u2 − p2)² + (p1 − l1)²)],
 * where (l_i, u_i) are the drills' Wilson intervals (R: prop.test(x, n, correct = FALSE)); a census
 * (every household of the community interviewed) contributes no width (see pieceSize for why no
 * other finite population correction is made).
 *
 * The test is the interval's dual: the Wilson bounds widen steadily with z, so there is one z* at
 * which the bound nearer 0 reaches 0, and p = 2(1 − Φ(z*)). Hence p < α exactly when the (1 − α)
 * interval excludes 0: the interval and the test cannot disagree. No change (d = 0): p = 1.
 */
export function newcombeChange(before: DrillCount, after: DrillCount, confidence = 0.95): ChangeEstimate {
  checkCount(before);
  checkCount(after);
  checkConfidence(confidence);
  const p1 = before.favourable / before.eligible;
  const p2 = after.favourable / after.eligible;
  const e1 = pieceSize(before.eligible, before.population);
  const e2 = pieceSize(after.eligible, after.population);
  const difference = p2 - p1;
  const raw = newcombeAt(p1, e1, p2, e2, normalQuantile((1 + confidence) / 2));
  const ci: Interval = [Math.max(-1, raw[0]), Math.min(1, raw[1])];
  const significant = raw[0] > 0 || raw[1] < 0;
  if (difference === 0) return { difference, ci, pValue: 1, significant };
  // The bound on the side of 0: falls (d > 0) or rises (d < 0) through 0 as z grows.
  const gap = (z: number) => {
    const [lo, hi] = newcombeAt(p1, e1, p2, e2, z);
    return difference > 0 ? lo : -hi;
  };
  let lo = 0;
  let hi = 40; // 2(1 − Φ(40)) underflows to 0
  if (gap(hi) > 0) return { difference, ci, pValue: 0, significant };
  for (let i = 0; i < 200 && hi - lo > 1e-13 * hi; i++) {
    const mid = (lo + hi) / 2;
    if (gap(mid) > 0) lo = mid;
    else hi = mid;
  }
  const zStar = (lo + hi) / 2;
  return { difference, ci, pValue: Math.min(1, 2 * normalCdf(-zStar)), significant };
}

/** Two-sided tail of Student's t: P(|T| ≥ |t|) = I_{df/(df+t²)}(df/2, ½). */
export function tTwoSided(t: number, df: number): number {
  if (!Number.isFinite(t)) return 0;
  const t2 = t * t;
  return incompleteBeta(df / (df + t2), df / 2, 0.5, t2 / (df + t2))[0];
}

export interface StratumPair {
  /** The stratum in the earlier and the later drill (absent when a drill has no respondents there). */
  before?: StratumCounts;
  after?: StratumCounts;
}

/**
 * A roll-up's change between two drills (independent samples): the difference of the stratified
 * estimates p = Σ (N_h/N) p_h, variance V = V_before + V_after (each Σ (N_h/N)² (1 − m_h/N_h)
 * p_h(1−p_h)/(m_h−1), as `score` computes it), and a t reference with
 * df = Σ respondents − Σ strata over both drills (R: the two drills in one design with strata
 * drill × community and fpc N_h, svyby(~y, ~drill, svymean) then svycontrast; confint with
 * df = degf(design)). Interval d ± t(df)·√V and p = P(|T_df| ≥ |d|/√V): the same statistic, so they
 * agree.
 *
 * Where V = 0 (every community at 0% or 100% in both drills, or censuses) a change would look
 * certain; the variance then comes from each community's rate pooled over the two drills (the
 * variance under "no change"), so two perfect-looking samples are not a proof. Where that is 0 as
 * well, the difference is exact: [d, d], p = 0 (or 1 when d = 0).
 */
export function stratifiedChange(
  pairs: readonly StratumPair[],
  confidence = 0.95,
): StratifiedChange | undefined {
  checkConfidence(confidence);
  const before = estimateStratified(pairs.flatMap((p) => (p.before ? [p.before] : [])));
  const after = estimateStratified(pairs.flatMap((p) => (p.after ? [p.after] : [])));
  if (!before || !after) return undefined;
  const difference = after.rate - before.rate;
  const df = before.df + after.df;
  let variance = before.variance + after.variance;
  if (!(variance > 0)) variance = pooledVariance(pairs, before.population, after.population);
  if (!(variance > 0)) {
    const exact = difference !== 0;
    return { difference, ci: [difference, difference], pValue: exact ? 0 : 1, significant: exact, se: 0, df };
  }
  const se = Math.sqrt(variance);
  const t = difference / se;
  const reference = df >= 1 ? df : Infinity;
  const q =
    reference === Infinity
      ? normalQuantile((1 + confidence) / 2)
      : tQuantile((1 + confidence) / 2, reference);
  const raw: Interval = [difference - q * se, difference + q * se];
  const pValue = reference === Infinity ? Math.min(1, 2 * normalCdf(-Math.abs(t))) : tTwoSided(t, reference);
  return {
    difference,
    ci: [Math.max(-1, raw[0]), Math.min(1, raw[1])],
    pValue,
    significant: raw[0] > 0 || raw[1] < 0,
    se,
    df,
  };
}

/** V0: the stratified variance of p2 − p1 with each stratum's rate pooled over both drills. */
function pooledVariance(pairs: readonly StratumPair[], total1: number, total2: number): number {
  let v0 = 0;
  for (const { before: b, after: a } of pairs) {
    const x = (b && b.eligible > 0 ? b.favourable : 0) + (a && a.eligible > 0 ? a.favourable : 0);
    const m = (b && b.eligible > 0 ? b.eligible : 0) + (a && a.eligible > 0 ? a.eligible : 0);
    if (m === 0) continue;
    const pq = (x / m) * (1 - x / m);
    for (const [s, total] of [
      [b, total1],
      [a, total2],
    ] as const) {
      if (!s || s.eligible < 2) continue;
      const w = s.population / total;
      v0 += (w * w * finitePopulationCorrection(s.eligible, s.population) * pq) / (s.eligible - 1);
    }
  }
  return v0;
}

/**
 * Holm's step-down adjustment (Holm 1979; R: p.adjust(p, "holm")): with the m p-values sorted
 * ascending, the i-th (from 1) becomes max over j ≤ i of min(1, (m − j + 1) p_(j)). Returned in the
 * input order. Controls the chance of any false "change" among the m tests at α.
 */
export function holmAdjust(pValues: readonly number[]): number[] {
  const m = pValues.length;
  const order = pValues.map((p, i) => [p, i] as const).sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const out = new Array<number>(m);
  let running = 0;
  order.forEach(([p, i], rank) => {
    running = Math.max(running, Math.min(1, (m - rank) * p));
    out[i] = running;
  });
  return out;
}
