import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { BIN } from './run-cli.js';

/**
 * What the crash and signal tests share: a fixed environment, digests of files and folders, runs to
 * the end, runs stopped by a signal after a delay, and the names no complete run leaves behind.
 */
export const INTERRUPT_ENV = {
  PATH: process.env.PATH ?? '',
  NO_COLOR: '1',
  LANG: 'en_US.UTF-8',
  SOURCE_DATE_EPOCH: '1767225600',
};

export const fileDigest = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

/** Every file under a folder (relative name → digest), as JSON; hidden names are temporary or locks. */
export function folderSnapshot(dir: string): string {
  const out: Record<string, string> = {};
  const walk = (d: string, prefix: string) => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p, `${prefix}${name}/`);
      else out[`${prefix}${name}`] = fileDigest(p);
    }
  };
  if (existsSync(dir)) walk(dir, '');
  return JSON.stringify(out);
}

export function runToEnd(args: string[], cwd: string): { code: number; ms: number; stderr: string } {
  const t0 = Date.now();
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, env: INTERRUPT_ENV, encoding: 'utf8' });
  return { code: r.status ?? -1, ms: Date.now() - t0, stderr: r.stderr };
}

/** Start a command and send it `signal` after `delay` ms (or let it end first). */
export function signalAfter(
  args: string[],
  cwd: string,
  signal: NodeJS.Signals,
  delay: number,
): Promise<{ code: number | null; stderr: string }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd,
      env: INTERRUPT_ENV,
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
    const timer = setTimeout(() => child.kill(signal), delay);
    child.on('close', (code) => {
      clearTimeout(timer);
      done({ code, stderr });
    });
  });
}

/** Names in a folder that no complete run leaves: temporary files and folders, locks. */
export const leftovers = (dir: string) => readdirSync(dir).filter((n) => /hhsurvey|\.tmp$|\.lock$/.test(n));
