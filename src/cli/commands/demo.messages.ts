import { defineMessages } from '../../core/messages.js';

export const h = defineMessages('cli.demo', {
  out: {
    zh: '演示输出（样本、访问记录、报告）的文件夹',
    en: 'folder for the demo outputs (sample, responses, reports)',
  },
  after: {
    zh: `
演示演练（data/demo/drill.yaml）校验演示户册（60 个社区的 20,000 户合成户），每个社区抽 22 户、
备用 5 户，生成合成的入户访问数据（其中四个社区故意偏弱），按内置测评体系计分，并把样本、访问记录和
报告（JSON、Markdown、HTML、JUnit）写入 --out。它列出需要整改的内容和结论；即使有社区未通过也以 0
退出，因为这只是演示。要得到演练的退出码（有社区未通过时为 1），请运行：hhsurvey drill data/demo/drill.yaml

示例：
  hhsurvey demo
  hhsurvey demo --out /tmp/demo --lang zh`,
    en: `
The demo drill (data/demo/drill.yaml) checks the demo roster (20,000 synthetic households in 60
communities), draws 22 households and 5 reserves per community, makes synthetic fieldwork in which
four communities are weak on purpose, scores it against the built-in standard, and writes the sample,
the responses and the reports (JSON, Markdown, HTML, JUnit) to --out. It prints what to rectify and
the verdict, and exits 0 even when communities fail: it is a demonstration. To get the drill's exit
codes (1 when a community fails), run: hhsurvey drill data/demo/drill.yaml

Examples:
  hhsurvey demo
  hhsurvey demo --out /tmp/demo --lang en`,
  },
});
