import { resolve } from 'node:path';
import { Option, type Command } from 'commander';
import type { Context } from '../../core/context.js';
import { UserError } from '../../core/errors.js';
import { COMPARE_FORMATS, type CompareFormat } from '../../report/compare-formats.js';
import type { NamedReport } from '../../scoring/compare-reports.js';
import { addCommonOptions, commandContext, formatForPath, openRateArg } from '../common.js';
import { emit, note, warn } from '../output.js';
import { t } from '../../core/messages.js';
import { e, h } from './compare.messages.js';
import { ls } from './listing.messages.js';

// Loaded when the command runs, not when its help is shown (start-up time).
let writeFileAtomic!: (typeof import('../../io/atomic.js'))['writeFileAtomic'];
let compareReports!: (typeof import('../../scoring/compare-reports.js'))['compareReports'];
let Chalk!: (typeof import('chalk'))['Chalk'];
let renderCompare!: (typeof import('../../report/compare-render.js'))['renderCompare'];
async function loadModules(): Promise<void> {
  ({ writeFileAtomic } = await import('../../io/atomic.js'));
  ({ compareReports } = await import('../../scoring/compare-reports.js'));
  ({ Chalk } = await import('chalk'));
  ({ renderCompare } = await import('../../report/compare-render.js'));
}

interface CompareOptions {
  format?: CompareFormat;
  output?: string;
  confidence: number;
  adjust: 'none' | 'holm';
  lang?: string;
}

async function readReport(ctx: Context, file: string): Promise<NamedReport> {
  const { readScoreReport } = await import('../../scoring/report-file.js');
  return { file, report: readScoreReport(resolve(ctx.cwd, file), file) };
}

export function register(program: Command, ctx: Context): void {
  const lang = ctx.lang;
  const cmd = program
    .command('compare')
    .description(t(lang, ls.compare))
    .argument('<reports...>', t(lang, h.reports))
    .addOption(new Option('--format <format>', t(lang, h.format)).choices([...COMPARE_FORMATS]))
    .option('-o, --output <file>', t(lang, h.output))
    .option('--confidence <level>', t(lang, h.confidence), openRateArg, 0.95)
    .addOption(new Option('--adjust <method>', t(lang, h.adjust)).choices(['none', 'holm']).default('none'));
  addCommonOptions(cmd);
  cmd.addHelpText('after', t(lang, h.after));
  cmd.action(async (files: string[], opts: CompareOptions) => {
    await loadModules();
    const c = commandContext(ctx, opts);
    if (files.length < 2) throw new UserError(t(c.lang, e.needTwo));
    const reports: NamedReport[] = [];
    for (const f of files) reports.push(await readReport(c, f));
    const standards = new Set(reports.map((r) => r.report.standard));
    if (standards.size > 1) warn(c, t(c.lang, e.differentStandards, { standards: [...standards] }));
    for (let i = 1; i < reports.length; i++) {
      if (Date.parse(reports[i]!.report.generated_at) < Date.parse(reports[i - 1]!.report.generated_at))
        warn(c, t(c.lang, e.olderThan, { file: reports[i]!.file, before: reports[i - 1]!.file }));
    }
    const result = compareReports(reports, { confidence: opts.confidence, adjustment: opts.adjust });
    const format =
      opts.format ??
      formatForPath(
        opts.output,
        { txt: 'table', json: 'json', md: 'md', markdown: 'md' } as const,
        c.lang,
        'compare',
      ) ??
      'table';
    if (opts.output === undefined || opts.output === '-') {
      emit(c, undefined, renderCompare(result, format, { lang: c.lang, color: c.color.out }));
    } else {
      const path = resolve(c.cwd, opts.output);
      writeFileAtomic(path, renderCompare(result, format, { lang: c.lang, color: new Chalk({ level: 0 }) }));
      note(c, t(c.lang, e.wrote, { file: path }));
    }
  });
}
