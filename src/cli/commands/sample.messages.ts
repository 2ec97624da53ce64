import { defineMessages, num } from '../../core/messages.js';

export const h = defineMessages('cli.sample', {
  roster: {
    zh: '户册：.xlsx 工作簿，或 CSV（UTF-8、带 BOM 的 UTF-8 或 GB18030）',
    en: 'roster: .xlsx workbook, or CSV (UTF-8, UTF-8 with BOM, or GB18030)',
  },
  by: {
    zh: '分层列（默认：有街道列时为 street,community，否则为 community）',
    en: 'stratum columns (default: street,community when there is a street column, else community)',
  },
  size: { zh: '每层抽取的户数（默认：22）', en: 'households per stratum (default: 22)' },
  total: {
    zh: '总户数，在各层间分配（见 --allocation）',
    en: 'total households, allocated across strata (see --allocation)',
  },
  allocation: { zh: '--total 的分配方法', en: 'how --total is shared' },
  minPerStratum: {
    zh: '使用 --total 时每层至少抽取的户数（在可能时）',
    en: 'least households per stratum with --total, where possible',
  },
  prior: {
    zh: 'Neyman 分配所用的先验比率：stratum,rate 两列的 CSV，或一份计分报告（JSON）',
    en: 'prior rates for Neyman allocation: a CSV of stratum,rate or a score report (JSON)',
  },
  priorIndicator: {
    zh: '以 JSON 报告作 --prior 时：所用的指标',
    en: 'with a JSON report as --prior: the indicator to use',
  },
  reserve: {
    zh: '每层的备用户数，按使用顺序排列',
    en: 'reserve households per stratum, in the order to use them',
  },
  method: { zh: '抽样方法', en: 'selection method' },
  order: {
    zh: '地址顺序：入户路线，也是系统抽样的排序',
    en: 'address order: the walking route, and the sort of systematic sampling',
  },
  exclude: {
    zh: '不得抽中的住户（含 household_id 列的文件）',
    en: 'households that must not be drawn (files with a household_id column)',
  },
  only: { zh: '只抽这些层（以逗号分隔）', en: 'draw only these strata (comma-separated)' },
  seed: {
    zh: '随机种子；不给时自动生成，并打印和记录',
    en: 'random seed; without one a seed is made, printed and recorded',
  },
  strict: {
    zh: '某层户数少于样本量时报错，而不只是警告',
    en: 'a stratum smaller than its sample is an error, not a warning',
  },
  output: {
    zh: '样本写到这里（并在旁边写 <名称>.manifest.json）',
    en: 'write the sample here (and <name>.manifest.json beside it)',
  },
  format: {
    zh: '输出格式（默认：按 -o 的扩展名取 xlsx、json 或 csv，否则为 csv）',
    en: "output format (default: from -o's extension, .xlsx, .json or .csv; else csv)",
  },
  bom: {
    zh: 'CSV 以 UTF-8 字节顺序标记（BOM）开头，供 Excel 打开（--lang zh 时默认如此）',
    en: 'start the CSV with a UTF-8 byte-order mark (default with --lang zh, for Excel)',
  },
  noBom: { zh: '不写字节顺序标记，--lang zh 时也不写', en: 'no byte-order mark, even with --lang zh' },
  noEscapeFormulas: {
    zh: '不中和以 = + - @ 开头的单元格',
    en: 'do not neutralise cells that start with = + - @',
  },
  mask: {
    zh: '遮蔽个人信息：pii（全部姓名、电话、身份证号列），或指定列如 phone,head_name（138****1234，张*）',
    en: 'mask personal data: pii (every name, phone and ID-card column) or columns such as phone,head_name (138****1234, 张*)',
  },
  encoding: { zh: '户册编码', en: 'roster encoding' },
  maxErrors: {
    zh: '逐条列出的户册问题数，其余只计数',
    en: 'roster problems listed before the rest are only counted',
  },
  after: {
    zh: `
示例：
  hhsurvey sample data/demo/roster.csv --seed 2026-drill-1 --reserve 5 -o sample.csv
  hhsurvey sample roster.csv --by street,community --size 22 --method systematic --seed s1
  hhsurvey sample roster.csv --total 400 --allocation neyman --prior last-report.json --seed s2 -o s.csv
  hhsurvey sample roster.csv --exclude last-drill/sample.csv --mask phone,head_name --bom --lang zh -o 样本.csv

样本只取决于种子、参数和户册中的住户集合：调换行序、另存为 GB18030 或 CRLF、修改其他层，
都不会改变它。使用 -o 时，样本旁的抽样清单可供 hhsurvey verify 重现这次抽样。`,
    en: `
Examples:
  hhsurvey sample data/demo/roster.csv --seed 2026-drill-1 --reserve 5 -o sample.csv
  hhsurvey sample roster.csv --by street,community --size 22 --method systematic --seed s1
  hhsurvey sample roster.csv --total 400 --allocation neyman --prior last-report.json --seed s2 -o s.csv
  hhsurvey sample roster.csv --exclude last-drill/sample.csv --mask phone,head_name --bom -o sample.csv

The sample is a function of the seed, the parameters and the roster as a set of households:
reordering rows, re-saving as GB18030 or CRLF, or editing another stratum does not change it.
With -o the manifest beside the sample lets 'hhsurvey verify' re-create the draw.`,
  },

  seedNote: {
    zh: (p: { seed: string }) => `随机种子：${p.seed}（已记录，可复现本次抽样）`,
    en: (p: { seed: string }) => `seed: ${p.seed} (recorded; repeat the draw with --seed ${p.seed})`,
  },
  reading: { zh: '读取户册', en: 'reading roster' },
  warning: {
    zh: (p: { text: string }) => `警告：${p.text}`,
    en: (p: { text: string }) => `warning: ${p.text}`,
  },
  strictSmall: {
    zh: (p: { n: number; list: string }) => `--strict：${num(p.n)} 个抽样层的户数少于样本量：${p.list}`,
    en: (p: { n: number; list: string }) =>
      `--strict: ${num(p.n)} ${p.n === 1 ? 'stratum is' : 'strata are'} smaller than ${p.n === 1 ? 'its' : 'their'} sample: ${p.list}`,
  },
  takesAll: {
    zh: (p: { stratum: string; eligible: number; target: number }) =>
      `警告：${p.stratum} 仅有 ${num(p.eligible)} 户可抽，少于样本量 ${num(p.target)}，全部入样`,
    en: (p: { stratum: string; eligible: number; target: number }) =>
      `warning: ${p.stratum} has only ${num(p.eligible)} ${p.eligible === 1 ? 'household' : 'households'} to draw from, fewer than ${num(p.target)}: all are taken`,
  },
  drew: {
    zh: (p: { strata: number; primaries: number; reserves: number; output?: string }) =>
      `已从 ${num(p.strata)} 个抽样层抽取 ${num(p.primaries)} 户正式样本、${num(p.reserves)} 户备用样本${p.output ? `，写入 ${p.output} 及其清单文件` : ''}`,
    en: (p: { strata: number; primaries: number; reserves: number; output?: string }) =>
      `drew ${num(p.primaries)} primary and ${num(p.reserves)} reserve ${p.reserves === 1 ? 'household' : 'households'} from ${num(p.strata)} ${p.strata === 1 ? 'stratum' : 'strata'}${p.output ? `; wrote ${p.output} and its manifest` : ''}`,
  },
});
