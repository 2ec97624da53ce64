import { defineMessages } from '../core/messages.js';

/** Messages about strata, sample lists as Excel leaves them, and sample workbooks. */
export const m = defineMessages('strata', {
  clash: {
    zh: (p: { by: string; clashes: string }) =>
      `--by ${p.by} 会把不同街道的同名社区并为一个抽样层：${p.clashes}；请用 --by street,community（默认）按“街道 / 社区”分层，每个社区单独抽样`,
    en: (p: { by: string; clashes: string }) =>
      `--by ${p.by} would pool same-named communities of different sub-districts into one stratum: ${p.clashes}; use --by street,community (the default) to sample each community on its own`,
  },
  clashItem: {
    zh: (p: { key: string; parents: string }) => `${p.key}（${p.parents}）`,
    en: (p: { key: string; parents: string }) => `${p.key} (${p.parents})`,
  },
  excelResaved: {
    zh: (p: { id: string; original: string }) =>
      `户编号 ${p.id} 不在样本中，样本中有 ${p.original}：该名单可能被 Excel 另存过（去掉了开头的 0）；请使用 .xlsx 名单或原始文件`,
    en: (p: { id: string; original: string }) =>
      `household ${p.id} is not in the sample, which has ${p.original}: the list was probably re-saved by Excel; use the .xlsx list or the original file`,
  },
  excelResavedMore: {
    zh: (p: { n: number }) => `（另有 ${p.n} 个户编号同样丢了开头的 0）`,
    en: (p: { n: number }) => ` (and ${p.n} more ids lost their leading zeros the same way)`,
  },
  xlsxNeedsOutput: {
    zh: '--format xlsx 需要 -o 文件名.xlsx（工作簿不能写到终端）',
    en: '--format xlsx needs -o FILE.xlsx (a workbook cannot be written to the terminal)',
  },
  xlsxAll: { zh: '全部', en: 'all' },
  xlsxReserveHeading: {
    zh: (p: { stratum: string }) => `${p.stratum}：备用样本（按顺序使用）`,
    en: (p: { stratum: string }) => `${p.stratum}: reserves (use in this order)`,
  },
  notXlsxSample: {
    zh: (p: { file: string }) =>
      `${p.file}: 不是 hhsurvey 写的样本工作簿（第一个工作表没有抽样层、样本类型、顺序、户编号列）`,
    en: (p: { file: string }) =>
      `${p.file}: not a sample workbook written by hhsurvey (its first sheet has no stratum, role, rank and household_id columns)`,
  },
});
