import {
  closeSync,
  existsSync,
  fsyncSync,
  ftruncateSync,
  linkSync,
  openSync,
  readFileSync,
  readSync,
  fstatSync,
  unlinkSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { hostname } from 'node:os';
import { basename, dirname } from 'node:path';
import { fileError, UserError } from '../core/errors.js';

/**
 * Durable storage of the responses file while interviewing:
 * - every row is appended with one write and flushed to disk (fsync) before the next household
 *   is shown, so an acknowledged household survives a crash or a kill;
 * - a last line without its line end (the process died while writing it) is set aside in a side
 *   file on the next start, so the file stays valid CSV and nothing is silently dropped;
 * - a lock file next to the responses file keeps two interview processes from appending to the
 *   same file, and names the holder when it refuses.
 */

export interface LockHolder {
  pid: number;
  host: string;
  interviewer: string;
  since: string;
}

export interface Lock {
  path: string;
  release(): void;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readHolder(path: string): LockHolder | undefined {
  try {
    const h = JSON.parse(readFileSync(path, 'utf8')) as Partial<LockHolder>;
    if (typeof h.pid === 'number' && typeof h.host === 'string') {
      return {
        pid: h.pid,
        host: h.host,
        interviewer: String(h.interviewer ?? ''),
        since: String(h.since ?? ''),
      };
    }
  } catch {
    // unreadable: treated below
  }
  return undefined;
}

const held = new Set<string>();
let exitHook = false;

/**
 * Take the lock `<responses>.lock`, or throw a UserError naming the holder. A lock left by a
 * process of this machine that no longer runs (killed, power cut) is taken over, with a note.
 * The lock file is created complete (written aside, then hard-linked into place) so another
 * process never reads a half-written lock.
 */
export function acquireLock(
  responsesPath: string,
  label: string,
  holder: Omit<LockHolder, 'pid' | 'host'>,
  onNote: (line: string) => void = () => {},
): Lock {
  const path = `${responsesPath}.lock`;
  const me: LockHolder = { pid: process.pid, host: hostname(), ...holder };
  const tmp = `${path}.${process.pid}.tmp`;
  try {
    writeFileSync(tmp, JSON.stringify(me) + '\n');
  } catch (err) {
    throw fileError(`${label}.lock`, err);
  }
  try {
    for (let attempt = 0; ; attempt++) {
      try {
        linkSync(tmp, path);
        break;
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'EEXIST' || attempt > 0)
          throw fileError(`${label}.lock`, err);
      }
      const other = readHolder(path);
      if (other && other.host === me.host && !isAlive(other.pid)) {
        onNote(`${label}: taking over a stale lock left by process ${other.pid} (no longer running)`);
        unlinkSync(path);
        continue;
      }
      const who = other
        ? `interviewer ${other.interviewer || '(unnamed)'}, process ${other.pid} on ${other.host}, since ${other.since}`
        : 'a process that left an unreadable lock';
      throw new UserError(
        `${label} is in use by another interview (${who}); finish that one first, or, if it is no longer running, delete ${label}.lock`,
      );
    }
  } finally {
    try {
      unlinkSync(tmp);
    } catch {
      // gone
    }
  }
  held.add(path);
  if (!exitHook) {
    exitHook = true;
    // Ctrl+C, SIGTERM and normal exits all pass through 'exit': never leave our lock behind.
    process.once('exit', releaseAllLocks);
  }
  return {
    path,
    release() {
      releaseLock(path);
    },
  };
}

function releaseLock(path: string): void {
  if (!held.has(path)) return;
  held.delete(path);
  const h = readHolder(path);
  if (h && h.pid === process.pid && h.host === hostname()) {
    try {
      unlinkSync(path);
    } catch {
      // gone
    }
  }
}

export function releaseAllLocks(): void {
  for (const p of [...held]) releaseLock(p);
}

export interface TornLine {
  /** 1-based line of the torn record. */
  line: number;
  bytes: number;
  /** Where its bytes were set aside. */
  savedTo: string;
}

function stamp(d: Date): string {
  return d
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');
}

/**
 * If the file does not end with a line end, its last line was cut off by a crash: copy those
 * bytes to `<file>.torn-<time>` and truncate the file after its last complete line.
 */
export function setAsideTornLine(path: string, now: Date): TornLine | undefined {
  const fd = openSync(path, 'r+');
  try {
    const size = fstatSync(fd).size;
    if (size === 0) return undefined;
    const buf = Buffer.alloc(size);
    readSync(fd, buf, 0, size, 0);
    if (buf[size - 1] === 0x0a) return undefined;
    const cut = buf.lastIndexOf(0x0a) + 1;
    const torn = buf.subarray(cut);
    let line = 1;
    for (let i = 0; i < cut; i++) if (buf[i] === 0x0a) line++;
    let savedTo = `${path}.torn-${stamp(now)}`;
    for (let k = 2; existsSync(savedTo); k++) savedTo = `${path}.torn-${stamp(now)}-${k}`;
    writeFileSync(savedTo, torn);
    fsyncFile(savedTo);
    ftruncateSync(fd, cut);
    fsyncSync(fd);
    return { line, bytes: torn.length, savedTo };
  } finally {
    closeSync(fd);
  }
}

function fsyncFile(path: string): void {
  const fd = openSync(path, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

function fsyncDir(path: string): void {
  try {
    fsyncFile(dirname(path));
  } catch {
    // some file systems cannot fsync a directory; the file itself is synced
  }
}

/** An append-only, fsync-per-row writer. */
export interface AppendLog {
  /** Append text (whole lines) and flush it to disk before returning. */
  append(text: string): void;
  close(): void;
}

/**
 * Open the file for appending; create it with `header` when it does not exist (or is empty).
 * Returns whether it was created.
 */
export function openAppendLog(
  path: string,
  label: string,
  header: string,
): { log: AppendLog; created: boolean } {
  let fd: number;
  let created = false;
  try {
    fd = openSync(path, 'a');
    if (fstatSync(fd).size === 0) {
      writeSync(fd, header);
      fsyncSync(fd);
      fsyncDir(path);
      created = true;
    }
  } catch (err) {
    throw fileError(label, err);
  }
  let open = true;
  return {
    created,
    log: {
      append(text) {
        if (!open) throw new Error(`${basename(path)}: append after close`);
        const buf = Buffer.from(text, 'utf8');
        for (let off = 0; off < buf.length;) off += writeSync(fd, buf, off, buf.length - off);
        fsyncSync(fd);
      },
      close() {
        if (!open) return;
        open = false;
        closeSync(fd);
      },
    },
  };
}
