import type { Command } from 'commander';
import type { Context, ContextInit } from '../core/context.js';
import {
  EXIT,
  exitCodeFor,
  formatProblem,
  groupProblems,
  isCommanderError,
  UserError,
  type ExitCode,
} from '../core/errors.js';
import { detectLang } from '../core/i18n.js';
import { t } from '../core/messages.js';
import { removePendingTempFiles } from '../io/atomic.js';
import { removeBufferedInputs } from '../io/inputs.js';
import { m as io } from '../io/messages.js';
import { currentScope, runWithScope } from '../io/run-scope.js';
import { langAfterCommand, langFlag, registerCommands } from './commands/index.js';
import { m } from './messages.js';
import { VERSION } from '../core/version.js';

/**
 * Start-up is part of every command's time, so this module imports only what `--version` needs;
 * commander, the context (chalk) and the command table load when a command line is parsed, and each
 * command module loads its job modules only when its action runs (see commands/index.ts).
 */
export async function buildProgram(ctx: Context, args: readonly string[] = []): Promise<Command> {
  const [{ LocalCommand }, { langOption }] = await Promise.all([
    import('./localise.js'),
    import('./common.js'),
  ]);
  const lang = ctx.lang;
  const program = new LocalCommand('hhsurvey', lang);
  program
    .description(t(lang, m.rootDescription))
    .version(VERSION, '-V, --version', t(lang, m.versionOption))
    .helpOption('-h, --help', t(lang, m.helpOption))
    .helpCommand('help [command]', t(lang, m.helpCommand))
    .exitOverride()
    // Root options only before the command: `hhsurvey --lang zh check x.csv` and
    // `hhsurvey check x.csv --lang zh` both work, and a command's own --lang stays its own.
    .enablePositionalOptions()
    .configureOutput({
      writeOut: (s) => void ctx.stdout.write(s),
      writeErr: (s) => void ctx.stderr.write(s),
    });
  program.addOption(langOption(program));
  await registerCommands(program, ctx, args);
  program.addHelpText('after', t(lang, m.rootExamples));
  return program;
}

/** Run one command line in-process; returns the exit code. Never calls process.exit. */
export async function run(argv: string[], init: ContextInit = {}): Promise<ExitCode> {
  const { createContext, withLang } = await import('../core/context.js');
  const base = createContext(init);
  const ctx = withLang(base, langFlag(argv.slice(2)));
  // One scope per run: the inputs it read (an output may not replace them) and piped inputs' copies.
  return runWithScope(ctx.lang, ctx.cwd, async () => {
    try {
      const args = langAfterCommand(argv.slice(2));
      const program = await buildProgram(ctx, args);
      await program.parseAsync(args, { from: 'user' });
      return EXIT.ok;
    } catch (err) {
      return printFailure(ctx, err);
    } finally {
      removeBufferedInputs();
    }
  });
}

/** Print a failure on stderr the way its kind asks (problems, one line, or a stack for an internal error); returns its exit code. */
function printFailure(ctx: Context, err: unknown): ExitCode {
  const code = exitCodeFor(err);
  // commander has already printed its one-line message (or the help: `help`, `--help` exit 0).
  if (isCommanderError(err)) return code;
  if (err instanceof UserError) {
    const lang = currentScope()?.lang ?? ctx.lang;
    for (const line of groupProblems(err.problems, (n) => t(lang, io.moreLikeThis, { n })))
      ctx.stderr.write(`${line}\n`);
    const last = err.problems.length ? formatProblem(err.problems[err.problems.length - 1]!) : '';
    const message = err.messageIn(ctx.lang);
    if (message && err.message !== last) ctx.stderr.write(`hhsurvey: ${message}\n`);
    return code;
  }
  if (code === EXIT.failed) {
    if (err instanceof Error && err.message) ctx.stderr.write(`hhsurvey: ${err.message}\n`);
    return code;
  }
  const stack = err instanceof Error ? (err.stack ?? err.message) : String(err);
  ctx.stderr.write(`hhsurvey: ${t(ctx.lang, m.internalError, { version: VERSION })}\n${stack}\n`);
  return EXIT.internal;
}

/**
 * The process entry: the only place that sets the process's exit code or exits.
 * @public (bin/hhsurvey.js imports it from dist/)
 */
export function main(argv: string[]): void {
  const args = argv.slice(2);
  if (args.length === 1 && (args[0] === '--version' || args[0] === '-V')) {
    // What commander prints for --version, without loading commander and the command table.
    process.stdout.write(`${VERSION}\n`);
    return;
  }
  const lang = detectLang(langFlag(args), process.env);
  const interrupted = (signal: NodeJS.Signals) => {
    removePendingTempFiles();
    process.stderr.write(`\nhhsurvey: ${t(lang, m.interrupted, { signal })}\n`);
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
