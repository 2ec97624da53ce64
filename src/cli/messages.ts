import { defineMessages } from '../core/messages.js';

/** The command line's own words: help layout, usage errors, the root help, shared options. */
export const m = defineMessages('cli', {
  titleUsage: { zh: '用法：', en: 'Usage:' },
  titleArguments: { zh: '参数：', en: 'Arguments:' },
  titleOptions: { zh: '选项：', en: 'Options:' },
  titleGlobalOptions: { zh: '全局选项：', en: 'Global Options:' },
  titleCommands: { zh: '命令：', en: 'Commands:' },
  usageOptions: { zh: '[选项]', en: '[options]' },
  usageCommand: { zh: '[命令]', en: '[command]' },
  choices: {
    zh: (p: { list: string }) => `可选：${p.list}`,
    en: (p: { list: string }) => `choices: ${p.list}`,
  },
  withExtra: {
    // One bracket in Chinese: a description that ends in its own （…） takes the notes inside it.
    zh: (p: { description: string; extra: string[] }) =>
      p.description.endsWith('）')
        ? `${p.description.slice(0, -1)}；${p.extra.join('；')}）`
        : `${p.description}（${p.extra.join('；')}）`,
    en: (p: { description: string; extra: string[] }) =>
      `${p.description}${p.description ? ' ' : ''}(${p.extra.join(', ')})`,
  },
  default: {
    zh: (p: { value: string }) => `默认：${p.value}`,
    en: (p: { value: string }) => `default: ${p.value}`,
  },
  preset: {
    zh: (p: { value: string }) => `省略值时：${p.value}`,
    en: (p: { value: string }) => `preset: ${p.value}`,
  },
  env: { zh: (p: { name: string }) => `环境变量：${p.name}`, en: (p: { name: string }) => `env: ${p.name}` },
  helpOption: { zh: '显示本命令的帮助', en: 'display help for command' },
  helpCommand: { zh: '显示某个命令的帮助', en: 'display help for command' },
  versionOption: { zh: '显示版本号', en: 'output the version number' },
  langOption: {
    zh: '界面语言：zh 中文，en 英文（默认按系统区域设置）',
    en: 'language of labels and messages: zh Chinese, en English (default: from the locale)',
  },

  // Usage errors: one line each, after "hhsurvey: ".
  unknownOption: {
    zh: (p: { flag: string }) => `未知选项 ${p.flag}`,
    en: (p: { flag: string }) => `unknown option '${p.flag}'`,
  },
  unknownCommand: {
    zh: (p: { name: string }) => `未知命令 ${p.name}`,
    en: (p: { name: string }) => `unknown command '${p.name}'`,
  },
  didYouMean: {
    zh: (p: { list: string }) => `（是否想用 ${p.list}？）`,
    en: (p: { list: string }) => ` (did you mean ${p.list}?)`,
  },
  missingArgument: {
    zh: (p: { name: string }) => `缺少必需的参数 <${p.name}>`,
    en: (p: { name: string }) => `missing required argument '${p.name}'`,
  },
  optionMissingArgument: {
    zh: (p: { flags: string }) => `选项 ${p.flags} 缺少取值`,
    en: (p: { flags: string }) => `option '${p.flags}' argument missing`,
  },
  missingMandatoryOption: {
    zh: (p: { flags: string }) => `必须给出选项 ${p.flags}`,
    en: (p: { flags: string }) => `required option '${p.flags}' not specified`,
  },
  conflictingOption: {
    zh: (p: { a: string; b: string }) => `${p.a} 不能与 ${p.b} 同时使用`,
    en: (p: { a: string; b: string }) => `${p.a} cannot be used with ${p.b}`,
  },
  excessArguments: {
    zh: (p: { command: string; expected: number; got: number }) =>
      `${p.command ? `${p.command} ` : ''}的参数过多：应为 ${p.expected} 个，实际 ${p.got} 个`,
    en: (p: { command: string; expected: number; got: number }) =>
      `too many arguments${p.command ? ` for '${p.command}'` : ''}: expected ${p.expected} argument${p.expected === 1 ? '' : 's'}, got ${p.got}`,
  },
  invalidOptionValue: {
    zh: (p: { flags: string; value: string; reason: string }) =>
      `选项 ${p.flags} 的取值“${p.value}”无效：${p.reason}`,
    en: (p: { flags: string; value: string; reason: string }) =>
      `option '${p.flags}' argument '${p.value}' is invalid: ${p.reason}`,
  },
  invalidArgumentValue: {
    zh: (p: { name: string; value: string; reason: string }) =>
      `参数 <${p.name}> 的取值“${p.value}”无效：${p.reason}`,
    en: (p: { name: string; value: string; reason: string }) =>
      `argument '${p.name}' value '${p.value}' is invalid: ${p.reason}`,
  },
  allowedChoices: {
    zh: (p: { list: string }) => `可选值为 ${p.list}`,
    en: (p: { list: string }) => `allowed choices are ${p.list}`,
  },
  seeHelp: {
    zh: (p: { command: string }) => `；用法见 ${p.command} --help`,
    en: (p: { command: string }) => `; see ${p.command} --help`,
  },

  // Values given to options (the parsers in common.ts).
  expectedWholeNumber: {
    zh: (p: { value: string }) => `应为整数，实为“${p.value}”`,
    en: (p: { value: string }) => `expected a whole number, got "${p.value}"`,
  },
  numberOutOfRange: {
    zh: (p: { min: number; max: number; value: number }) => `应在 ${p.min} 到 ${p.max} 之间，实为 ${p.value}`,
    en: (p: { min: number; max: number; value: number }) =>
      `must be between ${p.min} and ${p.max}, got ${p.value}`,
  },
  numberAtLeast: {
    zh: (p: { min: number; value: number }) => `应不小于 ${p.min}，实为 ${p.value}`,
    en: (p: { min: number; value: number }) => `must be ${p.min} or more, got ${p.value}`,
  },
  expectedRate: {
    zh: (p: { value: string }) => `应为 0 到 1 之间的比率（如 0.9 或 90%），实为“${p.value}”`,
    en: (p: { value: string }) => `expected a rate between 0 and 1 (0.9 or 90%), got "${p.value}"`,
  },
  rateOutOfRange: {
    zh: (p: { value: string }) => `应在 0 到 1 之间，实为 ${p.value}`,
    en: (p: { value: string }) => `must be between 0 and 1, got ${p.value}`,
  },
  openRateOutOfRange: {
    zh: (p: { value: string }) => `应大于 0 且小于 1（如 0.95 或 95%），实为 ${p.value}`,
    en: (p: { value: string }) => `must be between 0 and 1, exclusive (0.95 or 95%), got ${p.value}`,
  },

  // Errors that are not the user's.
  internalError: {
    zh: (p: { version: string }) =>
      `内部错误（hhsurvey ${p.version} 的缺陷；请连同命令行和以下内容一起报告）：`,
    en: (p: { version: string }) =>
      `internal error (a bug in hhsurvey ${p.version}; please report it with the command line and this text):`,
  },
  interrupted: {
    zh: (p: { signal: string }) => `已中断（${p.signal}）；没有留下写了一半的文件`,
    en: (p: { signal: string }) => `interrupted (${p.signal}); nothing half-written was left behind`,
  },

  // The root help.
  rootDescription: {
    zh: '全国文明城市测评模拟入户调查工具：户册校验、可复现的分层抽样、入户访问、计分和整套演练。',
    en:
      'Mock door-to-door household assessments for the National Civilized City evaluation:\n' +
      'rosters, reproducible stratified samples, fieldwork, scoring and drills.',
  },
  rootExamples: {
    zh: `
示例：
  hhsurvey demo --lang zh                         在演示城区上跑完整的一次模拟测评
  hhsurvey check data/demo/roster.csv             校验户册并按街道、社区汇总
  hhsurvey sample data/demo/roster.csv --seed 2026-drill-1 --reserve 5 -o sample.csv
  hhsurvey verify sample.csv --roster data/demo/roster.csv
  hhsurvey interview sample.csv --responses responses.csv --interviewer 测试员01
  hhsurvey status sample.csv --responses responses.csv
  hhsurvey score sample.csv --responses responses.csv --format html -o report.html
  hhsurvey plan --threshold 0.9 --expected 0.93 --population 300
  hhsurvey drill data/demo/drill.yaml --out drill-output

--lang 放在命令前后均可：hhsurvey --lang zh check 户册.csv

退出码：0 成功，1 测评未通过或核验不一致，2 输入或用法有误，3 内部错误。`,
    en: `
Examples:
  hhsurvey demo                                   the whole mock assessment on the demo district
  hhsurvey check data/demo/roster.csv             validate a roster and summarise it
  hhsurvey sample data/demo/roster.csv --seed 2026-drill-1 --reserve 5 -o sample.csv
  hhsurvey verify sample.csv --roster data/demo/roster.csv
  hhsurvey interview sample.csv --responses responses.csv --interviewer T01
  hhsurvey status sample.csv --responses responses.csv
  hhsurvey score sample.csv --responses responses.csv --format html -o report.html
  hhsurvey plan --threshold 0.9 --expected 0.93 --population 300
  hhsurvey drill data/demo/drill.yaml --out drill-output

--lang goes before or after the command: hhsurvey --lang zh check roster.csv

Exit codes: 0 success, 1 assessment failed or verification mismatch, 2 bad input or usage, 3 internal error.`,
  },

  // The options that say how to read an office roster (roster-options.ts).
  rosterSheet: {
    zh: '.xlsx 户册：要读的工作表（默认：第一个可见的工作表）',
    en: 'for an .xlsx roster: the sheet to read (default: the first visible sheet)',
  },
  rosterDelimiter: {
    zh: '文本户册的分隔符：auto、comma（逗号）、tab（制表符）或 semicolon（分号）',
    en: 'field separator of a text roster: auto, comma, tab or semicolon',
  },
  rosterColumn: {
    zh: '指定字段对应的表头，如 household_id=门牌编码（可重复）',
    en: 'map a field to a header, e.g. household_id=门牌编码 (repeatable)',
  },
  rosterIdFrom: {
    zh: '用地址列拼成户编号，如 街道,社区,楼栋,单元,房号',
    en: 'build household ids from address columns, e.g. 街道,社区,楼栋,单元,房号',
  },
  rosterFillDown: {
    zh: '空单元格取上一行的值（合并单元格），如 street,community',
    en: 'fill blank cells from the row above (merged cells), e.g. street,community',
  },
  badDelimiter: {
    zh: (p: { value: string }) => `应为 auto、comma、tab 或 semicolon，实为“${p.value}”`,
    en: (p: { value: string }) => `expected auto, comma, tab or semicolon, got "${p.value}"`,
  },
  noSuchFormat: {
    zh: (p: { file: string; command: string; ext: string; exts: string[] }) =>
      `${p.file}：${p.command} 不输出 .${p.ext} 格式；请用扩展名为 ${p.exts.map((x) => `.${x}`).join('、')} 的文件，或以 --format 指定格式`,
    en: (p: { file: string; command: string; ext: string; exts: string[] }) =>
      `${p.file}: ${p.command} writes no .${p.ext} format; use a file ending in ${p.exts.map((x) => `.${x}`).join(', ')}, or name the format with --format`,
  },
});
