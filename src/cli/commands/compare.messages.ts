import { defineMessages } from '../../core/messages.js';

export const h = defineMessages('cli.compare', {
  description: {
    zh: '把几次演练的计分报告（按时间先后）排在一起：比率、变化，以及变化是否真实',
    en: 'line up several drills\u2019 score reports (oldest first): rates, changes and whether they are real',
  },
  reports: {
    zh: 'hhsurvey score --format json 写出的 JSON 报告，最早的在前',
    en: 'JSON reports from hhsurvey score --format json, oldest first',
  },
  format: { zh: '输出格式', en: 'output format' },
  output: {
    zh: '写入此文件（原子写入），而不是标准输出',
    en: 'write to this file (atomically) instead of stdout',
  },
  confidence: { zh: 'p < 1 − 置信水平 时变化显著', en: 'a change is significant when p < 1 − level' },
  after: {
    zh: `
示例：
  hhsurvey compare drill-1/report.json drill-2/report.json
  hhsurvey compare march.json june.json september.json --format md -o trend.md
  hhsurvey compare before.json after.json --format json --lang zh

对每个社区和每项指标：每次演练的比率、从第一次到最后一次的变化及其 p 值。社区的变化用两比例检验
（合并 z 检验，即 R 的 prop.test(correct = FALSE) 给出的结果）；汇总的变化用其分层形式（“无变化”
假设下的方差，取每个社区两次演练合并后的比率）。
“变好”/“变差”表示 p < 1 − 置信水平；否则这几次演练分不出比率的高低。

退出码：0 完成，2 输入或用法有误。`,
    en: `
Examples:
  hhsurvey compare drill-1/report.json drill-2/report.json
  hhsurvey compare march.json june.json september.json --format md -o trend.md
  hhsurvey compare before.json after.json --format json --lang en

For each community and indicator: the rate in each drill, the change from the first to the last
drill, and its p-value. A community's change is tested with the two-proportion test (pooled z,
what R's prop.test(correct = FALSE) reports); a roll-up's with its stratified analogue (the
variance under "no change", from each community's rate pooled over the two drills).
"better"/"worse" means p < 1 − confidence; otherwise the drills cannot tell the rates apart.

Exit codes: 0 done, 2 bad input or usage.`,
  },
});
