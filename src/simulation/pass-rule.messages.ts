import { defineMessages } from '../core/messages.js';

/** A pass rule in words (simulate, plan). */
export const pr = defineMessages('simulation.pass-rule', {
  ruleRate: { zh: (p: { pct: string }) => `比率 ≥ ${p.pct}`, en: (p: { pct: string }) => `rate ≥ ${p.pct}` },
  ruleLowerBound: {
    zh: (p: { method: string; conf: string; pct: string }) => `${p.method} ${p.conf} 置信下限 ≥ ${p.pct}`,
    en: (p: { method: string; conf: string; pct: string }) => `${p.method} ${p.conf} lower bound ≥ ${p.pct}`,
  },
});
