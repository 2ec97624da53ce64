import {
  closeSync,
  existsSync,
  fsyncSync,
  ftruncateSync,
  linkSync,
  openSync,
  readFileSync,
  readdirSync,
  readSync,
  fstatSync,
  renameSync,
  statSync,
  unlinkSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { chinaDisplay, chinaIso } from '../core/clock.js';
import { fileError, UserError } from '../core/errors.js';
import type { Lang } from '../core/i18n.js';
import { t } from '../core/messages.js';
import { bootId, isAlive, processStarted, staleness } from '../io/process-owner.js';
import { m } from './messages.js';

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
  /** The command holding it, when not an interview (status --merge). */
  command?: string;
  /** When the holding process started (clock ticks since boot, from /proc), to tell a reused pid. */
  started?: string;
  /** The boot the lock was taken in (/proc/sys/kernel/random/boot_id): a lock from before a restart is stale. */
  boot?: string;
}

export interface Lock {
  path: string;
  /** Record who holds the lock (the interviewer's name is known only after the file is read). */
  update(holder: Partial<Pick<LockHolder, 'interviewer'>>): void;
  release(): void;
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
        ...(typeof h.command === 'string' ? { command: h.command } : {}),
        ...(typeof h.started === 'string' ? { started: h.started } : {}),
        ...(typeof h.boot === 'string' ? { boot: h.boot } : {}),
      };
    }
  } catch {
    // unreadable: treated below
  }
  return undefined;
}

/** Lock files a killed process left half made (`<file>.lock.<pid>-<random>.tmp` of a pid that is gone). */
function removeDeadLockTemps(lockPath: string): void {
  const prefix = `${basename(lockPath)}.`;
  let names: string[];
  try {
    names = readdirSync(dirname(lockPath));
  } catch {
    return;
  }
  for (const name of names) {
    const mm = name.startsWith(prefix)
      ? /^(\d+)(?:-[0-9a-f]{12})?\.tmp$/.exec(name.slice(prefix.length))
      : null;
    if (!mm || Number(mm[1]) === process.pid || isAlive(Number(mm[1]))) continue;
    try {
      unlinkSync(join(dirname(lockPath), name));
    } catch {
      // gone already
    }
  }
}

const held = new Set<string>();
let exitHook = false;

/**
 * A lock file made aside, under a fresh random name, created exclusively: a file or symbolic link
 * someone planted at a predictable name in a shared folder is never followed or overwritten.
 */
function writeHolder(holder: LockHolder, lockPath: string): string {
  const path = `${lockPath}.${process.pid}-${randomBytes(6).toString('hex')}.tmp`;
  writeFileSync(path, JSON.stringify(holder) + '\n', { flag: 'wx' });
  return path;
}

/**
 * Take the lock `<responses>.lock`, or throw a UserError naming the holder. Every command that
 * writes a responses file takes it (interview, status --merge -o). A lock left by a process of
 * this machine that no longer runs (killed, power cut, restart) is taken over, with a note.
 * The lock file is created complete (written aside, then hard-linked into place) so another
 * process never reads a half-written lock.
 */
