import { spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { errorsOf, readResponses } from '../src/fieldwork/responses-file.js';
import { createRng, uniformInt } from '../src/sampling/rng.js';
import { loadStandardSync } from '../src/standard/parse.js';
import { makeFixture, type Fixture } from './helpers/fieldwork.js';
import { BIN, spawnCli } from './helpers/run-cli.js';

/**
 * Crash test: `interview` killed with SIGKILL at seeded random moments while households stream in
 * (30 kills, five on each of six files, each file then finished by a normal run). After every kill,
 * every household the interviewer saw acknowledged is in the file; after the next run, the file is
 * whole, nothing is left behind but the side file of a line set aside (named in a message), and the
 * households are the sample's, in order, each once.
 */
const standard = loadStandardSync(undefined);
const C = '全福街道 / 利农社区';
const COMPLETE = ['complete', '1', '1', '1', '2', '1', '2'];
const ENV = { PATH: process.env.PATH ?? '', NO_COLOR: '1', LANG: 'en_US.UTF-8' };
const FILES = 6;
const KILLS_PER_FILE = 5;
/** Start-up on a loaded machine takes seconds; a minute without a prompt is a hang. */
const PROMPT_DEADLINE_MS = 60_000;

let fx: Fixture;
let P: string[];
beforeAll(async () => {
  // 60 households due in the stratum: five kills seldom see them all done.
  fx = await makeFixture({ size: 60, reserve: 5, communities: { 南全福社区: 70, 利农社区: 70 } });
  P = fx.entries
    .filter((e) => e.stratum === C && e.role === 'primary')
    .sort((a, b) => a.rank - b.rank)
    .map((e) => e.householdId);
});

/**
 * Start an interview, stream households one every few milliseconds, kill it `delay` ms after its
 * first prompt: the outcome prompt, or, once every household is done, the prompt for a correction
 * (a resumed interview with nothing due waits for `correct <id>` or `quit`; this test once waited
 * for an outcome prompt that never came). A run that shows neither within the deadline fails with
 * what it printed.
 */
async function killedRun(file: string, delay: number): Promise<string[]> {
  const child = spawn(
    process.execPath,
    [BIN, 'interview', 'sample.csv', '--responses', file, '--interviewer', '王芳', '--stratum', C],
    { cwd: fx.dir, env: ENV, stdio: ['pipe', 'ignore', 'pipe'] },
  );
  let err = '';
  const exited = new Promise<void>((res) => child.on('exit', () => res()));
  const prompted = new Promise<void>((res) =>
    child.stderr.on('data', (d: Buffer) => {
      err += d.toString('utf8');
      if (/> outcome|> correct/.test(err)) res();
    }),
  );
  child.stdin.on('error', () => {}); // writes after the kill
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<'late'>((res) => (timer = setTimeout(() => res('late'), PROMPT_DEADLINE_MS)));
  const first = await Promise.race([prompted, exited, deadline]);
  clearTimeout(timer);
  if (first === 'late') {
    child.kill('SIGKILL');
    await exited;
    throw new Error(`interview showed no prompt within ${PROMPT_DEADLINE_MS} ms; stderr:\n${err}`);
  }
  let sent = 0;
  const feed = setInterval(() => {
    if (sent++ < P.length && child.stdin.writable) child.stdin.write(COMPLETE.map((l) => `${l}\n`).join(''));
  }, 20);
  await new Promise((r) => setTimeout(r, delay));
  child.kill('SIGKILL');
  await exited;
  clearInterval(feed);
  return [...err.matchAll(/✓ saved (H\d{6})/g)].map((m) => m[1]!);
}

describe('interview killed at seeded random moments', () => {
  it(`loses no acknowledged household in ${FILES * KILLS_PER_FILE} kills and leaves no temporary file`, async () => {
    const rng = createRng('interview-crash-test');
    let kills = 0;
    let acknowledged = 0;
    for (let f = 0; f < FILES; f++) {
      const name = `crash-${f}.csv`;
      const file = join(fx.dir, name);
      const acked = new Set<string>();
      for (let k = 0; k < KILLS_PER_FILE; k++) {
        for (const id of await killedRun(name, uniformInt(rng, 200))) acked.add(id);
        kills++;
        if (!existsSync(file)) continue;
        const read = await readResponses(file, standard);
        // A line cut off by the kill is left out with a warning; nothing else may be wrong.
        expect(errorsOf(read.problems)).toEqual([]);
        const ids = read.rows.map((r) => r.householdId);
        for (const id of acked) expect(ids).toContain(id);
        expect(ids).toEqual(P.slice(0, ids.length));
      }
      acknowledged += acked.size;
      const last = spawnCli(
        ['interview', 'sample.csv', '--responses', name, '--interviewer', '王芳', '--stratum', C],
        {
          cwd: fx.dir,
          stdin: Array.from({ length: P.length }, () => COMPLETE)
            .flat()
            .map((l) => `${l}\n`)
            .join(''),
        },
      );
      expect(last.code).toBe(0);
      const read = await readResponses(file, standard);
      expect(read.problems).toEqual([]);
      expect(read.rows.map((r) => r.householdId)).toEqual(P);
      const left = readdirSync(fx.dir).filter((n) => n.startsWith(`${name}.`));
      // Only side files of lines set aside (each named in a message): no lock, no temporary file.
      for (const n of left) expect(n).toMatch(/\.torn-\d{8}T\d{6}\+0800(-\d+)?$/);
    }
    expect(kills).toBe(30);
    // The moments are spread: some kills came before any save, most after several.
    expect(acknowledged).toBeGreaterThan(0);
  }, 900_000);
});
