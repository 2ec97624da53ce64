import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { readXlsxTable } from '../src/io/xlsx-read.js';
import { readSampleList } from '../src/sampling/sample-file.js';
import { runCli } from './helpers/run-cli.js';
import { unzip } from './helpers/xlsx.js';
import { rosterCsv, tempDir, tinyRoster, writeRoster } from './helpers/roster.js';

const dir = tempDir();
const east = tinyRoster({ 和平社区: 40, 利农社区: 30 }, '全福街道');
const west = tinyRoster({ 和平社区: 35 }, '华山街道').map((h, i) => ({
  ...h,
  id: `H${String(east.length + i + 1).padStart(6, '0')}`,
}));
// Ids with leading zeros, a formula-looking name and a phone written +86.
const rows = [...east, ...west].map((h, i) => ({
  ...h,
  id: String(i + 1).padStart(6, '0'),
  name: i === 0 ? '=HYPERLINK("x")' : h.name,
  phone: i === 1 ? '+86 100 0000 1111' : h.phone,
}));
const roster = writeRoster(dir, 'roster.csv', rosterCsv(rows, { chinese: true }));

const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' });

describe('sample --format xlsx', () => {
  it('writes a workbook field teams can print, and verify accepts it as it accepts the CSV', async () => {
    const out = join(dir, 'sample.xlsx');
    const r = await runCli([
      'sample',
      roster,
      '--seed',
      'x',
      '--reserve',
      '3',
      '--format',
      'xlsx',
      '-o',
      out,
    ]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    // The ids' leading zeros survive in a workbook: no advice to use one.
    expect(r.stderr).not.toMatch(/leading zero/);
    const csvRun = await runCli(['sample', roster, '--seed', 'x', '-o', join(dir, 'zeros.csv')]);
    expect(csvRun.code).toBe(0);
    expect(csvRun.stderr).toMatch(/leading zero/);
    const parts = unzip(out);
    const wb = xml.parse(parts.get('xl/workbook.xml')!) as {
      workbook: {
        sheets: { sheet: { name: string }[] };
        definedNames: { definedName: { name: string; '#text': string }[] };
      };
    };
    // One sheet for all, then one per sub-district.
    expect(wb.workbook.sheets.sheet.map((s) => s.name)).toEqual(['all', '全福街道', '华山街道']);
    const titles = wb.workbook.definedNames.definedName.filter((d) => d.name === '_xlnm.Print_Titles');
    expect(titles.map((d) => d['#text'])).toEqual(["'all'!$1:$1", "'全福街道'!$1:$1", "'华山街道'!$1:$1"]);
    for (let i = 1; i <= 3; i++) {
      const text = parts.get(`xl/worksheets/sheet${i}.xml`)!;
      const ws = (xml.parse(text) as { worksheet: Record<string, Record<string, unknown>> }).worksheet;
      expect(ws.sheetViews!.sheetView).toMatchObject({ pane: { ySplit: '1', state: 'frozen' } });
      expect(ws.autoFilter!.ref).toMatch(/^A1:O\d+$/);
      expect(ws.pageSetup).toMatchObject({ paperSize: '9', orientation: 'landscape' });
      expect(text).not.toMatch(/<f>|<f /); // no formula anywhere
    }
    // Column widths fit Chinese text: the stratum column is wide enough for 华山街道 / 和平社区 (18 units).
    const cols = (
      xml.parse(parts.get('xl/worksheets/sheet1.xml')!) as {
        worksheet: { cols: { col: { width: string }[] } };
      }
    ).worksheet.cols.col;
    expect(Number(cols[0]!.width)).toBeGreaterThanOrEqual(18);

    const table = await readXlsxTable(out);
    expect(table.header.slice(0, 5)).toEqual(['stratum', 'role', 'rank', 'household_id', '街道']);
    // Ids keep their zeros, phones stay text; reserves after a blank row, in their order.
    const ids = table.rows.map((x) => x.fields[3]);
    expect(ids.every((id) => /^\d{6}$/.test(id!))).toBe(true);
    const first = table.rows.filter((x) => x.fields[0] === '全福街道 / 和平社区');
    expect(first.map((x) => `${x.fields[1]} ${x.fields[2]}`)).toEqual([
      ...Array.from({ length: 22 }, (_, i) => `primary ${i + 1}`),
      'reserve 1',
      'reserve 2',
      'reserve 3',
    ]);
    expect(first[22]!.line - first[21]!.line).toBe(2);

    const v = await runCli(['verify', out, '--roster', roster]);
    expect(v.stdout).toMatch(/verified: all 75 households/);
    expect(v.code).toBe(0);
    // The same draw as CSV: the same households, and the same manifest.
    const csv = join(dir, 'same.csv');
    expect((await runCli(['sample', roster, '--seed', 'x', '--reserve', '3', '-o', csv])).code).toBe(0);
    const a = await readSampleList(out);
    const b = await readSampleList(csv);
    expect(a.entries.map((e) => [e.stratum, e.role, e.rank, e.householdId, e.fields])).toEqual(
      b.entries.map((e) => [e.stratum, e.role, e.rank, e.householdId, e.fields]),
    );
    // Rerun: the same bytes.
    const again = readFileSync(out);
    expect((await runCli(['sample', roster, '--seed', 'x', '--reserve', '3', '-o', out])).code).toBe(0);
    expect(readFileSync(out).equals(again)).toBe(true);
  });

  it('neutralises formula text as CSV does, and reading it back undoes exactly that', async () => {
    const out = join(dir, 'evil.xlsx');
    const r = await runCli([
      'sample',
      roster,
      '--seed',
      'x',
      '--size',
      '40',
      '--only',
      '全福街道 / 和平社区',
      '-o',
      out,
    ]);
    expect(r.code).toBe(0);
    const cells = (await readXlsxTable(out)).rows.map((x) => x.fields);
    expect(cells.some((f) => f.includes(`'=HYPERLINK("x")`))).toBe(true);
    expect(cells.some((f) => f.includes(`'+86 100 0000 1111`))).toBe(true);
    const list = await readSampleList(out);
    const names = list.entries.map((e) => e.headName);
    expect(names).toContain('=HYPERLINK("x")');
    expect(list.entries.map((e) => e.phone)).toContain('+86 100 0000 1111');
  });

  it('needs -o, in English and Chinese', async () => {
    const r = await runCli(['sample', roster, '--seed', 'x', '--format', 'xlsx']);
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe(
      'hhsurvey: --format xlsx needs -o FILE.xlsx (a workbook cannot be written to the terminal)',
    );
    const zh = await runCli(['sample', roster, '--seed', 'x', '--format', 'xlsx', '--lang', 'zh']);
    expect(zh.stderr.trim()).toBe('hhsurvey: --format xlsx 需要 -o 文件名.xlsx（工作簿不能写到终端）');
  });
});
