import { defineMessages } from '../core/messages.js';

/** Messages about personal data in sample lists (--mask). */
export const m = defineMessages('mask', {
  noColumn: {
    zh: (p: { name: string; file: string }) =>
      `--mask：${p.file} 中没有“${p.name}”列（可写 pii 遮蔽全部姓名、电话、身份证号列）`,
    en: (p: { name: string; file: string }) =>
      `--mask: no column "${p.name}" in ${p.file} (pii masks every name, phone and ID-card column)`,
  },
  idColumn: {
    zh: '--mask：户编号不能遮蔽（入户和回收都靠它）',
    en: '--mask: the household id cannot be masked (fieldwork and scoring find households by it)',
  },
  idCardUnmasked: {
    zh: (p: { columns: string }) =>
      `身份证号列 ${p.columns} 未遮蔽就写入了样本名单；交给入户人员的名单请加 --mask pii`,
    en: (p: { columns: string }) =>
      `ID-card numbers in ${p.columns} are written unmasked; lists handed to interviewers should use --mask pii`,
  },
});
