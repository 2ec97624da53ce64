import { resolve } from 'node:path';
import { InvalidArgumentError, Option, type Command } from 'commander';
import type { Context } from '../../core/context.js';
import { UserError, type Problem } from '../../core/errors.js';
import { addCommonOptions, commandContext, intArg, rateArg } from '../common.js';
import { emit } from '../output.js';
import type { PrecisionRequest } from '../../planning/precision.js';
import type { PassSizeRequest } from '../../planning/pass-size.js';
import type { RiskTable } from '../../planning/render.js';
import type { CiMethod } from '../../stats/index.js';

// Loaded when the command runs, not when its help is shown (start-up time).
let planPrecision!: (typeof import('../../planning/precision.js'))['planPrecision'];
let passProbability!: (typeof import('../../planning/pass-size.js'))['passProbability'];
let planPassSize!: (typeof import('../../planning/pass-size.js'))['planPassSize'];
let ratesAround!: (typeof import('../../planning/pass-size.js'))['ratesAround'];
let sizesAround!: (typeof import('../../planning/pass-size.js'))['sizesAround'];
let passSizeJson!: (typeof import('../../planning/render.js'))['passSizeJson'];
let precisionJson!: (typeof import('../../planning/render.js'))['precisionJson'];
let renderPassSize!: (typeof import('../../planning/render.js'))['renderPassSize'];
let renderPrecision!: (typeof import('../../planning/render.js'))['renderPrecision'];
let roundHalfUp!: (typeof import('../../simulation/model.js'))['roundHalfUp'];
let makePassRule!: (typeof import('../../simulation/rules.js'))['makePassRule'];
async function loadModules(): Promise<void> {
  ({ planPrecision } = await import('../../planning/precision.js'));
  ({ passProbability, planPassSize, ratesAround, sizesAround } = await import('../../planning/pass-size.js'));
  ({ passSizeJson, precisionJson, renderPassSize, renderPrecision } =
    await import('../../planning/render.js'));
  ({ roundHalfUp } = await import('../../simulation/model.js'));
  ({ makePassRule } = await import('../../simulation/rules.js'));
}

interface PlanOptions {
  lang?: string;
  margin?: number;
  confidence: number;
  expected?: number;
  population?: number;
  deff: number;
  responseRate: number;
  threshold?: number;
  power: number;
  passRule: 'point' | 'lower_bound';
  ci: CiMethod;
  json?: boolean;
  output?: string;
}

function openRate(v: string): number {
  const r = rateArg(v);
  if (!(r > 0 && r < 1)) throw new InvalidArgumentError(`must be between 0 and 1 (exclusive), got ${v}`);
  return r;
}

function positive(v: string): number {
  const n = Number(v.trim());
  if (v.trim() === '' || !Number.isFinite(n) || n <= 0)
    throw new InvalidArgumentError(`expected a positive number, got "${v}"`);
  return n;
}

export function register(program: Command, ctx: Context): void {
  const cmd = program
    .command('plan')
    .description(
      'How many households to draw: for a margin of error (precision form), or for a chance of passing\n' +
        'when the true rate is p (pass-probability form, exact hypergeometric).',
    )
    .option('--margin <e>', 'precision form: half-width of the interval (0.05 or 5%)', openRate)
    .option('--confidence <level>', 'confidence level (precision form; lower-bound rule)', openRate, 0.95)
    .option('--expected <p>', 'expected true rate (precision form default 0.5)', rateArg)
    .option(
      '--population <N>',
      'households in the community (required for the pass-probability form)',
      intArg(1),
    )
    .option('--deff <d>', 'precision form: design effect', positive, 1)
    .option(
      '--response-rate <r>',
      'precision form: expected share of drawn households that complete',
      rateArg,
      1,
    )
    .option('--threshold <t>', 'pass-probability form: the pass threshold on the rate', rateArg)
    .option('--power <q>', 'pass-probability form: target probability of passing', openRate, 0.8)
    .addOption(
      new Option('--pass-rule <rule>', 'pass-probability form: judge the rate or its lower bound')
        .choices(['point', 'lower_bound'])
        .default('point'),
    )
    .addOption(
      new Option('--ci <method>', 'interval for a lower_bound rule')
        .choices(['wilson', 'clopper-pearson'])
        .default('wilson'),
    )
    .option('--json', 'print JSON instead of text')
    .option('-o, --output <file>', 'write the output to a file (atomically)');
  addCommonOptions(cmd);
  cmd.addHelpText(
    'after',
    `
Examples:
  hhsurvey plan --margin 0.05                                  385 households (p = 0.5, 95%)
  hhsurvey plan --margin 0.05 --population 1000                278 with the finite population correction
  hhsurvey plan --margin 5% --expected 0.9 --population 300 --deff 1.5 --response-rate 0.8
  hhsurvey plan --threshold 0.9 --expected 0.95 --population 300 --power 0.8
      smallest size that passes a 95% community at least 80% of the time, with risk tables

Precision: n₀ = z²p(1−p)/e², then n₀/(1 + (n₀−1)/N), × deff, ÷ response rate, rounded up once.
Pass probability: exact hypergeometric, every drawn household completing; the size reported is the
smallest from which every larger size also reaches the target (the probability saw-tooths with n).`,
  );
  cmd.action(async (opts: PlanOptions) => {
    await loadModules();
    runPlan(commandContext(ctx, opts), opts);
  });
}

