import { defineMessages } from '../core/messages.js';

export const am = defineMessages('allocate', {
  belowMinimum: {
    zh: (p: { total: number; needed: number; strata: number; min: number }) =>
      `--total ${p.total} 不够给 ${p.strata} 个层各至少 ${p.min} 户（共需 ${p.needed} 户）：请提高 --total 或降低 --min-per-stratum`,
    en: (p: { total: number; needed: number; strata: number; min: number }) =>
      `--total ${p.total} cannot give each of the ${p.strata} strata its minimum of ${p.min} households (${p.needed} needed): raise --total or lower --min-per-stratum`,
  },
});
