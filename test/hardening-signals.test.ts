import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  cpSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createRng, uniformInt } from '../src/sampling/rng.js';
import { BIN } from './helpers/run-cli.js';

/**
 * Ctrl+C and SIGTERM mid-drill (defect 12), at seeded random moments: the drill folder is the
 * previous drill exactly or the complete new one, never a mix; when hhsurvey says "nothing
 * half-written was left behind" that is true at once (no temporary folder, no lock); the next run
 * succeeds and leaves nothing behind.
 */
const TRIALS = 12;
const ENV = {
  PATH: process.env.PATH ?? '',
  NO_COLOR: '1',
  LANG: 'en_US.UTF-8',
  SOURCE_DATE_EPOCH: '1767225600',
};

const digest = (p: string) => createHash('sha256').update(readFileSync(p)).digest('hex');
function snapshot(dir: string): string {
  const out: Record<string, string> = {};
  const walk = (d: string, prefix: string) => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p, `${prefix}${name}/`);
      else out[`${prefix}${name}`] = digest(p);
    }
  };
  if (existsSync(dir)) walk(dir, '');
  return JSON.stringify(out);
}
const leftovers = (dir: string) => readdirSync(dir).filter((n) => /hhsurvey|\.tmp$|\.lock$/.test(n));

function signalAfter(
  args: string[],
  cwd: string,
  signal: NodeJS.Signals,
  delay: number,
): Promise<{ code: number | null; stderr: string }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd,
      env: ENV,
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
    const timer = setTimeout(() => child.kill(signal), delay);
    child.on('close', (code) => {
      clearTimeout(timer);
      done({ code, stderr });
    });
  });
}

describe('drill interrupted by SIGINT or SIGTERM at seeded random moments', () => {
  it(`keeps the previous drill or publishes the whole new one, and says so truthfully (${TRIALS} signals)`, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hhsurvey-harden-signals-'));
    const run = (args: string[]) => {
      const t0 = Date.now();
      const r = spawnSync(process.execPath, [BIN, ...args], { cwd: dir, env: ENV, encoding: 'utf8' });
      return { code: r.status, stderr: r.stderr, ms: Date.now() - t0 };
    };
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
    const ref = run(args);
    expect(ref.code, ref.stderr).toBe(0);
    const fresh = snapshot(join(dir, 'out'));
    expect(fresh).not.toBe(old);

    const rng = createRng('hardening signals drill');
    const span = Math.max(300, Math.round(ref.ms * 1.1));
    const seen = { old: 0, fresh: 0, claimed: 0 };
    for (let i = 0; i < TRIALS; i++) {
      restore();
      const signal: NodeJS.Signals = i % 2 === 0 ? 'SIGINT' : 'SIGTERM';
      // Past start-up (before it Node's default ends the process and nothing exists yet) to the end.
      const r = await signalAfter(args, dir, signal, Math.round(span / 4) + uniformInt(rng, span));
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
