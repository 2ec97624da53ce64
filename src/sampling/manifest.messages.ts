import { defineMessages } from '../core/messages.js';

/** Reading a sample's manifest back (verify). */
export const mm = defineMessages('sampling.manifest', {
  noManifest: {
    zh: (p: { file: string }) =>
      `${p.file}：没有抽样清单（manifest）；用 -o 写出样本即有，或用 --manifest 指定`,
    en: (p: { file: string }) =>
      `${p.file}: no manifest (write the sample with -o to get one, or pass --manifest)`,
  },
  notManifest: {
    zh: (p: { file: string; n: number }) => `${p.file}：不是抽样清单（manifest），有 ${p.n} 个问题`,
    en: (p: { file: string; n: number }) =>
      `${p.file}: not a sample manifest (${p.n} ${p.n === 1 ? 'problem' : 'problems'})`,
  },
});
