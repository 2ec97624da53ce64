import { Option, type Command } from 'commander';
import { resolve } from 'node:path';
import type { Context } from '../../core/context.js';
import { num, t } from '../../core/messages.js';
import { addCommonOptions, commandContext, intArg, listArg } from '../common.js';
import { addRosterInputOptions, rosterInput, type RosterInputFlags } from '../roster-options.js';
import { note, progressBar, warn } from '../output.js';
import { h } from './check.messages.js';
import { ls } from './listing.messages.js';

interface CheckOptions extends RosterInputFlags {
  by?: string[];
  size: number;
  json?: boolean;
  encoding: 'auto' | 'utf8' | 'gb18030';
  maxErrors: number;
  lang?: string;
}

export function register(program: Command, ctx0: Context): void {
  const l = ctx0.lang;
  const cmd = program
    .command('check')
    .description(t(l, ls.check))
    .argument('<roster>', t(l, h.roster))
    .option('--by <cols>', t(l, h.by), listArg)
    .option('--size <n>', t(l, h.size), intArg(1), 22)
    .option('--json', t(l, h.json))
    .addOption(
      new Option('--encoding <enc>', t(l, h.encoding)).choices(['auto', 'utf8', 'gb18030']).default('auto'),
    )
    .option('--max-errors <n>', t(l, h.maxErrors), intArg(1), 20);
  addRosterInputOptions(cmd);
  addCommonOptions(cmd);
  cmd.addHelpText('after', t(l, h.after));
  cmd.action(async (rosterArg: string, opts: CheckOptions) => {
    const { assertValid, readRoster } = await import('../../roster/read-roster.js');
    const { assertNoStratumClash } = await import('../../sampling/strata.js');
    const { renderTable } = await import('../table.js');
    const ctx = commandContext(ctx0, opts);
    const lang = ctx.lang;
    const file = resolve(ctx.cwd, rosterArg);
    const bar = progressBar(ctx, 1, t(lang, h.reading));
    const frame = await readRoster(file, {
      label: rosterArg,
      encoding: opts.encoding,
      ...(opts.by ? { by: opts.by } : {}),
      maxProblems: opts.maxErrors,
      onProgress: (d, t) => bar.update(t ? d / t : 1),
      lang,
      ...rosterInput(opts, lang),
    });
    frame.release();
    bar.stop();
    for (const n of frame.notes) note(ctx, n);
    assertValid(frame);
    // The same strata as `sample` draws: refuse what sample refuses.
    assertNoStratumClash(frame, lang);
    const by = frame.by;
    const small = frame.strata.filter((s) => s.size < opts.size);
    const warnings = [
      ...frame.warnings,
      ...(frame.leadingZeroWarning ? [frame.leadingZeroWarning] : []),
      ...small.map((s) => t(lang, h.small, { stratum: s.key, size: s.size, typical: opts.size })),
    ];
    const streetOf = (values: string[]) => (by.length > 1 ? values.slice(0, -1).join(' / ') : '');
    const streets = new Map<string, { households: number; communities: number }>();
    for (const s of frame.strata) {
      const k = streetOf(s.values);
      const e = streets.get(k) ?? { households: 0, communities: 0 };
      e.households += s.size;
      e.communities++;
      streets.set(k, e);
    }
    if (opts.json) {
      ctx.stdout.write(
        JSON.stringify(
          {
            file: rosterArg,
            format: frame.format,
            ...(frame.sheet !== undefined ? { sheet: frame.sheet } : {}),
            header_line: frame.headerLine,
            encoding: frame.encoding,
            bom: frame.bom,
            sha256: frame.sha256,
            households: frame.households,
            by,
            columns: frame.columns.index,
            header: frame.columns.header,
            strata: frame.strata.map((s) => ({ stratum: s.key, values: s.values, households: s.size })),
            groups: by.length > 1 ? [...streets].map(([k, v]) => ({ group: k, ...v })) : [],
            warnings,
            notes: frame.notes,
          },
          null,
          2,
        ) + '\n',
      );
    } else {
      const head =
        by.length > 1
          ? [t(lang, h.street), t(lang, h.community), t(lang, h.households)]
          : [t(lang, h.stratum), t(lang, h.households)];
      const rows = frame.strata.map((s) =>
        by.length > 1 ? [streetOf(s.values), s.values.at(-1)!, s.size] : [s.key, s.size],
      );
      ctx.stdout.write(
        renderTable(head, rows, by.length > 1 ? ['left', 'left', 'right'] : ['left', 'right']),
      );
      if (by.length > 1) {
        ctx.stdout.write(
          renderTable(
            [t(lang, h.street), t(lang, h.communities), t(lang, h.households)],
            [...streets].map(([k, v]) => [k, v.communities, v.households]),
            ['left', 'right', 'right'],
          ),
        );
      }
      ctx.stdout.write(
        t(lang, h.valid, {
          file: rosterArg,
          households: num(frame.households),
          strata: frame.strata.length,
          source:
            frame.format === 'xlsx'
              ? t(lang, h.sheet, { sheet: frame.sheet ?? '' })
              : t(lang, h.encodingOf, { encoding: frame.encoding, bom: frame.bom }),
        }) + '\n',
      );
    }
    for (const w of warnings) warn(ctx, t(lang, h.warning, { text: w }));
    if (!opts.json && warnings.length === 0) note(ctx, t(lang, h.noWarnings));
  });
}
