import { defineMessages } from '../core/messages.js';

/** Problems reading a standard file. */
export const sm = defineMessages('standard', {
  fileEmpty: {
    zh: (p: { file: string }) => `${p.file}：文件是空的`,
    en: (p: { file: string }) => `${p.file}: the file is empty`,
  },
  notText: {
    zh: (p: { file: string }) => `${p.file}：不是文本文件（应为 YAML 或 JSON）`,
    en: (p: { file: string }) => `${p.file}: not a text file (YAML or JSON expected)`,
  },
  notUtf8: {
    zh: (p: { file: string }) => `${p.file}：不是 UTF-8 文本（请把测评标准另存为 UTF-8）`,
    en: (p: { file: string }) => `${p.file}: not UTF-8 text (save the standard as UTF-8)`,
  },
  notYaml: {
    zh: (p: { file: string }) => `${p.file}：不是有效的 YAML 或 JSON 文件`,
    en: (p: { file: string }) => `${p.file}: not a valid YAML or JSON file`,
  },
  problems: {
    zh: (p: { file: string; n: number }) => `${p.file}：测评标准中有 ${p.n} 个问题`,
    en: (p: { file: string; n: number }) =>
      `${p.file}: ${p.n} ${p.n === 1 ? 'problem' : 'problems'} in the standard`,
  },
});
