import { defineMessages } from '../core/messages.js';

/** The drill file `hhsurvey init` writes, its comments in the user's language. */
export const st = defineMessages('drill.starter', {
  drillYaml: {
    zh: (p: { weak: string }) => `# hhsurvey 演练文件：一次模拟入户调查（模拟测评），运行方式：
#   hhsurvey drill drill.yaml --out out
# 它校验户册、抽取样本、生成合成的入户数据（或读取真实的访问记录），按测评标准计分，
# 并把样本、访问记录和报告写入 --out 文件夹。文件路径相对于本文件。

name: 模拟测评演练

# 演练日期（YYYY-MM-DD）。不写则为今天（北京时间）。
# date: 2026-11-28

# 户册：.xlsx，或 UTF-8、GB18030 编码的 CSV，表头可为中文或英文。
roster: roster.csv

# 抽样的随机种子。写 \`date\` 时用演练日期：每周的演练抽到新的住户，以往任何一次都能重新抽出；
# 写固定文字（如 2026-q4-drill）时每次都抽出同一样本。
seed: date

sampling:
  by: [street, community] # 每个社区一份样本，按街道汇总
  size: 22 # 每个社区抽取的户数
  reserve: 5 # 每个社区的备用户数，按序号依次启用
  method: systematic # 系统抽样，样本均匀分布在各网格和楼栋；或 random（简单随机）
  # mask: pii                          # 在样本清单中遮盖姓名、电话和身份证号
  # sheet: 户册                        # .xlsx 户册：要读取的工作表（默认第一个可见的）
  # fill_down: [街道, 社区]            # 合并单元格另存为 CSV 后留下的空格，用上一行的值补全
  # exclude: [../last-drill/sample.csv]   # 不再访问上次演练抽到的住户

# 测评标准：题目、指标、达标线。这是内置标准的副本，可以修改。
standard: standard.yaml

# 合成的入户数据：各指标的真实比率，以及入户条件。要为真实的测评计分，把本节换成
#   responses: [team1.csv, team2.csv]
# （\`hhsurvey interview\` 写出的文件），并固定种子，使演练抽出调查员所用的样本。
synthetic:
  rates:
    awareness: 0.98
    support: 0.98
    participation: 0.95
    satisfaction: 0.97
    core_values: 0.97
  strata:
    ${p.weak}: { participation: 0.55, awareness: 0.75 } # 一个薄弱社区，用来演示未达标
  response_rate: 0.85
  not_sure: 0.02
`,
    en: (p: { weak: string }) => `# hhsurvey drill file: one mock door-to-door assessment, run with
#   hhsurvey drill drill.yaml --out out
# It checks the roster, draws the sample, makes synthetic fieldwork (or reads your real
# responses), scores against the standard, and writes sample, responses and reports to --out.
# Paths are relative to this file.

name: Starter drill

# The drill date (YYYY-MM-DD). Leave it out to use today (China time).
# date: 2026-11-28

# Household roster: .xlsx, or CSV in UTF-8 or GB18030, Chinese or English headers.
roster: roster.csv

# Random seed of the draw. \`date\` uses the drill date, so every week's drill draws new households
# and any past drill can be re-drawn; fixed text (e.g. 2026-q4-drill) draws the same sample every run.
seed: date

sampling:
  by: [street, community] # one sample per community, reported per sub-district
  size: 22 # households per community
  reserve: 5 # reserve households per community, used in rank order
  method: systematic # spread over grids and buildings; or random
  # mask: pii                          # mask names, phones and ID-card numbers in the sample lists
  # sheet: 户册                        # .xlsx roster: the sheet to read (default: the first visible)
  # fill_down: [街道, 社区]            # merged cells saved as CSV: blanks take the value above
  # exclude: [../last-drill/sample.csv]   # do not re-interview last drill's households

# Evaluation standard: questions, indicators, thresholds. A copy of the built-in one; edit it.
standard: standard.yaml

# Synthetic fieldwork: true rates per indicator, and field conditions. Replace this section with
#   responses: [team1.csv, team2.csv]
# (files from \`hhsurvey interview\`) to score a real assessment; then fix the seed, so that the
# drill draws the sample the interviewers worked from.
synthetic:
  rates:
    awareness: 0.98
    support: 0.98
    participation: 0.95
    satisfaction: 0.97
    core_values: 0.97
  strata:
    ${p.weak}: { participation: 0.55, awareness: 0.75 } # a weak community, to show a failure
  response_rate: 0.85
  not_sure: 0.02
`,
  },
});
