import { defineMessages } from '../core/messages.js';

/** Inputs of a draw besides the roster: --only, --exclude lists, --prior files. */
export const sj = defineMessages('sampling.job', {
  unknownOnly: {
    zh: (p: { file: string; strata: string[] }) =>
      `--only：${p.file} 中没有这些抽样层：${p.strata.join('、')}`,
    en: (p: { file: string; strata: string[] }) =>
      `--only: no such stratum in ${p.file}: ${p.strata.join(', ')}`,
  },
  noIdColumn: {
    zh: (p: { file: string }) => `${p.file}:1：没有可用于排除的户编号（household_id）列`,
    en: (p: { file: string }) => `${p.file}:1: no household_id (户编号) column to exclude by`,
  },
  priorColumns: {
    zh: (p: { file: string }) => `${p.file}:1：先验比率文件需要 stratum（抽样层）和 rate（比率）两列`,
    en: (p: { file: string }) => `${p.file}:1: a prior file needs columns stratum and rate`,
  },
  priorRate: {
    zh: (p: { value: string }) => `比率应在 0 与 1 之间（0.9 或 90%），实为 "${p.value}"`,
    en: (p: { value: string }) => `rate must be between 0 and 1 (0.9 or 90%), got "${p.value}"`,
  },
  priorProblems: {
    zh: (p: { file: string; n: number }) => `${p.file}：先验比率中有 ${p.n} 个问题`,
    en: (p: { file: string; n: number }) => `${p.file}: ${p.n} invalid prior ${p.n === 1 ? 'rate' : 'rates'}`,
  },
});
