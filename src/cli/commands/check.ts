import { Option, type Command } from 'commander';
import { resolve } from 'node:path';
import type { Context } from '../../core/context.js';
import { say } from '../../core/i18n.js';
import { addCommonOptions, commandContext, intArg, listArg } from '../common.js';
import { addRosterInputOptions, rosterInput, type RosterInputFlags } from '../roster-options.js';
import { note, progressBar, warn } from '../output.js';

interface CheckOptions extends RosterInputFlags {
  by?: string[];
  size: number;
  json?: boolean;
  encoding: 'auto' | 'utf8' | 'gb18030';
  maxErrors: number;
  lang?: string;
}

export function register(program: Command, ctx0: Context): void {
  const cmd = program
    .command('check')
    .description('validate a household roster (户册) and summarise it by sub-district and community')
    .argument(
      '<roster>',
      'roster: .xlsx workbook, or CSV (UTF-8, UTF-8 with BOM, or GB18030 as Excel writes it)',
    )
    .option(
      '--by <cols>',
      'stratum columns (default: street,community when there is a street column)',
      listArg,
    )
    .option('--size <n>', 'typical sample size: smaller communities are warned about', intArg(1), 22)
    .option('--json', 'print the summary as JSON')
    .addOption(
      new Option('--encoding <enc>', 'file encoding').choices(['auto', 'utf8', 'gb18030']).default('auto'),
    )
    .option('--max-errors <n>', 'problems listed before the rest are only counted', intArg(1), 20);
  addRosterInputOptions(cmd);
  addCommonOptions(cmd);
  cmd.addHelpText(
    'after',
    `
Examples:
  hhsurvey check data/demo/roster.csv
  hhsurvey check 户册.xlsx --sheet 户册 --fill-down 街道,社区
  hhsurvey check 户册.csv --encoding gb18030 --json > summary.json
  hhsurvey check roster.csv --by community --size 30

Exit codes: 0 valid, 2 invalid roster or bad usage (every problem as file:line: message).`,
  );
  cmd.action(async (rosterArg: string, opts: CheckOptions) => {
    const { assertValid, readRoster } = await import('../../roster/read-roster.js');
    const { assertNoStratumClash } = await import('../../sampling/strata.js');
    const { renderTable } = await import('../table.js');
    const ctx = commandContext(ctx0, opts);
    const lang = ctx.lang;
    const file = resolve(ctx.cwd, rosterArg);
    const bar = progressBar(ctx, 1, say(lang, '读取户册', 'reading roster'));
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
      ...small.map((s) =>
        say(
          lang,
          `${s.key}：仅 ${s.size} 户，少于常用样本量 ${opts.size} 户（抽样时将全部入样）`,
          `${s.key}: only ${s.size} households, fewer than a typical sample of ${opts.size} (a draw takes them all)`,
        ),
      ),
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
          ? [
              say(lang, '街道', 'sub-district'),
              say(lang, '社区', 'community'),
              say(lang, '户数', 'households'),
            ]
          : [say(lang, '抽样层', 'stratum'), say(lang, '户数', 'households')];
      const rows = frame.strata.map((s) =>
        by.length > 1 ? [streetOf(s.values), s.values.at(-1)!, s.size] : [s.key, s.size],
      );
      ctx.stdout.write(
        renderTable(head, rows, by.length > 1 ? ['left', 'left', 'right'] : ['left', 'right']),
      );
      if (by.length > 1) {
        ctx.stdout.write(
          renderTable(
            [
              say(lang, '街道', 'sub-district'),
              say(lang, '社区数', 'communities'),
              say(lang, '户数', 'households'),
            ],
            [...streets].map(([k, v]) => [k, v.communities, v.households]),
            ['left', 'right', 'right'],
          ),
        );
      }
      ctx.stdout.write(
        say(
          lang,
          `${rosterArg}：有效，${frame.households.toLocaleString('en-US')} 户，${frame.strata.length} 个抽样层，${frame.format === 'xlsx' ? `工作表“${frame.sheet}”` : `编码 ${frame.encoding}${frame.bom ? '（带 BOM）' : ''}`}\n`,
          `${rosterArg}: valid, ${frame.households.toLocaleString('en-US')} households in ${frame.strata.length} strata, ${frame.format === 'xlsx' ? `sheet "${frame.sheet}"` : `encoding ${frame.encoding}${frame.bom ? ' with BOM' : ''}`}\n`,
        ),
      );
    }
    for (const w of warnings) warn(ctx, `${say(lang, '警告', 'warning')}: ${w}`);
    if (!opts.json && warnings.length === 0) note(ctx, say(lang, '没有警告', 'no warnings'));
  });
}
