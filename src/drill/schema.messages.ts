import { defineMessages } from '../core/messages.js';

/** Problems in a drill file, each at its line and field. */
export const ds = defineMessages('drill.schema', {
  wholeFrom: {
    zh: (p: { min: number; got: string }) => `应为不小于 ${p.min} 的整数，实为 ${p.got}`,
    en: (p: { min: number; got: string }) => `must be a whole number from ${p.min}, got ${p.got}`,
  },
  wholeBetween: {
    zh: (p: { min: number; max: number; got: string }) =>
      `应为 ${p.min} 到 ${p.max} 之间的整数，实为 ${p.got}`,
    en: (p: { min: number; max: number; got: string }) =>
      `must be a whole number between ${p.min} and ${p.max}, got ${p.got}`,
  },
  oneOf: {
    zh: (p: { list: readonly string[] }) => `应为以下之一：${p.list.join('、')}`,
    en: (p: { list: readonly string[] }) => `must be one of ${p.list.join(', ')}`,
  },
  zeroOrMore: { zh: '应不小于 0', en: 'must be 0 or more' },
  between01: {
    zh: (p: { got: string }) => `应在 0 与 1 之间，实为 ${p.got}`,
    en: (p: { got: string }) => `must be between 0 and 1, got ${p.got}`,
  },
  drillMapping: {
    zh: (p: { got: string }) => `演练文件应为映射（roster、seed、sampling 等），实为 ${p.got}`,
    en: (p: { got: string }) => `a drill file must be a mapping (roster, seed, sampling...), got ${p.got}`,
  },
  sizeOrTotal: { zh: 'size 与 total 只能给一个', en: 'give size or total, not both' },
  neymanNeedsTotal: { zh: 'neyman 分配需要 total', en: 'neyman allocation needs total' },
  priorNeymanOnly: { zh: 'prior 只用于 allocation: neyman', en: 'prior is used by allocation: neyman only' },
  rateRequired: {
    zh: '必填（一个比率，或指标编号到比率的映射）',
    en: 'required (a rate, or a mapping of indicator ids to rates)',
  },
  responsesOrSynthetic: {
    zh: '请给出 responses（入户得到的文件）或 synthetic 一节',
    en: 'give either responses (files from the fieldwork) or a synthetic section',
  },
  notBoth: { zh: 'responses 与 synthetic 只能给一个', en: 'give responses or synthetic, not both' },
  notYaml: {
    zh: (p: { file: string }) => `${p.file}：不是有效的 YAML 文件`,
    en: (p: { file: string }) => `${p.file}: not a valid YAML file`,
  },
  problems: {
    zh: (p: { file: string; n: number }) => `${p.file}：演练文件中有 ${p.n} 个问题`,
    en: (p: { file: string; n: number }) =>
      `${p.file}: ${p.n} ${p.n === 1 ? 'problem' : 'problems'} in the drill file`,
  },
  // What a value must be.
  rate: { zh: ' 0 到 1 之间的比率（0.93 或 93%）', en: 'a rate between 0 and 1 (0.93 or 93%)' },
  listOfNames: { zh: '名称列表', en: 'a list of names' },
  nameOrList: { zh: '一个名称或名称列表', en: 'a name or a list of names' },
  indicatorRates: { zh: '指标编号到比率的映射', en: 'a mapping of indicator ids to rates' },
  allocation: { zh: ' proportional、equal 或 neyman', en: 'proportional, equal or neyman' },
  method: { zh: ' random 或 systematic', en: 'random or systematic' },
  sheet: { zh: '工作表名称或序号', en: 'a sheet name or number' },
  columns: {
    zh: '字段到表头的映射（household_id: 序号）',
    en: 'a mapping of fields to headers (household_id: 序号)',
  },
  encoding: { zh: ' auto、utf8 或 gb18030', en: 'auto, utf8 or gb18030' },
  sampling: { zh: '映射（by、size、reserve、method 等）', en: 'a mapping (by, size, reserve, method...)' },
  strataRates: { zh: '抽样层到比率的映射', en: 'a mapping of strata to rates' },
  weight: { zh: '权重', en: 'a weight' },
  weights: { zh: '访问结果到权重的映射', en: 'a mapping of dispositions to weights' },
  synthetic: { zh: '映射（rates、response_rate 等）', en: 'a mapping (rates, response_rate...)' },
  date: { zh: '日期（YYYY-MM-DD）', en: 'a date (YYYY-MM-DD)' },
  seed: { zh: '文字或 date', en: 'text, or date' },
  ci: { zh: ' hypergeometric、wilson 或 clopper-pearson', en: 'hypergeometric, wilson or clopper-pearson' },
});
