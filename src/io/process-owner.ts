import { readFileSync } from 'node:fs';

/**
 * Who holds a lock or a temporary file: a process id alone is not enough, since ids are reused
 * (after a restart, or once a process is gone). A holder is named by its id, the time its process
 * started (clock ticks since boot, from /proc) and the boot it ran in; a live process with another
 * start time or in another boot is someone else.
 */
export interface ProcessOwner {
  pid: number;
  started?: string;
  boot?: string;
}

/** Whether a process with this id exists (EPERM: it exists and belongs to another user). */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** A process's start time in clock ticks since boot (Linux), or undefined where /proc is absent. */
export function processStarted(pid: number): string | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) may hold spaces and parentheses: count fields after its last ')'.
    const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return rest[19];
  } catch {
    return undefined;
  }
}

export function bootId(): string | undefined {
  try {
    return readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim() || undefined;
  } catch {
    return undefined;
  }
}

/** This process, as a lock names it. */
export function thisProcess(): ProcessOwner {
  const started = processStarted(process.pid);
  const boot = bootId();
  return { pid: process.pid, ...(started ? { started } : {}), ...(boot ? { boot } : {}) };
}

/**
 * Why a holder no longer holds: its process is gone, or its id now names another process (started
 * at another time, or in an earlier boot). Undefined while the holder runs. A holder recorded
 * without start time and boot (an older hhsurvey) holds while its id is alive.
 */
export function staleness(owner: ProcessOwner): 'gone' | 'reused' | undefined {
  if (!isAlive(owner.pid)) return 'gone';
  const boot = bootId();
  if (owner.boot && boot && owner.boot !== boot) return 'reused';
  const started = processStarted(owner.pid);
  if (owner.started && started && owner.started !== started) return 'reused';
  return undefined;
}
