import { defineMessages } from '../../core/messages.js';

export const h = defineMessages('cli.score', {
  sample: { zh: '样本名单（hhsurvey sample 的输出）', en: 'the sample list (from hhsurvey sample)' },
  responses: {
    zh: '访问记录文件（hhsurvey interview 的输出，或手工录入）',
    en: 'responses files (from hhsurvey interview, or typed by hand)',
  },
  standard: {
    zh: '测评体系文件（YAML 或 JSON）；默认：内置的 national-mock',
    en: 'a standard file (YAML or JSON); default: the built-in national-mock',
  },
  ci: {
    zh: '社区比率的置信区间方法（hypergeometric：对有限的社区精确）',
    en: "interval for a community's rate (hypergeometric: exact for the finite community)",
  },
  riskLevel: {
    zh: '当前通过、但正式测评未通过的风险高于此值时为“有风险”（0.2 或 20%）',
    en: 'a passing result whose risk of failing the official check is above this is "at risk" (0.2 or 20%)',
  },
  prior: {
    zh: '计算风险时社区肯定户数的先验分布',
    en: "prior on a community's favourable households for the risk",
  },
  officialSize: {
    zh: '正式测评的户数，用于计算风险（默认：各社区自身的样本量）',
    en: "households in the official check, for the risk (default: each community's own sample size)",
  },
  confidence: {
    zh: '置信水平（默认：测评体系中的设定，通常为 0.95）',
    en: "confidence level (default: the standard's, usually 0.95)",
  },
  format: {
    zh: (p: { formats: string }) =>
      `输出格式，可重复或以逗号分隔：${p.formats}（默认：按 -o 的扩展名，.json、.csv、.md、.html，.xml 为 junit；否则为 table）`,
    en: (p: { formats: string }) =>
      `output format, repeatable or comma-separated: ${p.formats} (default: from -o's extension, .json, .csv, .md, .html, .xml for junit; else table)`,
  },
  output: {
    zh: '写入此文件；多种格式时写入文件夹（dir/）',
    en: 'write to this file; with several formats, a folder (dir/)',
  },
  title: {
    zh: '报告的标题，所有格式通用（默认：测评体系的名称）',
    en: "the report's title, in every format (default: the standard's name)",
  },
  noFail: { zh: '即使有指标未达标也以 0 退出', en: 'exit 0 even when an indicator fails' },
  maxVisits: {
    zh: '无人在家的住户允许的访问次数（与 interview、status 相同）',
    en: 'visits allowed to a nobody-home household (as for interview and status)',
  },
  bom: {
    zh: 'CSV：以 UTF-8 字节顺序标记（BOM）开头，供 Excel 打开（--lang zh 时默认如此）',
    en: 'CSV: start with a UTF-8 byte-order mark (default with --lang zh, for Excel)',
  },
  noBom: {
    zh: 'CSV：不加字节顺序标记，即使 --lang zh',
    en: 'CSV: no byte-order mark, even with --lang zh',
  },
  after: {
    zh: `
示例：
  hhsurvey score sample.csv --responses responses.csv
  hhsurvey score sample.csv --responses team1.csv team2.csv --lang zh
  hhsurvey score sample.csv --responses responses.csv --format json -o report.json
  hhsurvey score sample.csv --responses responses.csv --format json,md,html,junit -o reports/
  hhsurvey score sample.csv --responses responses.csv --ci clopper-pearson --no-fail
  hhsurvey score sample.csv --responses responses.csv --risk-level 10% --prior jeffreys
  hhsurvey score sample.csv --responses responses.csv --format html --title "4月模拟测评" -o report.html

报告先给结论，按风险排序：现在未通过（模拟结果不满足测评体系的规则）、有风险（现在通过，但正式
测评未通过的风险高于 --risk-level）、稳定通过。风险基于模型：在已知模拟结果、对社区肯定户数取均匀
（或 --prior jeffreys）先验的条件下，从同一社区按正式测评户数重新随机抽样、结果不满足规则的概率。

对每个社区和每项指标：给出肯定回答的受访者数与有效受访者数、比率、标准误和置信区间（默认对有限
的社区精确；可用 --ci 选 Wilson 或 Clopper–Pearson）、达标线、结论和风险；应答率（AAPOR RR1）、
合作率（COOP1）和使用的备用户数。街道和总体的汇总为分层估计 Σ (N_h/N) p_h，
采用 Korn–Graubard 区间。入户尚未结束时，按已记录的内容计分。

格式：table（终端）、json（schemas/score-report.schema.json）、csv、md、html（单个自含文件，
每项指标一张图）、junit（供持续集成）。

退出码：0 达到测评体系要求（或用了 --no-fail），1 有指标未达标，2 输入或用法有误。`,
    en: `
Examples:
  hhsurvey score sample.csv --responses responses.csv
  hhsurvey score sample.csv --responses team1.csv team2.csv --lang en
  hhsurvey score sample.csv --responses responses.csv --format json -o report.json
  hhsurvey score sample.csv --responses responses.csv --format json,md,html,junit -o reports/
  hhsurvey score sample.csv --responses responses.csv --ci clopper-pearson --no-fail
  hhsurvey score sample.csv --responses responses.csv --risk-level 10% --prior jeffreys
  hhsurvey score sample.csv --responses responses.csv --format html --title "April drill" -o report.html

The report leads with the verdicts, ranked by risk: fails now (the standard's rule fails on the
mock result), at risk (passes now, but the risk of failing the official check is above
--risk-level), on track. The risk is model-based: the probability that a fresh random sample of
the official size from the same community fails the standard's rule, given the mock result, with
a uniform (or --prior jeffreys) prior on the community's favourable households.

For each community and indicator: favourable and eligible respondents, the rate, its standard
error and confidence interval (exact for the finite community by default; Wilson or
Clopper–Pearson with --ci), the threshold, the verdict and the risk; response rates (AAPOR RR1,
COOP1) and reserves used. Sub-district (street) and overall roll-ups are stratified estimates
Σ (N_h/N) p_h with Korn–Graubard intervals. Fieldwork still open: scores what is recorded.

Formats: table (terminal), json (schemas/score-report.schema.json), csv, md, html (one
self-contained file with a chart per indicator), junit (for CI).

Exit codes: 0 the standard is met (or --no-fail), 1 an indicator fails, 2 bad input or usage.`,
  },
  expectedFormat: {
    zh: (p: { list: string; value: string }) => `应为 ${p.list} 之一，实为“${p.value}”`,
    en: (p: { list: string; value: string }) => `expected one of ${p.list}, got "${p.value}"`,
  },
  needFolder: {
    zh: (p: { formats: string }) => `多种格式（${p.formats}）需要写入文件夹：-o <文件夹>/`,
    en: (p: { formats: string }) =>
      `several formats (${p.formats}) need a folder to write them to: -o <dir>/`,
  },
  wrote: { zh: (p: { file: string }) => `已写入 ${p.file}`, en: (p: { file: string }) => `wrote ${p.file}` },
});
