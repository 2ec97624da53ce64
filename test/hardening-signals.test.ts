import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createRng, uniformInt } from '../src/sampling/rng.js';
import { folderSnapshot as snapshot, leftovers, runToEnd, watchRun } from './helpers/interrupt.js';

/**
 * Ctrl+C and SIGTERM mid-drill (defect 12), at seeded random moments: the drill folder is the
 * previous drill exactly or the complete new one, never a mix; when hhsurvey says "nothing
 * half-written was left behind" that is true at once (no temporary folder, no lock); the next run
 * succeeds and leaves nothing behind.
 */
const TRIALS = 12;
describe('drill interrupted by SIGINT or SIGTERM at seeded random moments', () => {
  it(`keeps the previous drill or publishes the whole new one, and says so truthfully (${TRIALS} signals)`, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hhsurvey-harden-signals-'));
    const run = (args: string[]) => runToEnd(args, dir);
    expect(run(['synth', 'roster', '--households', '1000', '--seed', 'sig', '-o', 'roster.csv']).code).toBe(
      0,
    );
    const drill = (seed: string) =>
      `name: signals\ndate: 2026-11-28\nroster: roster.csv\nseed: ${seed}\nsampling:\n  size: 22\n  reserve: 2\nsynthetic:\n  rates: 0.9\n  response_rate: 0.9\n`;
    writeFileSync(join(dir, 'old.yaml'), drill('old'));
    writeFileSync(join(dir, 'new.yaml'), drill('new'));
    expect(run(['drill', 'old.yaml', '--out', 'old-out', '--no-fail']).code).toBe(0);
    const args = ['drill', 'new.yaml', '--out', 'out', '--no-fail'];
    const restore = () => {
      rmSync(join(dir, 'out'), { recursive: true, force: true });
      cpSync(join(dir, 'old-out'), join(dir, 'out'), { recursive: true });
    };
    restore();
    const old = snapshot(join(dir, 'out'));
    const ref = await watchRun(args, dir);
    expect(ref.code, ref.stderr).toBe(0);
    expect(ref.first, 'the drill changes its folder').toBeGreaterThanOrEqual(0);
    const fresh = snapshot(join(dir, 'out'));
    expect(fresh).not.toBe(old);

    const rng = createRng('hardening signals drill');
    // From the drill's first change beside --out (its lock) to a little past its last (the rename):
    // timed from there, every signal lands while hhsurvey runs, however slow start-up is.
    const span = Math.round((ref.last - ref.first) * 1.1) + 5;
    const seen = { old: 0, fresh: 0, claimed: 0 };
    for (let i = 0; i < TRIALS; i++) {
      restore();
      const signal: NodeJS.Signals = i % 2 === 0 ? 'SIGINT' : 'SIGTERM';
      const r = await watchRun(args, dir, { signal, from: 'write', delay: uniformInt(rng, span) });
      const state = snapshot(join(dir, 'out'));
      expect([old, fresh], `trial ${i} (${signal}): a mixed drill folder`).toContain(state);
      if (state === old) seen.old++;
      else seen.fresh++;
      if (/nothing half-written was left behind/.test(r.stderr)) {
        seen.claimed++;
        expect(r.code).toBe(signal === 'SIGINT' ? 130 : 143);
        expect(leftovers(dir), `trial ${i}: claimed clean, left files`).toEqual([]);
      }
    }
    // Signals that land in the run are answered by hhsurvey; the next run leaves nothing behind.
    expect(seen.claimed).toBeGreaterThan(0);
    const next = run(args);
    expect(next.code, next.stderr).toBe(0);
    expect(snapshot(join(dir, 'out'))).toBe(fresh);
    expect(leftovers(dir)).toEqual([]);
  }, 300_000);
});
