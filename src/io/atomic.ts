import { randomBytes } from 'node:crypto';
import {
  closeSync,
  constants,
  fsyncSync,
  lstatSync,
  openSync,
  readdirSync,
  readFileSync,
  realpathSync,
  renameSync,
  rmSync,
  statSync,
  unlinkSync,
  writeSync,
  type Stats,
} from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { UserError } from '../core/errors.js';
import { t } from '../core/messages.js';
import { m } from './messages.js';
import { currentScope, scopeLang, shownPath } from './run-scope.js';

/**
 * Output files are written atomically: data goes to a temporary file in the same folder, is
 * flushed to disk, then renamed over the target. An error or Ctrl+C never leaves a half-written
 * file; the entry point removes temporary files still open when it is interrupted, and a run that
 * writes into a folder removes the temporary files that killed runs left there.
 *
 * Temporary names are `.<target>.hhsurvey-<pid>-<random>.tmp`: created exclusively (O_EXCL, so a
 * file or symbolic link planted at the name is never followed or reused), with 48 random bits from
 * the system's CSPRNG, and recognisable with their owner's process id for the clean-up.
 */
const pending = new Map<string, 'file' | 'dir'>();
const TEMP_NAME = /^\.(.*)\.hhsurvey-(\d+)-[0-9a-f]{12}\.(tmp|old)$/;

export function pendingTempFiles(): string[] {
  return [...pending.keys()];
}

/** Remove every temporary file and folder of this process (on interruption). */
export function removePendingTempFiles(): void {
  for (const [tmp, kind] of pending) {
    try {
      if (kind === 'dir') rmSync(tmp, { recursive: true, force: true });
      else unlinkSync(tmp);
    } catch {
      // already gone
    }
  }
  pending.clear();
}

/** Track a temporary path so that an interruption removes it; untrack it once published. */
export function trackTemp(path: string, kind: 'file' | 'dir'): void {
  pending.set(path, kind);
}
export function untrackTemp(path: string): void {
  pending.delete(path);
}

/** A fresh temporary name beside `target` (not created). */
export function tempPathFor(target: string, suffix: 'tmp' | 'old' = 'tmp'): string {
  return join(
    dirname(target),
    `.${basename(target)}.hhsurvey-${process.pid}-${randomBytes(6).toString('hex')}.${suffix}`,
  );
}

/**
 * Is the process that made a temporary file still running hhsurvey? A process id that is free,
 * or now belongs to a program that is not Node (ids are reused after a reboot), owns nothing.
 */
export function ownerAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
  try {
    const cmd = readFileSync(`/proc/${pid}/cmdline`, 'latin1');
    return /node|hhsurvey/i.test(cmd);
  } catch {
    return true;
  }
}

/**
 * Remove what killed runs left in a folder: temporary files and folders (`.tmp`), and a previous
 * drill set aside for a swap (`.old`), which is put back when the swap never completed.
 */
export function sweepLeftovers(dir: string): void {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) {
    const hit = TEMP_NAME.exec(name);
    if (!hit) continue;
    const pid = Number(hit[2]);
    const path = join(dir, name);
    if (pid === process.pid ? pending.has(path) : ownerAlive(pid)) continue;
    if (pid === process.pid) continue;
    try {
      if (hit[3] === 'old') {
        const target = join(dir, hit[1]!);
        if (!exists(target)) {
          renameSync(path, target);
          continue;
        }
      }
      rmSync(path, { recursive: true, force: true });
    } catch {
      // another run got there first, or it is not ours to remove
    }
  }
}

function exists(path: string): boolean {
  try {
    lstatSync(path);
    return true;
  } catch {
    return false;
  }
}

export function kindOf(st: Stats): string {
  const lang = scopeLang();
  if (st.isDirectory()) return t(lang, m.kindFolder);
  if (st.isCharacterDevice() || st.isBlockDevice()) return t(lang, m.kindDevice);
  if (st.isFIFO()) return t(lang, m.kindPipe);
  if (st.isSocket()) return t(lang, m.kindSocket);
  return t(lang, m.kindOther);
}

/**
 * Refuse an output path that is not a regular file or a new name in an existing folder, or that is
 * one of the running command's inputs (the same path, a symbolic link to it, or a hard link).
 */
