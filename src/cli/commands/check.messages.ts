import { defineMessages, num } from '../../core/messages.js';

const s = (n: number, one: string, many: string) => (n === 1 ? one : many);

export const h = defineMessages('cli.check', {
  roster: {
    zh: '户册：.xlsx 工作簿，或 CSV（UTF-8、带 BOM 的 UTF-8，或 Excel 另存的 GB18030）',
    en: 'roster: .xlsx workbook, or CSV (UTF-8, UTF-8 with BOM, or GB18030 as Excel writes it)',
  },
  by: {
    zh: '分层列（默认：有街道列时为 street,community）',
    en: 'stratum columns (default: street,community when there is a street column)',
  },
  size: {
    zh: '常用样本量：户数更少的社区会收到警告',
    en: 'typical sample size: smaller communities are warned about',
  },
  json: { zh: '以 JSON 输出汇总', en: 'print the summary as JSON' },
  encoding: { zh: '文件编码', en: 'file encoding' },
  maxErrors: {
    zh: '逐条列出的问题数，其余只计数',
    en: 'problems listed before the rest are only counted',
  },
  after: {
    zh: `
示例：
  hhsurvey check data/demo/roster.csv
  hhsurvey check 户册.xlsx --sheet 户册 --fill-down 街道,社区
  hhsurvey check 户册.csv --encoding gb18030 --json > summary.json
  hhsurvey check roster.csv --by community --size 30

退出码：0 有效，2 户册无效或用法有误（每个问题一行：文件:行号: 说明）。`,
    en: `
Examples:
  hhsurvey check data/demo/roster.csv
  hhsurvey check 户册.xlsx --sheet 户册 --fill-down 街道,社区
  hhsurvey check 户册.csv --encoding gb18030 --json > summary.json
  hhsurvey check roster.csv --by community --size 30

Exit codes: 0 valid, 2 invalid roster or bad usage (every problem as file:line: message).`,
  },

  reading: { zh: '读取户册', en: 'reading roster' },
  small: {
    zh: (p: { stratum: string; size: number; typical: number }) =>
      `${p.stratum}：仅 ${num(p.size)} 户，少于常用样本量 ${num(p.typical)} 户（抽样时将全部入样）`,
    en: (p: { stratum: string; size: number; typical: number }) =>
      `${p.stratum}: only ${num(p.size)} ${s(p.size, 'household', 'households')}, fewer than a typical sample of ${num(p.typical)} (a draw takes them all)`,
  },
  street: { zh: '街道', en: 'sub-district' },
  community: { zh: '社区', en: 'community' },
  households: { zh: '户数', en: 'households' },
  stratum: { zh: '抽样层', en: 'stratum' },
  communities: { zh: '社区数', en: 'communities' },
  valid: {
    zh: (p: { file: string; households: string; strata: number; source: string }) =>
      `${p.file}：有效，${p.households} 户，${p.strata} 个抽样层，${p.source}`,
    en: (p: { file: string; households: string; strata: number; source: string }) =>
      `${p.file}: valid, ${p.households} ${p.households === '1' ? 'household' : 'households'} in ${p.strata} ${s(p.strata, 'stratum', 'strata')}, ${p.source}`,
  },
  sheet: {
    zh: (p: { sheet: string }) => `工作表“${p.sheet}”`,
    en: (p: { sheet: string }) => `sheet "${p.sheet}"`,
  },
  encodingOf: {
    zh: (p: { encoding: string; bom: boolean }) => `编码 ${p.encoding}${p.bom ? '（带 BOM）' : ''}`,
    en: (p: { encoding: string; bom: boolean }) => `encoding ${p.encoding}${p.bom ? ' with BOM' : ''}`,
  },
  warning: {
    zh: (p: { text: string }) => `警告：${p.text}`,
    en: (p: { text: string }) => `warning: ${p.text}`,
  },
  noWarnings: { zh: '没有警告', en: 'no warnings' },
});
