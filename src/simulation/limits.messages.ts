import { defineMessages, num } from '../core/messages.js';

export const MAX_SIMULATED_SAMPLE = 2_000;

export const m = defineMessages('simulation-limits', {
  sampleTooLarge: {
    zh: (p: { stratum: string; n: number; max: number }) =>
      `${p.stratum}：每个社区抽 ${num(p.n)} 户超出模拟上限 ${num(p.max)} 户（实际入户调查每社区约 20 户）`,
    en: (p: { stratum: string; n: number; max: number }) =>
      `${p.stratum}: a sample of ${num(p.n)} households in one community is more than the simulation handles (${num(p.max)}; door-to-door surveys take about 20)`,
  },
});
