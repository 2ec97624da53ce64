import { defineMessages } from '../../core/messages.js';

export const h = defineMessages('cli.drill', {
  drill: { zh: '演练文件（YAML；见 hhsurvey init）', en: 'the drill file (YAML; see hhsurvey init)' },
  out: {
    zh: '样本、访问记录和报告的文件夹（新建的，或只装有上次演练的文件）',
    en: 'folder for the sample, responses and reports (new, or holding only a previous drill’s files)',
  },
  seed: { zh: '抽样种子，代替演练文件中的种子', en: "seed of the draw, instead of the drill file's" },
  title: { zh: '报告的标题（默认：演练的名称）', en: "the reports' title (default: the drill's name)" },
  noFail: { zh: '即使有社区未通过也以 0 退出', en: 'exit 0 even when a community fails' },
  after: {
    zh: `
写入 --out 文件夹：sample.csv 和 sample.manifest.json、responses.csv、report.json、report.md、
report.html、junit.xml 以及 drill.json（运行了什么：种子、输入文件的 SHA-256）。标准输出只打印一行。
输入相同且 SOURCE_DATE_EPOCH 相同时，重跑写出的文件逐字节相同。
演练文件中写 \`seed: date\` 时，种子由演练日期（\`date:\`，默认为北京时间的今天）导出：每周的演练
抽到新的住户，任何一周都能重新抽出。

退出码：0 所有社区通过，1 有社区未通过（加 --no-fail 时为 0），2 输入有误。

示例：
  hhsurvey drill data/demo/drill.yaml --out drill-output
  hhsurvey init my-drill && hhsurvey drill my-drill/drill.yaml --out my-drill/out
  hhsurvey drill drills/weekly.yaml --out artifacts/drill --lang zh`,
    en: `
Writes to the --out folder: sample.csv and sample.manifest.json, responses.csv, report.json,
report.md, report.html, junit.xml and drill.json (what was run: seed, inputs' SHA-256). Prints one
line on stdout. Reruns with the same inputs and SOURCE_DATE_EPOCH write byte-identical files.
In the drill file, \`seed: date\` derives the seed from the drill date (\`date:\`, default today in
China time), so a weekly drill draws new households every week and any week can be re-drawn.

Exit codes: 0 every community passes, 1 a community fails (0 with --no-fail), 2 bad input.

Examples:
  hhsurvey drill data/demo/drill.yaml --out drill-output
  hhsurvey init my-drill && hhsurvey drill my-drill/drill.yaml --out my-drill/out
  hhsurvey drill drills/weekly.yaml --out artifacts/drill --lang en`,
  },
});

/** What drill and demo print while they run. */
export const dr = defineMessages('cli.drill.run', {
  readingRoster: { zh: '读取户册', en: 'reading roster' },
  warning: {
    zh: (p: { text: string }) => `警告：${p.text}`,
    en: (p: { text: string }) => `warning: ${p.text}`,
  },
  demoNote: {
    zh: (p: { out: string }) =>
      `这是演示：无论结论如何均以 0 退出。正式演练请用 hhsurvey drill（有社区未达标时退出码为 1）；报告见 ${p.out}/report.html`,
    en: (p: { out: string }) =>
      `this was the demo: it exits 0 whatever the verdict. hhsurvey drill exits 1 when a community fails; open ${p.out}/report.html for the full report`,
  },
});
