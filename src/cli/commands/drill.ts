import { resolve } from 'node:path';
import type { Command } from 'commander';
import type { Context } from '../../core/context.js';
import { AssessmentFailed } from '../../core/errors.js';
import { addCommonOptions, commandContext } from '../common.js';
import { note, progressBar, warn } from '../output.js';
import { t } from '../../core/messages.js';
import { dr, h } from './drill.messages.js';
import { ls } from './listing.messages.js';

interface DrillOptions {
  out: string;
  seed?: string;
  title?: string;
  fail: boolean;
  lang?: string;
}

export function register(program: Command, ctx0: Context): void {
  const lang = ctx0.lang;
  const cmd = program
    .command('drill')
    .description(t(lang, ls.drill))
    .argument('<drill>', t(lang, h.drill))
    .option('--out <dir>', t(lang, h.out), 'drill-output')
    .option('--seed <text>', t(lang, h.seed))
    .option('--title <text>', t(lang, h.title))
    .option('--no-fail', t(lang, h.noFail));
  addCommonOptions(cmd);
  cmd.addHelpText('after', t(lang, h.after));
  cmd.action(async (drillArg: string, opts: DrillOptions) => {
    const { verdictText } = await import('../../report/labels.js');
    const { runDrill } = await import('../../drill/run.js');
    const { drillSummaryLine } = await import('../../drill/summary.js');
    const { scoreExitCode } = await import('../../scoring/exit-code.js');
    const ctx = commandContext(ctx0, opts);
    const bar = progressBar(ctx, 1, t(ctx.lang, dr.readingRoster));
    const result = await runDrill({
      drillFile: resolve(ctx.cwd, drillArg),
      drillLabel: drillArg,
      out: resolve(ctx.cwd, opts.out),
      outLabel: opts.out,
      ...(opts.seed !== undefined ? { seed: opts.seed } : {}),
      ...(opts.title !== undefined ? { title: opts.title } : {}),
      now: ctx.now(),
      lang: ctx.lang,
      onNote: (l) => {
        bar.stop();
        note(ctx, l);
      },
      onWarning: (l) => {
        bar.stop();
        warn(ctx, t(ctx.lang, dr.warning, { text: l }));
      },
      onProgress: (d, t) => bar.update(t ? d / t : 1),
    }).finally(() => bar.stop());
    ctx.stdout.write(`${drillSummaryLine(ctx.lang, result, opts.out)}\n`);
    if (scoreExitCode(result.report, { noFail: !opts.fail }) !== 0)
      throw new AssessmentFailed(verdictText(ctx.lang, result.report));
  });
}
