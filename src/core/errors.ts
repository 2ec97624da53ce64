import { both } from './messages.js';
import { m } from './core.messages.js';

/**
 * The error family every layer throws. Only the entry point (src/cli/main.ts) turns them into
 * exit codes: a user error exits 2 without a stack trace, an assessment failure exits 1, anything
 * else is an internal error (exit 3, with a stack trace and a request to report it).
 */

export const EXIT = { ok: 0, failed: 1, usage: 2, internal: 3 } as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** One located problem in an input file: `file:line: field: message`. */
export interface Problem {
  file?: string;
  line?: number;
  field?: string;
  message: string;
  severity?: 'error' | 'warning';
}

export function formatProblem(p: Problem): string {
  let where = '';
  if (p.file !== undefined) where += p.file;
  if (p.line !== undefined) where += `${where ? ':' : 'line '}${p.line}`;
  const field = p.field !== undefined ? `${p.field}: ` : '';
  return `${where ? `${where}: ` : ''}${field}${p.message}`;
}

/**
 * Bad input or usage: exit 2, one line per problem, never a stack trace. The message may be given
 * in both languages (a catalogue message through `both`), for code that does not know the user's
 * language: the entry point prints the user's.
 */
export class UserError extends Error {
  readonly exitCode = EXIT.usage;
  readonly problems: Problem[];
  readonly text?: { zh: string; en: string };
  constructor(message: string | { zh: string; en: string }, problems: Problem[] = []) {
    super(typeof message === 'string' ? message : message.en);
    this.name = 'UserError';
    this.problems = problems;
    if (typeof message !== 'string') this.text = message;
  }

  /** The message in a language (the English one when only one was given). */
  messageIn(lang: 'zh' | 'en'): string {
    return this.text ? this.text[lang] : this.message;
  }
}

/** The assessment (or a verification) did not pass: exit 1. The message is a summary. */
export class AssessmentFailed extends Error {
  readonly exitCode = EXIT.failed;
  constructor(message: string) {
    super(message);
    this.name = 'AssessmentFailed';
  }
}

/** Throw a user error located in a file. */
export function fail(problem: Problem): never {
  throw new UserError(formatProblem(problem), [problem]);
}

/** Exit code for anything thrown: a pure function, tested directly. */
export function exitCodeFor(err: unknown): ExitCode {
  if (err instanceof UserError) return EXIT.usage;
  if (err instanceof AssessmentFailed) return EXIT.failed;
  if (isCommanderError(err)) return err.exitCode === 0 ? EXIT.ok : EXIT.usage;
  return EXIT.internal;
}

interface CommanderLike {
  code: string;
  exitCode: number;
}
export function isCommanderError(err: unknown): err is CommanderLike & Error {
  return (
    err instanceof Error &&
    typeof (err as Partial<CommanderLike>).code === 'string' &&
    (err as Partial<CommanderLike>).code!.startsWith('commander.') &&
    typeof (err as Partial<CommanderLike>).exitCode === 'number'
  );
}

/** Node file-system errors turned into one clear line, in both languages. */
export function fileError(file: string, err: unknown): UserError {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT':
      return new UserError(both(m.noSuchFile, { file }));
    case 'EISDIR':
      return new UserError(both(m.isDirectory, { file }));
    case 'EACCES':
    case 'EPERM':
      return new UserError(both(m.permissionDenied, { file }));
    case 'ENOTDIR':
      return new UserError(both(m.notDirectory, { file }));
    default:
      return new UserError(both(m.cannotRead, { file, code: code ?? String(err) }));
  }
}

/**
 * The lines to print for a list of problems: at most three of each kind (the same message but for
 * quoted values and numbers), then one line counting the rest, so that a file with the same fault
 * on every line or in every column gives a few lines, not thousands.
 */
export function groupProblems(
  problems: readonly Problem[],
  more: (n: number) => string,
  perKind = 3,
): string[] {
  const kinds = new Map<string, { shown: number; hidden: number; last: number }>();
  const out: string[] = [];
  for (const p of problems) {
    const kind = `${p.severity ?? 'error'}|${p.message.replace(/"[^"]*"/g, '""').replace(/\d+/g, '#')}`;
    let k = kinds.get(kind);
    if (!k) kinds.set(kind, (k = { shown: 0, hidden: 0, last: -1 }));
    if (k.shown < perKind) {
      k.shown++;
      out.push(formatProblem(p));
      k.last = out.length - 1;
    } else k.hidden++;
  }
  // Each count goes right after the last line shown of its kind.
  const tails = [...kinds.values()].filter((k) => k.hidden > 0).sort((a, b) => b.last - a.last);
  for (const k of tails) out.splice(k.last + 1, 0, more(k.hidden));
  return out;
}
