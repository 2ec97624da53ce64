import {
  closeSync,
  constants,
  cpSync,
  existsSync,
  linkSync,
  lstatSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { UserError } from '../core/errors.js';
import { t } from '../core/messages.js';
import { ownerAlive, sweepLeftovers, tempPathFor, trackTemp, untrackTemp, writeError } from '../io/atomic.js';
import { m } from '../io/messages.js';
import { staleness, thisProcess, type ProcessOwner } from '../io/process-owner.js';
import { scopeLang } from '../io/run-scope.js';

/**
 * A drill's folder is replaced as a whole: the drill writes into a temporary folder beside --out,
 * and only a complete drill is renamed into place. A failure, Ctrl+C or SIGTERM leaves the previous
 * drill as it was; a lock beside --out keeps two drills from writing the same folder at once.
 * Files in the previous folder that a drill does not write (notes someone added) are carried over.
 */
export interface DrillOutput {
  /** Where the drill writes its files. */
  readonly work: string;
  /** Put the complete drill in place of --out. */
  publish(): void;
  /** Release the lock and remove what was not published. */
  close(): void;
}

function lockPath(out: string): string {
  return join(dirname(out), `.${basename(out)}.hhsurvey-drill.lock`);
}

/** The lock names its holder: `<pid> <start time> <boot id>` (older locks: the pid alone). */
function readLockHolder(lock: string): ProcessOwner | undefined {
  let text: string;
  try {
    text = readFileSync(lock, 'utf8');
  } catch {
    return undefined; // removed meanwhile
  }
  const [pid, started, boot] = text.trim().split(/\s+/);
  const n = Number.parseInt(pid ?? '', 10);
  if (!Number.isInteger(n) || n <= 0) return undefined;
  return { pid: n, ...(started ? { started } : {}), ...(boot ? { boot } : {}) };
}

/** Does the holder still run a drill? A live process with another start time or boot does not. */
function holds(owner: ProcessOwner): boolean {
  if (owner.pid === process.pid) return false;
  if (owner.started === undefined) return ownerAlive(owner.pid);
  return staleness(owner) === undefined;
}

function takeLock(out: string, label: string): string {
  const lock = lockPath(out);
  const me = thisProcess();
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(
        lock,
        constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW,
        0o644,
      );
      writeSync(fd, `${[me.pid, me.started, me.boot].filter((x) => x !== undefined).join(' ')}\n`);
      closeSync(fd);
      trackTemp(lock, 'file');
      return lock;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw writeError(label, err);
    }
    const owner = readLockHolder(lock);
    if (owner && holds(owner))
      throw new UserError(t(scopeLang(), m.drillLocked, { out: label, pid: owner.pid }));
    // A lock of a process that is gone, or whose id now names another program (after a restart),
    // is stale.
    try {
      unlinkSync(lock);
    } catch {
      // another run removed it
    }
  }
  throw new UserError(t(scopeLang(), m.drillLocked, { out: label, pid: 0 }));
}

export function beginDrillOutput(out: string, label: string): DrillOutput {
  try {
    mkdirSync(dirname(out), { recursive: true });
  } catch (err) {
    throw writeError(label, err);
  }
  sweepLeftovers(dirname(out));
  const lock = takeLock(out, label);
  const work = tempPathFor(out);
  try {
    mkdirSync(work);
  } catch (err) {
    rmSync(lock, { force: true });
    untrackTemp(lock);
    throw writeError(label, err);
  }
  trackTemp(work, 'dir');
  let published = false;
  return {
    work,
    publish() {
      if (existsSync(out)) {
        // Carry over what the drill does not write, by hard link (or copy), before the swap.
        const ours = new Set(readdirSync(work));
        for (const name of readdirSync(out)) {
          if (ours.has(name)) continue;
          const from = join(out, name);
          const to = join(work, name);
          try {
            if (lstatSync(from).isFile()) linkSync(from, to);
            else cpSync(from, to, { recursive: true, verbatimSymlinks: true });
          } catch {
            cpSync(from, to, { recursive: true, verbatimSymlinks: true });
          }
        }
        const old = tempPathFor(out, 'old');
        // Two renames with nothing in between: a signal cannot run between them; a kill -9
        // there leaves `.old`, which the next run beside --out puts back.
        renameSync(out, old);
        renameSync(work, out);
        untrackTemp(work);
        rmSync(old, { recursive: true, force: true });
      } else {
        renameSync(work, out);
        untrackTemp(work);
      }
      published = true;
    },
    close() {
      if (!published) {
        rmSync(work, { recursive: true, force: true });
        untrackTemp(work);
      }
      rmSync(lock, { force: true });
      untrackTemp(lock);
    },
  };
}
