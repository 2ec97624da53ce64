import { defineMessages } from '../core/messages.js';

/** Words of the field packs (visit sheets, covers, workbook) and of `hhsurvey pack`. */
export const m = defineMessages('pack', {
  /** A reserve household's number on the sheets: 备1, R1. */
  reserveNumber: { zh: (p: { rank: number }) => `备${p.rank}`, en: (p: { rank: number }) => `R${p.rank}` },
  sheetTitle: {
    zh: (p: { community: string }) => `${p.community} 入户走访表`,
    en: (p: { community: string }) => `${p.community}: household visit sheet`,
  },
  coverTitle: {
    zh: (p: { street: string }) => `${p.street} 入户调查材料`,
    en: (p: { street: string }) => `${p.street}: field pack`,
  },
  coverIntro: {
    zh: (p: { communities: number; households: number; reserves: number }) =>
      `本街道 ${p.communities} 个社区，正式样本 ${p.households} 户，备用户 ${p.reserves} 户。每个社区一份走访表，按表中顺序走访。`,
    en: (p: { communities: number; households: number; reserves: number }) =>
      `${p.communities} communit${p.communities === 1 ? 'y' : 'ies'} in this sub-district, ${p.households} sampled households and ${p.reserves} reserves. One visit sheet per community; visit in the order of the sheet.`,
  },
  sampleFile: { zh: '样本清单', en: 'Sample list' },
  standard: { zh: '测评体系', en: 'Standard' },
  made: { zh: '制表时间', en: 'Made' },
  team: { zh: '调查组', en: 'Team' },
  interviewer: { zh: '调查员', en: 'Interviewer' },
  date: { zh: '日期', en: 'Date' },
  households: { zh: '正式样本户', en: 'Sampled households' },
  reserves: { zh: '备用户', en: 'Reserve households' },
  reserveRule: {
    zh: (p: { codes: string }) =>
      `按顺序使用，仅在正式样本户最终结果为 ${p.codes}（即非“1 完成”）时替换：每替换一户，启用下一户备用户，并在“替换”栏写上被替换户的序号。`,
    en: (p: { codes: string }) =>
      `Use in this order, only to replace a household marked ${p.codes} (any final outcome other than 1 Complete): each replacement takes the next reserve; write the number of the household it replaces under "Replaces".`,
  },
  notHomeRule: {
    zh: (p: { visits: number }) =>
      p.visits === 1
        ? '“5 无人在家”即为最终结果：不再回访，由本社区下一户备用户替换。'
        : `“5 无人在家”：改日再访，最多访问 ${p.visits} 次；第 ${p.visits} 次仍无人在家才算最终结果。`,
    en: (p: { visits: number }) =>
      p.visits === 1
        ? `"5 Nobody home" is final: no second visit; the community's next reserve replaces the household.`
        : `"5 Nobody home": come back another day, up to ${p.visits} visits; only the last visit's "nobody home" is final.`,
  },
  no: { zh: '序号', en: 'No.' },
  householdId: { zh: '户编号', en: 'Household' },
  address: { zh: '地址', en: 'Address' },
  head: { zh: '户主', en: 'Head' },
  phone: { zh: '电话', en: 'Phone' },
  visit: { zh: (p: { n: number }) => `第${p.n}次访问`, en: (p: { n: number }) => `Visit ${p.n}` },
  visitHint: { zh: '月/日 时:分  结果', en: 'dd/mm hh:mm  code' },
  replaces: { zh: '替换', en: 'Replaces' },
  answers: { zh: '答案记录（填选项代码）', en: 'Answers (write the option code)' },
  answersHint: {
    zh: '仅结果为“1 完成”或“2 部分完成”的户填写；行与上表一一对应，录入时按此顺序（hhsurvey interview 的顺序）。',
    en: 'Only for households marked 1 Complete or 2 Partial; rows match the table above, in the order hhsurvey interview asks for them.',
  },
  legend: { zh: '访问结果代码', en: 'Outcome codes' },
  questionnaire: { zh: '问卷（选项代码）', en: 'Questionnaire (option codes)' },
  doNotRead: { zh: '（不读出）', en: ' (do not read out)' },
  askIf: {
    zh: (p: { question: string; codes: string }) => `仅当第 ${p.question} 题答 ${p.codes} 时提问`,
    en: (p: { question: string; codes: string }) =>
      `Ask only if question ${p.question} was answered ${p.codes}`,
  },
  optional: { zh: '（可不答）', en: ' (may be left unanswered)' },
  masked: {
    zh: '联系方式已脱敏（138****1234、张*）；完整电话请向社区网格员询问。',
    en: 'Contacts are masked (138****1234, 张*); ask the community grid worker for full numbers.',
  },
  unmasked: {
    zh: '本表含完整联系方式：仅供调查员使用，用毕收回销毁。',
    en: 'This sheet carries full contact details: for the interviewers only; collect and destroy after use.',
  },
  communities: { zh: '社区', en: 'Community' },
  sheetFile: { zh: '走访表', en: 'Visit sheet' },
  legendSheet: { zh: '说明', en: 'Legend' },
  code: { zh: '代码', en: 'Code' },
  outcome: { zh: '结果', en: 'Outcome' },
  aapor: { zh: 'AAPOR 代码', en: 'AAPOR code' },
  question: { zh: '题目', en: 'Question' },
  options: { zh: '选项代码', en: 'Option codes' },
  role: { zh: '样本类型', en: 'Role' },
  rolePrimary: { zh: '正式', en: 'primary' },
  roleReserve: { zh: '备用', en: 'reserve' },
  noStreet: { zh: '未分街道', en: 'No sub-district' },
  wrote: {
    zh: (p: { sheets: number; covers: number; dir: string }) =>
      `已写入 ${p.dir}：${p.sheets} 份社区走访表、${p.covers} 份街道封面及 pack.xlsx`,
    en: (p: { sheets: number; covers: number; dir: string }) =>
      `wrote ${p.sheets} visit sheet${p.sheets === 1 ? '' : 's'}, ${p.covers} cover${p.covers === 1 ? '' : 's'} and pack.xlsx to ${p.dir}`,
  },
  pdfWritten: {
    zh: (p: { n: number }) => `已用 Chromium 打印 ${p.n} 个 PDF`,
    en: (p: { n: number }) => `printed ${p.n} PDF${p.n === 1 ? '' : 's'} with Chromium`,
  },
  noPdf: {
    zh: (p: { why: string }) => `未生成 PDF（${p.why}）：请用浏览器打开 HTML 走访表打印（A4）。`,
    en: (p: { why: string }) =>
      `no PDFs (${p.why}): open the HTML visit sheets in a browser and print them on A4.`,
  },
  noPlaywright: {
    zh: '未安装 playwright-core（npm install playwright-core）',
    en: 'playwright-core is not installed (npm install playwright-core)',
  },
  noChromium: {
    zh: (p: { path: string }) =>
      `找不到 Chromium：${p.path}（apt-get install chromium，或设置 HHSURVEY_CHROMIUM）`,
    en: (p: { path: string }) =>
      `Chromium not found at ${p.path} (apt-get install chromium, or set HHSURVEY_CHROMIUM)`,
  },
  pdfFailed: {
    zh: (p: { error: string }) => `Chromium 打印失败：${p.error}`,
    en: (p: { error: string }) => `Chromium could not print: ${p.error}`,
  },
  unknownOnly: {
    zh: (p: { name: string }) => `样本清单中没有社区“${p.name}”`,
    en: (p: { name: string }) => `no community "${p.name}" in the sample list`,
  },
  notEmpty: {
    zh: '该文件夹已有其他文件；请给 -o 一个新的或空的文件夹，或此前 hhsurvey pack 写过的文件夹',
    en: 'the folder holds other files; give -o a new or empty folder, or one hhsurvey pack wrote before',
  },
  notFolder: {
    zh: '不是文件夹；请给 -o 一个文件夹',
    en: 'not a folder; give -o a folder',
  },
});
