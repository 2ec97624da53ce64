import { mkdtempSync, mkdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import { readRecordsAt, scanCsv } from './csv-scan.js';
import { readCsvTable } from './csv-read.js';
import { csvLine } from './csv-write.js';
import { parse } from 'csv-parse/sync';

const dir = mkdtempSync(join(tmpdir(), 'hhsurvey-scan-'));
let n = 0;
function file(content: string | Buffer): string {
  const p = join(dir, `f${++n}.csv`);
  writeFileSync(p, content);
  return p;
}

async function records(p: string, chunkSize?: number): Promise<{ line: number; fields: string[] }[]> {
  const out: { line: number; fields: string[] }[] = [];
  await scanCsv(p, (r) => void out.push({ line: r.line, fields: r.all() }), { chunkSize });
  return out;
}

describe('scanCsv', () => {
  it('reads LF and CRLF, quotes, escaped quotes and embedded newlines, with start lines', async () => {
    const p = file('a,b,c\r\n1,"x, y","say ""hi"""\r\n2,"two\nlines",z\r\n\r\n3,,\r\n');
    expect(await records(p)).toEqual([
      { line: 1, fields: ['a', 'b', 'c'] },
      { line: 2, fields: ['1', 'x, y', 'say "hi"'] },
      { line: 3, fields: ['2', 'two\nlines', 'z'] },
      { line: 6, fields: ['3', '', ''] },
    ]);
  });

  it('gives the same records whatever the chunk size (boundaries inside quotes, CRLF and characters)', async () => {
    const text = '户编号,社区\r\nH1,"南全福社区"\r\nH2,"利农""社区"\r\nH3,"多\r\n行"\r\nH4,华山\r\n';
    const p = file(text);
    const whole = await records(p);
    for (const size of [1, 2, 3, 5, 7, 11]) expect(await records(p, size)).toEqual(whole);
    const g = file(iconv.encode(text, 'gb18030'));
    for (const size of [1, 2, 3, 64]) expect(await records(g, size)).toEqual(whole);
  });

  it('detects UTF-8 with BOM and GB18030, and reads them to the same text', async () => {
    const text = '户编号,户主姓名\r\nH1,张*\r\nH2,𠀀王\r\n';
    const a = await readCsvTable(file('\uFEFF' + text));
    const b = await readCsvTable(file(iconv.encode(text, 'gb18030')));
    expect(a.encoding).toBe('utf8');
    expect(a.bom).toBe(true);
    expect(b.encoding).toBe('gb18030');
    expect(b.header).toEqual(a.header);
    expect(b.rows).toEqual(a.rows);
    expect(a.rows[1]!.fields[1]).toBe('𠀀王');
  });

  it('round-trips anything csv-write writes (property)', async () => {
    const cell = fc.string({ unit: fc.constantFrom('a', '社', ',', '"', '\n', '\r\n', ' ', '1', '𠀀') });
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(cell, { minLength: 2, maxLength: 2 }), { minLength: 1, maxLength: 8 }),
        async (rows) => {
          const body = rows.filter((r) => !(r[0] === '' && r[1] === '')); // blank-looking rows are dropped by design
          const p = file(csvLine(['h1', 'h2']) + body.map((r) => csvLine(r, false)).join(''));
          const t = await readCsvTable(p);
          expect(t.rows.map((r) => r.fields)).toEqual(body.filter((r) => r.some((c) => c.trim() !== '')));
        },
      ),
      { numRuns: 60 },
    );
  });

  it('agrees with csv-parse, the reference parser, on well-formed CSV (property)', async () => {
    // Fields quoted or not at random (quoted whenever they must be), one line-end style per file.
    const plain = fc.string({ unit: fc.constantFrom('a', '社', ' ', '1', '𠀀', '-') });
    const special = fc.string({ unit: fc.constantFrom('a', '社', ',', '"', '\n', ' ') });
    const field = fc.oneof(
      plain.map((v) => v),
      fc.oneof(plain, special).map((v) => `"${v.replace(/"/g, '""')}"`),
    );
    const row = fc.array(field, { minLength: 1, maxLength: 4 }).map((f) => f.join(','));
    await fc.assert(
      fc.asyncProperty(fc.array(row, { maxLength: 8 }), fc.boolean(), async (rows, crlf) => {
        const eol = crlf ? '\r\n' : '\n';
        const text = ['x,y', ...rows].map((r) => (crlf ? r.replace(/\n/g, '\r\n') : r)).join(eol) + eol;
        const expected: string[][] = parse(text, { relax_column_count: true, skip_empty_lines: true });
        const got: string[][] = [];
        await scanCsv(file(text), (r) => void got.push(r.all()));
        // A record of one empty field (a blank line, or "") is no data for either reader.
        const data = (rs: string[][]) => rs.filter((r) => !(r.length === 1 && r[0] === ''));
        expect(data(got)).toEqual(data(expected));
      }),
      { numRuns: 300 },
    );
  });

  it('re-reads records by byte offset', async () => {
    const p = file('\uFEFFid,name\r\nH1,南全福\r\nH2,"a\nb"\r\nH3,利农\r\n');
    const refs: { offset: number; length: number }[] = [];
    await scanCsv(p, (r) => void refs.push({ offset: r.offset, length: r.length }));
    const got: string[][] = [];
    await readRecordsAt(p, 'utf8', [refs[3]!, refs[1]!, refs[2]!], (i, r) => void (got[i] = r.all()));
    expect(got).toEqual([
      ['H3', '利农'],
      ['H1', '南全福'],
      ['H2', 'a\nb'],
    ]);
  });

  it('checks records read again against the block digests of the scan, across many blocks', async () => {
    // About 60 KB: records straddle the 4 KiB digest blocks, and neighbours share reads.
    const rows = ['\uFEFFhousehold_id,community,phone'];
    for (let i = 0; i < 1500; i++)
      rows.push(`H${String(i).padStart(5, '0')},社区${i % 7},1380000${String(i).padStart(4, '0')}`);
    const p = file(rows.join('\r\n') + '\r\n');
    const refs: { offset: number; length: number }[] = [];
    const info = await scanCsv(p, (r) => void refs.push({ offset: r.offset, length: r.length }), {
      digests: true,
      chunkSize: 1000,
    });
    expect(info.digests!.crc.length).toBe(Math.ceil(statSync(p).size / info.digests!.blockSize));
    const pick = [1500, 3, 4, 700, 701, 1, 1000, 999];
    const got: string[][] = [];
    await readRecordsAt(
      p,
      'utf8',
      pick.map((i) => refs[i]!),
      (i, r) => void (got[i] = r.all()),
      {
        digests: info.digests!,
      },
    );
    expect(got.map((f) => f[0])).toEqual(pick.map((i) => `H${String(i - 1).padStart(5, '0')}`));
    expect(got[0]).toEqual(['H01499', '社区1', '13800001499']);
  });

  it('refuses a record changed after the scan with its size and modification time kept', async () => {
    const text = 'household_id,community,phone\nH1,甲,13800000001\nH2,甲,13800000002\nH3,乙,13800000003\n';
    const p = file(text);
    // A whole second, which the file system keeps exactly, so that the time put back is the same.
    utimesSync(p, 1_700_000_000, 1_700_000_000);
    const refs: { offset: number; length: number }[] = [];
    const info = await scanCsv(p, (r) => void refs.push({ offset: r.offset, length: r.length }), {
      digests: true,
    });
    const st = statSync(p);
    // Another phone for H2: the same number of bytes, the id untouched, the time put back.
    writeFileSync(p, text.replace('13800000002', '13900000002'));
    utimesSync(p, 1_700_000_000, 1_700_000_000);
    expect(statSync(p).mtimeMs).toBe(st.mtimeMs);
    const read = () => readRecordsAt(p, 'utf8', [refs[2]!], () => undefined, { digests: info.digests! });
    await expect(read()).rejects.toThrow(/changed or was replaced while hhsurvey read it/);
    writeFileSync(p, text);
    utimesSync(p, 1_700_000_000, 1_700_000_000);
    const got: string[][] = [];
    await readRecordsAt(p, 'utf8', [refs[2]!], (i, r) => void (got[i] = r.all()), { digests: info.digests! });
    expect(got).toEqual([['H2', '甲', '13800000002']]);
    expect(readFileSync(p, 'utf8')).toBe(text);
  });

  it('refuses bad files with one clear line', async () => {
    const sub = join(dir, 'sub');
    mkdirSync(sub);
    await expect(scanCsv(join(dir, 'missing.csv'), () => {})).rejects.toThrow(/missing\.csv: no such file/);
    await expect(scanCsv(sub, () => {})).rejects.toThrow(/is a directory/);
    await expect(scanCsv(file(''), () => {})).rejects.toThrow(/the file is empty/);
    await expect(scanCsv(file(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 1])), () => {})).rejects.toThrow(
      /binary file/,
    );
    await expect(scanCsv(file(Buffer.from('PK\u0003\u0004xxxx')), () => {})).rejects.toThrow(
      /Excel workbook/,
    );
    await expect(scanCsv(file('a,b\n1,"open\n2,3\n'), () => {})).rejects.toThrow(/:2: unclosed quote/);
    await expect(
      scanCsv(file(Buffer.concat([Buffer.from('a,b\n1,2\n'), Buffer.from([0xc4, 0xe3, 0x0a])])), () => {}, {
        encoding: 'utf8',
      }),
    ).rejects.toThrow(/not valid UTF-8/);
  });
});
