import { defineMessages } from '../core/messages.js';

/** How simulate names its outcomes, in the words score uses for the same definitions. */
export const sv = defineMessages('simulation.verdict', {
  noData: {
    zh: '无数据概率（无有效回答：不算通过，也不算未达标，与 score 相同）',
    en: 'P(no data: no eligible respondent; neither pass nor fail, as in score)',
  },
});
