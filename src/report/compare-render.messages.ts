import { defineMessages } from '../core/messages.js';

/** The words of hhsurvey compare's outputs (terminal table and Markdown). */
export const cm = defineMessages('report.compare', {
  summary: {
    zh: (p: { drills: number; better: number; worse: number; unclear: number; level: string }) =>
      `${p.drills} 次测评：${p.better} 项显著提高，${p.worse} 项显著下降，${p.unclear} 项变化不显著（显著性水平 ${p.level}）`,
    en: (p: { drills: number; better: number; worse: number; unclear: number; level: string }) =>
      `${p.drills} drills: ${p.better} better, ${p.worse} worse, ${p.unclear} without a clear change (significance level ${p.level})`,
  },
  tests: {
    zh: (p: { tests: number; level: string; expected: string }) =>
      `共做了 ${p.tests} 次检验（每个社区及汇总的每项指标一次），每次显著性水平 ${p.level}：即使什么都没变，也约有 ${p.expected} 项会偶然显示为“显著”。要控制这种误判，用 --adjust holm。`,
    en: (p: { tests: number; level: string; expected: string }) =>
      `${p.tests} tests were run (one per community or roll-up and indicator), each at the ${p.level} level: even if nothing had changed, about ${p.expected} would look significant by chance. Use --adjust holm to guard against that.`,
  },
  testsHolm: {
    zh: (p: { tests: number; level: string }) =>
      `共做了 ${p.tests} 次检验，p 值已按 Holm 逐步法校正：所有“显著”变化中出现任何一项误判的概率不超过 ${p.level}。区间仍是每项单独的置信区间。`,
    en: (p: { tests: number; level: string }) =>
      `${p.tests} tests were run; p-values are Holm-adjusted: the chance of any false "change" among them is at most ${p.level}. Intervals remain per comparison.`,
  },
  method: {
    zh: '社区的变化：Newcombe 混合得分区间（两次的 Wilson 区间合成；某次访问了社区全部住户时，该次比率视为精确，此外不做有限总体校正，以免小社区的变化被夸大），p 值由同一区间反推，区间不含 0 即 p 小于显著性水平。汇总层级：分层设计估计之差，方差为两次之和（含有限总体校正），参照 t 分布（自由度 = 受访户数 − 社区数，两次相加）。',
    en: "Changes in a community: Newcombe's hybrid score interval (from the two drills' Wilson intervals; a drill that interviewed every household of the community counts as exact, and no other finite population correction is made, which would overstate changes in small communities); the p-value is read off the same interval, so it is below the significance level exactly when the interval excludes 0. Roll-ups: the difference of the stratified design-based estimates, variance the sum of both drills' (with the finite population correction), with a t reference (df = respondents − communities, summed over the drills).",
  },
  unit: { zh: '单位', en: 'Community' },
  change: { zh: '变化（百分点）', en: 'Change (points)' },
  interval: {
    zh: (p: { level: string }) => `${p.level}置信区间（百分点）`,
    en: (p: { level: string }) => `${p.level} interval (points)`,
  },
  pHolm: { zh: 'p（Holm 校正）', en: 'p (Holm)' },
  better: { zh: '显著提高', en: 'better' },
  worse: { zh: '显著下降', en: 'WORSE' },
  unclear: { zh: '变化不显著', en: 'no clear change' },
  none: { zh: '无法比较', en: 'not comparable' },
  drill: { zh: (p: { n: number }) => `第${p.n}次`, en: (p: { n: number }) => `Drill ${p.n}` },
  title: { zh: '测评趋势', en: 'Trend across drills' },
  /** One drill compared: its file, when it was scored and its verdict. */
  drillLine: {
    zh: (p: { drill: string; file: string; time: string; verdict: string }) =>
      `${p.drill}：${p.file}（${p.time}，${p.verdict}）`,
    en: (p: { drill: string; file: string; time: string; verdict: string }) =>
      `${p.drill}: ${p.file} (${p.time}, ${p.verdict})`,
  },
});
