import { resolve } from 'node:path';
import { Option, type Command } from 'commander';
import type { Context } from '../core/context.js';
import type { AllocationMethod } from '../sampling/allocate.js';
import { DEFAULT_ORDER, type SampleMethod } from '../sampling/design.js';
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

/** The design the flags give and the roster to draw it from (the prior file read, paths resolved). */
export async function sampleJobOptions(
  ctx: Context,
  roster: string,
  flags: SamplingDesignFlags,
  seed: string,
  onProgress?: (done: number, total: number) => void,
): Promise<SampleJobOptions> {
  const { readPriors } = await import('../sampling/sample-job.js');
  return {
    roster: resolve(ctx.cwd, roster),
    rosterLabel: roster,
    encoding: flags.encoding,
    ...(flags.by ? { by: flags.by } : {}),
    lang: ctx.lang,
    method: flags.method,
    size: flags.size,
    total: flags.total,
    allocation: flags.allocation,
    minPerStratum: flags.minPerStratum,
    reserve: flags.reserve ?? 0,
    order: flags.order ?? DEFAULT_ORDER,
    only: flags.only,
    seed,
    excludeFiles: (flags.exclude ?? []).map((f) => resolve(ctx.cwd, f)),
    priors: flags.prior ? await readPriors(resolve(ctx.cwd, flags.prior), flags.priorIndicator) : undefined,
    maxProblems: flags.maxErrors,
    ...(onProgress ? { onProgress } : {}),
    input: rosterInput(flags, ctx.lang),
  };
}
