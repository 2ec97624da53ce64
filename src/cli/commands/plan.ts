import { resolve } from 'node:path';
import { Option, type Command } from 'commander';
import type { Context } from '../../core/context.js';
import { UserError, type Problem } from '../../core/errors.js';
import { both, t } from '../../core/messages.js';
import { addCommonOptions, commandContext, intArg, openRateArg, rateArg } from '../common.js';
import { ArgValueError } from '../localise.js';
import { emit } from '../output.js';
import { h } from './plan.messages.js';
import { ls } from './listing.messages.js';
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

function positive(v: string): number {
  const n = Number(v.trim());
  if (v.trim() === '' || !Number.isFinite(n) || n <= 0)
    throw new ArgValueError(both(h.positive, { value: v }));
  return n;
}

export function register(program: Command, ctx: Context): void {
  const l = ctx.lang;
  const cmd = program
    .command('plan')
    .summary(t(l, ls.plan))
    .description(t(l, h.description))
    .option('--margin <e>', t(l, h.margin), openRateArg)
    .option('--confidence <level>', t(l, h.confidence), openRateArg, 0.95)
    .option('--expected <p>', t(l, h.expected), rateArg)
    .option('--population <N>', t(l, h.population), intArg(1))
    .option('--deff <d>', t(l, h.deff), positive, 1)
    .option('--response-rate <r>', t(l, h.responseRate), rateArg, 1)
    .option('--threshold <t>', t(l, h.threshold), rateArg)
    .option('--power <q>', t(l, h.power), openRateArg, 0.8)
    .addOption(
      new Option('--pass-rule <rule>', t(l, h.passRule)).choices(['point', 'lower_bound']).default('point'),
    )
    .addOption(
      new Option('--ci <method>', t(l, h.ci)).choices(['wilson', 'clopper-pearson']).default('wilson'),
    )
    .option('--json', t(l, h.json))
    .option('-o, --output <file>', t(l, h.output));
  addCommonOptions(cmd);
  cmd.addHelpText('after', t(l, h.after));
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
    throw new UserError(t(ctx.lang, h.chooseOne), [{ field: '--margin', message: t(ctx.lang, h.noMix) }]);
  }
  if (!precision && !pass) {
    throw new UserError(t(ctx.lang, h.nothing), [{ field: '--margin', message: t(ctx.lang, h.giveForm) }]);
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
      throw new UserError(t(ctx.lang, h.badOption), [
        { field: '--response-rate', message: t(ctx.lang, h.aboveZero) },
      ]);
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
    problems.push({ field: '--expected', message: t(ctx.lang, h.expectedRequired) });
  if (opts.population === undefined)
    problems.push({
      field: '--population',
      message: t(ctx.lang, h.populationRequired),
    });
  if (opts.deff !== 1) problems.push({ field: '--deff', message: t(ctx.lang, h.precisionOnly) });
  if (opts.responseRate !== 1) {
    problems.push({
      field: '--response-rate',
      message: t(ctx.lang, h.responseRatePrecision),
    });
  }
  if (problems.length) throw new UserError(t(ctx.lang, h.invalidOptions), problems);
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
