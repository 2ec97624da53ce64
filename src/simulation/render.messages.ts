import { defineMessages, num } from '../core/messages.js';

/** Labels of simulate's terminal output. */
export const rl = defineMessages('simulation.render', {
  standardError: { zh: '（标准误）', en: ' (SE)' },
  reserves: {
    zh: (p: { n: number }) => `，备用户 ${num(p.n)}`,
    en: (p: { n: number }) => `, reserves ${num(p.n)}`,
  },
  community: {
    zh: (p: { population: number; favourable: number; rate: string; size: number; reserves: string }) =>
      `一个社区：${num(p.population)} 户，其中 ${num(p.favourable)} 户持肯定回答（真实率 ${p.rate}），抽 ${num(p.size)} 户${p.reserves}`,
    en: (p: { population: number; favourable: number; rate: string; size: number; reserves: string }) =>
      `One community: ${num(p.population)} household${p.population === 1 ? '' : 's'}, ${num(p.favourable)} favourable (true rate ${p.rate}), ${num(p.size)} drawn${p.reserves}`,
  },
  needReachable: {
    zh: (p: { need: number; size: number }) => `（全部 ${num(p.size)} 户完成时至少 ${num(p.need)} 户）`,
    en: (p: { need: number; size: number }) =>
      ` (at least ${num(p.need)} of ${num(p.size)} when all complete)`,
  },
  needUnreachable: {
    zh: (p: { size: number }) => `（${num(p.size)} 户无法达到）`,
    en: (p: { size: number }) => ` (unreachable with ${num(p.size)})`,
  },
  passRule: {
    zh: (p: { rule: string; need: string }) => `判定规则：${p.rule}${p.need}`,
    en: (p: { rule: string; need: string }) => `Pass rule: ${p.rule}${p.need}`,
  },
  responses: {
    zh: (p: { response: string; notSure: string }) => `应答率 ${p.response}，“不清楚”占 ${p.notSure}`,
    en: (p: { response: string; notSure: string }) =>
      `Response rate ${p.response}, "not sure" share ${p.notSure}`,
  },
  pPassExact: { zh: '通过概率（精确，超几何分布）', en: 'P(pass), exact (hypergeometric)' },
  pPassMc: {
    zh: (p: { n: number }) => `通过概率（模拟 ${num(p.n)} 次）`,
    en: (p: { n: number }) => `P(pass), Monte Carlo (${num(p.n)} replicate${p.n === 1 ? '' : 's'})`,
  },
  measured: { zh: '测得比率：均值 / 5% / 50% / 95%', en: 'Measured rate: mean / 5% / 50% / 95%' },
  reservesExpected: { zh: '预计使用备用户（精确 / 模拟）', en: 'Reserves used, expected (exact / MC)' },
  seed: {
    zh: (p: { seed: string; rng: string }) => `种子 ${p.seed}（${p.rng}）`,
    en: (p: { seed: string; rng: string }) => `seed ${p.seed} (${p.rng})`,
  },
  levelStreet: { zh: '街道', en: 'street' },
  levelOverall: { zh: '全部', en: 'overall' },
});

/** Column heads of simulate's tables. */
export const heads = defineMessages('simulation.heads', {
  stratum: { zh: '社区', en: 'stratum' },
  indicator: { zh: '指标', en: 'indicator' },
  N: { zh: '户数', en: 'N' },
  n: { zh: '样本', en: 'n' },
  trueRate: { zh: '真实率', en: 'true' },
  exact: { zh: '通过概率（精确）', en: 'P(pass) exact' },
  mc: { zh: '通过概率（模拟）±SE', en: 'P(pass) MC ± SE' },
  mean: { zh: '均值', en: 'rate mean' },
  q: { zh: '5%/50%/95%', en: '5% / 50% / 95%' },
  reserves: { zh: '预计用备用户', en: 'reserves used' },
  level: { zh: '层级', en: 'level' },
  group: { zh: '范围', en: 'group' },
  levelPass: { zh: '汇总通过（模拟）', en: 'roll-up P(pass) MC' },
  allExact: { zh: '全部社区通过（精确）', en: 'all pass exact' },
  allMc: { zh: '全部社区通过（模拟）', en: 'all pass MC' },
});
