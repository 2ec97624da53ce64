import { defineMessages } from '../core/messages.js';

/** The words of the verdict groups and the risk of failing the official check, in every report format. */
export const vm = defineMessages('verdicts', {
  failsNow: { zh: '现在未达标', en: 'Fails now' },
  atRisk: { zh: '有风险', en: 'At risk' },
  onTrack: { zh: '有把握', en: 'On track' },
  noData: { zh: '无数据', en: 'No data' },
  failsNowNote: {
    zh: '模拟测评结果已低于标准，需整改',
    en: 'the mock result is below the threshold: rectify',
  },
  failsNowNoteLowerBound: {
    zh: '模拟测评结果未通过标准的判定规则（置信下限），需整改',
    en: "the mock result fails the standard's rule (the lower bound): rectify",
  },
  atRiskNote: {
    zh: (p: { level: string }) => `现在达标，但正式测评未达标的风险高于 ${p.level}`,
    en: (p: { level: string }) =>
      `passes now, but the risk of failing the official check is above ${p.level}`,
  },
  onTrackNote: {
    zh: (p: { level: string }) => `正式测评未达标的风险不高于 ${p.level}`,
    en: (p: { level: string }) => `risk of failing the official check at most ${p.level}`,
  },
  heading: {
    zh: '结论：按正式测评未达标风险排序',
    en: 'Verdicts, ranked by risk of failing the official check',
  },
  risk: { zh: '未达标风险', en: 'Risk' },
  group: { zh: '分组', en: 'Group' },
  riskShort: {
    zh: (p: { risk: string }) => `风险 ${p.risk}`,
    en: (p: { risk: string }) => `risk ${p.risk}`,
  },
  groupCount: {
    zh: (p: { label: string; count: number; total: number; worse: number }) =>
      `${p.label}：${p.count} 项结果（社区 × 指标），分布在 ${p.total} 个社区` +
      (p.worse > 0 ? `；其中 ${p.worse} 个社区另有更差的结果，在结论行中计入更差的分组` : ''),
    en: (p: { label: string; count: number; total: number; worse: number }) =>
      `${p.label}: ${p.count} result${p.count === 1 ? '' : 's'} (community × indicator) in ${p.total} communit${p.total === 1 ? 'y' : 'ies'}` +
      (p.worse > 0
        ? `; ${p.worse} of them ${p.worse === 1 ? 'has' : 'have'} a worse result and ${p.worse === 1 ? 'is' : 'are'} counted in a worse group in the verdict line`
        : ''),
  },
  onTrackList: {
    zh: (p: { count: number }) => `另有 ${p.count} 项结果有把握达标（见下方各社区表）。`,
    en: (p: { count: number }) =>
      `${p.count} more result${p.count === 1 ? ' is' : 's are'} on track (see the community tables below).`,
  },
  model: {
    zh: (p: { size: string; prior: string }) =>
      `风险为模型估计，不是测量值：假定有效受访者是该社区住户的简单随机样本，正式测评从同一社区新抽${p.size}并按同一标准判定，且两次测评之间情况不变；社区肯定户数的先验为${p.prior}。`,
    en: (p: { size: string; prior: string }) =>
      `The risk is a model-based estimate, not a measurement: it assumes the eligible respondents are a simple random sample of the community's households, that the official check draws a fresh sample of ${p.size} from the same community and judges it by the same rule, and that nothing changes in between; prior on the community's favourable households: ${p.prior}.`,
  },
  sizeOwn: {
    zh: '与本次样本同样多的住户（不超过社区总户数）',
    en: "as many households as the community's mock sample (at most all of them)",
  },
  sizeGiven: {
    zh: (p: { n: number }) => ` ${p.n} 户（不超过社区总户数）`,
    en: (p: { n: number }) => `${p.n} households (at most all of them)`,
  },
  priorUniform: { zh: ' 0..N 上的均匀分布', en: 'uniform over 0..N' },
  priorJeffreys: { zh: ' Jeffreys 先验（β-二项分布，参数 ½, ½）', en: 'Jeffreys (beta-binomial, ½, ½)' },
  verdictLine: {
    zh: (p: {
      head: string;
      failed: number;
      judged: number;
      atRisk: number;
      onTrack: number;
      level: string;
    }) =>
      `${p.head}：${p.judged} 个社区中 ${p.failed} 个未达标，${p.atRisk} 个有风险（正式测评未达标风险高于 ${p.level}），${p.onTrack} 个有把握（每个社区按其最差的一项结果计一次）`,
    en: (p: {
      head: string;
      failed: number;
      judged: number;
      atRisk: number;
      onTrack: number;
      level: string;
    }) =>
      `${p.head}: ${p.failed} of ${p.judged} communities fail; ${p.atRisk} at risk (risk of failing the official check above ${p.level}); ${p.onTrack} on track (each community counted once, by its worst result)`,
  },
  watchHeading: {
    zh: '需整改与需关注的社区和指标（按正式测评未达标风险排序）：',
    en: 'Communities and indicators to rectify or watch (ranked by risk of failing the official check):',
  },
  moreAtRisk: {
    zh: (p: { count: number }) => `另有 ${p.count} 项有风险的结果，见报告。`,
    en: (p: { count: number }) =>
      `${p.count} more result${p.count === 1 ? '' : 's'} at risk: see the report.`,
  },
  census: { zh: '普查（全部住户已访）', en: 'census (every household interviewed)' },
});
