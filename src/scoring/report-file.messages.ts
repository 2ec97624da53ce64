import { defineMessages } from '../core/messages.js';

/** Reading a score report back (compare, sample --prior). */
export const rf = defineMessages('scoring.report-file', {
  notReport: {
    zh: (p: { file: string }) => `${p.file}：不是计分报告（应为 hhsurvey score --format json 写出的文件）`,
    en: (p: { file: string }) =>
      `${p.file}: not a score report (the file hhsurvey score --format json writes)`,
  },
  badReport: {
    zh: (p: { file: string; n: number }) => `${p.file}：计分报告有 ${p.n} 处不符合格式（文件是否被改动过？）`,
    en: (p: { file: string; n: number }) =>
      `${p.file}: a damaged score report: ${p.n} ${p.n === 1 ? 'field does' : 'fields do'} not match its format`,
  },
});
