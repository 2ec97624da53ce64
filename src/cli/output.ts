import { createRequire } from 'node:module';
import type { Context } from '../core/context.js';
import { stripControls } from '../core/safe-text.js';
import { openAtomic, writeFileAtomic, type AtomicFile } from '../io/atomic.js';

/** cli-progress is loaded only when a bar is shown (on terminals), not at every start-up. */
const require = createRequire(import.meta.url);

/** Data to stdout, or atomically to a file when `-o` is given. */
export function emit(ctx: Context, file: string | undefined, data: string | Uint8Array): void {
  if (file === undefined || file === '-') ctx.stdout.write(data);
  else writeFileAtomic(file, data);
}

/**
 * Data written piece by piece: to stdout, or to a file that appears whole at `commit` (nothing at
 * all after `abort`, or if the process dies first). The file is opened at the first write.
 */
export interface OutputStream {
  write(data: string): void;
  commit(): void;
  abort(): void;
}

export function emitStream(ctx: Context, file: string | undefined): OutputStream {
  if (file === undefined || file === '-')
    return { write: (data) => void ctx.stdout.write(data), commit() {}, abort() {} };
  let f: AtomicFile | undefined;
  return {
    write(data) {
      f ??= openAtomic(file);
      f.write(data);
    },
    commit() {
      (f ??= openAtomic(file)).commit();
    },
    abort() {
      f?.abort();
    },
  };
}

/** A diagnostic line on stderr. */
export function note(ctx: Context, line: string): void {
  ctx.stderr.write(line.endsWith('\n') ? line : `${line}\n`);
}

export function warn(ctx: Context, line: string): void {
  // Warnings quote data (stratum names, headers): never a terminal escape sequence from a file.
  note(ctx, ctx.color.err.yellow(stripControls(line)));
}

export interface Progress {
  update(value: number): void;
  stop(): void;
}

const NO_PROGRESS: Progress = { update() {}, stop() {} };

/** A progress bar on stderr, only when stderr is a terminal (never in pipes, files or CI logs). */
export function progressBar(ctx: Context, total: number, label: string): Progress {
  if (!ctx.stderr.isTTY || ctx.env.CI) return NO_PROGRESS;
  const { SingleBar } = require('cli-progress') as typeof import('cli-progress');
  const bar = new SingleBar({
    format: `${label} [{bar}] {percentage}% {eta_formatted}`,
    stream: ctx.stderr as NodeJS.WritableStream,
    hideCursor: true,
    clearOnComplete: true,
    fps: 5,
  });
  bar.start(total, 0);
  return {
    update: (v) => bar.update(v),
    stop: () => bar.stop(),
  };
}
