import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './helpers/run-cli.js';
import { rosterCsv, tempDir, tinyRoster, writeRoster } from './helpers/roster.js';

const DRILL = `name: 事务
date: 2026-11-28
roster: roster.csv
seed: date
sampling:
  by: [community]
  size: 10
  reserve: 2
synthetic:
  rates: 0.9
  response_rate: 0.9
`;

function fixture(): string {
  const dir = tempDir();
  writeRoster(dir, 'roster.csv', rosterCsv(tinyRoster({ 南全福社区: 40, 利农社区: 30 }, '全福街道')));
  writeFileSync(join(dir, 'drill.yaml'), DRILL);
  return dir;
}

const snapshot = (dir: string) =>
  Object.fromEntries(
    readdirSync(dir)
      .sort()
      .map((f) => [f, readFileSync(join(dir, f))]),
  );

const leftovers = (dir: string) => readdirSync(dir).filter((f) => f.includes('.hhsurvey-'));

describe('drills are transactions (defect 12)', () => {
  it('a drill that fails after the draw leaves the previous drill exactly as it was', async () => {
    const dir = fixture();
    const first = await runCli(['drill', 'drill.yaml', '--out', 'out'], { cwd: dir });
    expect([0, 1]).toContain(first.code);
    writeFileSync(join(dir, 'out', 'notes.txt'), 'our notes');
    const before = snapshot(join(dir, 'out'));
    // Real responses that do not belong to the draw: the drill fails after writing its sample.
    writeFileSync(join(dir, 'bad.yaml'), DRILL.replace(/synthetic:[\s\S]*$/, 'responses: team.csv\n'));
    writeFileSync(
      join(dir, 'team.csv'),
      'household_id,stratum,role,visit,disposition,interviewer,recorded_at\r\nX0001,利农社区,primary,1,refused,王,2026-11-28T10:00:00+08:00\r\n',
    );
    const r = await runCli(['drill', 'bad.yaml', '--out', 'out'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(snapshot(join(dir, 'out'))).toEqual(before);
    expect(leftovers(dir)).toEqual([]);
  });

  it('a new drill replaces the old one whole and keeps files a drill does not write', async () => {
    const dir = fixture();
    await runCli(['drill', 'drill.yaml', '--out', 'out'], { cwd: dir });
    writeFileSync(join(dir, 'out', 'notes.txt'), 'our notes');
    const r = await runCli(['drill', 'drill.yaml', '--out', 'out', '--seed', 'other'], { cwd: dir });
    expect([0, 1]).toContain(r.code);
    expect(readFileSync(join(dir, 'out', 'notes.txt'), 'utf8')).toBe('our notes');
    expect(readFileSync(join(dir, 'out', 'drill.json'), 'utf8')).toContain('"seed": "other"');
    expect(leftovers(dir)).toEqual([]);
  });

  it('a second drill into a folder being written is refused; a stale lock is not', async () => {
    const dir = fixture();
    const lock = join(dir, '.out.hhsurvey-drill.lock');
    writeFileSync(lock, `${process.ppid}\n`);
    const busy = await runCli(['drill', 'drill.yaml', '--out', 'out'], { cwd: dir });
    expect(busy.code).toBe(2);
    expect(busy.stderr).toMatch(/another hhsurvey drill \(process \d+\)/);
    writeFileSync(lock, '4194303\n'); // no such process
    const r = await runCli(['drill', 'drill.yaml', '--out', 'out'], { cwd: dir });
    expect([0, 1]).toContain(r.code);
    expect(readdirSync(dir).filter((f) => f.endsWith('.lock'))).toEqual([]);
  });
});
