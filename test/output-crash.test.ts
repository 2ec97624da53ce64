import { cpSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createRng, uniformInt } from '../src/sampling/rng.js';
import {
  fileDigest as digest,
  folderSnapshot,
  leftovers,
  runToEnd,
  signalAfter,
} from './helpers/interrupt.js';

/**
 * Crash tests of the commands that write files: `sample -o`, `synth roster -o` and `drill` are
 * killed with SIGKILL at seeded random moments of their run (30 kills each). After every kill each
 * output is either as it was before the run or exactly what a complete run writes, never a part or
 * a mix (a sample list never newer than its manifest; a drill folder all old or all new); the
 * next complete run succeeds and leaves no temporary file, folder or lock behind.
 */
const TRIALS = 30;
/**
 * The trials of one command: `before` writes the old outputs, `args` the new ones; `state` reads
 * the outputs, which must be `old` or `fresh` (or a combination `allowed` says may follow a kill).
 */
async function trials(opts: {
  name: string;
  dir: string;
  args: string[];
  before: () => void;
  state: () => string;
  allowed?: (s: string, old: string, fresh: string) => boolean;
}): Promise<{ old: number; fresh: number }> {
  const { dir, args } = opts;
  opts.before();
  const old = opts.state();
  const ref = runToEnd(args, dir);
  expect(ref.code, ref.stderr).toBe(0);
  const fresh = opts.state();
  expect(fresh).not.toEqual(old);
  const rng = createRng(`output-crash ${opts.name}`);
  // Kill moments spread over the run, start-up included, and a little past its usual end.
  const span = Math.max(200, Math.round(ref.ms * 1.2));
  const seen = { old: 0, fresh: 0 };
  for (let i = 0; i < TRIALS; i++) {
    opts.before();
    await signalAfter(args, dir, 'SIGKILL', uniformInt(rng, span));
    const s = opts.state();
    if (s === old) seen.old++;
    else if (s === fresh) seen.fresh++;
    else
      expect(opts.allowed?.(s, old, fresh), `${opts.name}, trial ${i}: a partial or mixed output`).toBe(true);
  }
  // The next complete run succeeds and leaves nothing behind.
  const next = runToEnd(args, dir);
  expect(next.code, next.stderr).toBe(0);
  expect(opts.state()).toEqual(fresh);
  return seen;
}

describe('commands that write files, killed at seeded random moments', () => {
  it(`sample -o: the list and its manifest old or new, never part (${TRIALS} kills)`, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hhsurvey-crash-sample-'));
    expect(
      runToEnd(['synth', 'roster', '--households', '20000', '--seed', 'crash', '-o', 'roster.csv'], dir).code,
    ).toBe(0);
    const out = ['roster.csv', '--seed', 'new', '--size', '22', '-o', 's.csv'];
    const old = runToEnd(['sample', 'roster.csv', '--seed', 'old', '--size', '22', '-o', 'old-s.csv'], dir);
    expect(old.code, old.stderr).toBe(0);
    const files = () =>
      ['s.csv', 's.manifest.json'].map((f) => (existsSync(join(dir, f)) ? digest(join(dir, f)) : '-'));
    const seen = await trials({
      name: 'sample',
      dir,
      args: ['sample', ...out],
      before: () => {
        for (const f of ['s.csv', 's.manifest.json']) cpSync(join(dir, `old-${f}`), join(dir, f));
      },
      state: () => files().join(' '),
      // The manifest is renamed first: a kill between the two renames leaves a new manifest beside
      // the old list (verify reports it), never a new list beside an old manifest.
      allowed: (s, old, fresh) => s === `${old.split(' ')[0]} ${fresh.split(' ')[1]}`,
    });
    expect(leftovers(dir)).toEqual([]);
    expect(seen.old + seen.fresh).toBeGreaterThan(0);
  }, 600_000);

  it(`synth roster -o: the roster old or new, never part (${TRIALS} kills)`, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hhsurvey-crash-synth-'));
    const seen = await trials({
      name: 'synth roster',
      dir,
      args: ['synth', 'roster', '--households', '60000', '--seed', 'new', '-o', 'r.csv'],
      before: () => writeFileSync(join(dir, 'r.csv'), 'household_id,community\r\nH1,old\r\n'),
      state: () => digest(join(dir, 'r.csv')),
    });
    expect(leftovers(dir)).toEqual([]);
    expect(seen.old + seen.fresh).toBe(TRIALS);
  }, 600_000);

  it(`drill: the folder all old or all new (${TRIALS} kills)`, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hhsurvey-crash-drill-'));
    expect(
      runToEnd(['synth', 'roster', '--households', '5000', '--seed', 'crash', '-o', 'roster.csv'], dir).code,
    ).toBe(0);
    const drill = (seed: string) =>
      `name: crash\ndate: 2026-11-28\nroster: roster.csv\nseed: ${seed}\nsampling:\n  size: 22\n  reserve: 2\nsynthetic:\n  rates: 0.9\n  response_rate: 0.9\n`;
    writeFileSync(join(dir, 'old.yaml'), drill('old'));
    writeFileSync(join(dir, 'new.yaml'), drill('new'));
    const old = runToEnd(['drill', 'old.yaml', '--out', 'old-out', '--no-fail'], dir);
    expect(old.code, old.stderr).toBe(0);
    const seen = await trials({
      name: 'drill',
      dir,
      args: ['drill', 'new.yaml', '--out', 'out', '--no-fail'],
      before: () => {
        rmSync(join(dir, 'out'), { recursive: true, force: true });
        cpSync(join(dir, 'old-out'), join(dir, 'out'), { recursive: true });
      },
      state: () => folderSnapshot(join(dir, 'out')),
    });
    expect(leftovers(dir)).toEqual([]);
    expect(seen.old + seen.fresh).toBe(TRIALS);
  }, 600_000);
});
