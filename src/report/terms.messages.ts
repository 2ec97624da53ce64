import { defineMessages } from '../core/messages.js';

/** Survey jargon in tables people read: the interval column, AAPOR rates, and their legend. */
export const terms = defineMessages('report.terms', {
  ci: {
    zh: (p: { conf: string }) => `${p.conf}置信区间`,
    en: (p: { conf: string }) => `${p.conf} CI`,
  },
  rr1: { zh: '应答率', en: 'RR1' },
  coop1: { zh: '合作率', en: 'COOP1' },
  legend: {
    zh: 'N：社区总户数；x/n：肯定回答数/有效回答数；应答率＝AAPOR RR1（完成 ÷ 正式样本中合格或未知的住户）；合作率＝AAPOR COOP1（完成 ÷ 接触到的合格住户）。',
    en: 'N: households in the community; x/n: favourable/valid answers; RR1: AAPOR response rate 1 (completes ÷ eligible or unknown primaries); COOP1: AAPOR cooperation rate 1 (completes ÷ eligible households contacted).',
  },
});
