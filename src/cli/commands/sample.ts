import { randomBytes } from 'node:crypto';
import { basename, resolve } from 'node:path';
import { Option, type Command } from 'commander';
import type { Context } from '../../core/context.js';
import { UserError } from '../../core/errors.js';
import { say } from '../../core/i18n.js';
import type { AllocationMethod } from '../../sampling/allocate.js';
import type { SampleMethod } from '../../sampling/draw.js';
import { t } from '../../core/messages.js';
import { m as sm } from '../../sampling/strata.messages.js';
import { addCommonOptions, commandContext, intArg, listArg } from '../common.js';
import { emit, note, progressBar, warn } from '../output.js';
import { addRosterInputOptions, rosterInput, type RosterInputFlags } from '../roster-options.js';

interface SampleOptions extends RosterInputFlags {
  by?: string[];
  size?: number;
  total?: number;
  allocation: AllocationMethod;
  minPerStratum: number;
  prior?: string;
  priorIndicator?: string;
  reserve: number;
  method: SampleMethod;
  order: string[];
  exclude?: string[];
  only?: string[];
  seed?: string;
  strict?: boolean;
  output?: string;
  format?: 'csv' | 'json' | 'xlsx';
  bom?: boolean;
  escapeFormulas: boolean;
  mask?: string[];
  encoding: 'auto' | 'utf8' | 'gb18030';
  maxErrors: number;
  lang?: string;
}

