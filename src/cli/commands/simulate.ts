import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import { InvalidArgumentError, Option, type Command } from 'commander';
import type { Context } from '../../core/context.js';
import { UserError, type Problem } from '../../core/errors.js';
import { say } from '../../core/i18n.js';
import type { AllocationMethod } from '../../sampling/allocate.js';
import type { SampleMethod } from '../../sampling/draw.js';
import type { SimulationDesign, SimulationResult } from '../../simulation/engine.js';
import type { NotSureRule } from '../../simulation/model.js';
import type { SimulationRun } from '../../simulation/render.js';
import type { CiMethod } from '../../stats/index.js';
import { addCommonOptions, commandContext, intArg, listArg, rateArg } from '../common.js';
import { emit, note, progressBar, warn } from '../output.js';

// Loaded when the command runs, not when its help is shown (start-up time).
let freshSeed!: (typeof import('../../sampling/rng.js'))['freshSeed'];
let DEFAULT_ORDER!: (typeof import('../../sampling/sample-job.js'))['DEFAULT_ORDER'];
let readPriors!: (typeof import('../../sampling/sample-job.js'))['readPriors'];
let simulateDesign!: (typeof import('../../simulation/engine.js'))['simulateDesign'];
let renderLevelsTable!: (typeof import('../../simulation/render.js'))['renderLevelsTable'];
let renderSimple!: (typeof import('../../simulation/render.js'))['renderSimple'];
let renderStrataTable!: (typeof import('../../simulation/render.js'))['renderStrataTable'];
let simulationJson!: (typeof import('../../simulation/render.js'))['simulationJson'];
let prepareRosterJob!: (typeof import('../../simulation/roster-job.js'))['prepareRosterJob'];
let makePassRule!: (typeof import('../../simulation/rules.js'))['makePassRule'];
let checkSimpleInput!: (typeof import('../../simulation/simple.js'))['checkSimpleInput'];
let simpleDesign!: (typeof import('../../simulation/simple.js'))['simpleDesign'];
let RNG_ALGORITHM!: (typeof import('../../simulation/streams.js'))['RNG_ALGORITHM'];
let seededStreams!: (typeof import('../../simulation/streams.js'))['seededStreams'];
async function loadModules(): Promise<void> {
  ({ freshSeed } = await import('../../sampling/rng.js'));
  ({ DEFAULT_ORDER, readPriors } = await import('../../sampling/sample-job.js'));
  ({ simulateDesign } = await import('../../simulation/engine.js'));
  ({ renderLevelsTable, renderSimple, renderStrataTable, simulationJson } =
    await import('../../simulation/render.js'));
  ({ prepareRosterJob } = await import('../../simulation/roster-job.js'));
  ({ makePassRule } = await import('../../simulation/rules.js'));
  ({ checkSimpleInput, simpleDesign } = await import('../../simulation/simple.js'));
  ({ RNG_ALGORITHM, seededStreams } = await import('../../simulation/streams.js'));
}

export interface SimulateOptions {
  lang?: string;
  // simple form
  population?: number;
  trueRate?: number;
  threshold?: number;
  notSureRule: NotSureRule;
  indicator: string;
  passRule: 'point' | 'lower_bound';
  confidence: number;
  // roster form
  roster?: string;
  by?: string[];
  total?: number;
  allocation: AllocationMethod;
  minPerStratum: number;
  prior?: string;
  priorIndicator?: string;
  method: SampleMethod;
  order?: string[];
  exclude?: string[];
  only?: string[];
  encoding: 'auto' | 'utf8' | 'gb18030';
  maxErrors: number;
  rate?: string[];
  rates?: string;
  standard?: string;
  // both
  size?: number;
  reserve?: number;
  responseRate: number;
  notSure: number;
  ci: CiMethod;
  replicates: number;
  seed?: string;
  json?: boolean;
  output?: string;
}

/** Runs above this many variates get a progress bar (on a terminal only). */
const PROGRESS_WORK = 20_000_000;

