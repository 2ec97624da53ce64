import { defineMessages } from '../../core/messages.js';

export const h = defineMessages('cli.pack', {
  sample: { zh: '样本名单（hhsurvey sample 的输出）', en: 'the sample list (from hhsurvey sample)' },
  standard: {
    zh: '打印其问卷的测评体系（默认：内置的 national-mock）',
    en: 'the evaluation standard whose questionnaire is printed (default: the built-in national-mock)',
  },
  output: {
    zh: '入户材料的文件夹（新建、空的，或上一次的入户材料）',
    en: 'folder for the pack (new, empty, or a previous pack)',
  },
  noMask: {
    zh: '按样本名单原样打印姓名和电话（默认遮蔽：138****1234，张*）',
    en: 'print names and phones as the sample list has them (default: masked, 138****1234, 张*)',
  },
  noPdf: {
    zh: '只写 HTML 走访表，不经 Chromium 打印 PDF',
    en: 'write HTML sheets only, without printing PDFs through Chromium',
  },
  maxVisits: {
    zh: '无人在家的住户允许的访问次数（与 interview、status、score 相同）',
    en: 'visits allowed to a nobody-home household (as for interview, status and score)',
  },
  only: {
    zh: '只做这些社区（社区名或 街道 / 社区），以逗号分隔',
    en: 'only these communities (names or sub-district / community), comma-separated',
  },
  after: {
    zh: `
示例：
  hhsurvey pack sample.csv -o 入户材料/ --lang zh          每个社区一份走访表，每个街道一页封面
  hhsurvey pack sample.csv -o 入户材料/ --only 南全福社区   只为一个社区重印走访表
  hhsurvey pack sample.csv --standard standard.yaml -o pack/ --lang zh
  hhsurvey pack sample.csv -o pack/ --max-visits 2 --no-pdf

写入文件夹的内容：pack.xlsx（一张说明表，然后每个社区一张表）、pack.json，以及每个街道一个
编号文件夹，内有 00-cover.html 和每个社区一份走访表（01-<社区>.html …）；装有 Chromium 和
playwright-core 时每份另有 .pdf（HHSURVEY_CHROMIUM 可指定其他浏览器；--no-pdf 不打印）。

走访表按 hhsurvey interview 的顺序（走访路线：网格、楼栋、单元、楼层、房号）列出样本住户，
每户有三次访问结果代码的方框；横线下方是备用户，按顺序使用，且只用来替换最终结果不是“1 完成”
的住户；之后是带选项代码的问卷和同样顺序的答题格。除非 --no-mask，姓名和电话均遮蔽：凭地址
找到门户，带队的网格员持有完整号码。用 A4 纸打印。`,
    en: `
Examples:
  hhsurvey pack sample.csv -o pack/
  hhsurvey pack sample.csv --standard standard.yaml -o pack/ --lang zh
  hhsurvey pack sample.csv -o pack/ --only 南全福社区 --no-pdf
  hhsurvey pack sample.csv -o pack/ --max-visits 2

Writes into the folder: pack.xlsx (a legend sheet, then one sheet per community), pack.json, and
per sub-district a numbered folder holding 00-cover.html and one visit sheet per community
(01-<community>.html ...), each with a .pdf when Chromium and playwright-core are installed
(HHSURVEY_CHROMIUM names another browser; --no-pdf skips printing).

A visit sheet lists the sampled households in the order hhsurvey interview takes them (the walking
route: grid, building, unit, floor, room), with boxes for three visits' outcome codes, then the
reserves below a rule, to be used in their order and only to replace a household whose final
outcome is not "1 Complete"; then the questionnaire with its option codes and an answer grid in
the same order. Names and phones are masked unless --no-mask: the address finds the door, and the
grid worker who guides the team holds the full numbers. Print on A4.`,
  },
});
