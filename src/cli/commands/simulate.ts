import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import { Option, type Command } from 'commander';
import type { Context } from '../../core/context.js';
import { UserError, type Problem } from '../../core/errors.js';
import { t } from '../../core/messages.js';
import type { SimulationDesign, SimulationResult } from '../../simulation/simulate-design.js';
import type { NotSureRule } from '../../simulation/model.js';
import type { SimulationRun } from '../../simulation/render.js';
import type { CiMethod } from '../../stats/index.js';
import { addCommonOptions, commandContext, intArg, openRateArg, rateArg } from '../common.js';
import { emit, note, progressBar, warn } from '../output.js';
import {
  addSamplingDesignOptions,
  designFlagProblems,
  sampleJobOptions,
  type SamplingDesignFlags,
} from '../design-options.js';
import { addRosterInputOptions } from '../roster-options.js';
import { h, sr } from './simulate.messages.js';
import { ls } from './listing.messages.js';
import { formatPercent } from '../../core/percent.js';

// Loaded when the command runs, not when its help is shown (start-up time).
let freshSeed!: (typeof import('../../sampling/rng.js'))['freshSeed'];
let simulateDesign!: (typeof import('../../simulation/simulate-design.js'))['simulateDesign'];
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
  ({ simulateDesign } = await import('../../simulation/simulate-design.js'));
  ({ renderLevelsTable, renderSimple, renderStrataTable, simulationJson } =
    await import('../../simulation/render.js'));
  ({ prepareRosterJob } = await import('../../simulation/roster-job.js'));
  ({ makePassRule } = await import('../../simulation/rules.js'));
  ({ checkSimpleInput, simpleDesign } = await import('../../simulation/simple.js'));
  ({ RNG_ALGORITHM, seededStreams } = await import('../../simulation/streams.js'));
}

