import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { InvalidArgumentError, Option, type Command } from 'commander';
import type { Context } from '../../core/context.js';
import { AssessmentFailed, formatProblem, UserError } from '../../core/errors.js';
import { REPORT_FORMATS, renderReport, type ReportFormat } from '../../report/index.js';
import { COMMUNITY_CI_METHODS, type CommunityCiMethod } from '../../scoring/report-types.js';
import { FINITE_PRIORS, type FinitePrior } from '../../stats/finite.js';
import { addCommonOptions, commandContext, intArg, rateArg } from '../common.js';
import { emit, note, warn } from '../output.js';

// Loaded when the command runs, not when its help is shown (start-up time).
let Chalk!: (typeof import('chalk'))['Chalk'];
let writeFileAtomic!: (typeof import('../../io/atomic.js'))['writeFileAtomic'];
let verdictText!: (typeof import('../../report/labels.js'))['verdictText'];
let fieldworkText!: (typeof import('../../report/labels.js'))['fieldworkText'];
let writeReportFiles!: (typeof import('../../report/write-files.js'))['writeReportFiles'];
let scoreExitCode!: (typeof import('../../scoring/exit-code.js'))['scoreExitCode'];
let runScoreJob!: (typeof import('../../scoring/score-job.js'))['runScoreJob'];
async function loadModules(): Promise<void> {
  ({ Chalk } = await import('chalk'));
  ({ writeFileAtomic } = await import('../../io/atomic.js'));
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
      throw new InvalidArgumentError(`expected one of ${REPORT_FORMATS.join(', ')}, got "${f}"`);
    if (!out.includes(name as ReportFormat)) out.push(name as ReportFormat);
  }
  return out;
}

function riskLevelArg(v: string): number {
  const r = rateArg(v);
  if (r <= 0 || r >= 1) throw new InvalidArgumentError(`must be between 0 and 1 (exclusive), got ${v}`);
  return r;
}

function confidenceArg(v: string): number {
  const t = v.trim();
  const n = Number(t.replace(/%$/, ''));
  const c = t.endsWith('%') ? n / 100 : n;
  if (t === '' || !Number.isFinite(c) || c <= 0 || c >= 1)
    throw new InvalidArgumentError(`expected a level between 0 and 1 (0.95 or 95%), got "${v}"`);
  return c;
}

