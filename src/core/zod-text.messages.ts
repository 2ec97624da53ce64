import { defineMessages } from './messages.js';

/** What a hand-written file's value must be, shared by every schema of a file people edit. */
export const zm = defineMessages('values', {
  nothing: { zh: '空', en: 'nothing' },
  aList: { zh: '列表', en: 'a list' },
  aMapping: { zh: '映射', en: 'a mapping' },
  required: { zh: '必填', en: 'required' },
  mustBe: {
    zh: (p: { what: string; got: string }) => `应为${p.what}，实为 ${p.got}`,
    en: (p: { what: string; got: string }) => `must be ${p.what}, got ${p.got}`,
  },
  notEmpty: { zh: '不能为空', en: 'must not be empty' },
  unknownField: { zh: '未知字段（是否拼错？）', en: 'unknown field (misspelt?)' },
  // What a value must be.
  text: { zh: '文字', en: 'text' },
  number: { zh: '数字', en: 'a number' },
  whole: { zh: '整数', en: 'a whole number' },
  trueFalse: { zh: ' true 或 false', en: 'true or false' },
});
