import { extname, resolve } from 'node:path';
import type { Command } from 'commander';
import type { Context } from '../../core/context.js';
import { UserError } from '../../core/errors.js';
import { t } from '../../core/messages.js';
import { m } from '../../fieldwork/messages.js';
import { addCommonOptions, commandContext } from '../common.js';
import { emit, note } from '../output.js';
import { h } from './responses.messages.js';
import { ls } from './listing.messages.js';

/** `hhsurvey responses <what>`: responses files for teams that record by hand (`template`). */
export function register(program: Command, ctx0: Context): void {
  const l = ctx0.lang;
  const group = program.command('responses').description(t(l, ls.responses));
  group.addHelpText('after', t(l, h.after));
  const cmd = group
    .command('template')
    .description(t(l, h.templateDescription))
    .argument('<sample>', t(l, h.sample))
    .requiredOption('-o, --output <file>', t(l, h.output))
    .option('--standard <file>', t(l, h.standard));
  addCommonOptions(cmd);
  cmd.addHelpText('after', t(l, h.templateAfter));
  cmd.action(async (sampleArg: string, opts: { output: string; standard?: string; lang?: string }) => {
    const ctx = commandContext(ctx0, opts);
    const ext = extname(opts.output).toLowerCase();
    if (ext !== '.xlsx' && ext !== '.csv')
      throw new UserError(t(ctx.lang, m.templateFormat, { file: opts.output }));
    // Loaded when the command runs, not when its help is shown (start-up time).
    const { responsesTemplate, templateSheets, templateTable } = await import('../../fieldwork/template.js');
    const { loadStandard } = await import('../../standard/load.js');
    const { readSampleList } = await import('../../sampling/sample-file.js');
    const standard = await loadStandard(opts.standard, ctx.cwd);
    const sample = await readSampleList(resolve(ctx.cwd, sampleArg), { label: sampleArg });
    const tpl = responsesTemplate(sample.entries, standard, ctx.lang);
    const out = resolve(ctx.cwd, opts.output);
    if (ext === '.xlsx') {
      const { buildXlsx } = await import('../../io/xlsx-write.js');
      emit(ctx, out, buildXlsx(templateSheets(tpl, ctx.lang)));
    } else {
      const { csvTable } = await import('../../io/csv-write.js');
      const { header, rows } = templateTable(tpl);
      emit(ctx, out, csvTable(header, rows, { bom: true }));
    }
    note(ctx, t(ctx.lang, m.templateWritten, { n: tpl.rows.length, file: opts.output }));
  });
}
