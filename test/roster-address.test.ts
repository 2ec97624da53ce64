import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readSampleList } from '../src/sampling/sample-file.js';
import { runCli } from './helpers/run-cli.js';

/**
 * Most office rosters keep the address in one free-text column (住址, 地址, 家庭住址) rather than
 * 楼栋 / 单元 / 房号 columns. It is the walking order when no order column exists, and it is what the
 * interviewer's screen and the field sheets show as the address.
 */
const dir = mkdtempSync(join(tmpdir(), 'hhsurvey-address-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const ROOMS = ['10号楼1单元101', '2号楼1单元302', '2号楼1单元101', '1号楼2单元1102', '1号楼2单元201'];

describe('a free-text address column', () => {
  it('orders the sample when the roster has no order column, and says so', async () => {
    const rows = ROOMS.map((a, i) => `幸福街道,和平社区,H${i + 1},${a}`);
    const roster = join(dir, 'roster.csv');
    writeFileSync(roster, ['街道,社区,户编号,家庭住址', ...rows].join('\n') + '\n');
    const out = join(dir, 'sample.csv');
    const r = await runCli(['sample', roster, '--seed', 'a1', '--size', '5', '--reserve', '0', '-o', out]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain(
      'none of the order columns (grid, building, unit, floor, room) is in the roster: households ordered by its "家庭住址" address column',
    );
    expect(r.stderr).not.toContain('order columns not in the roster');
    // The walking route: building numbers as numbers (2 before 10), then unit, then room.
    const list = await readSampleList(out);
    expect(list.entries.map((e) => e.address)).toEqual([
      '1号楼2单元201',
      '1号楼2单元1102',
      '2号楼1单元101',
      '2号楼1单元302',
      '10号楼1单元101',
    ]);
    // The draw is re-created from the manifest with the same order.
    const v = await runCli(['verify', out, '--roster', roster]);
    expect(v.code, v.stderr).toBe(0);
    const zh = await runCli(['--lang', 'zh', 'check', roster]);
    expect(zh.code, zh.stderr).toBe(0);
  });

  it('comes first in the address shown, before estate and building columns when a roster has both', async () => {
    const roster = join(dir, 'both.csv');
    writeFileSync(roster, '街道,社区,户编号,住址,楼栋,房号\n幸福街道,和平社区,H1,幸福小区,3,502\n');
    const out = join(dir, 'both-sample.csv');
    const r = await runCli(['sample', roster, '--seed', 'a2', '--size', '1', '--reserve', '0', '-o', out]);
    expect(r.code, r.stderr).toBe(0);
    expect(readFileSync(out, 'utf8')).toContain(',幸福小区,3,502,');
    expect((await readSampleList(out)).entries[0]!.address).toBe('幸福小区 3-502');
  });
});
