import { cpSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createRng, uniformInt } from '../src/sampling/rng.js';
import {
  fileDigest as digest,
  folderSnapshot,
  killAtWrite,
  leftovers,
  runToEnd,
  writePoints,
} from './helpers/interrupt.js';

/**
 * Crash tests of the commands that write files: `sample -o`, `synth roster -o` and `drill` are
 * killed with SIGKILL, as by a power cut or `kill -9`. After every kill each output is either as it
 * was before the run or exactly what a complete run writes, never a part or a mix (a sample list
 * never newer than its manifest; a drill folder all old or all new); the next complete run
 * succeeds and leaves no temporary file, folder or lock behind.
 *
 * Where the kills land: what a kill leaves depends only on which of the command's file-system
 * changes (opening a file to write, each write, flush, close, rename, folder creation, removal) had
 * happened, so the kills are placed at those points (test/helpers/kill-at-write.mjs numbers them in
 * a complete run and kills just before the k-th): at every one when a run makes at most
 * `ALL_POINTS_UP_TO`; else at every change of the command's folder itself (a file or folder opened,
 * created, renamed or removed there: where outputs appear, are published and are cleaned up), at the
 * last change, and at `OTHER_POINTS` seeded others (writes into a temporary file, and everything in
 * a temporary folder, leave the outputs as they were). Kills at random moments, as this test used
 * to make, mostly landed in start-up or computation, before any change, and almost never between
 * the two renames of `sample` or of `drill`.
 */
const ALL_POINTS_UP_TO = 12;
const OTHER_POINTS = 4;

/** The points to kill at (1-based). */
function killPoints(points: readonly string[], name: string): number[] {
  const all = points.map((_, i) => i + 1);
  if (all.length <= ALL_POINTS_UP_TO) return all;
  const inFolder = (p: string) =>
    /^(openSync|renameSync|mkdirSync|rmSync|rmdirSync|unlinkSync|writeFileSync) [^/]+$/.test(p);
  const chosen = new Set(all.filter((k) => inFolder(points[k - 1]!) || k === all.length));
  const rng = createRng(`output-crash ${name}`);
  const others = all.filter((k) => !chosen.has(k));
  for (let i = 0; i < OTHER_POINTS && others.length > 0; i++)
    chosen.add(others.splice(uniformInt(rng, others.length), 1)[0]!);
  return [...chosen].sort((a, b) => a - b);
}

/**
 * The trials of one command: `before` writes the old outputs, `args` the new ones; `state` reads
 * the outputs, which must be `old` or `fresh` (or a combination `allowed` says may follow a kill).
 */
function trials(opts: {
  name: string;
  dir: string;
  args: string[];
  before: () => void;
  state: () => string;
  allowed?: (s: string, old: string, fresh: string) => boolean;
}): { old: number; fresh: number; other: number; kills: number } {
  const { dir, args } = opts;
  opts.before();
  const old = opts.state();
  const ref = writePoints(args, dir);
  expect(ref.code, ref.stderr).toBe(0);
  const fresh = opts.state();
  expect(fresh).not.toEqual(old);
  expect(ref.points.length, 'a complete run writes').toBeGreaterThan(1);
  const kills = killPoints(ref.points, opts.name);
  const seen = { old: 0, fresh: 0, other: 0, kills: kills.length };
  for (const k of kills) {
    opts.before();
    // What the kill before left is the next run's to sweep; removing it first keeps the run's
    // points numbered as in the complete run (the last kill's are left for the complete run below).
    for (const n of leftovers(dir)) rmSync(join(dir, n), { recursive: true, force: true });
    const r = killAtWrite(args, dir, k);
    expect(r.signal, `${opts.name}: killed before ${ref.points[k - 1]} (${k})\n${r.stderr}`).toBe('SIGKILL');
    const s = opts.state();
    if (s === old) seen.old++;
    else if (s === fresh) seen.fresh++;
    else {
      expect(
        opts.allowed?.(s, old, fresh),
        `${opts.name}, killed before ${ref.points[k - 1]} (${k} of ${ref.points.length}): a partial or mixed output`,
      ).toBe(true);
      seen.other++;
      // The next complete run recovers from it and leaves nothing behind.
      const next = runToEnd(args, dir);
      expect(next.code, next.stderr).toBe(0);
      expect(opts.state()).toEqual(fresh);
      expect(leftovers(dir)).toEqual([]);
    }
  }
  // The next complete run succeeds and leaves nothing behind.
  const next = runToEnd(args, dir);
  expect(next.code, next.stderr).toBe(0);
  expect(opts.state()).toEqual(fresh);
  return seen;
}

