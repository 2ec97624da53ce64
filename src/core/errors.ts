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

/** Bad input or usage: exit 2, one line per problem, never a stack trace. */
export class UserError extends Error {
  readonly exitCode = EXIT.usage;
  readonly problems: Problem[];
  constructor(message: string, problems: Problem[] = []) {
    super(message);
    this.name = 'UserError';
    this.problems = problems;
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

/** Node file-system errors turned into one clear line. */
export function fileError(file: string, err: unknown): UserError {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT':
      return new UserError(`${file}: no such file`);
    case 'EISDIR':
      return new UserError(`${file}: is a directory, not a file`);
    case 'EACCES':
    case 'EPERM':
      return new UserError(`${file}: permission denied`);
    case 'ENOTDIR':
      return new UserError(`${file}: a part of the path is not a directory`);
    default:
      return new UserError(`${file}: cannot read (${code ?? String(err)})`);
  }
}
