import { defineMessages } from '../core/messages.js';

/** Problems reading a standard file. */
export const sm = defineMessages('standard', {
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

/** Cross-references in a standard that do not hold. */
export const sx = defineMessages('standard.references', {
  duplicateIndicator: {
    zh: (p: { id: string; at: string }) => `指标编号 "${p.id}" 重复（另见 ${p.at}）`,
    en: (p: { id: string; at: string }) => `duplicate indicator id "${p.id}" (also ${p.at})`,
  },
  duplicateQuestion: {
    zh: (p: { id: string; at: string }) => `题目编号 "${p.id}" 重复（另见 ${p.at}）`,
    en: (p: { id: string; at: string }) => `duplicate question id "${p.id}" (also ${p.at})`,
  },
  reservedId: {
    zh: (p: { id: string }) => `"${p.id}" 是访问记录文件的列名，请换一个编号`,
    en: (p: { id: string }) => `"${p.id}" is a column of the responses file; choose another id`,
  },
  duplicateCode: {
    zh: (p: { code: number; at: string }) => `选项代码 ${p.code} 重复（另见 ${p.at}）`,
    en: (p: { code: number; at: string }) => `duplicate option code ${p.code} (also ${p.at})`,
  },
  duplicateLabel: {
    zh: (p: { label: string; at: string }) => `选项文字 "${p.label}" 重复（另见 ${p.at}）`,
    en: (p: { label: string; at: string }) => `duplicate option label "${p.label}" (also ${p.at})`,
  },
  numericLabel: {
    zh: (p: { label: string }) => `数字形式的选项文字须为本选项的代码，实为 "${p.label}"`,
    en: (p: { label: string }) => `a label that is a number must be the option's own code, got "${p.label}"`,
  },
  oneNotSure: {
    zh: (p: { at: string }) => `只能有一个选项是“不清楚”（另见 ${p.at}）`,
    en: (p: { at: string }) => `only one option can be "not sure" (also ${p.at})`,
  },
  selfDependent: { zh: '题目不能依赖自身', en: 'a question cannot depend on itself' },
  unknownQuestion: {
    zh: (p: { id: string }) => `没有编号为 "${p.id}" 的题目`,
    en: (p: { id: string }) => `unknown question id "${p.id}"`,
  },
  comesLater: {
    zh: (p: { id: string; at: string }) => `"${p.id}" 在后面（${p.at}）；跳题条件只能引用前面的题目`,
    en: (p: { id: string; at: string }) =>
      `"${p.id}" comes later (${p.at}); a skip condition must refer to an earlier question`,
  },
  usedTwice: {
    zh: (p: { id: string }) => `题目 "${p.id}" 在本规则中用了两次`,
    en: (p: { id: string }) => `question "${p.id}" is used twice in this rule`,
  },
  notSureFavourable: {
    zh: (p: { code: number; label: string }) =>
      `“不清楚”选项 ${p.code}（${p.label}）不能算作认可；请用 not_sure: 说明它如何计分`,
    en: (p: { code: number; label: string }) =>
      `the "not sure" answer ${p.code} (${p.label}) cannot be favourable; use not_sure: to say how it counts`,
  },
  atLeastRange: {
    zh: (p: { max: number; got: number }) => `应在 1 与 ${p.max}（条件个数）之间，实为 ${p.got}`,
    en: (p: { max: number; got: number }) =>
      `must be between 1 and ${p.max} (the number of conditions), got ${p.got}`,
  },
  notAnOption: {
    zh: (p: { code: number; id: string; valid: number[] }) =>
      `${p.code} 不是 "${p.id}" 的选项（选项：${p.valid.join('、')}）`,
    en: (p: { code: number; id: string; valid: number[] }) =>
      `${p.code} is not an option of "${p.id}" (options: ${p.valid.join(', ')})`,
  },
});

/** Range problems found by the standard's schema. */
export const sv = defineMessages('standard.values', {
  between01: {
    zh: (p: { got: string }) => `应在 0 与 1 之间，实为 ${p.got}`,
    en: (p: { got: string }) => `must be between 0 and 1, got ${p.got}`,
  },
  between01Exclusive: {
    zh: (p: { got: string }) => `应在 0 与 1 之间（不含两端），实为 ${p.got}`,
    en: (p: { got: string }) => `must be between 0 and 1 (exclusive), got ${p.got}`,
  },
  zeroOrMore: {
    zh: (p: { got: string }) => `应不小于 0，实为 ${p.got}`,
    en: (p: { got: string }) => `must be 0 or more, got ${p.got}`,
  },
  codeRange: {
    zh: (p: { got: string }) => `应为 0 到 9999 之间的整数，实为 ${p.got}`,
    en: (p: { got: string }) => `must be a whole number between 0 and 9999, got ${p.got}`,
  },
});

/** What each field of a standard must be, and the schema's other problems. */
export const sf = defineMessages('standard.fields', {
  localText: { zh: '映射 { zh, en }', en: 'a mapping { zh, en }' },
  identifier: {
    zh: (p: { got: string }) => `应以小写字母开头，只含 a-z、0-9 和 _，实为 ${p.got}`,
    en: (p: { got: string }) =>
      `must start with a lower-case letter and hold only a-z, 0-9 and _, got ${p.got}`,
  },
  standardId: {
    zh: (p: { got: string }) => `只能含字母、数字、- 和 _，实为 ${p.got}`,
    en: (p: { got: string }) => `must hold only letters, digits, - and _, got ${p.got}`,
  },
  codeList: {
    zh: (p: { got: string }) => `应为选项代码的列表，实为 ${p.got}`,
    en: (p: { got: string }) => `must be a list of option codes, got ${p.got}`,
  },
  oneCode: { zh: '至少要列出一个选项代码', en: 'must list at least one option code' },
  condition: { zh: '映射 { question, in }', en: 'a mapping { question, in }' },
  conditions: { zh: '应为 { question, in } 的列表', en: 'must be a list of { question, in }' },
  option: { zh: '映射 { code, zh, en }', en: 'a mapping { code, zh, en }' },
  options: { zh: '选项列表', en: 'a list of options' },
  twoOptions: { zh: '单选题至少需要 2 个选项', en: 'a single-choice question needs at least 2 options' },
  question: { zh: '映射 { id, text, options }', en: 'a mapping { id, text, options }' },
  policy: { zh: ' not_favourable 或 exclude', en: 'not_favourable or exclude' },
  mapping: { zh: '映射', en: 'a mapping' },
  wholeGot: {
    zh: (p: { got: string }) => `应为整数，实为 ${p.got}`,
    en: (p: { got: string }) => `must be a whole number, got ${p.got}`,
  },
  giveOne: {
    zh: '请给出以下之一：question + in、all_of、any_of，或 at_least + of',
    en: 'give one of: question + in, all_of, any_of, or at_least + of',
  },
  giveOnlyOne: {
    zh: (p: { forms: string[] }) =>
      `只能给出以下之一：question + in、all_of、any_of，或 at_least + of（实有 ${p.forms.join('、')}）`,
    en: (p: { forms: string[] }) =>
      `give only one of: question + in, all_of, any_of, or at_least + of (got ${p.forms.join(', ')})`,
  },
  questionWithIn: { zh: 'question 与 in 须一起给出', en: 'question and in go together' },
  atLeastWithOf: { zh: 'at_least 与 of 须一起给出', en: 'at_least and of go together' },
  indicator: {
    zh: '映射 { id, name, favourable, threshold }',
    en: 'a mapping { id, name, favourable, threshold }',
  },
  passRule: { zh: ' point 或 lower_bound', en: 'point or lower_bound' },
  questions: { zh: '题目列表', en: 'a list of questions' },
  oneQuestion: { zh: '至少要有一道题', en: 'must hold at least one question' },
  indicators: { zh: '指标列表', en: 'a list of indicators' },
  oneIndicator: { zh: '至少要有一个指标', en: 'must hold at least one indicator' },
  standard: {
    zh: (p: { got: string }) => `测评标准应为映射（id、name、questions、indicators 等），实为 ${p.got}`,
    en: (p: { got: string }) =>
      `a standard must be a mapping (id, name, questions, indicators...), got ${p.got}`,
  },
});