describe('commands that write files, killed at the points where they change files', () => {
  it(`sample -o: the list and its manifest old or new, never part (a kill at each write point)`, () => {
    const dir = mkdtempSync(join(tmpdir(), 'hhsurvey-crash-sample-'));
    expect(
      runToEnd(['synth', 'roster', '--households', '1000', '--seed', 'crash', '-o', 'roster.csv'], dir).code,
    ).toBe(0);
    const out = ['roster.csv', '--seed', 'new', '--size', '22', '-o', 's.csv'];
    const old = runToEnd(['sample', 'roster.csv', '--seed', 'old', '--size', '22', '-o', 'old-s.csv'], dir);
    expect(old.code, old.stderr).toBe(0);
    const files = () =>
      ['s.csv', 's.manifest.json'].map((f) => (existsSync(join(dir, f)) ? digest(join(dir, f)) : '-'));
    const seen = trials({
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
    // Every point of a sample run is a kill point: one falls between the two renames.
    expect(seen.other).toBe(1);
    expect(seen.old).toBe(seen.kills - 1);
  }, 600_000);

  it(`synth roster -o: the roster old or new, never part (a kill at each write point)`, () => {
    const dir = mkdtempSync(join(tmpdir(), 'hhsurvey-crash-synth-'));
    const seen = trials({
      name: 'synth roster',
      dir,
      args: ['synth', 'roster', '--households', '20000', '--seed', 'new', '-o', 'r.csv'],
      before: () => writeFileSync(join(dir, 'r.csv'), 'household_id,community\r\nH1,old\r\n'),
      state: () => digest(join(dir, 'r.csv')),
    });
    expect(leftovers(dir)).toEqual([]);
    // The rename that publishes the roster is its last change: every kill leaves the old one.
    expect(seen.old).toBe(seen.kills);
  }, 600_000);

  it(`drill: the folder all old or all new (a kill at each write point)`, () => {
    const dir = mkdtempSync(join(tmpdir(), 'hhsurvey-crash-drill-'));
    expect(
      runToEnd(['synth', 'roster', '--households', '1000', '--seed', 'crash', '-o', 'roster.csv'], dir).code,
    ).toBe(0);
    const drill = (seed: string) =>
      `name: crash\ndate: 2026-11-28\nroster: roster.csv\nseed: ${seed}\nsampling:\n  size: 22\n  reserve: 2\nsynthetic:\n  rates: 0.9\n  response_rate: 0.9\n`;
    writeFileSync(join(dir, 'old.yaml'), drill('old'));
    writeFileSync(join(dir, 'new.yaml'), drill('new'));
    const old = runToEnd(['drill', 'old.yaml', '--out', 'old-out', '--no-fail'], dir);
    expect(old.code, old.stderr).toBe(0);
    const seen = trials({
      name: 'drill',
      dir,
      args: ['drill', 'new.yaml', '--out', 'out', '--no-fail'],
      before: () => {
        rmSync(join(dir, 'out'), { recursive: true, force: true });
        cpSync(join(dir, 'old-out'), join(dir, 'out'), { recursive: true });
      },
      state: () => {
        if (existsSync(join(dir, 'out'))) return folderSnapshot(join(dir, 'out'));
        const aside = readdirSync(dir).filter((n) => /^\.out\.hhsurvey-.*\.old$/.test(n));
        return aside.length === 1 ? `set aside ${folderSnapshot(join(dir, aside[0]!))}` : 'missing';
      },
      // A kill between its two renames leaves the previous drill set aside whole (`.out.….old`),
      // which the next run beside --out puts back.
      allowed: (s, old) => s === `set aside ${old}`,
    });
    expect(leftovers(dir)).toEqual([]);
    expect(seen.old + seen.fresh + seen.other).toBe(seen.kills);
    expect(seen.other, 'a kill between the two renames').toBe(1);
    expect(seen.old * seen.fresh, 'kills before and after publishing').toBeGreaterThan(0);
  }, 600_000);
});
