import type { Command } from 'commander';
import type { Context } from '../../core/context.js';
import { t } from '../../core/messages.js';
import { addCommonOptions, commandContext, intArg, listArg } from '../common.js';
import { note, warn } from '../output.js';

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
  const cmd = program
    .command('pack')
    .description(
      'make the field pack for a sample: a printable visit sheet per community (walking order, masked contacts, visit boxes, reserves, questionnaire), a cover per sub-district, and one workbook',
    )
    .argument('<sample>', 'the sample list (from hhsurvey sample)')
    .option(
      '--standard <file>',
      'the evaluation standard whose questionnaire is printed (default: the built-in national-mock)',
    )
    .option('-o, --output <dir>', 'folder for the pack (new, empty, or a previous pack)', 'pack')
    .option(
      '--no-mask',
      'print names and phones as the sample list has them (default: masked, 138****1234, 张*)',
    )
    .option('--no-pdf', 'write HTML sheets only, without printing PDFs through Chromium')
    .option(
      '--max-visits <k>',
      'visits allowed to a nobody-home household (as for interview, status and score)',
      intArg(1, 20),
      3,
    )
    .option(
      '--only <communities>',
      'only these communities (names or sub-district / community), comma-separated',
      listArg,
    );
  addCommonOptions(cmd);
  cmd.addHelpText(
    'after',
    `
Examples:
  hhsurvey pack sample.csv -o pack/
  hhsurvey pack sample.csv --standard standard.yaml -o pack/ --lang zh
  hhsurvey pack sample.csv -o pack/ --only 南全福社区 --no-pdf
  hhsurvey pack sample.csv -o pack/ --max-visits 2

示例（中文）：
  hhsurvey pack sample.csv -o 入户材料/ --lang zh          每个社区一份走访表，每个街道一页封面
  hhsurvey pack sample.csv -o 入户材料/ --only 南全福社区   只为一个社区重印走访表

Writes into the folder: pack.xlsx (a legend sheet, then one sheet per community), pack.json, and
per sub-district a numbered folder holding 00-cover.html and one visit sheet per community
(01-<community>.html ...), each with a .pdf when Chromium and playwright-core are installed
(HHSURVEY_CHROMIUM names another browser; --no-pdf skips printing).

A visit sheet lists the sampled households in the order hhsurvey interview takes them (the walking
route: grid, building, unit, floor, room), with boxes for three visits' outcome codes, then the
reserves below a rule, to be used in their order and only to replace a household whose final
outcome is not "1 Complete"; then the questionnaire with its option codes and an answer grid in
the same order. Names and phones are masked unless --no-mask: the address finds the door, and the
grid worker who guides the team holds the full numbers. Print on A4.`,
  );
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