export function acquireLock(
  responsesPath: string,
  label: string,
  holder: Omit<LockHolder, 'pid' | 'host' | 'started' | 'boot'>,
  onNote: (line: string) => void = () => {},
  lang: Lang = 'en',
): Lock {
  const path = `${responsesPath}.lock`;
  const started = processStarted(process.pid);
  const boot = bootId();
  let me: LockHolder = {
    pid: process.pid,
    host: hostname(),
    ...holder,
    ...(started ? { started } : {}),
    ...(boot ? { boot } : {}),
  };
  removeDeadLockTemps(path);
  let tmp: string;
  try {
    tmp = writeHolder(me, path);
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
      const stale = other && other.host === me.host ? staleness(other) : undefined;
      if (other && stale) {
        onNote(t(lang, stale === 'gone' ? m.lockStale : m.lockReused, { label, pid: other.pid }));
        unlinkSync(path);
        continue;
      }
      const since = other ? Date.parse(other.since) : Number.NaN;
      const at = other && {
        pid: other.pid,
        host: other.host,
        since: Number.isFinite(since) ? chinaDisplay(new Date(since)) : other.since,
      };
      const who = !other
        ? t(lang, m.lockUnreadable)
        : other.command
          ? t(lang, m.lockCommand, { ...at!, command: other.command })
          : t(lang, m.lockHolder, { ...at!, interviewer: other.interviewer });
      throw new UserError(t(lang, m.lockInUse, { label, who }));
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
    update(change) {
      me = { ...me, ...change };
      // Written aside and renamed over the lock: a reader never sees half a lock.
      try {
        renameSync(writeHolder(me, path), path);
      } catch {
        // the lock itself still holds; only the name in it is older
      }
    },
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

/** A file-name stamp in China time: 20261201T080022+0800. */
function stamp(d: Date): string {
  return chinaIso(d).replace(/[-:]/g, '');
}

/**
 * The last line was cut off by a crash (the caller checked: no line end, too few cells): copy the
 * bytes after the last line end (LF, or CR in a CR-only file) to `<file>.torn-<time>` and truncate
 * the file there.
 */
export function setAsideTornLine(path: string, now: Date): TornLine | undefined {
  const fd = openSync(path, 'r+');
  try {
    const size = fstatSync(fd).size;
    if (size === 0) return undefined;
    const buf = Buffer.alloc(size);
    readSync(fd, buf, 0, size, 0);
    const lastByte = buf[size - 1];
    if (lastByte === 0x0a || lastByte === 0x0d) return undefined;
    const cut = Math.max(buf.lastIndexOf(0x0a), buf.lastIndexOf(0x0d)) + 1;
    const torn = buf.subarray(cut);
    let line = 1;
    for (let i = 0; i < cut; i++) if (buf[i] === 0x0a || (buf[i] === 0x0d && buf[i + 1] !== 0x0a)) line++;
    let savedTo = `${path}.torn-${stamp(now)}`;
    for (let k = 2; existsSync(savedTo); k++) savedTo = `${path}.torn-${stamp(now)}-${k}`;
    writeFileSync(savedTo, torn, { flag: 'wx' });
    fsyncFile(savedTo);
    ftruncateSync(fd, cut);
    fsyncSync(fd);
    return { line, bytes: torn.length, savedTo };
  } finally {
    closeSync(fd);
  }
}

/** The line end a file uses (of its first line): CRLF, LF or CR; CRLF for a new file. */
export function lineEndOf(path: string): '\r\n' | '\n' | '\r' {
  let buf: Buffer;
  try {
    buf = readFileSync(path);
  } catch {
    return '\r\n';
  }
  const i = buf.findIndex((b) => b === 0x0a || b === 0x0d);
  if (i < 0) return '\r\n';
  if (buf[i] === 0x0a) return '\n';
  return buf[i + 1] === 0x0a ? '\r\n' : '\r';
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
  /**
   * Append text (whole lines) and flush it to disk before returning. Throws `ReplacedError` when
   * the path no longer names the file that was opened (another program replaced or deleted it).
   */
  append(text: string): void;
  /** Everything the opened file holds (to keep it when the path was replaced). */
  contents(): Buffer;
  close(): void;
}

export class ReplacedError extends Error {
  constructor(readonly path: string) {
    super(`${path}: replaced while open`);
  }
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
    fd = openSync(path, 'a+');
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
  const same = () => {
    const own = fstatSync(fd);
    const now = statSync(path, { throwIfNoEntry: false });
    return !!now && now.ino === own.ino && now.dev === own.dev;
  };
  return {
    created,
    log: {
      append(text) {
        if (!open) throw new Error(`${basename(path)}: append after close`);
        if (!same()) throw new ReplacedError(path);
        const buf = Buffer.from(text, 'utf8');
        for (let off = 0; off < buf.length;) off += writeSync(fd, buf, off, buf.length - off);
        fsyncSync(fd);
      },
      contents() {
        const size = fstatSync(fd).size;
        const buf = Buffer.alloc(size);
        let off = 0;
        while (off < size) {
          const n = readSync(fd, buf, off, size - off, off);
          if (n === 0) break;
          off += n;
        }
        return buf.subarray(0, off);
      },
      close() {
        if (!open) return;
        open = false;
        closeSync(fd);
      },
    },
  };
}

/** Keep the contents of a replaced responses file beside the path: `<file>.kept-<time>.csv`. */
export function keepReplaced(path: string, contents: Buffer, now: Date): string {
  let kept = `${path}.kept-${stamp(now)}.csv`;
  for (let k = 2; existsSync(kept); k++) kept = `${path}.kept-${stamp(now)}-${k}.csv`;
  writeFileSync(kept, contents, { flag: 'wx' });
  fsyncFile(kept);
  fsyncDir(kept);
  return kept;
}
