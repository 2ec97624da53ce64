import { closeSync, fsyncSync, openSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/**
 * Output files are written atomically: data goes to a temporary file in the same folder, is
 * flushed to disk, then renamed over the target. An error or Ctrl+C never leaves a half-written
 * file; the entry point removes temporary files still open when it is interrupted.
 */
const pending = new Set<string>();
let counter = 0;

export function pendingTempFiles(): string[] {
  return [...pending];
}

export function removePendingTempFiles(): void {
  for (const tmp of pending) {
    try {
      unlinkSync(tmp);
    } catch {
      // already gone
    }
  }
  pending.clear();
}

export interface AtomicFile {
  write(data: string | Uint8Array): void;
  commit(): void;
  abort(): void;
}

export function openAtomic(path: string): AtomicFile {
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.${++counter}.tmp`);
  const fd = openSync(tmp, 'w', 0o644);
  pending.add(tmp);
  let open = true;
  return {
    write(data) {
      if (typeof data === 'string') writeSync(fd, data, null, 'utf8');
      else writeSync(fd, data);
    },
    commit() {
      if (!open) return;
      open = false;
      fsyncSync(fd);
      closeSync(fd);
      renameSync(tmp, path);
      pending.delete(tmp);
    },
    abort() {
      if (!open) return;
      open = false;
      closeSync(fd);
      try {
        unlinkSync(tmp);
      } catch {
        // already gone
      }
      pending.delete(tmp);
    },
  };
}

export function writeFileAtomic(path: string, data: string | Uint8Array): void {
  const f = openAtomic(path);
  try {
    f.write(data);
    f.commit();
  } catch (err) {
    f.abort();
    throw err;
  }
}
