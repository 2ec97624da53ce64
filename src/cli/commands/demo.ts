import { relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Command } from 'commander';
import type { Context } from '../../core/context.js';
import { t } from '../../core/messages.js';
import { vm } from '../../report/verdict.messages.js';
import { addCommonOptions, commandContext } from '../common.js';
import { note, progressBar, warn } from '../output.js';
import { h } from './demo.messages.js';
import { ls } from './listing.messages.js';
import { dr } from './drill.messages.js';

/** The embedded demo drill (on the demo district, data/demo/roster.csv), shipped with the package. */
export const DEMO_DRILL = fileURLToPath(new URL('../../../data/demo/drill.yaml', import.meta.url));

interface DemoOptions {
  out: string;
  lang?: string;
}

export function register(program: Command, ctx0: Context): void {
  const lang = ctx0.lang;
  const cmd = program
    .command('demo')
    .description(t(lang, ls.demo))
    .option('--out <dir>', t(lang, h.out), 'demo-output');
  addCommonOptions(cmd);
  cmd.addHelpText('after', t(lang, h.after));
  cmd.action(async (opts: DemoOptions) => {
    const { runDrill } = await import('../../drill/run.js');
    const { drillSummaryLine, rectifyRows } = await import('../../drill/summary.js');
    const { renderTable } = await import('../table.js');
    const ctx = commandContext(ctx0, opts);
    const lang = ctx.lang;
    const bar = progressBar(ctx, 1, t(lang, dr.readingRoster));
    const result = await runDrill({
      drillFile: DEMO_DRILL,
      drillLabel: 'data/demo/drill.yaml',
      out: resolve(ctx.cwd, opts.out),
      outLabel: opts.out,
      now: ctx.now(),
      lang,
      onNote: (l) => {
        bar.stop();
        note(ctx, l);
      },
      onWarning: (l) => {
        bar.stop();
        warn(ctx, t(lang, dr.warning, { text: l }));
      },
      onProgress: (d, t) => bar.update(t ? d / t : 1),
    }).finally(() => bar.stop());
    const { head, rows, more } = rectifyRows(lang, result.report, 10);
    if (rows.length > 0) {
      ctx.stdout.write(`${t(lang, vm.watchHeading)}\n`);
      ctx.stdout.write(renderTable(head, rows, ['left', 'left', 'right', 'right', 'right', 'right', 'left']));
      if (more > 0) ctx.stdout.write(`${t(lang, vm.moreAtRisk, { count: more })}\n`);
    }
    ctx.stdout.write(`${drillSummaryLine(lang, result, opts.out)}\n`);
    const out = relative(ctx.cwd, resolve(ctx.cwd, opts.out)) || '.';
    note(ctx, t(lang, dr.demoNote, { out }));
  });
}
