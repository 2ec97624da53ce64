import { resolve } from 'node:path';
import type { Command } from 'commander';
import type { Context } from '../../core/context.js';
import { AssessmentFailed } from '../../core/errors.js';
import { say } from '../../core/i18n.js';
import { addCommonOptions, commandContext } from '../common.js';
import { note, progressBar, warn } from '../output.js';

interface DrillOptions {
  out: string;
  seed?: string;
  title?: string;
  fail: boolean;
  lang?: string;
}

export function register(program: Command, ctx0: Context): void {
  const cmd = program
    .command('drill')
    .description(
      'run a whole mock assessment from a drill file: check the roster, draw the sample, make synthetic ' +
        'fieldwork (or read the real responses), score, and write every artifact to one folder',
    )
    .argument('<drill>', 'the drill file (YAML; see hhsurvey init)')
    .option(
      '--out <dir>',
      'folder for the sample, responses and reports (new, or holding only a previous drill’s files)',
      'drill-output',
    )
    .option('--seed <text>', "seed of the draw, instead of the drill file's")
    .option('--title <text>', "the reports' title (default: the drill's name)")
    .option('--no-fail', 'exit 0 even when a community fails');
  addCommonOptions(cmd);
  cmd.addHelpText(
    'after',
    `
Writes to the --out folder: sample.csv and sample.manifest.json, responses.csv, report.json,
report.md, report.html, junit.xml and drill.json (what was run: seed, inputs' SHA-256). Prints one
line on stdout. Reruns with the same inputs and SOURCE_DATE_EPOCH write byte-identical files.
In the drill file, \`seed: date\` derives the seed from the drill date (\`date:\`, default today in
China time), so a weekly drill draws new households every week and any week can be re-drawn.

Exit codes: 0 every community passes, 1 a community fails (0 with --no-fail), 2 bad input.

Examples:
  hhsurvey drill data/demo/drill.yaml --out drill-output
  hhsurvey init my-drill && hhsurvey drill my-drill/drill.yaml --out my-drill/out
  hhsurvey drill drills/weekly.yaml --out artifacts/drill --lang zh`,
  );
  cmd.action(async (drillArg: string, opts: DrillOptions) => {
    const { verdictText } = await import('../../report/labels.js');
    const { runDrill } = await import('../../drill/run.js');
    const { drillSummaryLine } = await import('../../drill/summary.js');
    const { scoreExitCode } = await import('../../scoring/exit-code.js');
    const ctx = commandContext(ctx0, opts);
    const bar = progressBar(ctx, 1, say(ctx.lang, '读取户册', 'reading roster'));
    const result = await runDrill({
      drillFile: resolve(ctx.cwd, drillArg),
      drillLabel: drillArg,
      out: resolve(ctx.cwd, opts.out),
      outLabel: opts.out,
      ...(opts.seed !== undefined ? { seed: opts.seed } : {}),
      ...(opts.title !== undefined ? { title: opts.title } : {}),
      now: ctx.now(),
      lang: ctx.lang,
      onNote: (l) => {
        bar.stop();
        note(ctx, l);
      },
      onWarning: (l) => {
        bar.stop();
        warn(ctx, `${say(ctx.lang, '警告', 'warning')}: ${l}`);
      },
      onProgress: (d, t) => bar.update(t ? d / t : 1),
    }).finally(() => bar.stop());
    ctx.stdout.write(`${drillSummaryLine(ctx.lang, result, opts.out)}\n`);
    if (scoreExitCode(result.report, { noFail: !opts.fail }) !== 0)
      throw new AssessmentFailed(verdictText(ctx.lang, result.report));
  });
}
