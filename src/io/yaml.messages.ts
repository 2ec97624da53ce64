import { defineMessages } from '../core/messages.js';

/**
 * YAML syntax errors in the user's language. The yaml package words its errors in English (and may
 * quote the file): under zh the error's kind and column are shown instead.
 */
export const ym = defineMessages('io.yaml', {
  syntax: {
    zh: (p: { column: number; kind: string }) => `YAML 语法错误（第 ${p.column} 列）：${p.kind}`,
    en: (p: { column: number; kind: string }) => `${p.kind} (column ${p.column})`,
  },
  BAD_INDENT: { zh: '缩进不对：同一层的项须从同一列开始', en: 'bad indentation' },
  TAB_AS_INDENT: { zh: '不能用 Tab 缩进，请改用空格', en: 'tabs are not allowed as indentation' },
  DUPLICATE_KEY: { zh: '同一映射中的字段名重复', en: 'duplicate key' },
  MISSING_CHAR: { zh: '缺少闭合的引号或括号', en: 'a closing quote or bracket is missing' },
  BLOCK_AS_IMPLICIT_KEY: {
    zh: '一行里不能嵌套映射（冒号后是否少了换行，或缩进不对？）',
    en: 'nested mappings are not allowed in compact mappings',
  },
  MULTILINE_IMPLICIT_KEY: { zh: '字段名须写在一行内（缩进不对？）', en: 'keys must be on a single line' },
  UNEXPECTED_TOKEN: { zh: '此处出现了意外的内容（缩进或冒号不对？）', en: 'unexpected content' },
  BAD_SCALAR_START: { zh: '值不能以这个字符开头（请加引号）', en: 'a plain value cannot start here' },
  MULTIPLE_DOCS: { zh: '文件中有多个 YAML 文档（---），只能有一个', en: 'more than one YAML document' },
  BAD_DQ_ESCAPE: { zh: '双引号中的转义（\\）不合法', en: 'bad escape in a double-quoted value' },
  BLOCK_IN_FLOW: { zh: '方括号或花括号中不能换行写块', en: 'a block cannot be inside [ ] or { }' },
  BAD_ALIAS: { zh: '别名（*）不合法或未定义', en: 'bad or undefined alias' },
  other: { zh: '无法解析', en: 'cannot be parsed' },
});
