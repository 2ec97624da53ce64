import { defineMessages } from '../../core/messages.js';

/**
 * Each command's one-line summary: the line beside its name in `hhsurvey --help`, and the
 * description at the top of its own help (plan and simulate add a longer one there). One catalogue,
 * so that the root help can list every command without loading any command module.
 */
export const ls = defineMessages('cli.commands', {
  demo: {
    zh: '在内置的演示城区上运行演示演练并给出结论（即 npm start 所运行的；无论结论如何都以 0 退出）',
    en: 'run the demo drill on the embedded demo district and print its verdict (what `npm start` runs; exits 0 whatever the verdict)',
  },
  check: {
    zh: '校验户册，并按街道和社区汇总',
    en: 'validate a household roster (户册) and summarise it by sub-district and community',
  },
  sample: {
    zh: '从户册中抽取可复现的分层样本（正式样本户和备用户）',
    en: 'draw a reproducible stratified sample of households (primaries and reserves) from a roster',
  },
  verify: {
    zh: '按清单重新抽取样本，核对名单是否正是该种子抽出的结果',
    en: 're-draw a sample from its manifest and check that the list is exactly what the seed gives',
  },
  standard: {
    zh: '查看或复制测评体系：问卷、指标、达标线',
    en: 'show or copy the evaluation standard (测评体系): questionnaire, indicators, thresholds',
  },
  interview: {
    zh: '逐户记录入户访问和回答，每户保存后立即写入磁盘',
    en: 'record door-to-door visits and answers, household by household, saving each one to disk at once',
  },
  status: {
    zh: '按样本和测评体系检查访问记录文件，可合并多个文件，并显示入户进度',
    en: 'check responses files against the sample and the standard, merge them, and show fieldwork progress',
  },
  responses: {
    zh: '手工录入的访问记录：生成待填写的录入表，由 status 和 score 读回',
    en: 'responses files typed by hand: a template to fill in, read back by status and score',
  },
  score: {
    zh: '按测评体系为样本及其访问记录计分：比率、置信区间、结论',
    en: 'score a sample and its responses against the evaluation standard: rates, intervals, verdicts',
  },
  compare: {
    zh: '把几次演练的计分报告（按时间先后）排在一起：比率、变化，以及变化是否真实',
    en: 'line up several drills\u2019 score reports (oldest first): rates, changes and whether they are real',
  },
  pack: {
    zh: '为样本制作入户材料：每个社区一份可打印的走访表（走访顺序、遮蔽的联系方式、访问记录框、备用户、问卷），每个街道一页封面，以及一个工作簿',
    en: 'make the field pack for a sample: a printable visit sheet per community (walking order, masked contacts, visit boxes, reserves, questionnaire), a cover per sub-district, and one workbook',
  },
  simulate: {
    zh: '社区通过模拟测评的概率：精确计算与蒙特卡洛模拟，含街道和总体汇总',
    en: 'probability that communities pass a mock assessment, exact and by Monte Carlo, with roll-ups',
  },
  plan: {
    zh: '应抽多少户：按误差限，或按通过概率',
    en: 'how many households to draw: for a margin of error, or for a chance of passing',
  },
  synth: {
    zh: '生成合成数据（生成的姓名、不可能是真实号码的电话），用于演示、测试和基准测试',
    en: 'make synthetic data (generated names, phones that cannot be real) for demos, tests and benchmarks',
  },
  drill: {
    zh: '按演练文件跑完整的一次模拟测评：校验户册、抽样、生成合成的入户数据（或读取真实访问记录）、计分，并把全部产物写入一个文件夹',
    en:
      'run a whole mock assessment from a drill file: check the roster, draw the sample, make synthetic ' +
      'fieldwork (or read the real responses), score, and write every artifact to one folder',
  },
  init: {
    zh: '写出一个演练起步文件夹：演练文件、测评体系副本和一份小的合成户册，可直接用于 hhsurvey drill',
    en: 'write a starter drill folder: a drill file, a copy of the standard and a small synthetic roster, ready for hhsurvey drill',
  },
});