export function register(program: Command, ctx0: Context): void {
  const cmd = program
    .command('sample')
    .description('draw a reproducible stratified sample of households (primaries and reserves) from a roster')
    .argument('<roster>', 'roster: .xlsx workbook, or CSV (UTF-8, UTF-8 with BOM, or GB18030)')
    .option(
      '--by <cols>',
      'stratum columns (default: street,community when there is a street column, else community)',
      listArg,
    )
    .option('--size <n>', 'households per stratum (default 22)', intArg(1))
    .option('--total <n>', 'total households, allocated across strata (see --allocation)', intArg(1))
    .addOption(
      new Option('--allocation <method>', 'how --total is shared')
        .choices(['proportional', 'equal', 'neyman'])
        .default('proportional'),
    )
    .option(
      '--min-per-stratum <n>',
      'least households per stratum with --total, where possible',
      intArg(0),
      1,
    )
    .option(
      '--prior <file>',
      'prior rates for Neyman allocation: a CSV of stratum,rate or a score report (JSON)',
    )
    .option('--prior-indicator <id>', 'with a JSON report as --prior: the indicator to use')
    .option('--reserve <r>', 'reserve households per stratum, in the order to use them', intArg(0), 0)
    .addOption(
      new Option('--method <method>', 'selection method').choices(['random', 'systematic']).default('random'),
    )
    .option(
      '--order <cols>',
      'address order: the walking route, and the sort of systematic sampling',
      listArg,
    )
    .option('--exclude <csv...>', 'households that must not be drawn (files with a household_id column)')
    .option('--only <strata>', 'draw only these strata (comma-separated)', listArg)
    .option('--seed <text>', 'random seed; without one a seed is made, printed and recorded')
    .option('--strict', 'a stratum smaller than its sample is an error, not a warning')
    .option('-o, --output <file>', 'write the sample here (and <name>.manifest.json beside it)')
    .addOption(
      new Option('--format <fmt>', 'output format (default: xlsx for -o *.xlsx, else csv)').choices([
        'csv',
        'json',
        'xlsx',
      ]),
    )
    .option('--bom', 'start the CSV with a UTF-8 byte-order mark (default with --lang zh, for Excel)')
    .option('--no-bom', 'no byte-order mark, even with --lang zh')
    .option('--no-escape-formulas', 'do not neutralise cells that start with = + - @')
    .option('--mask <cols>', 'mask contact data, e.g. phone,head_name (100****1234, 张*)', listArg)
    .addOption(
      new Option('--encoding <enc>', 'roster encoding').choices(['auto', 'utf8', 'gb18030']).default('auto'),
    )
    .option('--max-errors <n>', 'roster problems listed before the rest are only counted', intArg(1), 20);
  addRosterInputOptions(cmd);
  addCommonOptions(cmd);
  cmd.addHelpText(
    'after',
    `
Examples:
  hhsurvey sample data/demo/roster.csv --seed 2026-drill-1 --reserve 5 -o sample.csv
  hhsurvey sample roster.csv --by street,community --size 22 --method systematic --seed s1
  hhsurvey sample roster.csv --total 400 --allocation neyman --prior last-report.json --seed s2 -o s.csv
  hhsurvey sample roster.csv --exclude last-drill/sample.csv --mask phone,head_name --bom --lang zh -o 样本.csv

The sample is a function of the seed, the parameters and the roster as a set of households:
reordering rows, re-saving as GB18030 or CRLF, or editing another stratum does not change it.
With -o the manifest beside the sample lets 'hhsurvey verify' re-create the draw.`,
  );
  cmd.action(async (rosterArg: string, opts: SampleOptions) => {
    const [
      { writeFileAtomic },
      { manifestPathFor },
      { freshSeed },
      job,
      { sampleCsv, sampleJson, sampleXlsx },
    ] = await Promise.all([
      import('../../io/atomic.js'),
      import('../../sampling/manifest.js'),
      import('../../sampling/rng.js'),
      import('../../sampling/sample-job.js'),
      import('../../sampling/sample-file.js'),
    ]);
    const { DEFAULT_ORDER, maskColumns, readPriors, runSampleJob } = job;
    const ctx = commandContext(ctx0, opts);
    const lang = ctx.lang;
    if (opts.size !== undefined && opts.total !== undefined)
      throw new UserError('--size and --total cannot be used together');
    if (opts.allocation === 'neyman' && opts.total === undefined)
      throw new UserError('--allocation neyman needs --total');
    if (opts.prior && opts.allocation !== 'neyman')
      throw new UserError('--prior is used by --allocation neyman only');
    const toFile = opts.output !== undefined && opts.output !== '-';
    const format = opts.format ?? (toFile && /\.xlsx$/i.test(opts.output!) ? 'xlsx' : 'csv');
    if (format === 'xlsx' && !toFile) throw new UserError(t(lang, sm.xlsxNeedsOutput));
    const seed = opts.seed ?? freshSeed(randomBytes(8));
    if (opts.seed === undefined)
      note(
        ctx,
        say(
          lang,
          `随机种子：${seed}（已记录，可复现本次抽样）`,
          `seed: ${seed} (recorded; repeat the draw with --seed ${seed})`,
        ),
      );
    const bar = progressBar(ctx, 1, say(lang, '读取户册', 'reading roster'));
    const result = await runSampleJob(
      {
        roster: resolve(ctx.cwd, rosterArg),
        rosterLabel: rosterArg,
        encoding: opts.encoding,
        ...(opts.by ? { by: opts.by } : {}),
        lang,
        method: opts.method,
        size: opts.size,
        total: opts.total,
        allocation: opts.allocation,
        minPerStratum: opts.minPerStratum,
        reserve: opts.reserve,
        order: opts.order ?? DEFAULT_ORDER,
        only: opts.only,
        seed,
        excludeFiles: (opts.exclude ?? []).map((f) => resolve(ctx.cwd, f)),
        priors: opts.prior ? await readPriors(resolve(ctx.cwd, opts.prior), opts.priorIndicator) : undefined,
        maxProblems: opts.maxErrors,
        onProgress: (d, t) => bar.update(t ? d / t : 1),
        input: rosterInput(opts, lang),
      },
      ctx.now(),
    );
    bar.stop();
    for (const n of result.frame.notes) note(ctx, n);
    for (const w of result.warnings) warn(ctx, `${say(lang, '警告', 'warning')}: ${w}`);
    const small = result.draw.strata.filter((s) => s.takesAll);
    if (small.length && opts.strict)
      throw new UserError(
        `--strict: ${small.length} strata are smaller than their sample: ${small.map((s) => `${s.stratum.key} (${s.eligible} < ${s.target})`).join(', ')}`,
      );
    for (const s of small)
      warn(
        ctx,
        say(
          lang,
          `警告：${s.stratum.key} 仅有 ${s.eligible} 户可抽，少于样本量 ${s.target}，全部入样`,
          `warning: ${s.stratum.key} has only ${s.eligible} households to draw from, fewer than ${s.target}: all are taken`,
        ),
      );
    const frame = result.frame;
    const outOpts = {
      lang,
      header: frame.columns.header,
      idColumn: frame.columns.index.household_id!,
      mask: maskColumns(frame, opts.mask ?? []),
      // Excel on Chinese Windows reads UTF-8 without a BOM as the local code page: mojibake.
      bom: opts.bom ?? lang === 'zh',
      escapeFormulas: opts.escapeFormulas,
    };
    const summary = result.manifest.strata;
    const text =
      format === 'xlsx'
        ? sampleXlsx(result.rows, outOpts)
        : format === 'json'
          ? sampleJson(result.rows, outOpts, summary)
          : sampleCsv(result.rows, outOpts);
    if (opts.output && opts.output !== '-') {
      const out = resolve(ctx.cwd, opts.output);
      const manifest = { ...result.manifest, sample: { ...result.manifest.sample, file: basename(out) } };
      writeFileAtomic(out, text);
      writeFileAtomic(manifestPathFor(out), JSON.stringify(manifest, null, 2) + '\n');
    } else emit(ctx, undefined, text);
    const primaries = result.draw.strata.reduce((a, s) => a + s.n, 0);
    const reserves = result.draw.strata.reduce((a, s) => a + s.r, 0);
    note(
      ctx,
      say(
        lang,
        `已从 ${result.draw.strata.length} 个抽样层抽取 ${primaries} 户正式样本、${reserves} 户备用样本${opts.output ? `，写入 ${opts.output} 及其清单文件` : ''}`,
        `drew ${primaries} primary and ${reserves} reserve households from ${result.draw.strata.length} strata${opts.output ? `; wrote ${opts.output} and its manifest` : ''}`,
      ),
    );
  });
}
