import { defineMessages } from '../core/messages.js';
import { formatPercent } from '../core/percent.js';

const pct = (v: number) => formatPercent(v, 2, true);

export const rm = defineMessages('simulation-rounding', {
  rounded: {
    zh: (p: { stratum: string; indicator: string; rate: number; favourable: number; households: number }) =>
      `${p.stratum} / ${p.indicator}：真实比率 ${pct(p.rate)} × ${p.households} 户 = ${+(p.rate * p.households).toFixed(2)} 户，按四舍五入模拟为 ${p.favourable} 户（${pct(p.favourable / p.households)}）`,
    en: (p: { stratum: string; indicator: string; rate: number; favourable: number; households: number }) =>
      `${p.stratum} / ${p.indicator}: true rate ${pct(p.rate)} of ${p.households} households is ${+(p.rate * p.households).toFixed(2)}; simulated as ${p.favourable} favourable (${pct(p.favourable / p.households)}), rounded half up`,
  },
});
