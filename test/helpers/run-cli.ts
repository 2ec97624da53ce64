import { spawnSync } from 'node:child_process';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { run } from '../../src/cli/main.js';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const BIN = fileURLToPath(new URL('../../bin/hhsurvey.js', import.meta.url));

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Run a command in-process with captured streams, a fixed clock and no colour. */
export async function runCli(
  args: string[],
  opts: { env?: Record<string, string>; stdin?: string; cwd?: string } = {},
): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const input = opts.stdin ?? '';
  const code = await run(['node', 'hhsurvey', ...args], {
    stdout: {
      write: (c: string | Uint8Array) =>
        (stdout += typeof c === 'string' ? c : Buffer.from(c).toString('utf8')),
    },
    stderr: {
      write: (c: string | Uint8Array) =>
        (stderr += typeof c === 'string' ? c : Buffer.from(c).toString('utf8')),
    },
    stdin: Readable.from(input ? [Buffer.from(input)] : []),
    env: { SOURCE_DATE_EPOCH: '1767225600', NO_COLOR: '1', LANG: 'en_US.UTF-8', ...opts.env },
    cwd: opts.cwd ?? ROOT,
  });
  return { code, stdout, stderr };
}

/** Spawn the built bin (end-to-end): what a user's shell sees. */
export function spawnCli(
  args: string[],
  opts: { env?: Record<string, string>; stdin?: string; cwd?: string } = {},
): CliResult {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: opts.cwd ?? ROOT,
    input: opts.stdin ?? '',
    env: {
      PATH: process.env.PATH ?? '',
      SOURCE_DATE_EPOCH: '1767225600',
      NO_COLOR: '1',
      LANG: 'en_US.UTF-8',
      ...opts.env,
    },
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}
