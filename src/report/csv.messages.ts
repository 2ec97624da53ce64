import { defineMessages } from '../core/messages.js';

/**
 * The columns of the CSV report: English names are for programs (snake_case, stable), Chinese
 * ones for people in a spreadsheet, in the report's column order. `verdict_group`, not `group`:
 * that is the second column's name.
 */
export const columns = defineMessages('report.csv', {
  level: { zh: '层级', en: 'level' },
  group: { zh: '单位', en: 'group' },
  street: { zh: '街道', en: 'street' },
  indicator: { zh: '指标', en: 'indicator' },
  indicatorName: { zh: '指标名称', en: 'indicator_name' },
  favourable: { zh: '肯定人数', en: 'favourable' },
  eligible: { zh: '有效人数', en: 'eligible' },
  excluded: { zh: '剔除人数', en: 'excluded' },
  rate: { zh: '比率', en: 'rate' },
  se: { zh: '标准误', en: 'se' },
  ciLow: { zh: '置信下限', en: 'ci_low' },
  ciHigh: { zh: '置信上限', en: 'ci_high' },
  threshold: { zh: '标准', en: 'threshold' },
  pass: { zh: '是否达标', en: 'pass' },
  tooClose: { zh: '误差范围内', en: 'too_close' },
  population: { zh: '总户数', en: 'population' },
  sampled: { zh: '样本户数', en: 'sampled' },
  completes: { zh: '完成户数', en: 'completes' },
  rr1: { zh: '应答率（RR1）', en: 'rr1' },
  coop1: { zh: '合作率（COOP1）', en: 'coop1' },
  reservesUsed: { zh: '启用备用户', en: 'reserves_used' },
  risk: { zh: '未达标风险', en: 'risk' },
  verdictGroup: { zh: '分组', en: 'verdict_group' },
});
