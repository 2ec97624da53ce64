import { betaQuantile, proportionInterval, tQuantile, type CiMethod } from '../stats/index.js';
import type { LevelLowerBound } from './simulate-design.js';
import type { PassRule } from './pass-rule.js';

/**
 * Pass rules built on the scoring module's interval maths, so a simulated verdict is the verdict
 * `hhsurvey score` would give on the same counts.
 */
export function makePassRule(
  kind: 'point' | 'lower_bound',
  threshold: number,
  confidence: number,
  method: CiMethod,
): PassRule {
  if (kind === 'point') return { kind, threshold };
  return {
    kind,
    threshold,
    confidence,
    method,
    lowerBound: (x, m) => proportionInterval(method, x, m, confidence)[0],
  };
}

/**
 * The lower end of the scoring module's Korn–Graubard interval (`kornGraubardInterval(...)[0]`,
 * R's svyciprop(method = "beta")), computed step for step the same way (a test holds them equal),
 * but without the upper end and with the degrees-of-freedom ratio qt(α/2, n−1)/qt(α/2, df) cached:
 * a roll-up is judged once per replicate, and the full interval costs ~0.4 ms.
 */
export function kornGraubardLowerBound(): LevelLowerBound {
  const ratios = new Map<string, number>();
  return (p, v, n, df, confidence) => {
    if (n <= 0) return 0;
    const alpha = 1 - confidence;
    const extreme = p <= 0 || p >= 1;
    if (!extreme && !(v > 0)) return p;
    let nEff = extreme ? n : (p * (1 - p)) / v;
    if (n - 1 >= 1 && df >= 1) {
      const key = `${n},${df},${alpha}`;
      let ratio = ratios.get(key);
      if (ratio === undefined) {
        ratio = tQuantile(alpha / 2, n - 1) / tQuantile(alpha / 2, df);
        ratios.set(key, ratio);
      }
      nEff *= ratio * ratio;
    }
    if (p <= 0) return 0;
    if (p >= 1) return betaQuantile(alpha / 2, nEff, 1);
    const low = betaQuantile(alpha / 2, nEff * p, nEff * (1 - p) + 1);
    return Math.max(0, Math.min(low, p));
  };
}
