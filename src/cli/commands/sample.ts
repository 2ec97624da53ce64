import { randomBytes } from 'node:crypto';
import { basename, resolve } from 'node:path';
import { Option, type Command } from 'commander';
import type { Context } from '../../core/context.js';
import { UserError } from '../../core/errors.js';
import { t } from '../../core/messages.js';
import { m as sm } from '../../sampling/strata.messages.js';
import { addCommonOptions, commandContext, formatForPath, listArg } from '../common.js';
import { emit, note, progressBar, warn } from '../output.js';
import { h } from './sample.messages.js';
import { ls } from './listing.messages.js';
import {
  addSamplingDesignOptions,
  assertDesignFlags,
  sampleJobOptions,
  type SamplingDesignFlags,
} from '../design-options.js';
import { addRosterInputOptions } from '../roster-options.js';
import { bomByDefault } from '../../core/lang-formats.js';

interface SampleOptions extends SamplingDesignFlags {
  reserve: number;
  seed?: string;
  strict?: boolean;
  output?: string;
  format?: 'csv' | 'json' | 'xlsx';
  bom?: boolean;
  escapeFormulas: boolean;
  mask?: string[];
  lang?: string;
}

export function register(program: Command, ctx0: Context): void {
  const l = ctx0.lang;
  const cmd: Command = program
    .command('sample')
    .description(t(l, ls.sample))
    .argument('<roster>', t(l, h.roster));
  addSamplingDesignOptions(cmd, (flag) => t(l, h[flag]), { reserve: 0 })
    .option('--seed <text>', t(l, h.seed))
    .option('--strict', t(l, h.strict))
    .option('-o, --output <file>', t(l, h.output))
    .addOption(new Option('--format <fmt>', t(l, h.format)).choices(['csv', 'json', 'xlsx']))
    .option('--bom', t(l, h.bom))
    .option('--no-bom', t(l, h.noBom))
    .option('--no-escape-formulas', t(l, h.noEscapeFormulas))
    .option('--mask <cols>', t(l, h.mask), listArg);
  addRosterInputOptions(cmd);
  addCommonOptions(cmd);
  cmd.addHelpText('after', t(l, h.after));
  cmd.action(async (rosterArg: string, opts: SampleOptions) => {
    const [
      { checkOutputPath, writeFilesAtomic },
      { manifestPathFor },
      { freshSeed },
      job,
      { sampleCsv, sampleJson, sampleXlsx },
      { planMask },
    ] = await Promise.all([
      import('../../io/atomic.js'),
      import('../../sampling/manifest.js'),
      import('../../sampling/rng.js'),
      import('../../sampling/sample-job.js'),
      import('../../sampling/sample-file.js'),
      import('../../sampling/mask.js'),
    ]);
    const { runSampleJob } = job;
    const ctx = commandContext(ctx0, opts);
    const lang = ctx.lang;
    assertDesignFlags('sample', opts, lang);
    const toFile = opts.output !== undefined && opts.output !== '-';
    const format =
      opts.format ??
      formatForPath(
        opts.output,
        { csv: 'csv', txt: 'csv', json: 'json', xlsx: 'xlsx' } as const,
        lang,
        'sample',
      ) ??
      'csv';
    if (format === 'xlsx' && !toFile) throw new UserError(t(lang, sm.xlsxNeedsOutput));
    const seed = opts.seed ?? freshSeed(randomBytes(8));
    if (opts.seed === undefined) note(ctx, t(lang, h.seedNote, { seed }));
    const bar = progressBar(ctx, 1, t(lang, h.reading));
    const result = await runSampleJob(
      await sampleJobOptions(ctx, rosterArg, opts, seed, (d, t) => bar.update(t ? d / t : 1)),
      ctx.now(),
    );
    bar.stop();
    // --mask names are checked before any note, so that a wrong one is the only line printed.
    const masking = planMask(
      result.frame.columns.header,
      result.frame.columns.index.household_id,
      opts.mask ?? [],
      result.rows.map((r) => r.record),
      lang,
      result.frame.file,
    );
    for (const n of result.frame.notes) note(ctx, n);
    for (const w of result.warnings) warn(ctx, t(lang, h.warning, { text: w }));
    // Leading zeros are lost only when a CSV list is re-saved by Excel: .xlsx and JSON keep them.
    if (format === 'csv' && result.frame.leadingZeroWarning)
      warn(ctx, t(lang, h.warning, { text: result.frame.leadingZeroWarning }));
    const small = result.draw.strata.filter((s) => s.takesAll);
    if (small.length && opts.strict)
      throw new UserError(
        t(lang, h.strictSmall, {
          n: small.length,
          list: small.map((s) => `${s.stratum.key} (${s.eligible} < ${s.target})`).join(', '),
        }),
      );
    for (const s of small)
      warn(ctx, t(lang, h.takesAll, { stratum: s.stratum.key, eligible: s.eligible, target: s.target }));
    const frame = result.frame;
    for (const w of masking.warnings) warn(ctx, t(lang, h.warning, { text: w }));
    const outOpts = {
      lang,
      header: frame.columns.header,
      idColumn: frame.columns.index.household_id!,
      mask: masking.columns,
      // Excel on Chinese Windows reads UTF-8 without a BOM as the local code page: mojibake.
      bom: opts.bom ?? bomByDefault(lang),
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
      // Checked first so that a problem (a missing folder) names the path the user gave.
      checkOutputPath(out, opts.output);
      // The manifest first: a run stopped between the two renames leaves a manifest that does not
      // match the old list, which `verify` reports, never a new list beside an old manifest.
      writeFilesAtomic([
        { path: manifestPathFor(out), data: JSON.stringify(manifest, null, 2) + '\n' },
        { path: out, data: text },
      ]);
    } else emit(ctx, undefined, text);
    const primaries = result.draw.strata.reduce((a, s) => a + s.n, 0);
    const reserves = result.draw.strata.reduce((a, s) => a + s.r, 0);
    note(
      ctx,
      t(lang, h.drew, {
        strata: result.draw.strata.length,
        primaries,
        reserves,
        ...(opts.output ? { output: opts.output } : {}),
      }),
    );
  });
}
