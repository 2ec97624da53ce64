import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootId, processStarted } from '../src/io/process-owner.js';
import { makeFixture, type Fixture } from './helpers/fieldwork.js';
import { runCli } from './helpers/run-cli.js';

/**
 * Locks left behind (defect 15): a lock naming a process id that is alive but is not the hhsurvey
 * process that took it (ids are reused after a restart) is stale and taken over, for the lock of a
 * responses file (interview, status --merge) and the lock of a drill folder; a lock whose holder
 * really runs still refuses.
 */
let fx: Fixture;
let unrelated: ChildProcess;
const C = '全福街道 / 利农社区';

beforeAll(async () => {
  fx = await makeFixture({ size: 6, reserve: 1 });
  // A live process that is not hhsurvey: what a lock's process id names after a restart.
  unrelated = spawn('sleep', ['60'], { stdio: 'ignore' });
  await new Promise((r) => unrelated.once('spawn', r));
  writeFileSync(
    join(fx.dir, 'drill.yaml'),
    'name: lock\ndate: 2026-11-28\nroster: roster.csv\nseed: date\nsampling:\n  size: 6\nsynthetic:\n  rates: 0.9\n',
  );
});
afterAll(() => {
  unrelated.kill('SIGKILL');
});

const responsesLock = (pid: number, started: string | undefined) =>
  JSON.stringify({
    pid,
    host: hostname(),
    interviewer: '王芳',
    since: '2026-11-28T09:00:00+08:00',
    ...(started ? { started } : {}),
    boot: bootId(),
  }) + '\n';

describe('a lock naming a live process that does not hold it is stale (defect 15)', () => {
  it('interview and status --merge take over the lock of a responses file; a real holder refuses', async () => {
    const file = join(fx.dir, 'r.csv');
    const interview = () =>
      runCli(['interview', 'sample.csv', '--responses', 'r.csv', '--interviewer', '王芳', '--stratum', C], {
        cwd: fx.dir,
        stdin: 'quit\n',
      });
    // An unrelated program at the pid, started when the holder did not.
    writeFileSync(`${file}.lock`, responsesLock(unrelated.pid!, '1'));
    const a = await interview();
    expect(a.code, a.stderr).toBe(0);
    expect(a.stderr).toMatch(/r\.csv: taking over a stale lock: process \d+ is now another program/);
    expect(existsSync(`${file}.lock`)).toBe(false);
    // The same for the lock of a merge's output, naming a live Node process (this test's parent)
    // that started at another time.
    writeFileSync(join(fx.dir, 'm.csv.lock'), responsesLock(process.ppid, '1'));
    const m = await runCli(['status', 'sample.csv', '--responses', 'r.csv', '--merge', '-o', 'm.csv'], {
      cwd: fx.dir,
    });
    expect(m.stderr).toMatch(/m\.csv: taking over a stale lock: process \d+ is now another program/);
    expect(existsSync(join(fx.dir, 'm.csv.lock'))).toBe(false);
    // Its real start time: the holder is running, the lock holds.
    writeFileSync(`${file}.lock`, responsesLock(unrelated.pid!, processStarted(unrelated.pid!)));
    const busy = await interview();
    expect(busy.code).toBe(2);
    expect(busy.stderr).toMatch(/r\.csv/);
    expect(readFileSync(`${file}.lock`, 'utf8')).toContain(String(unrelated.pid));
  });

  it('drill takes over a folder lock naming a live unrelated process; a live holder refuses', async () => {
    const lock = join(fx.dir, '.out.hhsurvey-drill.lock');
    const drill = () => runCli(['drill', 'drill.yaml', '--out', 'out', '--no-fail'], { cwd: fx.dir });
    // An older lock (the pid alone) naming a program that is not Node or hhsurvey.
    writeFileSync(lock, `${unrelated.pid}\n`);
    const a = await drill();
    expect(a.code, a.stderr).toBe(0);
    // A lock naming a live Node process that started at another time.
    writeFileSync(lock, `${process.ppid} 1 ${bootId()}\n`);
    const b = await drill();
    expect(b.code, b.stderr).toBe(0);
    expect(existsSync(lock)).toBe(false);
    // A lock naming a live process with its own start time and this boot: a drill is running.
    writeFileSync(lock, `${process.ppid} ${processStarted(process.ppid)} ${bootId()}\n`);
    const busy = await drill();
    expect(busy.code).toBe(2);
    expect(busy.stderr).toMatch(/another hhsurvey drill \(process \d+\)/);
    expect(existsSync(lock)).toBe(true);
  });
});
