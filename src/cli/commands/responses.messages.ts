import { defineMessages } from '../../core/messages.js';

export const h = defineMessages('cli.responses', {
  after: {
    zh: `
示例：
  hhsurvey responses template sample.csv -o 录入表.xlsx --lang zh
  hhsurvey status sample.csv --responses 录入表.xlsx`,
    en: `
Examples:
  hhsurvey responses template sample.csv -o 录入表.xlsx --lang zh
  hhsurvey status sample.csv --responses 录入表.xlsx`,
  },
  templateDescription: {
    zh: '把样本住户写成待填写的录入表（Excel 或 CSV），表头为问卷题目',
    en: "write the sample's households as a form to fill in (Excel or CSV), headed by the questions",
  },
  sample: { zh: '样本名单（hhsurvey sample 的输出）', en: 'the sample list (from hhsurvey sample)' },
  output: {
    zh: '录入表：.xlsx（含下拉列表和一张代码表）或 .csv',
    en: 'the template: .xlsx (drop-down lists, a sheet of codes) or .csv',
  },
  standard: {
    zh: '测评体系（默认：内置的 national-mock）',
    en: 'the evaluation standard (default: the built-in national-mock)',
  },
  templateAfter: {
    zh: `
示例：
  hhsurvey responses template sample.csv -o 录入表.xlsx --lang zh
  hhsurvey responses template sample.csv --standard standard.yaml -o responses-form.csv

每户一行（先正式样本，再按使用顺序排列的备用户）。每次访问填一行：访问结果（列表中的名称或其代码）、
各题回答（名称或代码）；第二次访问复制一行再填。空行表示尚未访问的住户。填好的文件可直接
（.xlsx 或 .csv）用 hhsurvey status 检查、用 hhsurvey score 计分。`,
    en: `
Examples:
  hhsurvey responses template sample.csv -o 录入表.xlsx --lang zh
  hhsurvey responses template sample.csv --standard standard.yaml -o responses-form.csv

One row per household (primaries, then reserves in the order to use them). Fill in one row per
visit: the outcome (a label from the list, or its token), the answers (label or code); copy a row
for a second visit. Rows left blank are households not visited yet. Check the filled file with
hhsurvey status and score it with hhsurvey score, as it is (.xlsx or .csv).`,
  },
});
