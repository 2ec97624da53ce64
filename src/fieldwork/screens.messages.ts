import { defineMessages } from '../core/messages.js';

/** Texts of the interviewer's screens: the household card, questions, review and key help. */
export const s = defineMessages('screens', {
  primary: { zh: '正式样本', en: 'primary' },
  reserve: { zh: '备用样本', en: 'reserve' },
  rankOf: {
    zh: (p: { rank: number; of: number }) => `第 ${p.rank} 户（共 ${p.of} 户）`,
    en: (p: { rank: number; of: number }) => `${p.rank} of ${p.of}`,
  },
  address: { zh: '地址', en: 'address' },
  none: { zh: '（无）', en: '(none)' },
  grid: { zh: '网格', en: 'grid' },
  head: { zh: '户主', en: 'head' },
  phone: { zh: '电话', en: 'phone' },
  correcting: {
    zh: (p: { was: string }) => `  更正本户记录（原结果：${p.was}）`,
    en: (p: { was: string }) => `  correcting this household (was: ${p.was})`,
  },
  visit: {
    zh: (p: { visit: number; last?: string }) =>
      `  第 ${p.visit} 次走访${p.last ? `（上次：${p.last}）` : ''}`,
    en: (p: { visit: number; last?: string }) =>
      `  visit ${p.visit}${p.last ? ` (last time: ${p.last})` : ''}`,
  },
  replaces: {
    zh: (p: { rank: number; id: string; outcome?: string }) =>
      `  备用 ${p.rank}，替换 ${p.id}${p.outcome ? `（${p.outcome}）` : ''}`,
    en: (p: { rank: number; id: string; outcome?: string }) =>
      `  reserve ${p.rank} replaces ${p.id}${p.outcome ? ` (${p.outcome})` : ''}`,
  },
  question: {
    zh: (p: { n: number; of: number }) => `第 ${p.n}/${p.of} 题`,
    en: (p: { n: number; of: number }) => `Question ${p.n} of ${p.of}`,
  },
  doNotRead: { zh: '（不读出）', en: ' (do not read out)' },
  review: { zh: '核对本户记录：', en: 'Review this household:' },
  noAnswer: { zh: '（未回答）', en: '(no answer)' },
  helpDisposition: {
    zh: 's 跳过此户   c 更正上一户   n 备注   q 退出',
    en: 's skip household   c correct the last one   n note   q quit',
  },
  helpQuestion: {
    zh: (p: { mayLeave: boolean }) =>
      `← 退格 上一题   Enter ${p.mayLeave ? '保留/不回答' : '保留当前答案'}   q 退出（本户不保存）`,
    en: (p: { mayLeave: boolean }) =>
      `Backspace back   Enter ${p.mayLeave ? 'keep / no answer' : 'keep current answer'}   q quit (this household is not saved)`,
  },
  helpReview: {
    zh: (p: { n: number }) =>
      `Enter 保存   ← 退格 返回   ${p.n > 0 ? `1-${Math.min(p.n, 9)} 修改该题   ` : ''}d 修改访问结果   n 备注   q 退出（不保存）`,
    en: (p: { n: number }) =>
      `Enter save   Backspace back   ${p.n > 0 ? `1-${Math.min(p.n, 9)} change that answer   ` : ''}d change outcome   n note   q quit (not saved)`,
  },
});
