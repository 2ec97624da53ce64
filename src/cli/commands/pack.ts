import type { Command } from 'commander';
import type { Context } from '../../core/context.js';
import { t } from '../../core/messages.js';
import { addCommonOptions, commandContext, intArg, listArg } from '../common.js';
import { note, warn } from '../output.js';
import { h } from './pack.messages.js';
import { ls } from './listing.messages.js';

interface PackOptions {
  standard?: string;
  output: string;
  mask: boolean;
  pdf: boolean;
  maxVisits: number;
  only?: string[];
  lang?: string;
}

export function register(program: Command, ctx0: Context): void {
  const l = ctx0.lang;
  const cmd = program
    .command('pack')
    .description(t(l, ls.pack))
    .argument('<sample>', t(l, h.sample))
    .option('--standard <file>', t(l, h.standard))
    .option('-o, --output <dir>', t(l, h.output), 'pack')
    .option('--no-mask', t(l, h.noMask))
    .option('--no-pdf', t(l, h.noPdf))
    .option('--max-visits <k>', t(l, h.maxVisits), intArg(1, 20), 1)
    .option('--only <communities>', t(l, h.only), listArg);
  addCommonOptions(cmd);
  cmd.addHelpText('after', t(l, h.after));
  cmd.action(async (sample: string, opts: PackOptions) => {
    const ctx = commandContext(ctx0, opts);
    const { runPackJob } = await import('../../pack/pack-job.js');
    const { m } = await import('../../pack/messages.js');
    const result = await runPackJob({
      sample,
      ...(opts.standard !== undefined ? { standard: opts.standard } : {}),
      out: opts.output,
      cwd: ctx.cwd,
      lang: ctx.lang,
      now: ctx.now(),
      mask: opts.mask,
      maxVisits: opts.maxVisits,
      ...(opts.only ? { only: opts.only } : {}),
      pdf: opts.pdf,
      env: ctx.env,
    });
    const sheets = result.streets.reduce((a, s) => a + s.communities.length, 0);
    note(ctx, t(ctx.lang, m.wrote, { sheets, covers: result.streets.length, dir: opts.output }));
    if (result.pdfs > 0) note(ctx, t(ctx.lang, m.pdfWritten, { n: result.pdfs }));
    if (result.noPdf !== undefined) warn(ctx, t(ctx.lang, m.noPdf, { why: result.noPdf }));
  });
}
