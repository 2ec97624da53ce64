import { spawnSync } from 'node:child_process';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { appendFileSync } from 'node:fs';
import { run } from '../../src/cli/main.js';
import { englishRuns } from './language.js';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const BIN = fileURLToPath(new URL('../../bin/hhsurvey.js', import.meta.url));

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Run a command in-process with captured streams, a fixed clock and no colour.
 *
 * Every usage or input error a test provokes (exit 2) is run again with --lang zh, which must
 * print Chinese only (test/helpers/language.ts; test/language.test.ts covers help and the README).
 */
export async function runCli(
  args: string[],
  opts: { env?: Record<string, string>; stdin?: string; cwd?: string } = {},
): Promise<CliResult> {
  const result = await runOnce(args, opts);
  if (result.code === 2 && !args.includes('--lang') && !args.some((a) => a.startsWith('--lang='))) {
    const zh = await runOnce(['--lang', 'zh', ...args], opts);
    const runs = englishRuns(zh.stderr);
    const audit = process.env.HHSURVEY_LANG_AUDIT;
    if (audit) for (const r of runs) appendFileSync(audit, `${r}\t${args.join(' ')}\n`);
    else if (runs.length > 0)
      throw new Error(`English in the Chinese error of hhsurvey ${args.join(' ')}:\n${zh.stderr}`);
  }
  return result;
}

async function runOnce(
  args: string[],
  opts: { env?: Record<string, string>; stdin?: string; cwd?: string },
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
      // The run's temporary folder (test/global-setup.ts), for what the command itself makes there.
      ...(process.env.TMPDIR ? { TMPDIR: process.env.TMPDIR } : {}),
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