const SIMPLE_FLAGS = ['population', 'trueRate', 'threshold'] as const;
const ROSTER_FLAGS = [
  'by',
  'total',
  'prior',
  'order',
  'exclude',
  'only',
  'rate',
  'rates',
  'standard',
] as const;
const flagName = (k: string) => `--${k.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;

function collect(v: string, prev: string[] = []): string[] {
  return [...prev, v];
}

function confidenceArg(v: string): number {
  const c = rateArg(v);
  if (!(c > 0 && c < 1)) throw new InvalidArgumentError(`must be between 0 and 1 (exclusive), got ${v}`);
  return c;
}

export function register(program: Command, ctx: Context): void {
  const cmd = program
    .command('simulate')
    .description(
      'Probability that communities pass a mock assessment, exact (hypergeometric) and by Monte Carlo,\n' +
        'with the distribution of the measured rate, the reserves used, and street and overall roll-ups.',
    )
    // simple form
    .option('--population <N>', 'simple form: households in the community', intArg(1))
    .option('--true-rate <p>', 'simple form: true share of favourable households (0.9 or 90%)', rateArg)
    .option('--threshold <t>', 'simple form: pass threshold on the rate', rateArg)
    .addOption(
      new Option(
        '--not-sure-rule <rule>',
        'simple form: how "not sure" counts (roster form: the standard says)',
      )
        .choices(['not_favourable', 'exclude'])
        .default('not_favourable'),
    )
    .option('--indicator <id>', 'simple form: name of the indicator in the output', 'rate')
    .addOption(
      new Option('--pass-rule <rule>', 'simple form: judge the rate or its lower confidence bound')
        .choices(['point', 'lower_bound'])
        .default('point'),
    )
    .option('--confidence <level>', 'simple form: confidence level of the lower bound', confidenceArg, 0.95)
    // roster form: the sampling options of `hhsurvey sample`
    .option('--roster <file>', 'roster form: the roster CSV to draw from')
    .option(
      '--by <cols>',
      'roster form: stratum columns (default: street,community when there is a street column)',
      listArg,
    )
    .option('--size <n>', 'households drawn per community (roster default 22)', intArg(1))
    .option('--total <n>', 'roster form: total households, allocated across strata', intArg(1))
    .addOption(
      new Option('--allocation <method>', 'roster form: how --total is shared')
        .choices(['proportional', 'equal', 'neyman'])
        .default('proportional'),
    )
    .option('--min-per-stratum <n>', 'roster form: least households per stratum with --total', intArg(0), 1)
    .option('--prior <file>', 'roster form: prior rates for Neyman allocation (CSV stratum,rate or a report)')
    .option('--prior-indicator <id>', 'roster form: with a JSON report as --prior, the indicator to use')
    .option('--reserve <r>', 'reserve households per community', intArg(0))
    .addOption(
      new Option('--method <method>', 'roster form: selection method (no effect on the numbers)')
        .choices(['random', 'systematic'])
        .default('random'),
    )
    .option('--order <cols>', 'roster form: address order columns', listArg)
    .option('--exclude <csv...>', 'roster form: households that must not be drawn')
    .option('--only <strata>', 'roster form: these strata only (comma-separated)', listArg)
    .addOption(
      new Option('--encoding <enc>', 'roster form: roster encoding')
        .choices(['auto', 'utf8', 'gb18030'])
        .default('auto'),
    )
    .option('--max-errors <n>', 'roster problems listed before the rest are only counted', intArg(1), 20)
    .option('--rate <id=p>', 'roster form: true rate of an indicator everywhere (repeatable)', collect)
    .option('--rates <file>', 'roster form: true rates per stratum: CSV stratum,indicator,rate')
    .option('--standard <file>', 'roster form: evaluation standard (default: built-in national-mock)')
    // both
    .option('--response-rate <r>', 'probability that a visited household completes', rateArg, 1)
    .option('--not-sure <q>', 'share of households answering "not sure"', rateArg, 0)
    .addOption(
      new Option('--ci <method>', 'interval for a lower_bound rule (as hhsurvey score --ci)')
        .choices(['wilson', 'clopper-pearson'])
        .default('wilson'),
    )
    .option('--replicates <k>', 'Monte Carlo replicates', intArg(1, 100_000_000), 10_000)
    .option('--seed <text>', 'seed of the Monte Carlo (default: a new one, printed on stderr)')
    .option('--json', 'print JSON (results[] and levels[]) instead of tables')
    .option('-o, --output <file>', 'write the output to a file (atomically)');
  addCommonOptions(cmd);
  cmd.addHelpText(
    'after',
    `
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
  );
  cmd.action(async (opts: SimulateOptions) => {
    await loadModules();
    const c = commandContext(ctx, opts);
    if (opts.roster !== undefined) await runRoster(c, opts);
    else runSimpleForm(c, opts);
  });
}

