import { defineMessages, num } from '../core/messages.js';

/** Words every report format shares: column heads, statuses, levels. */
export const words = defineMessages('report.words', {
  community: { zh: '社区', en: 'Community' },
  street: { zh: '街道', en: 'Sub-district' },
  overall: { zh: '全区总体', en: 'Overall' },
  indicator: { zh: '指标', en: 'Indicator' },
  rate: { zh: '比率', en: 'Rate' },
  threshold: { zh: '标准', en: 'Threshold' },
  verdict: { zh: '结论', en: 'Verdict' },
  pass: { zh: '达标', en: 'pass' },
  fail: { zh: '未达标', en: 'FAIL' },
  tooClose: { zh: '误差范围内', en: 'too close to call' },
  noData: { zh: '无数据', en: 'no data' },
  population: { zh: '总户数', en: 'Households' },
  sampled: { zh: '样本', en: 'Sampled' },
  completes: { zh: '完成', en: 'Completes' },
  reservesUsed: { zh: '启用备用户', en: 'Reserves used' },
  score: { zh: '得分率', en: 'Score rate' },
  favourable: { zh: '肯定', en: 'Favourable' },
  eligible: { zh: '有效', en: 'Eligible' },
  notVisited: { zh: '未访', en: 'Not visited' },
});

/** The sentences of every report format: interval methods, rules, verdict lines, open fieldwork. */
export const lm = defineMessages('report.labels', {
  ciHypergeometric: { zh: '有限总体超几何精确区间', en: 'exact hypergeometric (finite community)' },
  ciWilson: { zh: 'Wilson 区间', en: 'Wilson' },
  ciClopperPearson: { zh: 'Clopper–Pearson 精确区间', en: 'Clopper–Pearson' },
  ciKornGraubard: { zh: 'Korn–Graubard 区间', en: 'Korn–Graubard' },
  closePass: { zh: '达标（误差范围内）', en: 'pass (too close)' },
  closeFail: { zh: '未达标（误差范围内）', en: 'FAIL (too close)' },
  /** A sub-district roll-up: 全福街道 already says it is a sub-district; 全福 does not. */
  streetLevel: {
    zh: (p: { group: string }) => (p.group.endsWith('街道') ? p.group : `街道 ${p.group}`),
    en: (p: { group: string }) => `Sub-district ${p.group}`,
  },
  rulePoint: { zh: '按点估计判定', en: 'judged on the rate' },
  ruleLowerBound: {
    zh: (p: { conf: string }) => `按${p.conf}置信下限判定`,
    en: (p: { conf: string }) => `judged on the ${p.conf} lower bound`,
  },
  rule: {
    zh: (p: { rule: string; conf: string; community: string; rollup: string }) =>
      `${p.rule}；${p.conf}置信区间：社区 ${p.community}，汇总 ${p.rollup}`,
    en: (p: { rule: string; conf: string; community: string; rollup: string }) =>
      `${p.rule}; ${p.conf} intervals: ${p.community} for communities, ${p.rollup} for roll-ups`,
  },
  verdictPass: { zh: '达标', en: 'PASS' },
  verdictFail: { zh: '未达标', en: 'FAIL' },
  verdict: {
    zh: (p: { head: string; parts: string[] }) => `${p.head}：${p.parts.join('，')}`,
    en: (p: { head: string; parts: string[] }) => `${p.head}: ${p.parts.join('; ')}`,
  },
  strataFailed: {
    zh: (p: { failed: number; judged: number }) => `${num(p.judged)} 个社区中 ${num(p.failed)} 个未达标`,
    en: (p: { failed: number; judged: number }) =>
      `${num(p.failed)} of ${num(p.judged)} communit${p.judged === 1 ? 'y fails' : 'ies fail'}`,
  },
  rollupsFail: {
    zh: (p: { n: number }) => `${num(p.n)} 个汇总层级未达标`,
    en: (p: { n: number }) => `${num(p.n)} roll-up${p.n === 1 ? ' fails' : 's fail'}`,
  },
  tooCloseCount: {
    zh: (p: { n: number }) => `${num(p.n)} 项结果在误差范围内`,
    en: (p: { n: number }) => `${num(p.n)} result${p.n === 1 ? '' : 's'} too close to call`,
  },
  noDataYet: {
    zh: (p: { n: number }) => `${num(p.n)} 个社区尚无数据`,
    en: (p: { n: number }) => `${num(p.n)} without data yet`,
  },
  fieldworkOpen: {
    zh: (p: { open: number }) => `入户调查尚未结束：${num(p.open)} 户正式样本尚无记录，以下按已有记录计分。`,
    en: (p: { open: number }) =>
      `Fieldwork still open: ${num(p.open)} primary household${p.open === 1 ? '' : 's'} not yet recorded; scoring what is there.`,
  },
});

/** The facts beside a community or roll-up heading (terminal report). */
export const facts = defineMessages('report.facts', {
  sampled: { zh: (p: { n: number }) => `样本 ${num(p.n)}`, en: (p: { n: number }) => `${num(p.n)} sampled` },
  completes: {
    zh: (p: { n: number }) => `完成 ${num(p.n)}`,
    en: (p: { n: number }) => `${num(p.n)} complete`,
  },
  reservesUsed: {
    zh: (p: { used: number; reserves: number }) => `启用备用户 ${num(p.used)}/${num(p.reserves)}`,
    en: (p: { used: number; reserves: number }) => `reserves used ${num(p.used)}/${num(p.reserves)}`,
  },
  notVisited: {
    zh: (p: { n: number }) => `未访 ${num(p.n)}`,
    en: (p: { n: number }) => `${num(p.n)} not visited`,
  },
  communities: {
    zh: (p: { n: number }) => `${num(p.n)} 个社区`,
    en: (p: { n: number }) => `${num(p.n)} communit${p.n === 1 ? 'y' : 'ies'}`,
  },
  population: { zh: (p: { n: number }) => `N ${num(p.n)}`, en: (p: { n: number }) => `N ${num(p.n)}` },
});
