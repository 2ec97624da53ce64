import { defineMessages, num } from '../../core/messages.js';

const s = (n: number, one: string, many: string) => (n === 1 ? one : many);

export const h = defineMessages('cli.status', {
  sample: { zh: '样本名单（hhsurvey sample 的输出）', en: 'the sample list (from hhsurvey sample)' },
  responses: {
    zh: '访问记录文件（每个访问小组一个），一并读取',
    en: 'responses files (one per interviewer team); read together',
  },
  standard: {
    zh: '测评体系（默认：内置的 national-mock）',
    en: 'the evaluation standard (default: the built-in national-mock)',
  },
  maxVisits: { zh: '无人在家的住户允许的访问次数', en: 'visits allowed to a nobody-home household' },
  merge: {
    zh: '把所有文件的每一行按时间顺序写入一个文件（需要 -o）',
    en: 'write every row of every file into one file, in time order (needs -o)',
  },
  output: { zh: '合并后的访问记录文件（与 --merge 一起用）', en: 'the merged responses file (with --merge)' },
  bom: {
    zh: '合并后的 CSV 以 UTF-8 字节顺序标记开头，供 Excel 打开（--lang zh 时默认如此）',
    en: 'start the merged CSV with a UTF-8 byte-order mark (default with --lang zh, for Excel)',
  },
  noBom: {
    zh: '合并后的 CSV 不加字节顺序标记，即使 --lang zh',
    en: 'no byte-order mark in the merged CSV, even with --lang zh',
  },
  json: { zh: '以 JSON 输出进度和问题', en: 'print progress and problems as JSON' },
  after: {
    zh: `
示例：
  hhsurvey status sample.csv --responses responses.csv
  hhsurvey status sample.csv --responses team1.csv team2.csv --merge -o merged.csv
  hhsurvey status sample.csv --responses responses.csv --max-visits 3 --json

检查：不在样本中的住户、不是选项的回答、缺少回答的完成访问、跳答规则下不应有的回答、未按顺序
启用的备用户、同一户被不同调查员记录为完成两次且回答不同。每个问题一行：文件:行号: 说明；
有错误时退出码为 2，只有警告时不是。
比率：应答率（AAPOR RR1）和合作率（AAPOR COOP1）按原始样本计算（已访问的正式样本；替换未应答
住户的备用户不会提高比率）。`,
    en: `
Examples:
  hhsurvey status sample.csv --responses responses.csv
  hhsurvey status sample.csv --responses team1.csv team2.csv --merge -o merged.csv
  hhsurvey status sample.csv --responses responses.csv --max-visits 3 --json

Checks: unknown households, answers that are not options, complete interviews with missing
answers, answers where a skip rule says none, reserves used out of order, a household recorded
as complete twice with different answers by different interviewers. Each is printed as
file:line: message; errors exit 2, warnings do not.
Rates: AAPOR RR1 and COOP1 on the original sample (primaries visited so far; reserves that
replace non-responses do not raise them).`,
  },
  mergeNeedsOutput: {
    zh: '--merge 需要用 -o <文件> 指定合并后的访问记录文件',
    en: '--merge needs -o <file> for the merged responses',
  },
  outputNeedsMerge: {
    zh: '-o 用于写合并后的文件：请加上 --merge',
    en: '-o is for the merged file: add --merge',
  },
  errors: {
    zh: (p: { n: number; merge: boolean }) => `访问记录中有 ${num(p.n)} 处错误${p.merge ? '；未合并' : ''}`,
    en: (p: { n: number; merge: boolean }) =>
      `${num(p.n)} ${s(p.n, 'error', 'errors')} in the responses${p.merge ? '; nothing merged' : ''}`,
  },
  merged: {
    zh: (p: { rows: number; files: number; output: string }) =>
      `已合并 ${p.files} 个文件共 ${num(p.rows)} 行，按时间排序，写入 ${p.output}`,
    en: (p: { rows: number; files: number; output: string }) =>
      `merged ${num(p.rows)} ${s(p.rows, 'row', 'rows')} from ${p.files} ${s(p.files, 'file', 'files')} in time order into ${p.output}`,
  },
  total: { zh: '合计', en: 'total' },
  none: { zh: '（无）', en: '(none)' },
  compactHead: {
    zh: '抽样层,完成,拒访,无人,其他,待访,备用,应答率',
    en: 'stratum,done,refused,away,other,due,reserves,RR1',
  },
  compactLegend: {
    zh: '完成：完成/目标；无人：无人在家；备用：已用/共有；\n其他：部分完成、无法应答、不合格等。',
    en: 'done: completes/target; away: nobody home; reserves: used/all;\nother: partial, unable, ineligible and the like.',
  },
  fullHead: {
    zh: '抽样层,目标,完成,部分完成,拒访,无人在家,其他,不合格,待回访,未访,备用已用,备用剩余,应答率,合作率,下一户',
    en: 'stratum,target,complete,partial,refused,not home,other,ineligible,revisit,unvisited,reserves used,left,RR1,COOP1,next due',
  },
  rateLegend: {
    zh: '应答率＝AAPOR RR1：完成 ÷ 已访的正式样本（合格或未知）；合作率＝AAPOR COOP1：完成 ÷ 接触到的合格住户。',
    en: 'RR1: AAPOR response rate 1, completes ÷ primaries visited (eligible or unknown); COOP1: AAPOR cooperation rate 1, completes ÷ eligible households contacted.',
  },
  rr1Legend: {
    zh: '应答率＝AAPOR RR1：完成 ÷ 已访的正式样本（合格或未知）。',
    en: 'RR1: AAPOR response rate 1, completes ÷ primaries visited (eligible or unknown).',
  },
  summary: {
    zh: (p: { completes: number; target: number; due: number }) =>
      `完成 ${num(p.completes)}/${num(p.target)}；待访 ${num(p.due)} 户；应答率、合作率按原始样本（正式样本）计算。`,
    en: (p: { completes: number; target: number; due: number }) =>
      `${num(p.completes)} of ${num(p.target)} completes; ${num(p.due)} ${s(p.due, 'household', 'households')} due; RR1 and COOP1 on the original sample (primaries).`,
  },
  exhausted: {
    zh: (p: { stratum: string; n: number }) => `${p.stratum}：备用样本已用完，缺 ${num(p.n)} 户`,
    en: (p: { stratum: string; n: number }) => `${p.stratum}: reserves exhausted, ${num(p.n)} short`,
  },
  nextDue: {
    zh: (p: { list: string }) => `下一户：${p.list}`,
    en: (p: { list: string }) => `next due: ${p.list}`,
  },
});