export function checkOutputPath(path: string, label = shownPath(path)): void {
  const lang = scopeLang();
  let st: Stats | undefined;
  try {
    st = statSync(path);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOTDIR') throw new UserError(t(lang, m.outputFolderMissing, { file: label }));
    if (code !== 'ENOENT')
      throw new UserError(t(lang, m.outputFailed, { file: label, code: code ?? String(err) }));
  }
  if (st === undefined) {
    let dst: Stats;
    try {
      dst = statSync(dirname(path));
    } catch {
      throw new UserError(t(lang, m.outputFolderMissing, { file: label }));
    }
    if (!dst.isDirectory()) throw new UserError(t(lang, m.outputFolderMissing, { file: label }));
    return;
  }
  if (!st.isFile()) throw new UserError(t(lang, m.outputNotFile, { file: label, kind: kindOf(st) }));
  const scope = currentScope();
  if (!scope) return;
  let real: string | undefined;
  try {
    real = realpathSync(path);
  } catch {
    real = undefined;
  }
  for (const input of scope.inputs.values())
    if ((input.dev === st.dev && input.ino === st.ino) || (real !== undefined && real === input.realpath))
      throw new UserError(t(lang, m.outputIsInput, { file: label, input: input.label }));
}

/** A file system error while writing, as one clear line. */
export function writeError(label: string, err: unknown): UserError {
  if (err instanceof UserError) return err;
  const lang = scopeLang();
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT' || code === 'ENOTDIR')
    return new UserError(t(lang, m.outputFolderMissing, { file: label }));
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS')
    return new UserError(t(lang, m.outputDenied, { file: label }));
  if (code === 'ENOSPC' || code === 'EDQUOT') return new UserError(t(lang, m.outputFull, { file: label }));
  if (code === 'EISDIR')
    return new UserError(t(lang, m.outputNotFile, { file: label, kind: t(lang, m.kindFolder) }));
  return new UserError(t(lang, m.outputFailed, { file: label, code: code ?? String(err) }));
}

export interface AtomicFile {
  readonly path: string;
  write(data: string | Uint8Array): void;
  /** Flush to disk and close (no rename yet). */
  flush(): void;
  /** Rename the flushed file into place. */
  publish(): void;
  commit(): void;
  abort(): void;
}

/**
 * Create a new file for writing, only if nothing (no file, no symbolic link, not even a dangling
 * one) is at its name: a link planted in a shared folder is never followed.
 */
export function openExclusive(path: string): number {
  return openSync(
    path,
    constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW,
    0o644,
  );
}

export function openAtomic(target: string, label = shownPath(target)): AtomicFile {
  const path = resolve(target);
  checkOutputPath(path, label);
  sweepLeftovers(dirname(path));
  let tmp = tempPathFor(path);
  let fd: number;
  for (let attempt = 0; ; attempt++) {
    try {
      fd = openExclusive(tmp);
      break;
    } catch (err) {
      // Something already at a random name was put there on purpose: take another name.
      if ((err as NodeJS.ErrnoException).code === 'EEXIST' && attempt < 3) tmp = tempPathFor(path);
      else throw writeError(label, err);
    }
  }
  pending.set(tmp, 'file');
  let state: 'open' | 'flushed' | 'done' = 'open';
  const file: AtomicFile = {
    path,
    write(data) {
      try {
        if (typeof data === 'string') writeSync(fd, data, null, 'utf8');
        else writeSync(fd, data);
      } catch (err) {
        throw writeError(label, err);
      }
    },
    flush() {
      if (state !== 'open') return;
      try {
        fsyncSync(fd);
      } catch (err) {
        throw writeError(label, err);
      } finally {
        closeSync(fd);
        state = 'flushed';
      }
    },
    publish() {
      if (state === 'open') file.flush();
      if (state !== 'flushed') return;
      try {
        renameSync(tmp, path);
      } catch (err) {
        throw writeError(label, err);
      }
      state = 'done';
      pending.delete(tmp);
    },
    commit() {
      file.publish();
    },
    abort() {
      if (state === 'done') return;
      if (state === 'open') closeSync(fd);
      state = 'done';
      try {
        unlinkSync(tmp);
      } catch {
        // already gone
      }
      pending.delete(tmp);
    },
  };
  return file;
}

export function writeFileAtomic(path: string, data: string | Uint8Array, label = shownPath(path)): void {
  writeFilesAtomic([{ path, data, label }]);
}

/**
 * Several files that belong together (a sample list and its manifest): all are written and flushed
 * first, then renamed one after another with nothing in between, so an error or a signal leaves
 * either all old files or all new ones.
 */
export function writeFilesAtomic(
  files: readonly { path: string; data: string | Uint8Array; label?: string }[],
): void {
  const open: AtomicFile[] = [];
  try {
    for (const f of files) {
      const a = openAtomic(f.path, f.label ?? shownPath(f.path));
      open.push(a);
      a.write(f.data);
    }
    for (const a of open) a.flush();
    for (const a of open) a.publish();
  } catch (err) {
    for (const a of open) a.abort();
    throw err;
  }
}
