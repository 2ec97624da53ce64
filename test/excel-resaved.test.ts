import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findStrippedZeros } from '../src/sampling/excel-ids.js';
import { runCli } from './helpers/run-cli.js';
import { rosterCsv, tempDir, tinyRoster, writeRoster } from './helpers/roster.js';

const dir = tempDir();
// Ids as offices number households: six digits with leading zeros.
const rows = tinyRoster({ 和平社区: 40, 利农社区: 30 }).map((h, i) => ({
  ...h,
  id: String(i + 1).padStart(6, '0'),
}));
const roster = writeRoster(dir, 'roster.csv', rosterCsv(rows, { chinese: true }));

/** What Excel does to a CSV it opens and saves: numbers lose their leading zeros. */
function resaveAsExcel(text: string): string {
  return text
    .split('\r\n')
    .map((line) => line.replace(/(^|,)0+(\d+)(?=,|$)/g, '$1$2'))
    .join('\r\n');
}

describe('a list re-saved by Excel (ids without their leading zeros)', () => {
  it('finds ids that match only once the zeros are restored, in either direction', () => {
    const sample = ['000003', '000017', 'H0001', '120'];
    expect(
      findStrippedZeros(
        [
          { householdId: '3' },
          { householdId: '000003' },
          { householdId: '17' },
          { householdId: '0120' },
          { householdId: '5' },
        ],
        sample,
      ).map((f) => [f.given.householdId, f.original]),
    ).toEqual([
      ['3', '000003'],
      ['17', '000017'],
      ['0120', '120'],
    ]);
    expect(findStrippedZeros([{ householdId: '1' }, { householdId: 'H1' }], ['H0001', '000002'])).toEqual([]);
  });

  it('verify says so in one line (exit 2), in English and Chinese, instead of listing differences', async () => {
    const out = join(dir, 'sample.csv');
    expect((await runCli(['sample', roster, '--seed', 'x1', '--reserve', '2', '-o', out])).code).toBe(0);
    const text = readFileSync(out, 'utf8');
    const resaved = join(dir, 'resaved.csv');
    writeFileSync(resaved, resaveAsExcel(text));
    writeFileSync(join(dir, 'resaved.manifest.json'), readFileSync(join(dir, 'sample.manifest.json')));
    const first = /\r\n[^,]+,primary,1,(\d+),/.exec(text)![1]!;
    const stripped = first.replace(/^0+/, '');
    const r = await runCli(['verify', 'resaved.csv', '--roster', roster], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toEqual([
      `resaved.csv:2: household ${stripped} is not in the sample, which has ${first}: the list was probably re-saved by Excel; use the .xlsx list or the original file (and 47 more ids lost their leading zeros the same way)`,
    ]);
    const zh = await runCli(['verify', 'resaved.csv', '--roster', roster, '--lang', 'zh'], {
      cwd: dir,
      env: { LANG: 'zh_CN.UTF-8' },
    });
    expect(zh.code).toBe(2);
    expect(zh.stderr.trim().split('\n')).toEqual([
      `resaved.csv:2: 户编号 ${stripped} 不在样本中，样本中有 ${first}：该名单可能被 Excel 另存过（去掉了开头的 0）；请使用 .xlsx 名单或原始文件（另有 47 个户编号同样丢了开头的 0）`,
    ]);
  });

  it('status, score and interview say so for a responses file re-saved by Excel', async () => {
    const out = join(dir, 'fw.csv');
    expect((await runCli(['sample', roster, '--seed', 'x2', '-o', out])).code).toBe(0);
    const first = /\r\n[^,]+,primary,1,(\d+),/.exec(readFileSync(out, 'utf8'))![1]!;
    const stripped = first.replace(/^0+/, '');
    writeFileSync(
      join(dir, 'resp.csv'),
      'household_id,stratum,role,visit,disposition,interviewer,recorded_at,aware_campaign,support_campaign,participate,satisfaction,core_values_heard,core_values_know,note\r\n' +
        `${stripped},全福街道 / 和平社区,primary,1,complete,王芳,2026-11-28T10:00:00+08:00,1,1,1,1,1,1,\r\n`,
    );
    const expected = `resp.csv:2: household ${stripped} is not in the sample, which has ${first}: the list was probably re-saved by Excel; use the .xlsx list or the original file`;
    for (const args of [
      ['status', 'fw.csv', '--responses', 'resp.csv'],
      ['score', 'fw.csv', '--responses', 'resp.csv'],
      ['interview', 'fw.csv', '--responses', 'resp.csv', '--interviewer', '王芳'],
    ]) {
      const r = await runCli(args, { cwd: dir, stdin: 'quit\n' });
      expect(r.code).toBe(2);
      expect(r.stderr.trim().split('\n')).toEqual([expected]);
    }
  });
});
