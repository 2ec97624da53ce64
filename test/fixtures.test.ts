import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { buildAllFixtures } from '../scripts/make-fixtures.js';
import { ROOT } from './helpers/run-cli.js';

const FIXTURES = join(ROOT, 'fixtures');
const read = (rel: string): Buffer => readFileSync(join(FIXTURES, rel));
const utf8 = (rel: string): string => new TextDecoder('utf-8', { fatal: true }).decode(read(rel)); // drops a BOM

function listFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? listFiles(path) : [relative(FIXTURES, path).split('\\').join('/')];
  });
}

describe('fixtures', () => {
  it('are exactly what scripts/make-fixtures.ts writes, and all documented', async () => {
    const built = await buildAllFixtures();
    const onDisk = listFiles(FIXTURES).filter((f) => f !== 'README.md' && f !== '.gitattributes');
    expect(onDisk.sort()).toEqual([...built.keys()].sort());
    for (const [rel, bytes] of built) expect(read(rel).equals(Buffer.from(bytes)), rel).toBe(true);
    const readme = readFileSync(join(FIXTURES, 'README.md'), 'utf8');
    for (const rel of built.keys()) expect(readme, rel).toContain(`\`${rel}\``);
  });

  it('hold one roster in five forms', () => {
    const crlf = utf8('roster-utf8-bom-crlf.csv');
    const lf = utf8('roster-utf8.csv');
    expect([...read('roster-utf8-bom-crlf.csv').subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(read('roster-utf8.csv')[0]).not.toBe(0xef);
    expect(crlf.replace(/\r\n/g, '\n')).toBe(lf);
    expect(lf).not.toContain('\r');
    const shuffled = utf8('roster-shuffled.csv').split('\n');
    const ordered = lf.split('\n');
    expect(shuffled[0]).toBe(ordered[0]);
    expect(shuffled).not.toEqual(ordered);
    expect([...shuffled].sort()).toEqual([...ordered].sort());
    const en = utf8('roster-en.csv').split('\n');
    expect(en[0]).toBe(
      'household_id,street,community,grid,estate,building,unit,floor,room,head_name,phone,size',
    );
    expect(en.slice(1)).toEqual(ordered.slice(1));
    expect(ordered).toHaveLength(302); // header, 300 households, the empty string after the last LF
  });

  it('round-trip GB18030: decoding the GB18030 roster gives the UTF-8 roster', () => {
    const gb = read('roster-gb18030.csv');
    const expected = utf8('roster-utf8-bom-crlf.csv');
    expect(iconv.decode(gb, 'gb18030')).toBe(expected);
    expect(new TextDecoder('gb18030').decode(gb)).toBe(expected);
    expect(iconv.encode(expected, 'gb18030').equals(gb)).toBe(true);
    // It is not UTF-8, and it holds four-byte GB18030 sequences (characters outside GBK).
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(gb)).toThrow();
    expect(expected).toMatch(/[\u3400-\u4dbf]/);
    expect(gb.toString('latin1')).toMatch(/[\x81-\xfe][\x30-\x39][\x81-\xfe][\x30-\x39]/);
  });

  it('make the bad rosters bad in the documented places', () => {
    const lines = (rel: string): string[] => utf8(rel).split('\n');
    const ids = lines('bad/duplicate-ids.csv').map((l) => l.split(',')[0]);
    expect([ids[7], ids[10]]).toEqual([ids[2], ids[4]]); // lines 8 and 11 repeat lines 3 and 5
    expect(new Set(ids.slice(1, -1)).size).toBe(ids.length - 2 - 2);
    const many = lines('bad/many-duplicates.csv');
    expect(many.slice(31, 61)).toEqual(many.slice(1, 31));
    const empty = lines('bad/empty-required.csv').map((l) => l.split(','));
    expect([empty[3]![0], empty[6]![2]]).toEqual(['', '']);
    expect(lines('bad/ragged-row.csv').map((l) => l.split(',').length)).toEqual([
      12, 12, 12, 12, 11, 12, 12, 12, 13, 12, 1,
    ]);
    expect(lines('bad/unclosed-quote.csv')[5]!.split(',')[9]).toMatch(/^"[^"]+$/);
    const sizes = lines('bad/non-numeric-size.csv').map((l) => l.split(',')[11]);
    expect([sizes[2], sizes[5], sizes[8]]).toEqual(['三', '3人', 'N/A']);
    expect(lines('bad/missing-column.csv')[0]).not.toContain('社区');
    expect(read('bad/empty.csv').length).toBe(0);
    expect(utf8('bad/header-only.csv')).toBe(`${lines('roster-utf8.csv')[0]}\r\n`);
    expect([...read('bad/binary-png.csv').subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
    expect(read('bad/binary-xlsx.csv').subarray(0, 4).toString('latin1')).toBe('PK\x03\x04');
  });

  it('keep the same households under header variants', () => {
    const first20 = utf8('roster-utf8.csv').split('\n').slice(1, 21);
    for (const rel of ['headers/variants-zh.csv', 'headers/variants-en.csv', 'headers/aliases-zh.csv']) {
      expect(utf8(rel).split('\n').slice(1, -1), rel).toEqual(first20);
    }
    const extra = utf8('headers/extra-columns.csv').split('\n');
    expect(extra[0]).toMatch(/,是否出租,备注$/);
    expect(extra[2]).toContain(',"门口贴着""福""字,敲门即可"');
  });
});