function runPlan(ctx: Context, opts: PlanOptions): void {
  const out = opts.output ? resolve(ctx.cwd, opts.output) : undefined;
  const precision = opts.margin !== undefined;
  const pass = opts.threshold !== undefined;
  if (precision && pass) {
    throw new UserError('plan: choose one form', [
      {
        field: '--margin',
        message: 'the precision form (--margin) and the pass-probability form (--threshold) do not mix',
      },
    ]);
  }
  if (!precision && !pass) {
    throw new UserError('plan: nothing to plan', [
      {
        field: '--margin',
        message:
          'give --margin (precision) or --threshold with --expected and --population (pass probability)',
      },
    ]);
  }
  if (precision) {
    const req: PrecisionRequest = {
      margin: opts.margin!,
      confidence: opts.confidence,
      expected: opts.expected ?? 0.5,
      population: opts.population,
      deff: opts.deff,
      responseRate: opts.responseRate,
    };
    if (req.responseRate === 0)
      throw new UserError('plan: bad option', [{ field: '--response-rate', message: 'must be above 0' }]);
    const plan = planPrecision(req);
    emit(
      ctx,
      out,
      opts.json
        ? `${JSON.stringify(precisionJson(req, plan), null, 2)}\n`
        : renderPrecision(req, plan, ctx.lang),
    );
    return;
  }
  const problems: Problem[] = [];
  if (opts.expected === undefined)
    problems.push({ field: '--expected', message: 'required with --threshold (the true rate you expect)' });
  if (opts.population === undefined)
    problems.push({
      field: '--population',
      message: 'required with --threshold (households in the community)',
    });
  if (opts.deff !== 1) problems.push({ field: '--deff', message: 'applies to the precision form only' });
  if (opts.responseRate !== 1) {
    problems.push({
      field: '--response-rate',
      message: 'applies to the precision form; for non-response use hhsurvey simulate --response-rate',
    });
  }
  if (problems.length) throw new UserError('plan: invalid options', problems);
  const rule = makePassRule(opts.passRule, opts.threshold!, opts.confidence, opts.ci);
  const req: PassSizeRequest = {
    threshold: opts.threshold!,
    expected: opts.expected!,
    power: opts.power,
    population: opts.population!,
    rule,
  };
  const plan = planPassSize(req);
  const centre = plan.n ?? Math.min(22, req.population);
  const bySize = sizesAround(centre, req.population).map((n) => plan.curve[n - 1]!);
  const riskSizes = sizesAround(centre, req.population).filter(
    (n) => (n - centre) % 5 === 0 || Math.abs(n - centre) === 1,
  );
  const N = req.population;
  const risk: RiskTable = {
    sizes: riskSizes,
    rows: ratesAround(req.threshold, req.expected).map((trueRate) => {
      const K = roundHalfUp(trueRate * N);
      return { trueRate, favourable: K, pPass: riskSizes.map((n) => passProbability(N, K, n, rule)) };
    }),
  };
  emit(
    ctx,
    out,
    opts.json
      ? `${JSON.stringify(passSizeJson(req, plan, bySize, risk), null, 2)}\n`
      : renderPassSize(req, plan, bySize, risk, ctx.lang),
  );
}
