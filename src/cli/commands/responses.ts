import { extname, resolve } from 'node:path';
import type { Command } from 'commander';
import type { Context } from '../../core/context.js';
import { UserError } from '../../core/errors.js';
import { t } from '../../core/messages.js';
import { m } from '../../fieldwork/messages.js';
import { responsesTemplate, templateSheets, templateTable } from '../../fieldwork/template.js';
import { csvTable } from '../../io/csv-write.js';
import { buildXlsx } from '../../io/xlsx-write.js';
import { readSampleList } from '../../sampling/sample-file.js';
import { loadStandard } from '../../standard/load.js';
import { addCommonOptions, commandContext } from '../common.js';
import { emit, note } from '../output.js';

/** `hhsurvey responses <what>`: responses files for teams that record by hand (`template`). */
export function register(program: Command, ctx0: Context): void {
  const group = program
    .command('responses')
    .description('responses files typed by hand: a template to fill in, read back by status and score');
  group.addHelpText(
    'after',
    `
Examples:
  hhsurvey responses template sample.csv -o 录入表.xlsx --lang zh
  hhsurvey status sample.csv --responses 录入表.xlsx`,
  );
  const cmd = group
    .command('template')
    .description("write the sample's households as a form to fill in (Excel or CSV), headed by the questions")
    .argument('<sample>', 'the sample list (from hhsurvey sample)')
    .requiredOption('-o, --output <file>', 'the template: .xlsx (drop-down lists, a sheet of codes) or .csv')
    .option('--standard <file>', 'the evaluation standard (default: the built-in national-mock)');
  addCommonOptions(cmd);
  cmd.addHelpText(
    'after',
    `
Examples:
  hhsurvey responses template sample.csv -o 录入表.xlsx --lang zh
  hhsurvey responses template sample.csv --standard standard.yaml -o responses-form.csv

One row per household (primaries, then reserves in the order to use them). Fill in one row per
visit: the outcome (a label from the list, or its token), the answers (label or code); copy a row
for a second visit. Rows left blank are households not visited yet. Check the filled file with
hhsurvey status and score it with hhsurvey score, as it is (.xlsx or .csv).`,
  );
  cmd.action(async (sampleArg: string, opts: { output: string; standard?: string; lang?: string }) => {
    const ctx = commandContext(ctx0, opts);
    const ext = extname(opts.output).toLowerCase();
    if (ext !== '.xlsx' && ext !== '.csv')
      throw new UserError(t(ctx.lang, m.templateFormat, { file: opts.output }));
    const standard = await loadStandard(opts.standard, ctx.cwd);
    const sample = await readSampleList(resolve(ctx.cwd, sampleArg), { label: sampleArg });
    const tpl = responsesTemplate(sample.entries, standard, ctx.lang);
    const out = resolve(ctx.cwd, opts.output);
    if (ext === '.xlsx') emit(ctx, out, buildXlsx(templateSheets(tpl, ctx.lang)));
    else {
      const { header, rows } = templateTable(tpl);
      emit(ctx, out, csvTable(header, rows, { bom: true }));
    }
    note(ctx, t(ctx.lang, m.templateWritten, { n: tpl.rows.length, file: opts.output }));
  });
}
