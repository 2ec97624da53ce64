import { defineMessages } from '../../core/messages.js';

export const h = defineMessages('cli.plan', {
  description: {
    zh: '应抽多少户：按误差限（精度形式），或按真实比率为 p 时的通过概率\n（通过概率形式，精确超几何分布）。',
    en:
      'How many households to draw: for a margin of error (precision form), or for a chance of passing\n' +
      'when the true rate is p (pass-probability form, exact hypergeometric).',
  },
  margin: {
    zh: '精度形式：置信区间的半宽（0.05 或 5%）',
    en: 'precision form: half-width of the interval (0.05 or 5%)',
  },
  confidence: {
    zh: '置信水平（精度形式；按置信下限判定时）',
    en: 'confidence level (precision form; lower-bound rule)',
  },
  expected: {
    zh: '预期的真实比率（精度形式默认 0.5）',
    en: 'expected true rate (precision form default 0.5)',
  },
  population: {
    zh: '社区户数（通过概率形式必须给出）',
    en: 'households in the community (required for the pass-probability form)',
  },
  deff: { zh: '精度形式：设计效应', en: 'precision form: design effect' },
  responseRate: {
    zh: '精度形式：抽中住户预计完成访问的占比',
    en: 'precision form: expected share of drawn households that complete',
  },
  threshold: {
    zh: '通过概率形式：比率的达标线',
    en: 'pass-probability form: the pass threshold on the rate',
  },
  power: { zh: '通过概率形式：目标通过概率', en: 'pass-probability form: target probability of passing' },
  passRule: {
    zh: '通过概率形式：按比率本身还是按其置信下限判定',
    en: 'pass-probability form: judge the rate or its lower bound',
  },
  ci: { zh: '按置信下限判定时的区间方法', en: 'interval for a lower_bound rule' },
  json: { zh: '输出 JSON，而不是文字', en: 'print JSON instead of text' },
  output: { zh: '把输出写入文件（原子写入）', en: 'write the output to a file (atomically)' },
  after: {
    zh: `
示例：
  hhsurvey plan --margin 0.05                                  385 户（p = 0.5，95%）
  hhsurvey plan --margin 0.05 --population 1000                有限总体校正后 278 户
  hhsurvey plan --margin 5% --expected 0.9 --population 300 --deff 1.5 --response-rate 0.8
  hhsurvey plan --threshold 0.9 --expected 0.95 --population 300 --power 0.8
      真实比率 95% 的社区至少有 80% 的把握通过所需的最小样本量，并给出风险表

精度：n₀ = z²p(1−p)/e²，再 n₀/(1 + (n₀−1)/N)，× deff，÷ 应答率，最后向上取整一次。
通过概率：精确超几何分布，假定抽中的住户都完成访问；给出的样本量是最小的、且比它大的样本量也都
达到目标的那个（通过概率随 n 呈锯齿状变化）。`,
    en: `
Examples:
  hhsurvey plan --margin 0.05                                  385 households (p = 0.5, 95%)
  hhsurvey plan --margin 0.05 --population 1000                278 with the finite population correction
  hhsurvey plan --margin 5% --expected 0.9 --population 300 --deff 1.5 --response-rate 0.8
  hhsurvey plan --threshold 0.9 --expected 0.95 --population 300 --power 0.8
      smallest size that passes a 95% community at least 80% of the time, with risk tables

Precision: n₀ = z²p(1−p)/e², then n₀/(1 + (n₀−1)/N), × deff, ÷ response rate, rounded up once.
Pass probability: exact hypergeometric, every drawn household completing; the size reported is the
smallest from which every larger size also reaches the target (the probability saw-tooths with n).`,
  },

  positive: {
    zh: (p: { value: string }) => `应为正数，实为“${p.value}”`,
    en: (p: { value: string }) => `expected a positive number, got "${p.value}"`,
  },
  chooseOne: { zh: 'plan：只能选一种形式', en: 'plan: choose one form' },
  noMix: {
    zh: '精度形式（--margin）与通过概率形式（--threshold）不能混用',
    en: 'the precision form (--margin) and the pass-probability form (--threshold) do not mix',
  },
  nothing: { zh: 'plan：没有可计算的内容', en: 'plan: nothing to plan' },
  giveForm: {
    zh: '请给出 --margin（精度），或 --threshold 及 --expected 和 --population（通过概率）',
    en: 'give --margin (precision) or --threshold with --expected and --population (pass probability)',
  },
  badOption: { zh: 'plan：选项有误', en: 'plan: bad option' },
  aboveZero: { zh: '应大于 0', en: 'must be above 0' },
  expectedRequired: {
    zh: '使用 --threshold 时必须给出（预期的真实比率）',
    en: 'required with --threshold (the true rate you expect)',
  },
  populationRequired: {
    zh: '使用 --threshold 时必须给出（社区户数）',
    en: 'required with --threshold (households in the community)',
  },
  precisionOnly: { zh: '只用于精度形式', en: 'applies to the precision form only' },
  responseRatePrecision: {
    zh: '只用于精度形式；要考虑未应答请用 hhsurvey simulate --response-rate',
    en: 'applies to the precision form; for non-response use hhsurvey simulate --response-rate',
  },
  invalidOptions: { zh: 'plan：选项有误', en: 'plan: invalid options' },
});
