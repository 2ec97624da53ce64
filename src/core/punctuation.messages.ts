import { defineMessages } from './messages.js';

/**
 * Punctuation and tags that differ between Chinese and English text: full-width colon and
 * brackets in Chinese, the clause separator, and the language tag of an HTML page. (The list
 * separator 、 / , is core's listSep.)
 */
export const punct = defineMessages('core.punctuation', {
  /** The colon after a label. */
  colon: { zh: '：', en: ': ' },
  /** A remark in brackets after a text. */
  aside: { zh: (p: { text: string }) => `（${p.text}）`, en: (p: { text: string }) => ` (${p.text})` },
  /** Between the clauses of one line. */
  clauses: { zh: '，', en: '; ' },
  /** Between the sentences of a list of problems. */
  semicolon: { zh: '；', en: '; ' },
  /** A name followed by its id: 全国文明城市测评入户调查（模拟）（national-mock）. */
  named: {
    zh: (p: { name: string; id: string }) => `${p.name}（${p.id}）`,
    en: (p: { name: string; id: string }) => `${p.name} (${p.id})`,
  },
  /** The `lang` attribute of an HTML page (BCP 47). */
  htmlLang: { zh: 'zh-CN', en: 'en' },
});
