import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildXlsx, writeXlsxFile, type SheetInput } from '../scripts/xlsx-build.js';
import {
  classifyFormat,
  formatNumber,
  readXlsxRows,
  readXlsxTable,
  serialToIso,
} from '../src/io/xlsx-read.js';

const dir = mkdtempSync(join(tmpdir(), 'hhsurvey-xlsx-'));
let n = 0;
function workbook(sheets: SheetInput[]): string {
  const file = join(dir, `wb${++n}.xlsx`);
  writeFileSync(file, buildXlsx(sheets));
  return file;
}
async function rows(file: string, sheet?: string): Promise<[number, string[]][]> {
  const out: [number, string[]][] = [];
  await readXlsxRows(file, (r, cells) => void out.push([r, [...cells]]), { sheet });
  return out;
}

describe('formatNumber', () => {
  it('writes plain decimals, as Excel shows them', () => {
    expect(formatNumber('13812345678')).toBe('13812345678');
    expect(formatNumber('1.3812345678E+10')).toBe('13812345678');
    expect(formatNumber('0.30000000000000004')).toBe('0.3');
    expect(formatNumber('3')).toBe('3');
    expect(formatNumber('3.0')).toBe('3');
    expect(formatNumber('-2.5')).toBe('-2.5');
    expect(formatNumber('1E+21')).toBe('1000000000000000000000');
    expect(formatNumber('1.5E-7')).toBe('0.00000015');
    expect(formatNumber('110101199001011234')).toBe('110101199001011000'); // 15 digits, as Excel keeps
    expect(formatNumber('0')).toBe('0');
  });
});

describe('dates and formats', () => {
  it('turns serials into ISO dates in both date systems', () => {
    expect(serialToIso(45658, false, 'date')).toBe('2025-01-01');
    expect(serialToIso(1, false, 'date')).toBe('1900-01-01');
    expect(serialToIso(61, false, 'date')).toBe('1900-03-01');
    expect(serialToIso(45658.5, false, 'date')).toBe('2025-01-01 12:00:00');
    expect(serialToIso(0, true, 'date')).toBe('1904-01-01');
    expect(serialToIso(0.75, false, 'time')).toBe('18:00:00');
  });
  it('recognises date, time and zero-padded formats', () => {
    expect(classifyFormat('yyyy\\-mm\\-dd').kind).toBe('date');
    expect(classifyFormat('yyyy"年"m"月"d"日"').kind).toBe('date');
    expect(classifyFormat('[$-804]aaaa;@').kind).toBe('general');
    expect(classifyFormat('h:mm:ss').kind).toBe('time');
    expect(classifyFormat('000000')).toEqual({ kind: 'pad', width: 6 });
    expect(classifyFormat('0.00').kind).toBe('general');
    expect(classifyFormat('#,##0').kind).toBe('general');
    expect(classifyFormat('@').kind).toBe('general');
  });
});

describe('readXlsxRows', () => {
  it('reads text, numbers, dates, booleans, formulas and inline strings as Excel shows them', async () => {
    const file = workbook([
      {
        name: '户册',
        rows: [
          ['户编号', '电话', '人口', '登记日期', '出租', '合计', '备注'],
          [
            { v: '000123', s: 1 },
            13812345678,
            3,
            { v: 45658, s: 2 },
            { v: true, t: 'b' },
            { v: 4, f: 'C2+1' },
            { v: 'A&B <门> "甲"', t: 'inline' },
          ],
          [
            { v: 7, s: 3 },
            1.3812345678e10,
            { v: 0.30000000000000004 },
            { v: 45658, s: 4 },
            { v: false, t: 'b' },
            { v: '是', t: 'str', f: 'IF(1,"是","否")' },
          ],
        ],
      },
    ]);
    expect(await rows(file)).toEqual([
      [1, ['户编号', '电话', '人口', '登记日期', '出租', '合计', '备注']],
      [2, ['000123', '13812345678', '3', '2025-01-01', 'TRUE', '4', 'A&B <门> "甲"']],
      [3, ['000007', '13812345678', '0.3', '2025-01-01', 'FALSE', '是']],
    ]);
  });

  it('gives a merged range its top-left value in every cell, and cuts trailing empty cells', async () => {
    const file = workbook([
      {
        name: 'Sheet1',
        rows: [
          ['某区住户花名册'],
          [],
          ['户编号', '街道', '社区', '房号', null, null],
          ['001', '全福街道', '和平社区', '101'],
          ['002', null, null, '102'],
          ['003', null, null, '103', '', null],
          ['004', '华山街道', '新村社区', '201'],
        ],
        merges: ['A1:D1', 'B4:B6', 'C4:C6'],
      },
    ]);
    expect(await rows(file)).toEqual([
      [1, ['某区住户花名册', '某区住户花名册', '某区住户花名册', '某区住户花名册']],
      [3, ['户编号', '街道', '社区', '房号']],
      [4, ['001', '全福街道', '和平社区', '101']],
      [5, ['002', '全福街道', '和平社区', '102']],
      [6, ['003', '全福街道', '和平社区', '103']],
      [7, ['004', '华山街道', '新村社区', '201']],
    ]);
  });

  it('skips hidden sheets unless named, and takes a sheet by name or position', async () => {
    const file = workbook([
      { name: '说明', hidden: true, rows: [['hidden']] },
      { name: '户册', rows: [['visible']] },
      { name: '备用', rows: [['third']] },
    ]);
    expect(await rows(file)).toEqual([[1, ['visible']]]);
    expect(await rows(file, '说明')).toEqual([[1, ['hidden']]]);
    expect(await rows(file, '3')).toEqual([[1, ['third']]]);
    await expect(rows(file, '没有')).rejects.toThrow(
      /no sheet "没有" \(sheets: 说明 \(hidden\), 户册, 备用\)/,
    );
  });

  it('refuses .xls, .et and password-protected workbooks with one line on how to save as .xlsx', async () => {
    const cfb = Buffer.alloc(2048);
    Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(cfb);
    const xls = join(dir, 'old.xls');
    writeFileSync(xls, cfb);
    await expect(rows(xls)).rejects.toThrow(/old Excel workbook \(\.xls\).*Save As.*\.xlsx/);
    const et = join(dir, 'wps.et');
    writeFileSync(et, cfb);
    await expect(rows(et)).rejects.toThrow(/WPS spreadsheet \(\.et\)/);
    const enc = Buffer.concat([cfb, Buffer.from('EncryptedPackage', 'utf16le'), Buffer.alloc(64)]);
    const locked = join(dir, 'locked.xlsx');
    writeFileSync(locked, enc);
    await expect(rows(locked)).rejects.toThrow(/password-protected/);
    await expect(readXlsxRows(locked, () => undefined, { lang: 'zh' })).rejects.toThrow(/设有打开密码/);
  });

  it('reads a deflated workbook streamed by writeXlsxFile, and a table of it', async () => {
    const file = join(dir, 'big.xlsx');
    function* gen() {
      yield ['户编号', '社区', '电话'];
      for (let i = 1; i <= 5000; i++)
        yield [`H${String(i).padStart(7, '0')}`, `社区${i % 7}`, 13800000000 + i];
    }
    await writeXlsxFile(file, '户册', gen());
    const t = await readXlsxTable(file);
    expect(t.header).toEqual(['户编号', '社区', '电话']);
    expect(t.rows).toHaveLength(5000);
    expect(t.rows[4999]).toEqual({ line: 5001, fields: ['H0005000', '社区2', '13800005000'] });
  });
});
