import { defineMessages, num } from '../core/messages.js';

/** Problems with simulate's one-community form. */
export const sp = defineMessages('simulation.simple', {
  sampleExceeds: {
    zh: (p: { size: number; population: number }) =>
      `样本量（${num(p.size)}）不能超过总体（${num(p.population)}）`,
    en: (p: { size: number; population: number }) =>
      `the sample (${num(p.size)}) cannot exceed the population (${num(p.population)})`,
  },
  reservesExceed: {
    zh: (p: { size: number; reserves: number; population: number }) =>
      `样本 ${num(p.size)} 户加备用 ${num(p.reserves)} 户超过了总体（${num(p.population)}）`,
    en: (p: { size: number; reserves: number; population: number }) =>
      `sample ${num(p.size)} + reserves ${num(p.reserves)} exceed the population (${num(p.population)})`,
  },
  atLeastOne: { zh: '至少为 1', en: 'must be at least 1' },
  noRoom: {
    zh: (p: { rate: number; share: number; favourable: number; notSure: number; population: number }) =>
      `真实率 ${p.rate} 与“不清楚”占比 ${p.share} 无法同时成立：${num(p.favourable)} 户肯定 + ${num(p.notSure)} 户不清楚 > ${num(p.population)} 户`,
    en: (p: { rate: number; share: number; favourable: number; notSure: number; population: number }) =>
      `true rate ${p.rate} and not-sure share ${p.share} leave no room: ${num(p.favourable)} favourable + ${num(p.notSure)} not sure > ${num(p.population)} households`,
  },
});
