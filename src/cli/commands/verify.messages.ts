import { defineMessages, num } from '../../core/messages.js';

export const h = defineMessages('cli.verify', {
  sample: { zh: 'hhsurvey sample -o 写出的样本名单', en: 'sample list written by hhsurvey sample -o' },
  roster: { zh: '抽样所用的户册', en: 'the roster the sample was drawn from' },
  manifest: {
    zh: '抽样清单（默认：样本旁的 <样本>.manifest.json）',
    en: 'the manifest (default: <sample>.manifest.json beside the sample)',
  },
  encoding: { zh: '户册编码（默认：按清单记录）', en: 'roster encoding (default: as recorded)' },
  after: {
    zh: `
示例：
  hhsurvey verify sample.csv --roster data/demo/roster.csv
  hhsurvey verify 样本.csv --roster 户册.csv --manifest 样本.manifest.json
  hhsurvey verify 样本.csv --roster 户册.xlsx

退出码：0 样本与按种子抽取的结果完全一致，1 不一致（列出差异），2 输入有误。`,
    en: `
Examples:
  hhsurvey verify sample.csv --roster data/demo/roster.csv
  hhsurvey verify 样本.csv --roster 户册.csv --manifest 样本.manifest.json
  hhsurvey verify 样本.csv --roster 户册.xlsx

Exit codes: 0 the sample is exactly the seeded draw, 1 it differs (differences listed), 2 bad input.`,
  },

  reading: { zh: '读取户册', en: 'reading roster' },
  primary: { zh: '正式样本', en: 'primary' },
  reserve: { zh: '备用户', en: 'reserve' },
  added: {
    zh: (p: { id: string; stratum: string; role: string; rank: number }) =>
      `多出：${p.id}（${p.stratum}，${p.role}第 ${p.rank} 位）不在抽样结果中`,
    en: (p: { id: string; stratum: string; role: string; rank: number }) =>
      `added: ${p.id} (${p.stratum}, ${p.role} ${p.rank}) is not in the draw`,
  },
  moved: {
    zh: (p: {
      id: string;
      stratum: string;
      role: string;
      rank: number;
      wStratum: string;
      wRole: string;
      wRank: number;
    }) =>
      `位置不符：${p.id} 在名单中是 ${p.stratum} 的${p.role}第 ${p.rank} 位；抽样结果是 ${p.wStratum} 的${p.wRole}第 ${p.wRank} 位`,
    en: (p: {
      id: string;
      stratum: string;
      role: string;
      rank: number;
      wStratum: string;
      wRole: string;
      wRank: number;
    }) =>
      `moved: ${p.id} is ${p.role} ${p.rank} in ${p.stratum}; the draw has ${p.wRole} ${p.wRank} in ${p.wStratum}`,
  },
  removed: {
    zh: (p: { id: string; stratum: string; role: string; rank: number }) =>
      `缺少：${p.id}（${p.stratum}，${p.role}第 ${p.rank} 位）不在名单中`,
    en: (p: { id: string; stratum: string; role: string; rank: number }) =>
      `removed: ${p.id} (${p.stratum}, ${p.role} ${p.rank}) is missing`,
  },
  digestEdited: {
    zh: '抽样清单中的摘要与重抽结果不符：清单被修改过',
    en: 'the manifest digest does not match a re-draw: the manifest was edited',
  },
  rosterChanged: {
    zh: (p: { sha: string }) => `注意：户册文件与抽样时不同（SHA-256 ${p.sha}…），按当前文件重抽比对`,
    en: (p: { sha: string }) =>
      `note: the roster's bytes differ from the one drawn from (SHA-256 ${p.sha}…); comparing with a re-draw from this file`,
  },
  failed: {
    zh: (p: { n: number }) => `校验不通过：${num(p.n)} 处差异`,
    en: (p: { n: number }) => `verification failed: ${num(p.n)} ${p.n === 1 ? 'difference' : 'differences'}`,
  },
  verified: {
    zh: (p: { n: number; seed: string }) => `校验通过：${num(p.n)} 户与种子 ${p.seed} 的抽样结果完全一致`,
    en: (p: { n: number; seed: string }) =>
      `verified: ${p.n === 1 ? 'the household is' : `all ${num(p.n)} households are`} exactly the draw of seed ${p.seed}`,
  },
});