export interface SimulateOptions extends SamplingDesignFlags {
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
  rate?: string[];
  rates?: string;
  standard?: string;
  // both (and --size, --reserve)
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
  'sheet',
  'delimiter',
  'column',
  'idFrom',
  'fillDown',
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

export function register(program: Command, ctx: Context): void {
  const l = ctx.lang;
  const cmd: Command = program
    .command('simulate')
    .summary(t(l, ls.simulate))
    .description(t(l, h.description))
    // simple form
    .option('--population <N>', t(l, h.population), intArg(1))
    .option('--true-rate <p>', t(l, h.trueRate), rateArg)
    .option('--threshold <t>', t(l, h.threshold), rateArg)
    .addOption(
      new Option('--not-sure-rule <rule>', t(l, h.notSureRule))
        .choices(['not_favourable', 'exclude'])
        .default('not_favourable'),
    )
    .option('--indicator <id>', t(l, h.indicator), 'rate')
    .addOption(
      new Option('--pass-rule <rule>', t(l, h.passRule)).choices(['point', 'lower_bound']).default('point'),
    )
    .option('--confidence <level>', t(l, h.confidence), openRateArg, 0.95)
    // roster form: the sampling options of `hhsurvey sample`
    .option('--roster <file>', t(l, h.roster));
  addSamplingDesignOptions(cmd, (flag) => t(l, h[flag]))
    .option('--rate <id=p>', t(l, h.rate), collect)
    .option('--rates <file>', t(l, h.rates))
    .option('--standard <file>', t(l, h.standard))
    // both
    .option('--response-rate <r>', t(l, h.responseRate), rateArg, 1)
    .option('--not-sure <q>', t(l, h.notSure), rateArg, 0)
    .addOption(
      new Option('--ci <method>', t(l, h.ci)).choices(['wilson', 'clopper-pearson']).default('wilson'),
    )
    .option('--replicates <k>', t(l, h.replicates), intArg(1, 100_000_000), 10_000)
    .option('--seed <text>', t(l, h.seed))
    .option('--json', t(l, h.json))
    .option('-o, --output <file>', t(l, h.output));
  addRosterInputOptions(cmd);
  addCommonOptions(cmd);
  cmd.addHelpText('after', t(l, h.after));
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
    if (opts[k] === undefined)
      problems.push({ field: flagName(k), message: t(ctx.lang, h.requiredOrRoster) });
  }
  if (opts.size === undefined) problems.push({ field: '--size', message: t(ctx.lang, h.requiredOrRoster) });
  for (const k of ROSTER_FLAGS) {
    if (opts[k] !== undefined) problems.push({ field: flagName(k), message: t(ctx.lang, h.rosterFormOnly) });
  }
  if (problems.length) throw new UserError(t(ctx.lang, h.invalidOptions), problems);
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
  problems.push(...checkSimpleInput(input, ctx.lang));
  if (problems.length) throw new UserError(t(ctx.lang, h.invalidOptions), problems);
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
    if (opts[k] !== undefined) problems.push({ field: flagName(k), message: t(ctx.lang, h.simpleFormOnly) });
  }
  problems.push(...designFlagProblems(opts, ctx.lang));
  if (opts.rate === undefined && opts.rates === undefined) {
    problems.push({
      field: '--rate',
      message: t(ctx.lang, h.giveRates),
    });
  }
  if (problems.length) throw new UserError(t(ctx.lang, h.invalidOptions), problems);
  const seed = seedOf(ctx, opts);
  const bar = progressBar(ctx, 1, t(ctx.lang, h.reading));
  let job;
  try {
    const design = await sampleJobOptions(ctx, opts.roster!, opts, seed, (d, t) => bar.update(t ? d / t : 1));
    job = await prepareRosterJob({
      ...design,
      rosterLabel: opts.roster!,
      excludeFiles: design.excludeFiles ?? [],
      maxProblems: opts.maxErrors,
      standard: opts.standard,
      cwd: ctx.cwd,
      rateFlags: opts.rate ?? [],
      ratesFile: opts.rates !== undefined ? resolve(ctx.cwd, opts.rates) : undefined,
      ratesLabel: opts.rates,
      notSure: opts.notSure,
      responseRate: opts.responseRate,
      ciMethod: opts.ci,
    });
  } finally {
    bar.stop();
  }
  for (const w of job.warnings) warn(ctx, t(ctx.lang, h.warning, { text: w }));
  for (const s of job.small) {
    warn(ctx, t(ctx.lang, h.takesAll, { stratum: s.stratum, households: s.households, target: s.target }));
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
  const lang = ctx.lang;
  const rules = run.indicators.map((i) =>
    t(lang, i.rule.kind === 'point' ? sr.rulePoint : sr.ruleLowerBound, {
      id: i.id,
      threshold: `${+(i.rule.threshold * 100).toFixed(4)}%`,
    }),
  );
  const head = t(lang, sr.head, {
    ...(run.standard !== undefined ? { standard: run.standard } : {}),
    communities: res.strata.length / Math.max(1, run.indicators.length),
    rules,
    rate: formatPercent(run.responseRate),
    replicates: res.replicates,
    seed: run.seed,
  });
  const levelsNote = t(lang, sr.levelsNote);
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
  note(ctx, t(ctx.lang, h.seedNote, { seed }));
  return seed;
}

export function runDesign(ctx: Context, design: SimulationDesign, run: SimulationRun): SimulationResult {
  // Work units as the engine counts them: one per replicate, community and indicator, and one per
  // replicate, roll-up group and indicator (a lower-bound roll-up costs ~100 draws).
  const units = run.replicates * design.strata.length * design.indicators.length;
  const lowerBound = design.levels !== false && design.indicators.some((i) => i.rule.kind === 'lower_bound');
  const bar =
    units >= PROGRESS_WORK || (lowerBound && units >= PROGRESS_WORK / 100)
      ? progressBar(ctx, 1, t(ctx.lang, h.simulating))
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
