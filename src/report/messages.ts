import { defineMessages } from '../core/messages.js';

/** Words of the report layouts (HTML, Markdown, CSV headers and values, titles). */
export const m = defineMessages('report', {
  defaultTitle: {
    zh: (p: { standard: string }) => `${p.standard}：模拟测评结果`,
    en: (p: { standard: string }) => `${p.standard}: mock assessment result`,
  },
  standard: { zh: '测评体系', en: 'Standard' },
  generated: { zh: '生成时间', en: 'Generated' },
  indicators: { zh: '各指标', en: 'Indicators' },
  communities: { zh: '各社区', en: 'Communities' },
  rollups: { zh: '汇总', en: 'Roll-ups' },
  level: { zh: '层级', en: 'Level' },
  chartAria: {
    zh: (p: { name: string }) => `${p.name}：各社区比率及置信区间`,
    en: (p: { name: string }) => `${p.name}: rate and interval per community`,
  },
  chartKey: {
    zh: '圆点：比率；横线：置信区间；红色虚线：标准',
    en: 'dot: rate; bar: confidence interval; red dashed line: threshold',
  },
  failingCount: {
    zh: (p: { n: number }) => `${p.n} 个社区未达标`,
    en: (p: { n: number }) => `${p.n} communit${p.n === 1 ? 'y fails' : 'ies fail'}`,
  },
  notes: {
    zh: '社区比率为有效受访者中的肯定比例；汇总为按总户数加权的分层估计 Σ(N_h/N)p_h，方差含有限总体校正；置信区间包含标准值时，样本量不足以区分达标与否。',
    en: 'A community rate is the favourable share of its eligible respondents; roll-ups are stratified estimates Σ(N_h/N)p_h weighted by households, with finite population corrections. When an interval contains the threshold, the sample cannot tell pass from fail.',
  },
  yes: { zh: '是', en: 'yes' },
  no: { zh: '否', en: 'no' },
  levelStratum: { zh: '社区', en: 'stratum' },
  levelStreet: { zh: '街道', en: 'street' },
  levelOverall: { zh: '总体', en: 'overall' },
  noStreet: { zh: '（未分街道）', en: '(no sub-district)' },
});
