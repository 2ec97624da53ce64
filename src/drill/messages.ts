import { defineMessages, num } from '../core/messages.js';

const households = (n: number) => `${num(n)} ${n === 1 ? 'household' : 'households'}`;
const strata = (n: number) => `${num(n)} ${n === 1 ? 'stratum' : 'strata'}`;

/** Messages of a drill run: its file, its output folder and its progress lines. */
export const d = defineMessages('drill', {
  notFolder: {
    zh: (p: { file: string }) => `${p.file}：不是文件夹`,
    en: (p: { file: string }) => `${p.file}: not a folder`,
  },
  folderBusy: {
    zh: (p: { folder: string; files: string[]; more: boolean; record: string }) =>
      `${p.folder}：文件夹里有其他文件（${p.files.join('、')}${p.more ? '等' : ''}），且没有 ${p.record}；请为 --out 指定一个空的或新的文件夹`,
    en: (p: { folder: string; files: string[]; more: boolean; record: string }) =>
      `${p.folder}: the folder holds other files (${p.files.join(', ')}${p.more ? ', ...' : ''}) and no ${p.record}; give --out an empty or new folder`,
  },
  inputIsOutput: {
    zh: (p: { file: string }) => `${p.file}：这是演练的输入文件，会被输出覆盖；请换一个 --out`,
    en: (p: { file: string }) =>
      `${p.file}: an input of the drill would be overwritten by its output; choose another --out`,
  },
  takesAll: {
    zh: (p: { stratum: string; eligible: number; target: number }) =>
      `${p.stratum} 仅有 ${num(p.eligible)} 户可抽，少于样本量 ${num(p.target)}，全部入样`,
    en: (p: { stratum: string; eligible: number; target: number }) =>
      `${p.stratum} has only ${households(p.eligible)} to draw from, fewer than ${num(p.target)}: all are taken`,
  },
  drew: {
    zh: (p: {
      roster: string;
      households: number;
      strata: number;
      primaries: number;
      reserves: number;
      seed: string;
    }) =>
      `户册 ${p.roster}：${num(p.households)} 户，校验通过；抽取 ${num(p.strata)} 个抽样层的正式样本 ${num(p.primaries)} 户、备用 ${num(p.reserves)} 户（种子 ${p.seed}）`,
    en: (p: {
      roster: string;
      households: number;
      strata: number;
      primaries: number;
      reserves: number;
      seed: string;
    }) =>
      `roster ${p.roster}: ${households(p.households)}, valid; drew ${num(p.primaries)} primary and ${num(p.reserves)} reserve ${p.reserves === 1 ? 'household' : 'households'} in ${strata(p.strata)} (seed ${p.seed})`,
  },
  synthetic: {
    zh: (p: { visited: number; completes: number; used: number; rate: string }) =>
      `模拟入户：走访 ${num(p.visited)} 户，完成 ${num(p.completes)} 户，启用备用样本 ${num(p.used)} 户（应答率 ${p.rate}）`,
    en: (p: { visited: number; completes: number; used: number; rate: string }) =>
      `synthetic fieldwork: ${households(p.visited)} visited, ${num(p.completes)} complete, ${num(p.used)} ${p.used === 1 ? 'reserve' : 'reserves'} used (response rate ${p.rate})`,
  },
  otherDraw: {
    zh: (p: { message: string; seed: string }) =>
      `${p.message}；这些访问记录不属于本次抽样（种子 ${p.seed}）：请在演练文件中把 seed 固定为调查员所用样本的种子`,
    en: (p: { message: string; seed: string }) =>
      `${p.message}; these responses were not recorded on this draw (seed ${p.seed}): set the drill file's seed to the one the interviewers' sample was drawn with`,
  },
  wrote: {
    zh: (p: { out: string; files: string[] }) => `已写入 ${p.out}：${p.files.join('、')}`,
    en: (p: { out: string; files: string[] }) => `wrote ${p.files.join(', ')} to ${p.out}`,
  },
  defaultName: { zh: '演练', en: 'drill' },
  summary: {
    zh: (p: { name: string; date: string; seed: string; verdict: string; report: string }) =>
      `${p.name} ${p.date}（种子 ${p.seed}）：${p.verdict}；报告 ${p.report}`,
    en: (p: { name: string; date: string; seed: string; verdict: string; report: string }) =>
      `${p.name} ${p.date} (seed ${p.seed}): ${p.verdict}; report ${p.report}`,
  },
  intervalHead: {
    zh: (p: { level: number }) => `${p.level}%置信区间`,
    en: (p: { level: number }) => `${p.level}% interval`,
  },
});
