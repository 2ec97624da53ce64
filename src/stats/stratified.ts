import { betaQuantile, tQuantile } from './quantiles.js';
import { finitePopulationCorrection, type Interval } from './proportion.js';

/** One stratum's data for one indicator: N_h households, m_h eligible respondents, x_h favourable. */
export interface StratumCounts {
  population: number;
  eligible: number;
  favourable: number;
}

export interface StratifiedEstimate {
  /** p = Σ (N_h/N) p_h over the strata with at least one eligible respondent. */
  rate: number;
  /** Σ (N_h/N)² (1 − m_h/N_h) p_h(1−p_h)/(m_h−1). */
  variance: number;
  se: number;
  /** Σ m_h: respondents in the design (R: nrow(design)). */
  respondents: number;
  /** Strata with respondents (the others have no p_h and are left out, their N_h too). */
  strata: number;
  /** Degrees of freedom: respondents − strata (R: degf(design) for a stratified one-stage design). */
  df: number;
  /** N = Σ N_h of the strata used. */
  population: number;
}

/**
 * The stratified estimator with finite population corrections: what R's survey package gives for
 * `svymean(~y, svydesign(ids = ~1, strata = ~stratum, fpc = ~N_h, data = respondents))`.
 * A stratum with a single respondent contributes no variance (its p_h(1 − p_h) is 0; R needs
 * `options(survey.lonely.psu = "remove")` for the same numbers). Strata without respondents are left
 * out; returns undefined when none has any.
 */
export function estimateStratified(strata: readonly StratumCounts[]): StratifiedEstimate | undefined {
  const used = strata.filter((s) => s.eligible > 0);
  if (used.length === 0) return undefined;
  for (const s of used) {
    if (!(s.population > 0) || s.favourable < 0 || s.favourable > s.eligible) {
      throw new RangeError(`bad stratum counts: N=${s.population}, m=${s.eligible}, x=${s.favourable}`);
    }
  }
  const population = used.reduce((a, s) => a + s.population, 0);
  let rate = 0;
  let variance = 0;
  let respondents = 0;
  for (const s of used) {
    const share = s.population / population;
    const p = s.favourable / s.eligible;
    rate += share * p;
    respondents += s.eligible;
    if (s.eligible > 1) {
      variance +=
        (share * share * finitePopulationCorrection(s.eligible, s.population) * p * (1 - p)) /
        (s.eligible - 1);
    }
  }
  // Rounding can push a sum of shares a hair past 1 when every stratum is at 100%.
  rate = Math.min(1, Math.max(0, rate));
  return {
    rate,
    variance,
    se: Math.sqrt(variance),
    respondents,
    strata: used.length,
    df: respondents - used.length,
    population,
  };
}

/**
 * Korn–Graubard ("beta") interval, as R's `svyciprop(method = "beta")` computes it:
 * n_eff = p(1−p)/V, scaled by (qt(α/2, n−1) / qt(α/2, df))², then
 * [qbeta(α/2, n_eff·p, n_eff(1−p)+1), qbeta(1−α/2, n_eff·p+1, n_eff(1−p))].
 *
 * Where R returns NaN, this returns a valid interval:
 * - a rate of exactly 0 or 1 (V = 0): n_eff = n (no design effect assumed), with the same df scaling,
 *   which gives the Clopper–Pearson bound on the open side;
 * - 0 < p < 1 with V = 0 (every stratum fully enumerated): the rate is known, [p, p];
 * - fewer than one degree of freedom on either side of the ratio: no df scaling.
 */
export function kornGraubardInterval(
  est: Pick<StratifiedEstimate, 'rate' | 'variance' | 'respondents' | 'df'>,
  confidence = 0.95,
): Interval {
  if (!(confidence > 0 && confidence < 1))
    throw new RangeError(`confidence must be in (0, 1), got ${confidence}`);
  const { rate: p, variance: v, respondents: n, df } = est;
  if (n <= 0) return [0, 1];
  const alpha = 1 - confidence;
  const extreme = p <= 0 || p >= 1;
  if (!extreme && !(v > 0)) return [p, p];
  let nEff = extreme ? n : (p * (1 - p)) / v;
  if (n - 1 >= 1 && df >= 1) {
    const ratio = tQuantile(alpha / 2, n - 1) / tQuantile(alpha / 2, df);
    nEff *= ratio * ratio;
  }
  if (p <= 0) return [0, betaQuantile(1 - alpha / 2, 1, nEff)];
  if (p >= 1) return [betaQuantile(alpha / 2, nEff, 1), 1];
  const low = betaQuantile(alpha / 2, nEff * p, nEff * (1 - p) + 1);
  const high = betaQuantile(1 - alpha / 2, nEff * p + 1, nEff * (1 - p));
  return [Math.max(0, Math.min(low, p)), Math.min(1, Math.max(high, p))];
}
