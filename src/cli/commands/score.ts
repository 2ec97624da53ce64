import { bomByDefault } from '../../core/lang-formats.js';
import { resolve } from 'node:path';
import { Option, type Command } from 'commander';
import type { Context } from '../../core/context.js';
import { AssessmentFailed, groupProblems, UserError } from '../../core/errors.js';
import { REPORT_FORMATS, type ReportFormat } from '../../report/formats.js';
import { COMMUNITY_CI_METHODS, type CommunityCiMethod } from '../../scoring/report-types.js';
import { FINITE_PRIORS, type FinitePrior } from '../../stats/finite.js';
import { addCommonOptions, commandContext, formatForPath, intArg, openRateArg } from '../common.js';
import { emit, note, warn } from '../output.js';
import { both, t } from '../../core/messages.js';
import { ArgValueError } from '../localise.js';
import { m as io } from '../../io/messages.js';
import { isFolder } from '../../io/paths.js';
import { h } from './score.messages.js';
import { ls } from './listing.messages.js';

// Loaded when the command runs, not when its help is shown (start-up time).
let Chalk!: (typeof import('chalk'))['Chalk'];
let writeFileAtomic!: (typeof import('../../io/atomic.js'))['writeFileAtomic'];
let renderReport!: (typeof import('../../report/index.js'))['renderReport'];
let verdictText!: (typeof import('../../report/labels.js'))['verdictText'];
let fieldworkText!: (typeof import('../../report/labels.js'))['fieldworkText'];
let writeReportFiles!: (typeof import('../../report/write-files.js'))['writeReportFiles'];
let scoreExitCode!: (typeof import('../../scoring/exit-code.js'))['scoreExitCode'];
let runScoreJob!: (typeof import('../../scoring/score-job.js'))['runScoreJob'];
async function loadModules(): Promise<void> {
  ({ Chalk } = await import('chalk'));
  ({ writeFileAtomic } = await import('../../io/atomic.js'));
  ({ renderReport } = await import('../../report/index.js'));
  ({ verdictText, fieldworkText } = await import('../../report/labels.js'));
  ({ writeReportFiles } = await import('../../report/write-files.js'));
  ({ scoreExitCode } = await import('../../scoring/exit-code.js'));
  ({ runScoreJob } = await import('../../scoring/score-job.js'));
}

interface ScoreOptions {
  responses: string[];
  standard?: string;
  ci: CommunityCiMethod;
  riskLevel: number;
  prior: FinitePrior;
  officialSize?: number;
  confidence?: number;
  format?: ReportFormat[];
  output?: string;
  fail: boolean;
  bom?: boolean;
  title?: string;
  maxVisits: number;
  lang?: string;
}

function formatArg(v: string, prev: ReportFormat[] = []): ReportFormat[] {
  const out = [...prev];
  for (const f of v.split(',').map((s) => s.trim().toLowerCase())) {
    const name = f === 'markdown' ? 'md' : f === 'xml' ? 'junit' : f === 'text' ? 'table' : f;
    if (!(REPORT_FORMATS as readonly string[]).includes(name))
      throw new ArgValueError(both(h.expectedFormat, { list: REPORT_FORMATS.join(', '), value: f }));
    if (!out.includes(name as ReportFormat)) out.push(name as ReportFormat);
  }
  return out;
}

