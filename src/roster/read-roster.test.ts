import { mkdtempSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { householdId, readHouseholds, readRoster } from './read-roster.js';
import { naturalCompare, normaliseHeader, canonicalColumn } from './columns.js';

const dir = mkdtempSync(join(tmpdir(), 'hhsurvey-roster-'));

describe('readRoster', () => {
  it('numbers lines right across blank lines, multi-line cells and rows set aside', async () => {
    const p = join(dir, 'lines.csv');
    writeFileSync(
      p,
      'household_id,community,note\n' + // 1
        'A1,甲,"two\nlines"\n' + // 2-3
        '\n' + // 4
        'A2,甲,x\n' + // 5
        ',甲,missing id\n' + // 6
        'A3,乙,y\n' + // 7
        'A1,乙,dup\n' + // 8
        'A2,乙,dup\n', // 9
    );
    const f = await readRoster(p, { by: ['community'] });
    expect(f.problems.map((x) => `${x.line}: ${x.message}`)).toEqual([
      '6: empty household id',
      '8: duplicate household id "A1" (first on line 2)',
      '9: duplicate household id "A2" (first on line 5)',
    ]);
  });

  it('lists duplicates among the other problems in line order, the first --max-errors of them', async () => {
    const p = join(dir, 'mixed.csv');
    writeFileSync(
      p,
      'household_id,community,size\n' + // 1
        'A1,甲,2\n' + // 2
        'A1,甲,3\n' + // 3: duplicate
        ',甲,1\n' + // 4: no id
        'A2,甲,x\n' + // 5: not a number
        'A2,乙,1\n' + // 6: duplicate
        'A3,乙,1,extra\n' + // 7: ragged
        'A1,乙,1\n', // 8: duplicate
    );
    const all = await readRoster(p, { by: ['community'] });
    expect(all.problemCount).toBe(6);
    expect(all.problems.map((x) => x.line)).toEqual([3, 4, 5, 6, 7, 8]);
    const few = await readRoster(p, { by: ['community'], maxProblems: 3 });
    expect(few.problemCount).toBe(6);
    expect(few.problems.map((x) => `${x.line}: ${x.message}`)).toEqual([
      '3: duplicate household id "A1" (first on line 2)',
      '4: empty household id',
      '5: not a whole number: "x"',
    ]);
  });

  it('keeps ids as bytes and reads drawn records again by offset', async () => {
    const p = join(dir, 'ids.csv');
    writeFileSync(p, '\uFEFF户编号,社区,户主姓名\r\n"H""1",甲,测甲\r\n 户𠀀2 ,甲,测乙\r\n\r\nH3,乙,测丙\r\n');
    const f = await readRoster(p, { by: ['社区'] });
    expect(f.problemCount).toBe(0);
    expect([0, 1, 2].map((r) => householdId(f, r))).toEqual(['H"1', '户𠀀2', 'H3']);
    expect(await readHouseholds(f, p, [2, 0])).toEqual([
      ['H3', '乙', '测丙'],
      ['H"1', '甲', '测甲'],
    ]);
    expect(f.strata.map((s) => [s.key, s.size])).toEqual([
      ['乙', 1],
      ['甲', 2],
    ]);
  });
});

describe('readHouseholds', () => {
  it('refuses households whose records changed after the scan, even with size, time and ids kept', async () => {
    const p = join(dir, 'changed.csv');
    const rows = ['household_id,community,head_name,phone'];
    for (let i = 1; i <= 300; i++)
      rows.push(`H${i},社区${i % 3},户主${i},1380000${String(i).padStart(4, '0')}`);
    const text = rows.join('\n') + '\n';
    writeFileSync(p, text);
    // A whole second, which the file system keeps exactly, so that the time put back is the same.
    utimesSync(p, 1_700_000_000, 1_700_000_000);
    const f = await readRoster(p, { by: ['community'] });
    const row = 249; // H250
    expect(householdId(f, row)).toBe('H250');
    expect((await readHouseholds(f, p, [row]))[0]).toEqual(['H250', '社区1', '户主250', '13800000250']);
    const st = statSync(p);
    // Someone edits the phone of a drawn household in place while the command runs.
    writeFileSync(p, text.replace('13800000250', '13812345678'));
    utimesSync(p, 1_700_000_000, 1_700_000_000);
    expect(statSync(p).mtimeMs).toBe(st.mtimeMs);
    await expect(readHouseholds(f, p, [row])).rejects.toThrow(/changed or was replaced/);
    // A household elsewhere in the file reads as before: the check is of the blocks read again.
    expect((await readHouseholds(f, p, [0]))[0]).toEqual(['H1', '社区1', '户主1', '13800000001']);
  });
});

describe('columns', () => {
  it('normalises header variants', () => {
    expect(normaliseHeader(' Household ID（必填）')).toBe('householdid');
    expect(canonicalColumn('门牌号')).toBe('room');
    expect(canonicalColumn('联系电话(手机)')).toBe('phone');
    expect(canonicalColumn('备注')).toBeUndefined();
  });
  it('compares addresses as people read them', () => {
    const xs = ['10', '2', '1-10', '1-2', 'B', 'a', '02'];
    expect([...xs].sort(naturalCompare)).toEqual(['1-2', '1-10', '2', '02', '10', 'B', 'a']);
  });
});
