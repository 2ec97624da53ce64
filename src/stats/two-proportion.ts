import { finitePopulationCorrection } from './proportion.js';
import { normalCdf, normalQuantile } from './quantiles.js';
import { estimateStratified, type StratumCounts } from './stratified.js';

export interface TwoProportionTest {
  /** p2 − p1: the later rate minus the earlier one. */
  difference: number;
  /** z statistic (pooled): (p2 − p1) / sqrt(p̄(1−p̄)(1/n1 + 1/n2)); 0 when p̄ is 0 or 1. */
  z: number;
  /** Two-sided p-value. R: prop.test(c(x1, x2), c(n1, n2), correct = FALSE)$p.value (X² = z²). */
  pValue: number;
  /** Wald interval for p2 − p1, as prop.test reports it (sign flipped: R gives p1 − p2), within [−1, 1]. */
  ci: [number, number];
}

/**
 * Are two independent rates different beyond sampling noise? The pooled two-proportion z test
 * (Pearson's χ² without continuity correction). Needs n1, n2 ≥ 1.
 */
export function testTwoProportions(
  x1: number,
  n1: number,
  x2: number,
  n2: number,
  confidence = 0.95,
): TwoProportionTest {
  for (const [x, n] of [
    [x1, n1],
    [x2, n2],
  ] as const) {
    if (!Number.isInteger(x) || !Number.isInteger(n) || n < 1 || x < 0 || x > n) {
      throw new RangeError(`need whole numbers 0 <= x <= n, n >= 1; got x=${x}, n=${n}`);
    }
  }
  const p1 = x1 / n1;
  const p2 = x2 / n2;
  const pooled = (x1 + x2) / (n1 + n2);
  const denom = Math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2));
  const difference = p2 - p1;
  const z = denom > 0 ? difference / denom : 0;
  const pValue = Math.min(1, 2 * normalCdf(-Math.abs(z)));
  const zc = normalQuantile((1 + confidence) / 2);
  const half = zc * Math.sqrt((p1 * (1 - p1)) / n1 + (p2 * (1 - p2)) / n2);
  return { difference, z, pValue, ci: [Math.max(-1, difference - half), Math.min(1, difference + half)] };
}

export interface DifferenceTest {
  difference: number;
  z: number;
  pValue: number;
  ci: [number, number];
}

/**
 * Two independent design-based estimates (e.g. a district's rate in two drills): z = (p2 − p1) /
 * sqrt(se1² + se2²), normal reference. When both standard errors are 0 the difference is either
 * exact (z = ±Infinity, p = 0) or nothing (z = 0, p = 1).
 */
export function testDifference(
  p1: number,
  se1: number,
  p2: number,
  se2: number,
  confidence = 0.95,
): DifferenceTest {
  const difference = p2 - p1;
  const se = Math.sqrt(se1 * se1 + se2 * se2);
  if (!(se > 0)) {
    const exact = difference !== 0;
    return {
      difference,
      z: exact ? Math.sign(difference) * Infinity : 0,
      pValue: exact ? 0 : 1,
      ci: [difference, difference],
    };
  }
  const z = difference / se;
  const half = normalQuantile((1 + confidence) / 2) * se;
  return {
    difference,
    z,
    pValue: Math.min(1, 2 * normalCdf(-Math.abs(z))),
    ci: [Math.max(-1, difference - half), Math.min(1, difference + half)],
  };
}

export interface StratumPair {
  /** The stratum in the earlier and the later drill (absent when a drill has no respondents there). */
  before?: StratumCounts;
  after?: StratumCounts;
}

/**
 * Two stratified estimates (e.g. a sub-district in two drills) compared the way the pooled
 * two-proportion test compares two rates: the variance of p2 − p1 is computed under "no change",
 * with each stratum's rate pooled over both drills,
 *   V0 = Σ_h w1_h² (1 − m1_h/N_h) p̄_h(1−p̄_h)/(m1_h−1) + Σ_h w2_h² (1 − m2_h/N_h) p̄_h(1−p̄_h)/(m2_h−1),
 * so a roll-up at 100% (design variance 0) does not make every change look certain.
 * The interval for p2 − p1 uses the design-based standard errors (Wald), as prop.test's does.
 */
export function testStratifiedChange(
  pairs: readonly StratumPair[],
  confidence = 0.95,
): DifferenceTest | undefined {
  const before = estimateStratified(pairs.flatMap((p) => (p.before ? [p.before] : [])));
  const after = estimateStratified(pairs.flatMap((p) => (p.after ? [p.after] : [])));
  if (!before || !after) return undefined;
  let v0 = 0;
  for (const { before: b, after: a } of pairs) {
    const x = (b && b.eligible > 0 ? b.favourable : 0) + (a && a.eligible > 0 ? a.favourable : 0);
    const m = (b && b.eligible > 0 ? b.eligible : 0) + (a && a.eligible > 0 ? a.eligible : 0);
    if (m === 0) continue;
    const pq = (x / m) * (1 - x / m);
    for (const [s, total] of [
      [b, before.population],
      [a, after.population],
    ] as const) {
      if (!s || s.eligible < 2) continue;
      const w = s.population / total;
      v0 += (w * w * finitePopulationCorrection(s.eligible, s.population) * pq) / (s.eligible - 1);
    }
  }
  const difference = after.rate - before.rate;
  const z = v0 > 0 ? difference / Math.sqrt(v0) : 0;
  const se = Math.sqrt(before.variance + after.variance);
  const half = normalQuantile((1 + confidence) / 2) * se;
  return {
    difference,
    z,
    // V0 = 0: every stratum's rate is 0 or 1 in both drills alike: no evidence of a change.
    pValue: v0 > 0 ? Math.min(1, 2 * normalCdf(-Math.abs(z))) : 1,
    ci: [Math.max(-1, difference - half), Math.min(1, difference + half)],
  };
}
