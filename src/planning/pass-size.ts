import { hypergeometricUpperTail } from '../stats/hypergeometric.js';
import { roundHalfUp } from '../simulation/model.js';
import { minFavourable, passes, type PassRule } from '../simulation/pass-rule.js';

/**
 * Smallest number of favourable respondents out of n that passes (n + 1 when none does). The point
 * rule in integers; a lower-bound rule by bisection, since a confidence bound rises with x.
 */
export function smallestPassing(rule: PassRule, n: number): number {
  if (n <= 0) return 1;
  if (rule.kind === 'point') return minFavourable(n, rule.threshold);
  if (!passes(rule, n, n)) return n + 1;
  let lo = 0;
  let hi = n; // passes(hi)
  if (passes(rule, 0, n)) return 0;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (passes(rule, mid, n)) hi = mid;
    else lo = mid;
  }
  return hi;
}

/** Exact probability of passing with n households drawn (all completing) from N, K favourable. */
export function passProbability(N: number, K: number, n: number, rule: PassRule): number {
  const k = smallestPassing(rule, n);
  return k > n ? 0 : hypergeometricUpperTail(k, N, K, n);
}

export interface PassSizeRequest {
  threshold: number;
  /** Expected true rate of the community. */
  expected: number;
  power: number;
  population: number;
  rule: PassRule;
  /** Largest sample size examined (default: the population, at most MAX_SCAN). */
  maxSize?: number;
}

export interface SizePoint {
  n: number;
  /** Favourable respondents needed out of n (n + 1: cannot pass). */
  needed: number;
  pPass: number;
}

export interface PassSizePlan {
  favourable: number;
  /**
   * Smallest n with P(pass) ≥ power at n and at every larger size examined: the size to plan on,
   * because the pass probability saw-tooths with n (the needed count ceil(t·n) jumps by whole
   * households), so a size can reach the power while a larger one does not.
   */
  n: number | undefined;
  /** Smallest n with P(pass) ≥ power at that size alone (may be tiny: at n = 1 a pass needs 1 of 1). */
  smallestAny: number | undefined;
  /** Largest size examined, and whether that is the whole population. */
  scanned: number;
  scannedAll: boolean;
  curve: SizePoint[];
}

export const MAX_SCAN = 100_000;

/** Slack when comparing a pass probability with the power (sums of pmf terms carry ~1e-14 error). */
export const POWER_TOLERANCE = 1e-9;

/** The pass probability at every n from 1 to the scan limit, and the sizes that reach the power. */
export function planPassSize(req: PassSizeRequest): PassSizePlan {
  const { expected, power, population: N, rule } = req;
  if (!(power > 0 && power < 1))
    throw new RangeError(`power must be between 0 and 1 (exclusive), got ${power}`);
  const K = roundHalfUp(expected * N);
  const scanned = Math.min(req.maxSize ?? N, N, MAX_SCAN);
  const curve: SizePoint[] = [];
  for (let n = 1; n <= scanned; n++) {
    const needed = smallestPassing(rule, n);
    curve.push({ n, needed, pPass: needed > n ? 0 : hypergeometricUpperTail(needed, N, K, n) });
  }
  // A probability of exactly the power can come out a few ulps short (P = 9/10 as
  // 0.8999999999999972), so "reaches the power" allows a relative slack far below any real difference.
  const reaches = (p: number) => p >= power - POWER_TOLERANCE;
  let smallestAny: number | undefined;
  for (const c of curve) {
    if (reaches(c.pPass)) {
      smallestAny = c.n;
      break;
    }
  }
  let n: number | undefined;
  for (let i = curve.length - 1; i >= 0 && reaches(curve[i]!.pPass); i--) n = curve[i]!.n;
  return { favourable: K, n, smallestAny, scanned, scannedAll: scanned === N, curve };
}

/** Rates around the threshold for the risk table: below it (false fails don't matter) and above. */
export function ratesAround(threshold: number, expected: number): number[] {
  const steps = [-0.1, -0.05, -0.03, -0.02, -0.01, 0, 0.01, 0.02, 0.03, 0.05];
  const rates = new Set<number>();
  for (const s of steps) {
    const r = Math.round((threshold + s) * 1e6) / 1e6;
    if (r >= 0 && r <= 1) rates.add(r);
  }
  rates.add(expected);
  return [...rates].sort((a, b) => a - b);
}

/** Sizes around n for the tables: n−5..n+5 within 1..N. */
export function sizesAround(n: number, population: number, spread = 5): number[] {
  const out: number[] = [];
  for (let s = n - spread; s <= n + spread; s++) if (s >= 1 && s <= population) out.push(s);
  return out;
}