export function register(program: Command, ctx: Context): void {
  const cmd = program
    .command('score')
    .description(
      'score a sample and its responses against the evaluation standard: rates, intervals, verdicts',
    )
    .argument('<sample>', 'the sample list (from hhsurvey sample)')
    .requiredOption('--responses <files...>', 'responses files (from hhsurvey interview, or typed by hand)')
    .option('--standard <file>', 'a standard file (YAML or JSON); default: the built-in national-mock')
    .addOption(
      new Option(
        '--ci <method>',
        "interval for a community's rate (hypergeometric: exact for the finite community)",
      )
        .choices([...COMMUNITY_CI_METHODS])
        .default('hypergeometric'),
    )
    .option(
      '--risk-level <rate>',
      'a passing result whose risk of failing the official check is above this is "at risk" (0.2 or 20%)',
      riskLevelArg,
      0.2,
    )
    .addOption(
      new Option('--prior <prior>', "prior on a community's favourable households for the risk")
        .choices([...FINITE_PRIORS])
        .default('uniform'),
    )
    .option(
      '--official-size <n>',
      "households in the official check, for the risk (default: each community's own sample size)",
      intArg(1, 100_000),
    )
    .option('--confidence <level>', "confidence level (default: the standard's, usually 0.95)", confidenceArg)
    .option(
      '--format <formats>',
      `output format, repeatable or comma-separated: ${REPORT_FORMATS.join(', ')} (default: table)`,
      formatArg,
    )
    .option('--title <text>', "the report's title, in every format (default: the standard's name)")
    .option('-o, --output <path>', 'write to this file; with several formats, a folder (dir/)')
    .option('--no-fail', 'exit 0 even when an indicator fails')
    .option(
      '--max-visits <k>',
      'visits allowed to a nobody-home household (as for interview and status)',
      intArg(1, 20),
      1,
    )
    .option('--bom', 'CSV: start with a byte-order mark (for Excel)');
  addCommonOptions(cmd);
  cmd.addHelpText(
    'after',
    `
Examples:
  hhsurvey score sample.csv --responses responses.csv
  hhsurvey score sample.csv --responses team1.csv team2.csv --lang zh
  hhsurvey score sample.csv --responses responses.csv --format json -o report.json
  hhsurvey score sample.csv --responses responses.csv --format json,md,html,junit -o reports/
  hhsurvey score sample.csv --responses responses.csv --ci clopper-pearson --no-fail
  hhsurvey score sample.csv --responses responses.csv --risk-level 10% --prior jeffreys
  hhsurvey score sample.csv --responses responses.csv --format html --title "4月模拟测评" -o report.html

The report leads with the verdicts, ranked by risk: fails now (the standard's rule fails on the
mock result), at risk (passes now, but the risk of failing the official check is above
--risk-level), on track. The risk is model-based: the probability that a fresh random sample of
the official size from the same community fails the standard's rule, given the mock result, with
a uniform (or --prior jeffreys) prior on the community's favourable households.

For each community and indicator: favourable and eligible respondents, the rate, its standard
error and confidence interval (exact for the finite community by default; Wilson or
Clopper–Pearson with --ci), the threshold, the verdict and the risk; response rates (AAPOR RR1,
COOP1) and reserves used. Sub-district (street) and overall roll-ups are stratified estimates
Σ (N_h/N) p_h with Korn–Graubard intervals. Fieldwork still open: scores what is recorded.

Formats: table (terminal), json (schemas/score-report.schema.json), csv, md, html (one
self-contained file with a chart per indicator), junit (for CI).

Exit codes: 0 the standard is met (or --no-fail), 1 an indicator fails, 2 bad input or usage.`,
  );
  cmd.action(async (sample: string, opts: ScoreOptions) => {
    await loadModules();
    await runScore(commandContext(ctx, opts), sample, opts);
  });
}

function isFolderTarget(path: string, given: string): boolean {
  if (/[\\/]$/.test(given)) return true;
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

async function runScore(ctx: Context, sample: string, opts: ScoreOptions): Promise<void> {
  const formats = opts.format && opts.format.length > 0 ? opts.format : (['table'] as ReportFormat[]);
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
  for (const w of warnings) warn(ctx, formatProblem(w));
  const open = fieldworkText(ctx.lang, report);
  if (open) warn(ctx, open);

  const base = { lang: ctx.lang, bom: opts.bom ?? false };
  const output = opts.output === '-' ? undefined : opts.output;
  if (output === undefined) {
    if (formats.length > 1)
      throw new UserError(
        `several formats (${formats.join(', ')}) need a folder to write them to: -o <dir>/`,
      );
    emit(ctx, undefined, renderReport(report, formats[0]!, { ...base, color: ctx.color.out }));
  } else {
    const path = resolve(ctx.cwd, output);
    if (formats.length > 1 || isFolderTarget(path, output)) {
      const written = writeReportFiles(report, formats, path, { ...base, color: new Chalk({ level: 0 }) });
      for (const p of written) note(ctx, `wrote ${p}`);
    } else {
      writeFileAtomic(path, renderReport(report, formats[0]!, { ...base, color: new Chalk({ level: 0 }) }));
      note(ctx, `wrote ${path}`);
    }
    // The verdict on stderr, so a run that writes files still says how it went.
    note(ctx, verdictText(ctx.lang, report));
  }
  if (scoreExitCode(report, { noFail: !opts.fail }) !== 0)
    throw new AssessmentFailed(verdictText(ctx.lang, report));
}
