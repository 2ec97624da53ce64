import { defineMessages, num } from '../../core/messages.js';

export const h = defineMessages('cli.simulate', {
  description: {
    zh: '社区通过模拟测评的概率：精确计算（超几何分布）并用蒙特卡洛模拟，\n给出测得比率的分布、使用的备用户数，以及街道和总体的汇总。',
    en:
      'Probability that communities pass a mock assessment, exact (hypergeometric) and by Monte Carlo,\n' +
      'with the distribution of the measured rate, the reserves used, and street and overall roll-ups.',
  },
  population: { zh: '简单形式：社区的户数', en: 'simple form: households in the community' },
  trueRate: {
    zh: '简单形式：肯定回答住户的真实占比（0.9 或 90%）',
    en: 'simple form: true share of favourable households (0.9 or 90%)',
  },
  threshold: { zh: '简单形式：比率的达标线', en: 'simple form: pass threshold on the rate' },
  notSureRule: {
    zh: '简单形式：“不清楚”如何计（花名册形式：按测评体系）',
    en: 'simple form: how "not sure" counts (roster form: the standard says)',
  },
  indicator: { zh: '简单形式：输出中指标的名称', en: 'simple form: name of the indicator in the output' },
  passRule: {
    zh: '简单形式：按比率本身还是按其置信下限判定',
    en: 'simple form: judge the rate or its lower confidence bound',
  },
  confidence: {
    zh: '简单形式：置信下限的置信水平',
    en: 'simple form: confidence level of the lower bound',
  },
  roster: { zh: '户册形式：从中抽样的户册 CSV', en: 'roster form: the roster CSV to draw from' },
  by: {
    zh: '户册形式：分层列（默认：有街道列时为 street,community）',
    en: 'roster form: stratum columns (default: street,community when there is a street column)',
  },
  size: {
    zh: '每个社区抽取的户数（户册形式默认 22）',
    en: 'households drawn per community (roster default 22)',
  },
  total: {
    zh: '户册形式：总户数，在各层间分配',
    en: 'roster form: total households, allocated across strata',
  },
  allocation: { zh: '户册形式：--total 的分配方法', en: 'roster form: how --total is shared' },
  minPerStratum: {
    zh: '户册形式：使用 --total 时每层至少抽取的户数',
    en: 'roster form: least households per stratum with --total',
  },
  prior: {
    zh: '户册形式：Neyman 分配所用的先验比率（stratum,rate 的 CSV 或一份报告）',
    en: 'roster form: prior rates for Neyman allocation (CSV stratum,rate or a report)',
  },
  priorIndicator: {
    zh: '户册形式：以 JSON 报告作 --prior 时所用的指标',
    en: 'roster form: with a JSON report as --prior, the indicator to use',
  },
  reserve: { zh: '每个社区的备用户数', en: 'reserve households per community' },
  method: {
    zh: '户册形式：抽样方法（不影响结果数字）',
    en: 'roster form: selection method (no effect on the numbers)',
  },
  order: { zh: '户册形式：地址顺序列', en: 'roster form: address order columns' },
  exclude: { zh: '户册形式：不得抽中的住户', en: 'roster form: households that must not be drawn' },
  only: { zh: '户册形式：只用这些层（以逗号分隔）', en: 'roster form: these strata only (comma-separated)' },
  encoding: { zh: '户册形式：户册编码', en: 'roster form: roster encoding' },
  maxErrors: {
    zh: '逐条列出的户册问题数，其余只计数',
    en: 'roster problems listed before the rest are only counted',
  },
  rate: {
    zh: '户册形式：某指标在各处的真实比率（可重复）',
    en: 'roster form: true rate of an indicator everywhere (repeatable)',
  },
  rates: {
    zh: '户册形式：各层的真实比率：stratum,indicator,rate 的 CSV',
    en: 'roster form: true rates per stratum: CSV stratum,indicator,rate',
  },
  standard: {
    zh: '户册形式：测评体系（默认：内置的 national-mock）',
    en: 'roster form: evaluation standard (default: built-in national-mock)',
  },
  responseRate: {
    zh: '入户访问的住户完成访问的概率',
    en: 'probability that a visited household completes',
  },
  notSure: { zh: '回答“不清楚”的住户占比', en: 'share of households answering "not sure"' },
  ci: {
    zh: '按置信下限判定时的区间方法（同 hhsurvey score --ci）',
    en: 'interval for a lower_bound rule (as hhsurvey score --ci)',
  },
  replicates: { zh: '蒙特卡洛模拟次数', en: 'Monte Carlo replicates' },
  seed: {
    zh: '蒙特卡洛的随机种子（默认：新生成一个，打印到标准错误）',
    en: 'seed of the Monte Carlo (default: a new one, printed on stderr)',
  },
  json: {
    zh: '输出 JSON（results[] 和 levels[]），而不是表格',
    en: 'print JSON (results[] and levels[]) instead of tables',
  },
  output: { zh: '把输出写入文件（原子写入）', en: 'write the output to a file (atomically)' },
  after: {
    zh: `
示例：
  hhsurvey simulate --population 300 --true-rate 0.9 --size 22 --threshold 0.9
      300 户中 270 户知晓，抽 22 户，按 ≥ 90% 判定：通过概率 0.619041
  hhsurvey simulate --population 300 --true-rate 0.93 --size 22 --threshold 0.9 \\
      --reserve 5 --response-rate 0.8 --not-sure 0.05 --not-sure-rule exclude --seed drill-1 --json
  hhsurvey simulate --roster data/demo/roster.csv --reserve 5 --rate awareness=0.93 \\
      --rate participation=0.85 --response-rate 0.85 --seed drill-1
  hhsurvey simulate --roster data/demo/roster.csv --total 400 --allocation proportional \\
      --rates rates.csv --standard my-standard.yaml --replicates 100000 --json -o sim.json

模型：肯定回答的住户是各社区中的一个随机子集；未应答与回答无关；未应答的住户依次由下一个备用户
替换，直到备用户用完。在此模型下，各社区的通过概率是精确的（p_pass_exact）；汇总（按测评体系规则
判定的分层估计）只用蒙特卡洛模拟。`,
    en: `
Examples:
  hhsurvey simulate --population 300 --true-rate 0.9 --size 22 --threshold 0.9
      270 of 300 households aware, 22 drawn, judged at ≥ 90%: passes with probability 0.619041
  hhsurvey simulate --population 300 --true-rate 0.93 --size 22 --threshold 0.9 \\
      --reserve 5 --response-rate 0.8 --not-sure 0.05 --not-sure-rule exclude --seed drill-1 --json
  hhsurvey simulate --roster data/demo/roster.csv --reserve 5 --rate awareness=0.93 \\
      --rate participation=0.85 --response-rate 0.85 --seed drill-1
  hhsurvey simulate --roster data/demo/roster.csv --total 400 --allocation proportional \\
      --rates rates.csv --standard my-standard.yaml --replicates 100000 --json -o sim.json

Model: the favourable households are a random subset of each community; non-response is
independent of the answers; a non-response is replaced by the next reserve until the reserves run
out. Under this model each community's pass probability is exact (p_pass_exact); roll-ups
(stratified estimate judged by the standard's rule) are by Monte Carlo only.`,
  },

  invalidOptions: { zh: 'simulate：选项有误', en: 'simulate: invalid options' },
  requiredOrRoster: { zh: '必须给出（或改用 --roster）', en: 'required (or use --roster)' },
  rosterFormOnly: { zh: '属于户册形式（--roster）', en: 'belongs to the roster form (--roster)' },
  simpleFormOnly: {
    zh: '属于简单形式（不带 --roster）',
    en: 'belongs to the simple form (without --roster)',
  },
  giveRates: {
    zh: '请用 --rate id=p（可重复）或 --rates file.csv 给出真实比率',
    en: 'give true rates with --rate id=p (repeatable) or --rates file.csv',
  },
  reading: { zh: '读取户册', en: 'reading roster' },
  simulating: { zh: '模拟', en: 'simulate' },
  warning: {
    zh: (p: { text: string }) => `警告：${p.text}`,
    en: (p: { text: string }) => `warning: ${p.text}`,
  },
  takesAll: {
    zh: (p: { stratum: string; households: number; target: number }) =>
      `警告：${p.stratum} 仅有 ${num(p.households)} 户可抽，少于样本量 ${num(p.target)}，全部入样`,
    en: (p: { stratum: string; households: number; target: number }) =>
      `warning: ${p.stratum} has only ${num(p.households)} ${p.households === 1 ? 'household' : 'households'} to draw from, fewer than ${num(p.target)}: all are taken`,
  },
  seedNote: {
    zh: (p: { seed: string }) => `hhsurvey: 随机种子 ${p.seed}（用 --seed ${p.seed} 可重复本次运行）`,
    en: (p: { seed: string }) => `hhsurvey: seed ${p.seed} (pass --seed ${p.seed} to repeat this run)`,
  },
});

