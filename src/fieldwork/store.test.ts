import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { acquireLock, openAppendLog, ReplacedError, setAsideTornLine } from './store.js';

const tmp = () => mkdtempSync(join(tmpdir(), 'hhsurvey-'));
const now = new Date(Date.UTC(2026, 10, 28, 2, 3, 4));

describe('setAsideTornLine', () => {
  it('leaves a file that ends with a line end alone', () => {
    const f = join(tmp(), 'r.csv');
    writeFileSync(f, 'a,b\r\n1,2\r\n');
    expect(setAsideTornLine(f, now)).toBeUndefined();
    expect(readFileSync(f, 'utf8')).toBe('a,b\r\n1,2\r\n');
  });
  it('moves a cut-off last line aside and truncates after the last complete line', () => {
    const f = join(tmp(), 'r.csv');
    writeFileSync(f, 'a,b\r\n1,2\r\n3,知');
    const t = setAsideTornLine(f, now)!;
    expect(t).toEqual({ line: 3, bytes: Buffer.byteLength('3,知'), savedTo: `${f}.torn-20261128T100304+0800` });
    expect(readFileSync(f, 'utf8')).toBe('a,b\r\n1,2\r\n');
    expect(readFileSync(t.savedTo, 'utf8')).toBe('3,知');
    // a second torn line the same second gets its own side file
    writeFileSync(f, 'a,b\r\n4');
    expect(setAsideTornLine(f, now)!.savedTo).toBe(`${f}.torn-20261128T100304+0800-2`);
  });
  it('a cut-off header empties the file', () => {
    const f = join(tmp(), 'r.csv');
    writeFileSync(f, 'household_id,str');
    expect(setAsideTornLine(f, now)!.line).toBe(1);
    expect(readFileSync(f, 'utf8')).toBe('');
  });
});

describe('acquireLock', () => {
  it('refuses a second holder and names the first; release frees it', () => {
    const f = join(tmp(), 'r.csv');
    const a = acquireLock(f, 'r.csv', { interviewer: '王*', since: '2026-11-28T02:00:00Z' });
    expect(JSON.parse(readFileSync(`${f}.lock`, 'utf8'))).toMatchObject({
      pid: process.pid,
      interviewer: '王*',
    });
    expect(() => acquireLock(f, 'r.csv', { interviewer: '李*', since: '' })).toThrow(
      `r.csv is in use by another interview (interviewer 王*, process ${process.pid} on ${hostname()}, since 2026-11-28 10:00); finish that one first, or, if it is no longer running, delete r.csv.lock`,
    );
    a.release();
    expect(existsSync(`${f}.lock`)).toBe(false);
    acquireLock(f, 'r.csv', { interviewer: '李*', since: '' }).release();
  });
  it('takes over a lock whose process is gone, with a note', () => {
    const f = join(tmp(), 'r.csv');
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], {
      encoding: 'utf8',
    });
    writeFileSync(
      `${f}.lock`,
      JSON.stringify({ pid: Number(dead.stdout), host: hostname(), interviewer: '王*', since: 'x' }),
    );
    const notes: string[] = [];
    const l = acquireLock(f, 'r.csv', { interviewer: '李*', since: '' }, (n) => notes.push(n));
    expect(notes).toEqual([
      `r.csv: taking over a stale lock left by process ${dead.stdout} (no longer running)`,
    ]);
    l.release();
  });
  it('takes over a lock whose pid now names another program (started at another time, or before a restart)', () => {
    const f = join(tmp(), 'r.csv');
    // A live process that is not an hhsurvey holding the lock: this test's own pid, with a start time
    // or a boot that are not its own.
    const notes: string[] = [];
    for (const token of [{ started: '1' }, { boot: '00000000-0000-0000-0000-000000000000' }]) {
      writeFileSync(
        `${f}.lock`,
        JSON.stringify({ pid: process.pid, host: hostname(), interviewer: '王*', since: 'x', ...token }),
      );
      acquireLock(f, 'r.csv', { interviewer: '李*', since: '' }, (n) => notes.push(n)).release();
    }
    expect(notes).toEqual(
      Array(2).fill(
        `r.csv: taking over a stale lock: process ${process.pid} is now another program (a restart or a reused process id)`,
      ),
    );
    // Its own start time and boot: the lock holds.
    const own = acquireLock(f, 'r.csv', { interviewer: '王*', since: '2026-12-01T08:00:22+08:00' });
    expect(JSON.parse(readFileSync(`${f}.lock`, 'utf8'))).toHaveProperty('started');
    expect(() => acquireLock(f, 'r.csv', { interviewer: '李*', since: '' })).toThrow(
      /since 2026-12-01 08:00\)/,
    );
    own.release();
  });
  it('removes lock files a killed process left half made', () => {
    const dir = tmp();
    const f = join(dir, 'r.csv');
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], {
      encoding: 'utf8',
    });
    writeFileSync(`${f}.lock.${dead.stdout}.tmp`, '{');
    acquireLock(f, 'r.csv', { interviewer: '李*', since: '' }).release();
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe('openAppendLog', () => {
  it('refuses to append once the path names another file, and keeps what the old one held', () => {
    const f = join(tmp(), 'r.csv');
    const a = openAppendLog(f, 'r.csv', 'h\r\n');
    a.log.append('1\r\n');
    writeFileSync(`${f}.new`, 'h\r\n');
    renameSync(`${f}.new`, f);
    expect(() => a.log.append('2\r\n')).toThrow(ReplacedError);
    expect(a.log.contents().toString()).toBe('h\r\n1\r\n');
    expect(readFileSync(f, 'utf8')).toBe('h\r\n');
    a.log.close();
  });
  it('creates the file with its header once, then appends', () => {
    const f = join(tmp(), 'r.csv');
    const a = openAppendLog(f, 'r.csv', 'h\r\n');
    expect(a.created).toBe(true);
    a.log.append('1\r\n');
    a.log.close();
    const b = openAppendLog(f, 'r.csv', 'h\r\n');
    expect(b.created).toBe(false);
    b.log.append('二\r\n');
    b.log.close();
    expect(readFileSync(f, 'utf8')).toBe('h\r\n1\r\n二\r\n');
  });
});
