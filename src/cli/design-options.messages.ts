import { defineMessages } from '../core/messages.js';

/** Problems with the sampling design's flags, the same for `sample` and `simulate --roster`. */
export const dm = defineMessages('cli.design', {
  sizeAndTotal: { zh: '--size 与 --total 不能同时使用', en: '--size and --total cannot be used together' },
  neymanNeedsTotal: { zh: 'neyman 分配需要 --total', en: 'neyman allocation needs --total' },
  priorNeyman: { zh: '只用于 --allocation neyman', en: 'is used by --allocation neyman only' },
  invalid: {
    zh: (p: { command: string }) => `${p.command}：选项有误`,
    en: (p: { command: string }) => `${p.command}: invalid options`,
  },
});