/** The head and notes of simulate --roster's report. */
export const sr = defineMessages('cli.simulate.roster', {
  rulePoint: {
    zh: (p: { id: string; threshold: string }) => `${p.id} ≥ ${p.threshold}`,
    en: (p: { id: string; threshold: string }) => `${p.id} ≥ ${p.threshold}`,
  },
  ruleLowerBound: {
    zh: (p: { id: string; threshold: string }) => `${p.id} 置信下限 ≥ ${p.threshold}`,
    en: (p: { id: string; threshold: string }) => `${p.id} lower bound ≥ ${p.threshold}`,
  },
  head: {
    zh: (p: {
      standard?: string;
      communities: number;
      rules: string[];
      rate: string;
      replicates: number;
      seed: string;
    }) =>
      `按标准 ${p.standard ?? ''} 模拟 ${num(p.communities)} 个社区（${p.rules.join('，')}），应答率 ${p.rate}，模拟 ${num(p.replicates)} 次，种子 ${p.seed}`,
    en: (p: {
      standard?: string;
      communities: number;
      rules: string[];
      rate: string;
      replicates: number;
      seed: string;
    }) =>
      `Simulated ${num(p.communities)} ${p.communities === 1 ? 'community' : 'communities'} against ${p.standard ?? 'the standard'} (${p.rules.join(', ')}), response rate ${p.rate}, ${num(p.replicates)} ${p.replicates === 1 ? 'replicate' : 'replicates'}, seed ${p.seed}`,
  },
  levelsNote: {
    zh: '汇总：分层估计 Σ(N_h/N)p_h 按标准规则判定（仅模拟）；“全部社区通过”为各社区通过概率之积（精确）。',
    en: 'Roll-ups: the stratified estimate Σ(N_h/N)p_h judged by the standard\'s rule (Monte Carlo only); "all pass" is the product of the communities\' pass probabilities (exact).',
  },
});
