import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readResponses } from '../src/fieldwork/responses-file.js';
import { loadStandardSync } from '../src/standard/parse.js';
import { makeFixture, type Fixture } from './helpers/fieldwork.js';
import { BIN, spawnCli } from './helpers/run-cli.js';

/**
 * Durability end to end: the built bin is killed with SIGKILL in the middle of a piped run; every
 * household it acknowledged must be on disk, the file must stay valid, and a restart must resume
 * at the next household due.
 */
const standard = loadStandardSync(undefined);
const C = '全福街道 / 利农社区';
const COMPLETE = ['complete', '1', '1', '1', '2', '1', '2'];
const ENV = {
  PATH: process.env.PATH ?? '',
  NO_COLOR: '1',
  LANG: 'en_US.UTF-8',
  SOURCE_DATE_EPOCH: '1767225600',
};

let fx: Fixture;
let P: string[];
beforeAll(async () => {
  fx = await makeFixture({ size: 22, reserve: 5 });
  P = fx.entries
    .filter((e) => e.stratum === C && e.role === 'primary')
    .sort((a, b) => a.rank - b.rank)
    .map((e) => e.householdId);
});

interface Run {
  write(lines: string[]): void;
  /** Resolves when stderr has matched `re` `count` times. */
  waitFor(re: RegExp, count?: number): Promise<void>;
  kill(): Promise<void>;
  stderr(): string;
}

function start(file: string): Run {
  const child = spawn(
    process.execPath,
    [BIN, 'interview', 'sample.csv', '--responses', file, '--interviewer', '王芳', '--stratum', C],
    {
      cwd: fx.dir,
      env: ENV,
      stdio: ['pipe', 'pipe', 'pipe'],
    },
  );
  let err = '';
  const waiters: (() => void)[] = [];
  child.stderr.on('data', (d: Buffer) => {
    err += d.toString('utf8');
    for (const w of waiters.splice(0)) w();
  });
  const exited = new Promise<void>((res) => child.on('exit', () => res()));
  return {
    write: (lines) => void child.stdin.write(lines.map((l) => `${l}\n`).join('')),
    waitFor: async (re, count = 1) => {
      const g = new RegExp(re.source, 'g');
      const deadline = Date.now() + 20_000;
      while ((err.match(g) ?? []).length < count) {
        if (Date.now() > deadline) throw new Error(`timed out waiting for ${re} ×${count}; stderr:\n${err}`);
        await new Promise<void>((res) => {
          waiters.push(res);
          setTimeout(res, 200);
        });
      }
    },
    kill: async () => {
      child.kill('SIGKILL');
      await exited;
    },
    stderr: () => err,
  };
}

const acknowledged = (stderr: string) => [...stderr.matchAll(/✓ saved (H\d{6})/g)].map((m) => m[1]!);

describe('hhsurvey interview killed with SIGKILL', () => {
  it('keeps every acknowledged household, and the next run resumes at the next one due', async () => {
    const file = join(fx.dir, 'kill.csv');
    const run = start('kill.csv');
    for (let k = 1; k <= 5; k++) {
      run.write(COMPLETE);
      await run.waitFor(/✓ saved/, k);
    }
    // Half of the sixth household, then the kill.
    run.write(['complete', '1', '1']);
    await run.waitFor(/> Q3\/6/, 6);
    await run.kill();

    expect(acknowledged(run.stderr())).toEqual(P.slice(0, 5));
    const text = readFileSync(file, 'utf8');
    expect(text.endsWith('\r\n')).toBe(true);
    const f = await readResponses(file, standard);
    expect(f.problems).toEqual([]);
    expect(f.rows.map((r) => r.householdId)).toEqual(P.slice(0, 5));
    expect(existsSync(`${file}.lock`)).toBe(true); // a kill leaves the lock; the next run takes it over

    const again = spawnCli(
      ['interview', 'sample.csv', '--responses', 'kill.csv', '--interviewer', '王芳', '--stratum', C],
      {
        cwd: fx.dir,
        stdin: [...COMPLETE, 'quit'].map((l) => `${l}\n`).join(''),
      },
    );
    expect(again.code).toBe(0);
    expect(again.stderr).toMatch(
      /kill\.csv: taking over a stale lock left by process \d+ \(no longer running\)/,
    );
    expect(again.stderr).toMatch(/resuming: kill\.csv holds 5 rows; continuing with the next household due/);
    expect([...again.stderr.matchAll(/· (H\d{6})\n/g)].map((m) => m[1])[0]).toBe(P[5]);
    expect((await readResponses(file, standard)).rows.map((r) => r.householdId)).toEqual(P.slice(0, 6));
    expect(existsSync(`${file}.lock`)).toBe(false);
  });

  it('killed at arbitrary moments while input streams in: never a lost acknowledgement, a duplicate or a broken file', async () => {
    const file = join(fx.dir, 'race.csv');
    const acked = new Set<string>();
    // Kill after a varying number of acknowledgements, while more input is already queued.
    for (const after of [1, 3, 2, 4, 1]) {
      const before = (await readResponsesIfAny(file)).length;
      const run = start('race.csv');
      // Two households more than it waits for: input is queued at the kill, and a busy machine that
      // runs the queue to its end before the kill arrives cannot finish all 22 (the next run would
      // then have no household due and never save one).
      run.write(Array.from({ length: after + 2 }, () => COMPLETE).flat());
      await run.waitFor(/✓ saved/, after);
      await run.kill();
      for (const id of acknowledged(run.stderr())) acked.add(id);
      const rows = await readResponsesIfAny(file);
      const ids = rows.map((r) => r.householdId);
      for (const id of acked) expect(ids).toContain(id);
      expect(new Set(ids).size).toBe(ids.length);
      expect(ids).toEqual(P.slice(0, ids.length)); // primaries in rank order, no gaps
      expect(ids.length).toBeGreaterThanOrEqual(before + after);
    }
    const last = spawnCli(
      ['interview', 'sample.csv', '--responses', 'race.csv', '--interviewer', '王芳', '--stratum', C],
      {
        cwd: fx.dir,
        stdin: Array.from({ length: 22 }, () => COMPLETE)
          .flat()
          .map((l) => `${l}\n`)
          .join(''),
      },
    );
    expect(last.code).toBe(0);
    expect(last.stderr).toMatch(/every household is done/);
    const ids = (await readResponsesIfAny(file)).map((r) => r.householdId);
    expect(ids).toEqual(P);
    const status = spawnCli(['status', 'sample.csv', '--responses', 'race.csv', '--json'], { cwd: fx.dir });
    expect(status.code).toBe(0);
  });
});

async function readResponsesIfAny(file: string) {
  if (!existsSync(file)) return [];
  const f = await readResponses(file, standard);
  expect(f.problems).toEqual([]);
  return f.rows;
}
