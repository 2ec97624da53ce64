import { defineMessages } from './messages.js';

/** Messages of the core: file-system errors, and the separator of a list in a sentence. */
export const m = defineMessages('core', {
  listSep: { zh: '、', en: ', ' },
  noSuchFile: {
    zh: (p: { file: string }) => `${p.file}：找不到文件`,
    en: (p: { file: string }) => `${p.file}: no such file`,
  },
  isDirectory: {
    zh: (p: { file: string }) => `${p.file}：是文件夹，不是文件`,
    en: (p: { file: string }) => `${p.file}: is a directory, not a file`,
  },
  permissionDenied: {
    zh: (p: { file: string }) => `${p.file}：没有权限`,
    en: (p: { file: string }) => `${p.file}: permission denied`,
  },
  notDirectory: {
    zh: (p: { file: string }) => `${p.file}：路径中有一部分不是文件夹`,
    en: (p: { file: string }) => `${p.file}: a part of the path is not a directory`,
  },
  cannotRead: {
    zh: (p: { file: string; code: string }) => `${p.file}：无法读取（${p.code}）`,
    en: (p: { file: string; code: string }) => `${p.file}: cannot read (${p.code})`,
  },
});
