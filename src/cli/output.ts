import { createRequire } from 'node:module';
import type { Context } from '../core/context.js';
import { stripControls } from '../core/safe-text.js';
import { writeFileAtomic } from '../io/atomic.js';

/** cli-progress is loaded only when a bar is shown (on terminals), not at every start-up. */
const require = createRequire(import.meta.url);

/** Data to stdout, or atomically to a file when `-o` is given. */
export function emit(ctx: Context, file: string | undefined, data: string | Uint8Array): void {
  if (file === undefined || file === '-') ctx.stdout.write(data);
  else writeFileAtomic(file, data);
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
