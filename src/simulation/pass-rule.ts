import type { Lang } from '../core/i18n.js';
import { t } from '../core/messages.js';
import { formatPercent } from '../core/percent.js';
import { pr } from './pass-rule.messages.js';

/**
 * How one indicator of one community is judged from x favourable of m eligible respondents.
 *
 * - `point`: passes when x/m ≥ t (what the official evaluation does). The comparison is done in
 *   integers, x ≥ ceil(t·m − 1e-9), so 0.9 × 20 = 18.000000000000004 still means 18 of 20.
 * - `lower_bound`: passes when the lower end of the confidence interval on x/m reaches t
 *   ("passes with confidence"); the interval function is the scoring module's.
 *
 * With no eligible respondent (m = 0) the rate is undefined: "no data", neither a pass nor a fail,
 * as `hhsurvey score` reports it (`passes` is false; the engine counts it apart).
 */
export type PassRule =
  | { kind: 'point'; threshold: number }
  | {
      kind: 'lower_bound';
      threshold: number;
      confidence: number;
      /** Name of the interval method, for reports (e.g. `wilson`). */
      method: string;
      /** Lower end of the interval for x of m at this rule's confidence. */
      lowerBound: (x: number, m: number) => number;
    };

/** Smallest x with x/m ≥ t, robust to the floating error in t·m. */
export function minFavourable(m: number, threshold: number): number {
  return Math.max(0, Math.ceil(threshold * m - 1e-9));
}

export function passes(rule: PassRule, x: number, m: number): boolean {
  if (m <= 0) return false;
  if (rule.kind === 'point') return x >= minFavourable(m, rule.threshold);
  // The same robustness as the point rule: a bound of 0.8999999999999999 against 0.9 passes.
  return rule.lowerBound(x, m) >= rule.threshold - 1e-12;
}

/** pass[x] (1 or 0) for x = 0..m. */
export function passTable(rule: PassRule, m: number): Uint8Array {
  const t = new Uint8Array(m + 1);
  for (let x = 0; x <= m; x++) t[x] = passes(rule, x, m) ? 1 : 0;
  return t;
}

/** Smallest passing x for m eligible respondents when the rule is monotone in x; m+1 when none passes. */
export function minPassing(rule: PassRule, m: number): number {
  const t = passTable(rule, m);
  for (let x = 0; x <= m; x++) if (t[x]) return x;
  return m + 1;
}

export function describeRule(rule: PassRule, lang: Lang = 'en'): string {
  const pct = formatPercent(rule.threshold, 4, true);
  if (rule.kind === 'point') return t(lang, pr.ruleRate, { pct });
  const conf = formatPercent(rule.confidence, 4, true);
  return t(lang, pr.ruleLowerBound, { method: rule.method, conf, pct });
}
