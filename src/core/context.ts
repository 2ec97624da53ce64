import { Chalk, type ChalkInstance } from 'chalk';
import { clockFromEnv } from './clock.js';
import { detectLang, type Lang } from './i18n.js';

/** A place to write text: process.stdout, process.stderr, or a test's capture. */
export interface OutStream {
  write(chunk: string | Uint8Array): unknown;
  isTTY?: boolean;
  columns?: number;
}

export interface InStream extends AsyncIterable<Buffer | string> {
  isTTY?: boolean;
}

/**
 * The world a command runs in, built once by the entry point and passed in: tests pass their own
 * streams, environment and clock. Commands never touch `process` directly.
 */
export interface Context {
  stdout: OutStream;
  stderr: OutStream;
  stdin: InStream;
  env: Record<string, string | undefined>;
  cwd: string;
  now: () => Date;
  lang: Lang;
  /** Colour for stdout and stderr, off for NO_COLOR, non-terminals or FORCE_COLOR=0. */
  color: { out: ChalkInstance; err: ChalkInstance };
}

export interface ContextInit {
  stdout?: OutStream;
  stderr?: OutStream;
  stdin?: InStream;
  env?: Record<string, string | undefined>;
  cwd?: string;
  now?: () => Date;
}

export function colorLevel(stream: OutStream, env: Record<string, string | undefined>): 0 | 1 {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return 0;
  if (env.FORCE_COLOR !== undefined) return env.FORCE_COLOR === '0' || env.FORCE_COLOR === 'false' ? 0 : 1;
  if (env.TERM === 'dumb') return 0;
  return stream.isTTY ? 1 : 0;
}

export function createContext(init: ContextInit = {}): Context {
  const stdout = init.stdout ?? process.stdout;
  const stderr = init.stderr ?? process.stderr;
  const env = init.env ?? process.env;
  return {
    stdout,
    stderr,
    stdin: init.stdin ?? process.stdin,
    env,
    cwd: init.cwd ?? process.cwd(),
    now: init.now ?? clockFromEnv(env),
    lang: detectLang(undefined, env),
    color: {
      out: new Chalk({ level: colorLevel(stdout, env) }),
      err: new Chalk({ level: colorLevel(stderr, env) }),
    },
  };
}

/** Resolve --lang once the flags are parsed. */
export function withLang(ctx: Context, flag: string | undefined): Context {
  return { ...ctx, lang: detectLang(flag, ctx.env) };
}
