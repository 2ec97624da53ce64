import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readSampleList } from '../src/sampling/sample-file.js';
import { ROOT, runCli } from './helpers/run-cli.js';
import { tempDir } from './helpers/roster.js';

/*
 * A drill reads an office roster as check and sample do (sheet, columns, fill_down, id_from in its
 * sampling section) and hands field teams the sample list as a workbook (sample.xlsx) beside the
 * CSV, masked as the drill file asks; verify accepts either list.
 */

const drill = (roster: string, sampling: string) => `name: 办公室演练
date: 2026-11-28
roster: ${roster}
seed: office
sampling:
  size: 5
  reserve: 2
${sampling}
synthetic:
  rates: 0.95
`;

describe('hhsurvey drill on office rosters', () => {
  it('reads a GB18030 export with merged-cell blanks (fill_down) and writes sample.xlsx, masked', async () => {
    const dir = tempDir();
    copyFileSync(join(ROOT, 'fixtures/office/roster-export-gb18030.csv'), join(dir, 'roster.csv'));
    writeFileSync(join(dir, 'drill.yaml'), drill('roster.csv', '  fill_down: [街道, 社区]\n  mask: pii'));
    const r = await runCli(['drill', join(dir, 'drill.yaml'), '--out', join(dir, 'out'), '--no-fail']);
    expect(r.stderr).not.toMatch(/internal error/);
    expect(r.code).toBe(0);
    const csv = await readSampleList(join(dir, 'out', 'sample.csv'));
    const xlsx = await readSampleList(join(dir, 'out', 'sample.xlsx'));
    expect(csv.entries).toHaveLength(3 * 7);
    const key = (l: typeof csv) => l.entries.map((e) => [e.stratum, e.role, e.rank, e.householdId, e.phone]);
    expect(key(xlsx)).toEqual(key(csv));
    // Ids keep their zeros in the workbook; contacts are masked in both lists.
    expect(xlsx.entries.every((e) => /^\d{6}$/.test(e.householdId))).toBe(true);
    expect(
      csv.entries.every((e) => /^\d{3}\*{4}\d{4}$/.test(e.phone ?? '') && /\*/.test(e.headName ?? '')),
    ).toBe(true);
    const record = JSON.parse(readFileSync(join(dir, 'out', 'drill.json'), 'utf8')) as { files: string[] };
    expect(record.files).toContain('sample.xlsx');
    // The manifest records how the roster was read; verify re-draws from the export or the workbook.
    for (const list of ['sample.csv', 'sample.xlsx']) {
      const v = await runCli(['verify', join(dir, 'out', list), '--roster', join(dir, 'roster.csv')]);
      expect(v.code).toBe(0);
    }
    const wb = await runCli([
      'verify',
      join(dir, 'out', 'sample.xlsx'),
      '--roster',
      join(ROOT, 'fixtures/office/roster.xlsx'),
    ]);
    expect(wb.code).toBe(0);
  });

  it('reads a named sheet of a workbook and a 序号-only roster with id_from; warns of unmasked ID cards', async () => {
    const dir = tempDir();
    copyFileSync(join(ROOT, 'fixtures/office/roster.xlsx'), join(dir, 'roster.xlsx'));
    writeFileSync(join(dir, 'drill.yaml'), drill('roster.xlsx', '  sheet: 户册'));
    const r = await runCli(['drill', join(dir, 'drill.yaml'), '--out', join(dir, 'out'), '--no-fail']);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/read sheet "户册"/);

    copyFileSync(join(ROOT, 'fixtures/office/serial-only.csv'), join(dir, 'serial.csv'));
    writeFileSync(join(dir, 'serial.yaml'), drill('serial.csv', '  id_from: [街道, 社区, 楼栋, 单元, 房号]'));
    const s = await runCli(['drill', join(dir, 'serial.yaml'), '--out', join(dir, 'serial'), '--no-fail']);
    expect(s.code).toBe(0);
    expect((await readSampleList(join(dir, 'serial', 'sample.xlsx'))).entries[0]!.householdId).toMatch(/-/);

    // A roster with ID-card numbers: the drill warns, naming the column and never a number.
    const lines = readFileSync(join(dir, 'serial.csv'), 'utf8')
      .replace(/^\uFEFF/, '')
      .split(/\r?\n/);
    const head = lines.findIndex((l) => l.includes('社区'));
    const withIds = lines.map((l, i) =>
      i < head || l === ''
        ? l
        : `${l},${i === head ? '身份证号' : `37010219800101${String(i).padStart(4, '0')}`}`,
    );
    writeFileSync(join(dir, 'ids.csv'), withIds.join('\n'));
    writeFileSync(join(dir, 'ids.yaml'), drill('ids.csv', '  id_from: [街道, 社区, 楼栋, 单元, 房号]'));
    for (const lang of ['en', 'zh']) {
      const w = await runCli([
        'drill',
        join(dir, 'ids.yaml'),
        '--out',
        join(dir, `ids-${lang}`),
        '--no-fail',
        '--lang',
        lang,
      ]);
      expect(w.code).toBe(0);
      expect(w.stderr).toContain(
        lang === 'zh' ? '身份证号列 身份证号 未遮蔽' : 'ID-card numbers in 身份证号 are written unmasked',
      );
      expect(w.stderr).not.toMatch(/370102\d{12}/);
    }
  });
});