function runSimpleForm(ctx: Context, opts: SimulateOptions): void {
  const problems: Problem[] = [];
  for (const k of SIMPLE_FLAGS) {
    if (opts[k] === undefined) problems.push({ field: flagName(k), message: 'required (or use --roster)' });
  }
  if (opts.size === undefined) problems.push({ field: '--size', message: 'required (or use --roster)' });
  for (const k of ROSTER_FLAGS) {
    if (opts[k] !== undefined)
      problems.push({ field: flagName(k), message: 'belongs to the roster form (--roster)' });
  }
  if (problems.length) throw new UserError('simulate: invalid options', problems);
  const rule = makePassRule(opts.passRule, opts.threshold!, opts.confidence, opts.ci);
  const input = {
    population: opts.population!,
    trueRate: opts.trueRate!,
    size: opts.size!,
    reserves: opts.reserve ?? 0,
    responseRate: opts.responseRate,
    notSure: opts.notSure,
    notSureRule: opts.notSureRule,
    indicator: opts.indicator,
    stratum: 'community',
    rule,
  };
  problems.push(...checkSimpleInput(input));
  if (problems.length) throw new UserError('simulate: invalid options', problems);
  const design = simpleDesign(input);
  const run = runOf(ctx, opts, design);
  const res = runDesign(ctx, design, run);
  const out = opts.output ? resolve(ctx.cwd, opts.output) : undefined;
  if (opts.json) emit(ctx, out, `${JSON.stringify(simulationJson(run, res), null, 2)}\n`);
  else emit(ctx, out, renderSimple(run, res, ctx.lang));
}

async function runRoster(ctx: Context, opts: SimulateOptions): Promise<void> {
  const problems: Problem[] = [];
  for (const k of SIMPLE_FLAGS) {
    if (opts[k] !== undefined)
      problems.push({ field: flagName(k), message: 'belongs to the simple form (without --roster)' });
  }
  if (opts.size !== undefined && opts.total !== undefined)
    problems.push({ field: '--total', message: '--size and --total cannot be used together' });
  if (opts.allocation === 'neyman' && opts.total === undefined)
    problems.push({ field: '--allocation', message: 'neyman needs --total' });
  if (opts.prior && opts.allocation !== 'neyman')
    problems.push({ field: '--prior', message: 'is used by --allocation neyman only' });
  if (opts.rate === undefined && opts.rates === undefined) {
    problems.push({
      field: '--rate',
      message: 'give true rates with --rate id=p (repeatable) or --rates file.csv',
    });
  }
  if (problems.length) throw new UserError('simulate: invalid options', problems);
  const seed = seedOf(ctx, opts);
  const bar = progressBar(ctx, 1, say(ctx.lang, '读取户册', 'reading roster'));
  let job;
  try {
    job = await prepareRosterJob({
      roster: resolve(ctx.cwd, opts.roster!),
      rosterLabel: opts.roster!,
      encoding: opts.encoding,
      ...(opts.by ? { by: opts.by } : {}),
      lang: ctx.lang,
      method: opts.method,
      size: opts.size,
      total: opts.total,
      allocation: opts.allocation,
      minPerStratum: opts.minPerStratum,
      reserve: opts.reserve ?? 0,
      order: opts.order ?? DEFAULT_ORDER,
      only: opts.only,
      excludeFiles: (opts.exclude ?? []).map((f) => resolve(ctx.cwd, f)),
      priors: opts.prior ? await readPriors(resolve(ctx.cwd, opts.prior), opts.priorIndicator) : undefined,
      maxProblems: opts.maxErrors,
      seed,
      standard: opts.standard,
      cwd: ctx.cwd,
      rateFlags: opts.rate ?? [],
      ratesFile: opts.rates !== undefined ? resolve(ctx.cwd, opts.rates) : undefined,
      ratesLabel: opts.rates,
      notSure: opts.notSure,
      responseRate: opts.responseRate,
      ciMethod: opts.ci,
      onProgress: (d, t) => bar.update(t ? d / t : 1),
    });
  } finally {
    bar.stop();
  }
  for (const w of job.warnings) warn(ctx, `${say(ctx.lang, '警告', 'warning')}: ${w}`);
  for (const s of job.small) {
    warn(
      ctx,
      say(
        ctx.lang,
        `警告：${s.stratum} 仅有 ${s.households} 户可抽，少于样本量 ${s.target}，全部入样`,
        `warning: ${s.stratum} has only ${s.households} households to draw from, fewer than ${s.target}: all are taken`,
      ),
    );
  }
  const run = { ...runOf(ctx, opts, job.design, seed), standard: job.standard.id };
  const res = runDesign(ctx, job.design, run);
  const out = opts.output ? resolve(ctx.cwd, opts.output) : undefined;
  if (opts.json) {
    emit(ctx, out, `${JSON.stringify(simulationJson(run, res), null, 2)}\n`);
    return;
  }
  emit(ctx, out, renderRosterReport(run, res, ctx));
}

