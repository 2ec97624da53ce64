import { defineMessages, num } from '../core/messages.js';

/** The words of a standard shown as text (`hhsurvey standard show`). */
export const rm = defineMessages('standard.render', {
  listSep: { zh: '、', en: ', ' },
  conditionSep: { zh: '；', en: '; ' },
  condition: {
    zh: (p: { question: string; answers: string }) => `${p.question} 为 ${p.answers}`,
    en: (p: { question: string; answers: string }) => `${p.question} = ${p.answers}`,
  },
  allOf: {
    zh: (p: { list: string }) => `同时满足：${p.list}`,
    en: (p: { list: string }) => `all of: ${p.list}`,
  },
  anyOf: {
    zh: (p: { list: string }) => `满足其一：${p.list}`,
    en: (p: { list: string }) => `any of: ${p.list}`,
  },
  atLeast: {
    zh: (p: { n: number; list: string }) => `至少满足 ${num(p.n)} 项：${p.list}`,
    en: (p: { n: number; list: string }) => `at least ${num(p.n)} of: ${p.list}`,
  },
  exclude: { zh: '不计入分母', en: 'left out of the denominator' },
  unfavourable: { zh: '计为不认可', en: 'counts as not favourable' },
  note: { zh: (p: { text: string }) => `说明：${p.text}`, en: (p: { text: string }) => `Note: ${p.text}` },
  rulePoint: { zh: '按点估计', en: 'the rate itself (point estimate)' },
  ruleLowerBound: { zh: '按置信区间下限', en: 'the lower confidence bound' },
  confidence: {
    zh: (p: { level: string; rule: string }) => `置信水平 ${p.level}；达标判定：${p.rule}`,
    en: (p: { level: string; rule: string }) => `Confidence level ${p.level}; pass rule: ${p.rule}`,
  },
  respondent: {
    zh: (p: { text: string }) => `受访者：${p.text}`,
    en: (p: { text: string }) => `Respondent: ${p.text}`,
  },
  questionnaire: {
    zh: (p: { n: number }) => `问卷（${num(p.n)} 题）`,
    en: (p: { n: number }) => `Questionnaire (${num(p.n)} question${p.n === 1 ? '' : 's'})`,
  },
  notReadOut: { zh: '（不读出）', en: ' (not read out)' },
  askedIf: {
    zh: (p: { question: string; answers: string }) => `仅当 ${p.question} 回答 ${p.answers} 时询问`,
    en: (p: { question: string; answers: string }) => `asked only if ${p.question} is ${p.answers}`,
  },
  optional: { zh: '（可不回答）', en: '(may be left unanswered)' },
  indicators: {
    zh: (p: { n: number }) => `指标（${num(p.n)} 项）`,
    en: (p: { n: number }) => `Indicators (${num(p.n)})`,
  },
  points: { zh: (p: { n: number }) => `分值 ${num(p.n)}`, en: (p: { n: number }) => `points ${num(p.n)}` },
  threshold: {
    zh: (p: { level: string }) => `达标线 ${p.level}`,
    en: (p: { level: string }) => `threshold ${p.level}`,
  },
  favourable: {
    zh: (p: { text: string }) => `认可：${p.text}`,
    en: (p: { text: string }) => `favourable: ${p.text}`,
  },
  policies: {
    zh: (p: { notSure: string; unanswered: string; skipped: string }) =>
      `不清楚：${p.notSure}；未回答：${p.unanswered}；跳过未问：${p.skipped}`,
    en: (p: { notSure: string; unanswered: string; skipped: string }) =>
      `not sure: ${p.notSure}; unanswered: ${p.unanswered}; skipped: ${p.skipped}`,
  },
  totalPoints: {
    zh: (p: { n: number }) => `总分 ${num(p.n)}`,
    en: (p: { n: number }) => `Total points ${num(p.n)}`,
  },
});