export function register(program: Command, ctx: Context): void {
  const lang = ctx.lang;
  const cmd = program
    .command('score')
    .description(t(lang, ls.score))
    .argument('<sample>', t(lang, h.sample))
    .requiredOption('--responses <files...>', t(lang, h.responses))
    .option('--standard <file>', t(lang, h.standard))
    .addOption(
      new Option('--ci <method>', t(lang, h.ci)).choices([...COMMUNITY_CI_METHODS]).default('hypergeometric'),
    )
    .option('--risk-level <rate>', t(lang, h.riskLevel), openRateArg, 0.2)
    .addOption(new Option('--prior <prior>', t(lang, h.prior)).choices([...FINITE_PRIORS]).default('uniform'))
    .option('--official-size <n>', t(lang, h.officialSize), intArg(1, 100_000))
    .option('--confidence <level>', t(lang, h.confidence), openRateArg)
    .option('--format <formats>', t(lang, h.format, { formats: REPORT_FORMATS.join(', ') }), formatArg)
    .option('--title <text>', t(lang, h.title))
    .option('-o, --output <path>', t(lang, h.output))
    .option('--no-fail', t(lang, h.noFail))
    .option('--max-visits <k>', t(lang, h.maxVisits), intArg(1, 20), 1)
    .option('--bom', t(lang, h.bom))
    .option('--no-bom', t(lang, h.noBom));
  addCommonOptions(cmd);
  cmd.addHelpText('after', t(lang, h.after));
  cmd.action(async (sample: string, opts: ScoreOptions) => {
    await loadModules();
    await runScore(commandContext(ctx, opts), sample, opts);
  });
}

/** `-o` file extensions and the report format each asks for when --format is not given. */
const REPORT_EXTENSIONS: Record<string, ReportFormat> = {
  txt: 'table',
  json: 'json',
  csv: 'csv',
  md: 'md',
  markdown: 'md',
  html: 'html',
  htm: 'html',
  xml: 'junit',
};

function isFolderTarget(path: string, given: string): boolean {
  if (/[\\/]$/.test(given)) return true;
  return isFolder(path);
}

async function runScore(ctx: Context, sample: string, opts: ScoreOptions): Promise<void> {
  const formats: ReportFormat[] =
    opts.format && opts.format.length > 0
      ? opts.format
      : [formatForPath(opts.output, REPORT_EXTENSIONS, ctx.lang, 'score') ?? 'table'];
  const { report, warnings } = await runScoreJob({
    sample,
    responses: opts.responses,
    ...(opts.standard !== undefined ? { standard: opts.standard } : {}),
    cwd: ctx.cwd,
    ciMethod: opts.ci,
    risk: {
      level: opts.riskLevel,
      prior: opts.prior,
      ...(opts.officialSize !== undefined ? { officialSize: opts.officialSize } : {}),
    },
    maxVisits: opts.maxVisits,
    ...(opts.title !== undefined ? { title: opts.title } : {}),
    ...(opts.confidence !== undefined ? { confidence: opts.confidence } : {}),
    now: ctx.now(),
    lang: ctx.lang,
  });
  // A few lines per kind of warning with a count, never one per column or row.
  for (const line of groupProblems(warnings, (n) => t(ctx.lang, io.moreLikeThis, { n }))) warn(ctx, line);
  const open = fieldworkText(ctx.lang, report);
  if (open) warn(ctx, open);

  const base = { lang: ctx.lang, bom: opts.bom ?? bomByDefault(ctx.lang) };
  const output = opts.output === '-' ? undefined : opts.output;
  if (output === undefined) {
    if (formats.length > 1) throw new UserError(t(ctx.lang, h.needFolder, { formats: formats.join(', ') }));
    emit(ctx, undefined, renderReport(report, formats[0]!, { ...base, color: ctx.color.out }));
  } else {
    const path = resolve(ctx.cwd, output);
    if (formats.length > 1 || isFolderTarget(path, output)) {
      const written = writeReportFiles(report, formats, path, { ...base, color: new Chalk({ level: 0 }) });
      for (const p of written) note(ctx, t(ctx.lang, h.wrote, { file: p }));
    } else {
      writeFileAtomic(path, renderReport(report, formats[0]!, { ...base, color: new Chalk({ level: 0 }) }));
      note(ctx, t(ctx.lang, h.wrote, { file: path }));
    }
  }
  // The verdict on stderr when files were written, so such a run still says how it went: once, as
  // the failure's own line when the assessment fails (exit 1), else as a note.
  const failed = scoreExitCode(report, { noFail: !opts.fail }) !== 0;
  if (failed) throw new AssessmentFailed(verdictText(ctx.lang, report));
  if (output !== undefined) note(ctx, verdictText(ctx.lang, report));
}