function renderRosterReport(run: SimulationRun, res: SimulationResult, ctx: Context): string {
  const zh = ctx.lang === 'zh';
  const rules = run.indicators.map(
    (i) => `${i.id} ${i.rule.kind === 'point' ? '≥' : 'LB ≥'} ${+(i.rule.threshold * 100).toFixed(4)}%`,
  );
  const head = zh
    ? `按标准 ${run.standard ?? ''} 模拟 ${res.strata.length / Math.max(1, run.indicators.length)} 个社区（${rules.join('，')}），应答率 ${(run.responseRate * 100).toFixed(1)}%，模拟 ${res.replicates} 次，种子 ${run.seed}`
    : `Simulated ${res.strata.length / Math.max(1, run.indicators.length)} communities against ${run.standard ?? 'the standard'} (${rules.join(', ')}), response rate ${(run.responseRate * 100).toFixed(1)}%, ${res.replicates} replicates, seed ${run.seed}`;
  const levelsNote = zh
    ? '汇总：分层估计 Σ(N_h/N)p_h 按标准规则判定（仅模拟）；"全部社区通过" 为各社区通过概率之积（精确）。'
    : 'Roll-ups: the stratified estimate Σ(N_h/N)p_h judged by the standard\'s rule (Monte Carlo only); "all pass" is the product of the communities\' pass probabilities (exact).';
  return `${head}\n\n${renderStrataTable(res.strata, ctx.lang)}\n\n${renderLevelsTable(res.levels, ctx.lang)}\n${levelsNote}\n`;
}

function runOf(ctx: Context, opts: SimulateOptions, design: SimulationDesign, seed?: string): SimulationRun {
  return {
    seed: seed ?? seedOf(ctx, opts),
    rng: RNG_ALGORITHM,
    replicates: opts.replicates,
    responseRate: opts.responseRate,
    notSure: opts.notSure,
    indicators: design.indicators,
  };
}

function seedOf(ctx: Context, opts: { seed?: string }): string {
  if (opts.seed !== undefined) return opts.seed;
  const seed = freshSeed(randomBytes(8));
  note(ctx, `hhsurvey: seed ${seed} (pass --seed ${seed} to repeat this run)`);
  return seed;
}

export function runDesign(ctx: Context, design: SimulationDesign, run: SimulationRun): SimulationResult {
  // Work units as the engine counts them: one per replicate, community and indicator, and one per
  // replicate, roll-up group and indicator (a lower-bound roll-up costs ~100 draws).
  const units = run.replicates * design.strata.length * design.indicators.length;
  const lowerBound = design.levels !== false && design.indicators.some((i) => i.rule.kind === 'lower_bound');
  const bar =
    units >= PROGRESS_WORK || (lowerBound && units >= PROGRESS_WORK / 100)
      ? progressBar(ctx, 1, say(ctx.lang, '模拟', 'simulate'))
      : undefined;
  try {
    return simulateDesign(design, {
      replicates: run.replicates,
      streams: seededStreams(run.seed),
      onProgress: bar ? (done, total) => bar.update(done / total) : undefined,
    });
  } finally {
    bar?.stop();
  }
}
