import { defineMessages } from '../../core/messages.js';

export const h = defineMessages('cli.compare', {
  reports: {
    zh: 'hhsurvey score --format json 写出的 JSON 报告，最早的在前',
    en: 'JSON reports from hhsurvey score --format json, oldest first',
  },
  format: {
    zh: '输出格式（默认：按 -o 的扩展名取 json 或 md，否则为 table）',
    en: "output format (default: from -o's extension, .json or .md; else table)",
  },
  output: {
    zh: '写入此文件（原子写入），而不是标准输出',
    en: 'write to this file (atomically) instead of stdout',
  },
  confidence: { zh: 'p < 1 − 置信水平 时变化显著', en: 'a change is significant when p < 1 − level' },
  adjust: {
    zh: '多重检验校正：none（不校正）或 holm（Holm 逐步法，对所有从第一次到最后一次的变化）',
    en: 'multiple-testing adjustment: none, or holm (Holm step-down over every first-to-last change)',
  },
  after: {
    zh: `
示例：
  hhsurvey compare drill-1/report.json drill-2/report.json
  hhsurvey compare march.json june.json september.json --format md -o trend.md
  hhsurvey compare before.json after.json --format json --lang zh

对每个社区和每项指标：每次演练的比率、从第一次到最后一次的变化、其置信区间和 p 值。社区的变化用
Newcombe 混合得分区间（由两次的 Wilson 区间合成；访问了全部住户的一次视为精确，此外不做有限总体校正）；
p 值由同一区间反推，所以区间不含 0 与 p < 1 − 置信水平 总是一致。汇总（街道、全部）的变化用分层设计估计之差，
方差为两次之和，参照 t 分布（自由度 = 两次受访户数之和 − 社区数之和），与 score 的汇总一致。
“显著提高”/“显著下降”表示 p < 1 − 置信水平；否则这几次演练分不出比率的高低。
检验很多时，偶然的“显著”也会出现：输出写明检验次数；--adjust holm 按 Holm 法校正 p 值。

退出码：0 完成，2 输入或用法有误。`,
    en: `
Examples:
  hhsurvey compare drill-1/report.json drill-2/report.json
  hhsurvey compare march.json june.json september.json --format md -o trend.md
  hhsurvey compare before.json after.json --format json --lang en

For each community and indicator: the rate in each drill, the change from the first to the last
drill, its interval and its p-value. A community's change uses Newcombe's hybrid score interval
(from the two drills' Wilson intervals; a drill that interviewed every household counts as exact,
and no other finite population correction is made); the p-value is read off the same interval, so "the interval excludes 0" and
"p < 1 − confidence" always agree. Roll-ups (sub-districts, overall) use the difference of the
stratified design-based estimates, variance the sum of both drills', with a t reference
(df = respondents − communities, summed over the drills), as score does for a roll-up.
"better"/"worse" means p < 1 − confidence; otherwise the drills cannot tell the rates apart.
With many tests some "changes" appear by chance: the output says how many tests were run;
--adjust holm applies Holm's step-down adjustment to the p-values.

Exit codes: 0 done, 2 bad input or usage.`,
  },
});

/** What compare says about its inputs. */
export const e = defineMessages('cli.compare.inputs', {
  needTwo: {
    zh: 'compare 至少需要两份报告（按时间先后排列）',
    en: 'compare needs at least two reports (oldest first)',
  },
  differentStandards: {
    zh: (p: { standards: string[] }) => `警告：这些报告所用的测评标准不同（${p.standards.join('、')}）`,
    en: (p: { standards: string[] }) =>
      `warning: the reports use different standards (${p.standards.join(', ')})`,
  },
  olderThan: {
    zh: (p: { file: string; before: string }) => `警告：${p.file} 比 ${p.before} 更早；请按时间先后给出报告`,
    en: (p: { file: string; before: string }) =>
      `warning: ${p.file} is older than ${p.before}; give the reports oldest first`,
  },
  wrote: { zh: (p: { file: string }) => `已写入 ${p.file}`, en: (p: { file: string }) => `wrote ${p.file}` },
});
