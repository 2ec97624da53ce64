import { hypergeometricTable, type HypergeometricTable } from './hypergeometric.js';
import { passTable, type PassRule } from './pass-rule.js';

/** How "not sure" answers count (the standard's per-indicator setting). */
export type NotSureRule = 'not_favourable' | 'exclude';

/**
 * One indicator in one community, as households: N in the community, F who would answer
 * favourably, S who would answer "not sure" (never favourable ones), the rest unfavourable.
 */
export interface IndicatorPopulation {
  population: number;
  favourable: number;
  notSure: number;
  notSureRule: NotSureRule;
}

/**
 * Households from rates. The true rate p is the indicator's value on a census of the community,
 * as the standard would measure it: with `not_favourable`, F = round(p·N); with `exclude`,
 * F = round(p·(N − S)), the rate among those with an opinion. S = round(q·N) for a not-sure share q.
 * Rounding is half up (the round(p·N): 0.9 × 300 → 270).
 */
export function indicatorPopulation(
  population: number,
  trueRate: number,
  notSureShare: number,
  notSureRule: NotSureRule,
): IndicatorPopulation {
  if (!Number.isSafeInteger(population) || population < 0)
    throw new RangeError(`population must be a whole number ≥ 0, got ${population}`);
  if (!(trueRate >= 0 && trueRate <= 1)) throw new RangeError(`true rate must be in [0, 1], got ${trueRate}`);
  if (!(notSureShare >= 0 && notSureShare <= 1))
    throw new RangeError(`not-sure share must be in [0, 1], got ${notSureShare}`);
  const notSure = roundHalfUp(notSureShare * population);
  const base = notSureRule === 'exclude' ? population - notSure : population;
  const favourable = roundHalfUp(trueRate * base);
  if (favourable + notSure > population) {
    throw new RangeError(
      `true rate ${trueRate} and not-sure share ${notSureShare} leave no room: ${favourable} favourable + ${notSure} not sure > ${population} households`,
    );
  }
  return { population, favourable, notSure, notSureRule };
}

export function roundHalfUp(x: number): number {
  // 1e-9 absorbs representation error (0.45 × 10 = 4.499999999999999 → 5, as written).
  return Math.floor(x + 0.5 + 1e-9);
}

/** Whether "not sure" answers change the count or the denominator for this indicator. */
export function notSureMatters(ind: IndicatorPopulation): boolean {
  return ind.notSure > 0 && ind.notSureRule === 'exclude';
}

/** Cached hypergeometric tables for one community, by sample size. */
export class TableCache {
  private readonly tables = new Map<string, HypergeometricTable>();
  get(N: number, K: number, n: number): HypergeometricTable {
    const key = `${N},${K},${n}`;
    let t = this.tables.get(key);
    if (!t) {
      t = hypergeometricTable(N, K, n);
      this.tables.set(key, t);
    }
    return t;
  }
}

/**
 * The exact joint law of (x favourable, e eligible) among m completes, as a callback over every
 * (x, e, probability). Without "not sure" exclusion e = m and x is hypergeometric; with it, x is
 * hypergeometric and the not-sure count s among the m − x others is hypergeometric from the N − F
 * non-favourable households (a multivariate hypergeometric draw), and e = m − s.
 */
export function forEachOutcome(
  ind: IndicatorPopulation,
  m: number,
  visit: (x: number, eligible: number, prob: number) => void,
  cache: TableCache = new TableCache(),
): void {
  const { population: N, favourable: F, notSure: S } = ind;
  const tx = cache.get(N, F, m);
  for (let x = tx.min; x <= tx.max; x++) {
    const px = tx.pmf[x]!;
    if (px === 0) continue;
    if (!notSureMatters(ind)) {
      visit(x, m, px);
      continue;
    }
    const ts = cache.get(N - F, S, m - x);
    for (let s = ts.min; s <= ts.max; s++) {
      const ps = ts.pmf[s]!;
      if (ps !== 0) visit(x, m - s, px * ps);
    }
  }
}

export interface ExactResult {
  /** Probability of passing. */
  pPass: number;
  /** The measured rate's law: rate → probability (rates of outcomes with an eligible respondent). */
  rates: { rate: number; prob: number }[];
  /** Probability that no respondent is eligible (the rate is undefined: no data, neither pass nor fail). */
  pNoEligible: number;
}

/**
 * Exact pass probability and rate distribution of one indicator in one community, given the law of
 * the number of completes (pm[m] = P(m completes)). Exact for any pass rule decided per (x, e).
 */
export function exactIndicator(
  ind: IndicatorPopulation,
  pm: ArrayLike<number>,
  rule: PassRule,
  cache: TableCache = new TableCache(),
): ExactResult {
  let pPass = 0;
  let pNoEligible = 0;
  const rateProb = new Map<number, number>();
  const tables = new Map<number, Uint8Array>();
  const passOf = (x: number, e: number) => {
    let t = tables.get(e);
    if (!t) tables.set(e, (t = passTable(rule, e)));
    return t[x] === 1;
  };
  for (let m = 0; m < pm.length; m++) {
    const w = pm[m]!;
    if (w === 0) continue;
    forEachOutcome(
      ind,
      m,
      (x, e, p) => {
        const prob = w * p;
        if (e === 0) {
          pNoEligible += prob;
          return;
        }
        if (passOf(x, e)) pPass += prob;
        const rate = x / e;
        rateProb.set(rate, (rateProb.get(rate) ?? 0) + prob);
      },
      cache,
    );
  }
  const rates = [...rateProb.entries()]
    .map(([rate, prob]) => ({ rate, prob }))
    .sort((a, b) => a.rate - b.rate);
  return { pPass: Math.min(1, pPass), rates, pNoEligible };
}

/** The q-quantile of a discrete law (the smallest value whose cdf reaches q; R's quantile type 1). */
export function discreteQuantile(law: { rate: number; prob: number }[], q: number): number {
  const total = law.reduce((s, r) => s + r.prob, 0);
  let c = 0;
  for (const r of law) {
    c += r.prob;
    if (c >= q * total - 1e-12) return r.rate;
  }
  return law.length ? law[law.length - 1]!.rate : NaN;
}
