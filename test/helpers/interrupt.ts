import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, watch } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BIN } from './run-cli.js';

/**
 * What the crash and signal tests share: a fixed environment, digests of files and folders, runs to
 * the end, runs stopped by a signal timed from their first file-system change, runs killed at a
 * numbered change, and the names no complete run leaves behind.
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

/** Names in a folder that no complete run leaves: temporary files and folders, locks. */
export const leftovers = (dir: string) => readdirSync(dir).filter((n) => /hhsurvey|\.tmp$|\.lock$/.test(n));

/** A run's write phase: when it first and last changed its folder, in ms from its start (fs.watch). */
export interface WriteWindow {
  code: number | null;
  stderr: string;
  /** Whole run, ms. */
  ms: number;
  /** First and last change in the folder (a temporary file or folder, a lock, a rename), ms from start; -1 when none. */
  first: number;
  last: number;
}

/**
 * Run a command, or stop it with `signal` at a moment measured from its first change in `dir` (a
 * temporary file or folder, a lock: the start of its write phase, seen through fs.watch) or from its
 * start: `at: { from: 'write', delay }` lands the signal inside the write phase whatever the machine's
 * load does to start-up; `{ from: 'start', delay }` anywhere. Without `at` the run goes to its end and
 * its write window is reported. Only the command may change `dir` while it runs.
 */
export function watchRun(
  args: string[],
  dir: string,
  at?: { signal: NodeJS.Signals; from: 'write' | 'start'; delay: number },
): Promise<WriteWindow> {
  return new Promise((done) => {
    const t0 = performance.now();
    let first = -1;
    let last = -1;
    let timer: NodeJS.Timeout | undefined;
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd: dir,
      env: INTERRUPT_ENV,
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    const stop = () => child.kill(at!.signal);
    const watcher = watch(dir, () => {
      last = performance.now() - t0;
      if (first >= 0) return;
      first = last;
      if (at?.from === 'write') timer = setTimeout(stop, at.delay);
    });
    if (at?.from === 'start') timer = setTimeout(stop, at.delay);
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
    child.on('close', (code) => {
      const ms = performance.now() - t0;
      clearTimeout(timer);
      // The folder's last events may still be on their way: let them arrive before closing the watch.
      setTimeout(() => {
        watcher.close();
        done({ code, stderr, ms, first: Math.round(first), last: Math.round(last) });
      }, 25);
    });
  });
}

const KILL_AT_WRITE = fileURLToPath(new URL('./kill-at-write.mjs', import.meta.url));

/**
 * A complete run with its file-system changes numbered (test/helpers/kill-at-write.mjs): one line
 * per change, in order ("openSync .s.csv.….tmp", "writeSync fd", "renameSync .s.csv.….tmp").
 */
export function writePoints(args: string[], cwd: string): { code: number; stderr: string; points: string[] } {
  const list = join(mkdtempSync(join(tmpdir(), 'hhsurvey-points-')), 'points.txt');
  const r = spawnSync(process.execPath, ['--import', KILL_AT_WRITE, BIN, ...args], {
    cwd,
    env: { ...INTERRUPT_ENV, HHSURVEY_WRITES_TO: list },
    encoding: 'utf8',
  });
  const points = existsSync(list) ? readFileSync(list, 'utf8').split('\n').filter(Boolean) : [];
  rmSync(dirname(list), { recursive: true, force: true });
  return { code: r.status ?? -1, stderr: r.stderr, points };
}

/** Run a command and kill it with SIGKILL just before its k-th file-system change (1-based). */
export function killAtWrite(
  args: string[],
  cwd: string,
  k: number,
): { signal: string | null; stderr: string } {
  const r = spawnSync(process.execPath, ['--import', KILL_AT_WRITE, BIN, ...args], {
    cwd,
    env: { ...INTERRUPT_ENV, HHSURVEY_KILL_AT: String(k) },
    encoding: 'utf8',
  });
  return { signal: r.signal, stderr: r.stderr };
}
