import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import { InvalidArgumentError, Option, type Command } from 'commander';
import type { Context } from '../../core/context.js';
import { UserError, type Problem } from '../../core/errors.js';
import { addCommonOptions, commandContext, intArg, rateArg } from '../common.js';
import { emit, note, progressBar } from '../output.js';
import { simulateDesign, type SimulationDesign, type SimulationResult } from '../../simulation/engine.js';
import type { NotSureRule } from '../../simulation/model.js';
import { makePassRule } from '../../simulation/rules.js';
import type { CiMethod } from '../../stats/index.js';
import { renderSimple, simulationJson, type SimulationRun } from '../../simulation/render.js';
import { checkSimpleInput, simpleDesign } from '../../simulation/simple.js';
import { RNG_ALGORITHM, seededStreams } from '../../simulation/streams.js';

export interface SimulateOptions {
  lang?: string;
  population?: number;
  trueRate?: number;
  size?: number;
  threshold?: number;
  reserves?: number;
  responseRate: number;
  notSure: number;
  notSureRule: NotSureRule;
  indicator: string;
  passRule: 'point' | 'lower_bound';
  confidence: number;
  ci: CiMethod;
  replicates: number;
  seed?: string;
  json?: boolean;
  output?: string;
}

/** Runs above this many variates get a progress bar (on a terminal only). */
const PROGRESS_WORK = 20_000_000;

export function register(program: Command, ctx: Context): void {
  const cmd = program
    .command('simulate')
    .description(
      'Probability that a community passes a mock assessment: exact (hypergeometric) and by Monte Carlo,\n' +
        'with the distribution of the measured rate and the reserves used.',
    )
    .option('--population <N>', 'simple form: households in the community', intArg(1))
    .option('--true-rate <p>', 'simple form: true share of favourable households (0.9 or 90%)', rateArg)
    .option('--size <n>', 'households drawn (simple form)', intArg(0))
    .option('--threshold <t>', 'simple form: pass threshold on the rate', rateArg)
    .option('--reserves <r>', 'reserve households per community', intArg(0))
    .option('--response-rate <r>', 'probability that a visited household completes', rateArg, 1)
    .option('--not-sure <q>', 'share of households answering "not sure"', rateArg, 0)
    .addOption(
      new Option('--not-sure-rule <rule>', 'simple form: how "not sure" counts')
        .choices(['not_favourable', 'exclude'])
        .default('not_favourable'),
    )
    .option('--indicator <id>', 'simple form: name of the indicator in the output', 'rate')
    .addOption(
      new Option('--pass-rule <rule>', 'simple form: judge the rate itself or its lower confidence bound')
        .choices(['point', 'lower_bound'])
        .default('point'),
    )
    .option('--confidence <level>', 'simple form: confidence level of the lower bound', confidenceArg, 0.95)
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
      --reserves 5 --response-rate 0.8 --not-sure 0.05 --not-sure-rule exclude --seed drill-1 --json

Model: the favourable households are a random subset of the community; non-response is independent
of the answers; a non-response is replaced by the next reserve until the reserves run out. Under
this model the per-community pass probability is exact; the Monte Carlo agrees within its SE.`,
  );
  cmd.action((opts: SimulateOptions) => runSimulate(commandContext(ctx, opts), opts));
}

function runSimulate(ctx: Context, opts: SimulateOptions): void {
  const problems: Problem[] = [];
  const need = (v: number | undefined, flag: string) => {
    if (v === undefined) problems.push({ field: flag, message: 'required (or use --roster)' });
  };
  need(opts.population, '--population');
  need(opts.trueRate, '--true-rate');
  need(opts.size, '--size');
  need(opts.threshold, '--threshold');
  if (problems.length) throw new UserError('simulate: missing options', problems);
  const rule = makePassRule(opts.passRule, opts.threshold!, opts.confidence, opts.ci);
  const input = {
    population: opts.population!,
    trueRate: opts.trueRate!,
    size: opts.size!,
    reserves: opts.reserves ?? 0,
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
  const seed = seedOf(ctx, opts);
  const run: SimulationRun = {
    seed,
    rng: RNG_ALGORITHM,
    replicates: opts.replicates,
    responseRate: opts.responseRate,
    notSure: opts.notSure,
    indicators: design.indicators,
  };
  const res = runDesign(ctx, design, run);
  const out = opts.output ? resolve(ctx.cwd, opts.output) : undefined;
  if (opts.json) emit(ctx, out, `${JSON.stringify(simulationJson(run, res), null, 2)}\n`);
  else emit(ctx, out, renderSimple(run, res, ctx.lang));
}

function confidenceArg(v: string): number {
  const c = rateArg(v);
  if (!(c > 0 && c < 1)) throw new InvalidArgumentError(`must be between 0 and 1 (exclusive), got ${v}`);
  return c;
}

function seedOf(ctx: Context, opts: { seed?: string }): string {
  if (opts.seed !== undefined) return opts.seed;
  const seed = randomBytes(8).toString('hex');
  note(ctx, `hhsurvey: seed ${seed} (pass --seed ${seed} to repeat this run)`);
  return seed;
}

export function runDesign(ctx: Context, design: SimulationDesign, run: SimulationRun): SimulationResult {
  const work = run.replicates * design.strata.length * design.indicators.length;
  const bar = work >= PROGRESS_WORK ? progressBar(ctx, work, 'simulate') : undefined;
  try {
    return simulateDesign(design, {
      replicates: run.replicates,
      streams: seededStreams(run.seed),
      onProgress: bar ? (done) => bar.update(done) : undefined,
    });
  } finally {
    bar?.stop();
  }
}
