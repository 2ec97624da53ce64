import { defineMessages } from '../core/messages.js';

/** The comments of a standard file written for editing (`standard init`, `init`). */
export const tm = defineMessages('standard.template', {
  header: {
    zh: (p: { id: string }) => `# hhsurvey 测评标准：${p.id}
#
# 模拟全国文明城市测评的入户调查问卷，题目措辞与公开的问卷一致。
#
# 演练默认值：官方的达标线以及“不清楚”如何计分均未公开。下面的达标线和分值是为演练选定的
# 默认值，并非官方标准。请改为本地所用的值：用 \`hhsurvey standard init -o my-standard.yaml\`
# 复制本文件，修改后在 interview、status 和 score 中加 \`--standard my-standard.yaml\`。
#
# 字段说明：
#   confidence   区间的置信水平（0.95 即 95%）
#   pass_rule    point：按比率本身判定（与测评相同）；lower_bound：按置信下限判定（“有把握地达标”）
#   questions    单选题；选项代码即访问记录中保存的值；not_sure: true 的选项不读出；
#                ask_if 表示只有前面某题答了所列答案之一时才问本题
#   indicators   favourable: { question, in } | all_of: [...] | any_of: [...] | at_least: k, of: [...]
#                not_sure / unanswered / skipped：not_favourable（默认，计为不认可）或 exclude
#                （不计入分母）；threshold：达标线；points：计算得分率用的分值
`,
    en: (p: { id: string }) => `# hhsurvey evaluation standard: ${p.id}
#
# A mock of the household questionnaire (入户调查问卷) of the National Civilized City evaluation
# (全国文明城市测评), with questions worded as in public questionnaires.
#
# DRILL DEFAULTS: the official pass thresholds, and how "not sure" answers count, are not public.
# The thresholds and points below are drill defaults chosen for rehearsals, not official values.
# Set them to what your office uses: copy this file with \`hhsurvey standard init -o my-standard.yaml\`,
# edit it, and pass \`--standard my-standard.yaml\` to interview, status and score.
#
# Field reference:
#   confidence   confidence level of the intervals (0.95 = 95%)
#   pass_rule    point: judge the rate itself (like the evaluation); lower_bound: judge the lower
#                confidence bound ("passes with confidence")
#   questions    single-choice questions; option codes are what the responses file stores; the
#                option with not_sure: true is not read out; ask_if asks a question only when an
#                earlier question got one of the listed answers
#   indicators   favourable: { question, in } | all_of: [...] | any_of: [...] | at_least: k, of: [...]
#                not_sure / unanswered / skipped: not_favourable (default) or exclude (left out of
#                the denominator); threshold: the pass rate; points: for the score rate
`,
  },
  drillDefault: { zh: '# 演练默认值', en: '# drill default' },
  notAsked: {
    zh: '# 全知道 + 知道；从未听说过的受访者（不问此题）计为不认可。',
    en: '# 全知道 + 知道; a respondent who never heard of them (not asked) is not favourable.',
  },
});
