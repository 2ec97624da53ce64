import { resolve } from 'node:path';
import { Option, type Command } from 'commander';
import type { Context } from '../core/context.js';
import { formatProblem, UserError, type Problem } from '../core/errors.js';
import type { Lang } from '../core/i18n.js';
import { t } from '../core/messages.js';
import { dm } from './design-options.messages.js';
import type { AllocationMethod } from '../sampling/allocate.js';
import type { SampleMethod } from '../sampling/design.js';
import type { SampleJobOptions } from '../sampling/sample-job.js';
import { intArg, listArg } from './common.js';
import { rosterInput, type RosterInputFlags } from './roster-options.js';

/**
 * The sampling design's flags, declared once for `sample` and `simulate --roster` (each command
 * words their help in its own catalogue), and turned into the design and the roster to draw from.
 */
export interface SamplingDesignFlags extends RosterInputFlags {
  by?: string[];
  size?: number;
  total?: number;
  allocation: AllocationMethod;
  minPerStratum: number;
  prior?: string;
  priorIndicator?: string;
  reserve?: number;
  method: SampleMethod;
  order?: string[];
  exclude?: string[];
  only?: string[];
  encoding: 'auto' | 'utf8' | 'gb18030';
  maxErrors: number;
}

type DesignFlag =
  | 'by'
  | 'size'
  | 'total'
  | 'allocation'
  | 'minPerStratum'
  | 'prior'
  | 'priorIndicator'
  | 'reserve'
  | 'method'
  | 'order'
  | 'exclude'
  | 'only'
  | 'encoding'
  | 'maxErrors';

/** Add the design's flags to a command; `help` gives each flag's help text in the command's words. */
export function addSamplingDesignOptions(
  cmd: Command,
  help: (flag: DesignFlag) => string,
  defaults: { reserve?: number } = {},
): Command {
  return cmd
    .option('--by <cols>', help('by'), listArg)
    .option('--size <n>', help('size'), intArg(1))
    .option('--total <n>', help('total'), intArg(1))
    .addOption(
      new Option('--allocation <method>', help('allocation'))
        .choices(['proportional', 'equal', 'neyman'])
        .default('proportional'),
    )
    .option('--min-per-stratum <n>', help('minPerStratum'), intArg(0), 1)
    .option('--prior <file>', help('prior'))
    .option('--prior-indicator <id>', help('priorIndicator'))
    .option('--reserve <r>', help('reserve'), intArg(0), defaults.reserve)
    .addOption(
      new Option('--method <method>', help('method')).choices(['random', 'systematic']).default('random'),
    )
    .option('--order <cols>', help('order'), listArg)
    .option('--exclude <csv...>', help('exclude'))
    .option('--only <strata>', help('only'), listArg)
    .addOption(
      new Option('--encoding <enc>', help('encoding')).choices(['auto', 'utf8', 'gb18030']).default('auto'),
    )
    .option('--max-errors <n>', help('maxErrors'), intArg(1), 20);
}

/**
 * What is wrong with a design's flags as a whole (each flag's own syntax is checked as it is
 * parsed): the same problems, at the same flags, for `sample` and `simulate --roster`.
 */
export function designFlagProblems(
  flags: Pick<SamplingDesignFlags, 'size' | 'total' | 'allocation' | 'prior'>,
  lang: Lang,
): Problem[] {
  const problems: Problem[] = [];
  if (flags.size !== undefined && flags.total !== undefined)
    problems.push({ field: '--total', message: t(lang, dm.sizeAndTotal) });
  if (flags.allocation === 'neyman' && flags.total === undefined)
    problems.push({ field: '--allocation', message: t(lang, dm.neymanNeedsTotal) });
  if (flags.prior !== undefined && flags.allocation !== 'neyman')
    problems.push({ field: '--prior', message: t(lang, dm.priorNeyman) });
  return problems;
}

/** Throw the design's problems as a user error of `command`: one line for one problem, like any usage error. */
export function assertDesignFlags(
  command: string,
  flags: Pick<SamplingDesignFlags, 'size' | 'total' | 'allocation' | 'prior'>,
  lang: Lang,
): void {
  const problems = designFlagProblems(flags, lang);
  if (problems.length === 1) throw new UserError(formatProblem(problems[0]!));
  if (problems.length > 1) throw new UserError(t(lang, dm.invalid, { command }), problems);
}

/** The design the flags give and the roster to draw it from (the prior file read, paths resolved). */
export async function sampleJobOptions(
  ctx: Context,
  roster: string,
  flags: SamplingDesignFlags,
  seed: string,
  onProgress?: (done: number, total: number) => void,
): Promise<SampleJobOptions> {
  const { designJobOptions } = await import('../sampling/sample-job.js');
  return designJobOptions({
    roster: resolve(ctx.cwd, roster),
    rosterLabel: roster,
    seed,
    lang: ctx.lang,
    ...(flags.by ? { by: flags.by } : {}),
    ...(flags.size !== undefined ? { size: flags.size } : {}),
    ...(flags.total !== undefined ? { total: flags.total } : {}),
    allocation: flags.allocation,
    minPerStratum: flags.minPerStratum,
    ...(flags.reserve !== undefined ? { reserve: flags.reserve } : {}),
    method: flags.method,
    ...(flags.order ? { order: flags.order } : {}),
    ...(flags.only ? { only: flags.only } : {}),
    exclude: (flags.exclude ?? []).map((f) => resolve(ctx.cwd, f)),
    ...(flags.prior ? { prior: resolve(ctx.cwd, flags.prior) } : {}),
    ...(flags.priorIndicator !== undefined ? { priorIndicator: flags.priorIndicator } : {}),
    encoding: flags.encoding,
    input: rosterInput(flags, ctx.lang),
    maxProblems: flags.maxErrors,
    ...(onProgress ? { onProgress } : {}),
  });
}
