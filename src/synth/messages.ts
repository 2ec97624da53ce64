import { defineMessages, num } from '../core/messages.js';

const households = (n: number) => `${num(n)} ${n === 1 ? 'household' : 'households'}`;
const communities = (n: number) => `${num(n)} ${n === 1 ? 'community' : 'communities'}`;

/** Problems with the options of a synthetic roster. */
export const s = defineMessages('synth', {
  wholeFrom: {
    zh: (p: { min: number; max: string; value: number }) =>
      `应为 ${p.min} 到 ${p.max} 的整数，实为 ${p.value}`,
    en: (p: { min: number; max: string; value: number }) =>
      `must be a whole number from ${p.min} to ${p.max}, got ${p.value}`,
  },
  smallMax: {
    zh: (p: { k: number }) => `社区总数（${num(p.k)}）`,
    en: (p: { k: number }) => `the number of communities (${num(p.k)})`,
  },
  tooFewHouseholds: {
    zh: (p: { k: number; n: number }) => `${num(p.k)} 个社区至少需要 ${num(p.k)} 户，实为 ${num(p.n)} 户`,
    en: (p: { k: number; n: number }) =>
      `${communities(p.k)} need at least ${households(p.k)}, got ${num(p.n)}`,
  },
  allSmall: {
    zh: (p: { k: number; typical: number; most: number; n: number }) =>
      `${num(p.k)} 个社区都小于 ${p.typical} 户，最多容纳 ${num(p.most)} 户，实为 ${num(p.n)} 户`,
    en: (p: { k: number; typical: number; most: number; n: number }) =>
      `${communities(p.k)} all smaller than ${p.typical} hold at most ${households(p.most)}, got ${num(p.n)}`,
  },
  smallAndRegular: {
    zh: (p: { small: number; regular: number; least: number; n: number }) =>
      `${num(p.small)} 个小社区和 ${num(p.regular)} 个普通社区至少需要 ${num(p.least)} 户，实为 ${num(p.n)} 户`,
    en: (p: { small: number; regular: number; least: number; n: number }) =>
      `${num(p.small)} small and ${num(p.regular)} regular ${p.regular === 1 ? 'community' : 'communities'} need at least ${households(p.least)}, got ${num(p.n)}`,
  },
  noStreets: { zh: '至少需要一个街道名称', en: 'needs at least one sub-district name' },
  badStreet: {
    zh: (p: { name: string }) => `"${p.name}" 不能用作街道名称`,
    en: (p: { name: string }) => `"${p.name}" is not a usable sub-district name`,
  },
  streetTwice: {
    zh: (p: { name: string }) => `"${p.name}" 重复`,
    en: (p: { name: string }) => `"${p.name}" is given twice`,
  },
});

/** Problems with the options of synthetic fieldwork. */
export const sr = defineMessages('synth.responses', {
  between01: {
    zh: (p: { value: number }) => `应在 0 与 1 之间，实为 ${p.value}`,
    en: (p: { value: number }) => `must be between 0 and 1, got ${p.value}`,
  },
  wholeFrom1: {
    zh: (p: { value: number }) => `应为不小于 1 的整数，实为 ${p.value}`,
    en: (p: { value: number }) => `must be a whole number from 1, got ${p.value}`,
  },
  notNonResponse: {
    zh: (p: { list: string[] }) => `不是未应答的访问结果（可用：${p.list.join('、')}）`,
    en: (p: { list: string[] }) => `not a non-response disposition (one of ${p.list.join(', ')})`,
  },
  badWeight: {
    zh: (p: { value: string }) => `权重应不小于 0，实为 ${p.value}`,
    en: (p: { value: string }) => `must be a weight of 0 or more, got ${p.value}`,
  },
  noWeight: { zh: '至少要有一个访问结果的权重大于 0', en: 'at least one disposition needs a weight above 0' },
  rateBetween01: {
    zh: (p: { value: number }) => `真实率应在 0 与 1 之间，实为 ${p.value}`,
    en: (p: { value: number }) => `true rate must be between 0 and 1, got ${p.value}`,
  },
  noRoom: {
    zh: (p: { rate: number; share: number; id: string; most: number }) =>
      `真实率 ${p.rate} 与“不清楚”占比 ${p.share} 无法同时成立（${p.id} 把“不清楚”计为不认可，真实率最高为 ${p.most}）`,
    en: (p: { rate: number; share: number; id: string; most: number }) =>
      `true rate ${p.rate} and not-sure share ${p.share} leave no room (${p.id} counts "not sure" as not favourable, so the rate can be at most ${p.most})`,
  },
});
