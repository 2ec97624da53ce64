import { Command, CommanderError } from 'commander';
import { createContext, type Context, type ContextInit } from '../core/context.js';
import { EXIT, exitCodeFor, formatProblem, UserError, type ExitCode } from '../core/errors.js';
import { removePendingTempFiles } from '../io/atomic.js';
import { registerCommands } from './commands/index.js';
import { VERSION } from '../core/version.js';

export async function buildProgram(ctx: Context, args: readonly string[] = []): Promise<Command> {
  const program = new Command('hhsurvey');
  program
    .description(
      'Mock door-to-door household assessments (模拟入户调查) for the National Civilized City evaluation:\n' +
        'rosters, reproducible stratified samples, fieldwork, scoring and drills.',
    )
    .version(VERSION, '-V, --version')
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride()
    .configureOutput({
      writeOut: (s) => void ctx.stdout.write(s),
      writeErr: (s) => void ctx.stderr.write(s),
    });
  await registerCommands(program, ctx, args);
  program.addHelpText(
    'after',
    `
Examples:
  hhsurvey demo                                   the whole mock assessment on the demo district
  hhsurvey check data/demo/roster.csv             validate a roster and summarise it
  hhsurvey sample data/demo/roster.csv --seed 2026-drill-1 --reserve 5 -o sample.csv
  hhsurvey verify sample.csv --roster data/demo/roster.csv
  hhsurvey interview sample.csv --responses responses.csv --interviewer 测试员01
  hhsurvey status sample.csv --responses responses.csv
  hhsurvey score sample.csv --responses responses.csv --format html -o report.html
  hhsurvey plan --threshold 0.9 --expected 0.93 --population 300
  hhsurvey drill data/demo/drill.yaml --out drill-output

Exit codes: 0 success, 1 assessment failed or verification mismatch, 2 bad input or usage, 3 internal error.`,
  );
  return program;
}

/** Run one command line in-process; returns the exit code. Never calls process.exit. */
export async function run(argv: string[], init: ContextInit = {}): Promise<ExitCode> {
  const ctx = createContext(init);
  try {
    const program = await buildProgram(ctx, argv.slice(2));
    await program.parseAsync(argv);
    return EXIT.ok;
  } catch (err) {
    return report(ctx, err);
  }
}

function report(ctx: Context, err: unknown): ExitCode {
  const code = exitCodeFor(err);
  if (err instanceof CommanderError) {
    // commander has already printed its message (or the help).
    if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version') return EXIT.ok;
    return EXIT.usage;
  }
  if (err instanceof UserError) {
    for (const p of err.problems) ctx.stderr.write(`${formatProblem(p)}\n`);
    const last = err.problems.length ? formatProblem(err.problems[err.problems.length - 1]!) : '';
    if (err.message && err.message !== last) ctx.stderr.write(`hhsurvey: ${err.message}\n`);
    return code;
  }
  if (code === EXIT.failed) {
    if (err instanceof Error && err.message) ctx.stderr.write(`hhsurvey: ${err.message}\n`);
    return code;
  }
  const stack = err instanceof Error ? (err.stack ?? err.message) : String(err);
  ctx.stderr.write(
    `hhsurvey: internal error (a bug in hhsurvey ${VERSION}; please report it with the command line and this text):\n${stack}\n`,
  );
  return EXIT.internal;
}

/** The process entry: the only place that sets the process's exit code or exits. */
export function main(argv: string[]): void {
  const interrupted = (signal: NodeJS.Signals) => {
    removePendingTempFiles();
    process.stderr.write(`\nhhsurvey: interrupted (${signal}); nothing half-written was left behind\n`);
    process.exit(signal === 'SIGINT' ? 130 : 143);
  };
  process.once('SIGINT', interrupted);
  process.once('SIGTERM', interrupted);
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    // `hhsurvey sample ... | head` closes the pipe early: that is not an error.
    if (err.code === 'EPIPE') process.exit(0);
  });
  run(argv).then(
    (code) => {
      process.exitCode = code;
    },
    (err: unknown) => {
      process.stderr.write(`hhsurvey: internal error: ${String(err)}\n`);
      process.exitCode = EXIT.internal;
    },
  );
}
