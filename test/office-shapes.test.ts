import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, describe, expect, it } from 'vitest';
import { buildXlsx, type CellInput } from '../scripts/xlsx-build.js';
import { twoRowHeader } from '../src/roster/read-roster.js';
import { runCli } from './helpers/run-cli.js';

/**
 * Rosters as offices shape them. A 小计 row under each community and a 合计 row under the roster,
 * with the count in the id column: sums, not households, skipped (and said); a household whose
 * name or address happens to read 合计 stays a household. One sheet per 街道. Long ids that Excel
 * kept as numbers.
 */
const dir = mkdtempSync(join(tmpdir(), 'hhsurvey-totals-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const HEADER = ['序号', '街道', '社区', '户编号', '户主姓名', '住址'];
const PLAN: [string, string, number][] = [
  ['振兴街道', '幸福社区', 12],
  ['振兴街道', '和平社区', 9],
  ['青年公园街道', '幸福社区', 15],
];

/** Rows with a 小计 row after each community (label as given) and a 合计 row at the end. */
function officeRows(subtotal: string, total: string): { rows: CellInput[][]; households: number } {
  const rows: CellInput[][] = [];
  let n = 0;
  for (const [street, community, size] of PLAN) {
    for (let i = 0; i < size; i++) {
      n++;
      // One household's name is 合计 and one's address is 小计: data, not a label in the first cell.
      rows.push([
        n,
        street,
        community,
        `H${String(n).padStart(4, '0')}`,
        n === 3 ? '合计' : `测试户${n}`,
        n === 4 ? '小计' : `${n}号`,
      ]);
    }
    rows.push([subtotal, null, null, size]);
  }
  rows.push([total, null, null, n]);
  return { rows, households: n };
}

describe('total and subtotal rows', () => {
  it('a workbook with a title, 小计 under each community and 合计 at the end: the households only', async () => {
    const { rows, households } = officeRows('小计', '合计');
    const file = join(dir, '户册.xlsx');
    writeFileSync(
      file,
      buildXlsx([{ name: '户册', rows: [['槐荫区户册'], HEADER, ...rows], merges: ['A1:F1'] }]),
    );
    const zh = await runCli(['--lang', 'zh', 'check', file, '--json']);
    expect(zh.code, zh.stderr).toBe(0);
    const zhJson = JSON.parse(zh.stdout) as { households: number; strata: unknown[] };
    expect(zhJson.households).toBe(households);
    expect(zhJson.strata).toHaveLength(PLAN.length);
    // Header on row 2; the subtotals follow rows 2+12, 2+12+9+1, …; the total is the last row.
    expect(zh.stderr).toContain('跳过 4 个合计或小计行（第 15、25、41、42 行）：它们是汇总，不是住户');
    const en = await runCli(['check', file]);
    expect(en.stderr).toContain(
      'skipped 4 total or subtotal rows (lines 15, 25, 41, 42): sums, not households',
    );

    // Every household is drawn when the size is the community's, and no total row is among them.
    const out = join(dir, 'sample.csv');
    const s = await runCli(['sample', file, '--seed', 't1', '--size', '15', '--reserve', '0', '-o', out]);
    expect(s.code, s.stderr).toBe(0);
    const lines = readFileSync(out, 'utf8').trim().split('\n');
    expect(lines).toHaveLength(1 + households);
    expect(lines.filter((l) => /,(小计|合计),,/.test(l))).toEqual([]);
    expect(lines.some((l) => l.includes(',H0003,') && l.includes(',合计,'))).toBe(true);
    const v = await runCli(['verify', out, '--roster', file]);
    expect(v.code, v.stderr).toBe(0);
  });

  it('a GB18030 export with spaced and colon-ended labels (小 计：, 合　计) reads the same households', async () => {
    const { rows, households } = officeRows('小 计：', '合\u3000计');
    const text = [HEADER, ...rows]
      .map((r) => r.map((c) => (typeof c === 'string' || typeof c === 'number' ? String(c) : '')).join(','))
      .join('\r\n');
    const file = join(dir, 'export.csv');
    writeFileSync(file, iconv.encode(text + '\r\n', 'gb18030'));
    const r = await runCli(['check', file, '--json']);
    expect(r.code, r.stderr).toBe(0);
    const json = JSON.parse(r.stdout) as { households: number; strata: unknown[]; encoding: string };
    expect(json).toMatchObject({ households, encoding: 'gb18030' });
    expect(json.strata).toHaveLength(PLAN.length);
    expect(r.stderr).toContain('skipped 4 total or subtotal rows (lines 14, 24, 40, 41)');
  });

  it('小计 in a later cell of a row without an id, the 街道 merged over it: a subtotal, not a household without an id', async () => {
    // As an office merges it: 街道 over all its rows, 社区 over its households, the 小计 label under
    // the names. Merged cells read as their top-left value, so the subtotal row's first filled cell
    // is the street. A household named 小计 (it has an id) stays a household.
    const rows: CellInput[][] = [['历城区户册'], HEADER];
    let n = 0;
    const merges = ['A1:F1'];
    for (const community of ['文化东路社区', '花园社区']) {
      const first = rows.length + 1;
      for (let i = 0; i < 5; i++) {
        n++;
        rows.push([
          n,
          i === 0 && community === '文化东路社区' ? '洪家楼街道' : null,
          i === 0 ? community : null,
          `H${String(n).padStart(4, '0')}`,
          n === 2 ? '小计' : `测试户${n}`,
          `${n}号`,
        ]);
      }
      merges.push(`C${first}:C${rows.length}`);
      rows.push([null, null, null, null, '小计', null]);
    }
    merges.push(`B3:B${rows.length}`);
    rows.push(['合计', null, null, n]);
    const file = join(dir, '合并户册.xlsx');
    writeFileSync(file, buildXlsx([{ name: '户册', rows, merges }]));
    const r = await runCli(['--lang', 'zh', 'check', file, '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ households: 10 });
    expect(r.stderr).toContain('跳过 3 个合计或小计行（第 8、14、15 行）：它们是汇总，不是住户');
  });

  it('a first cell that only looks like a total (合计社区, 会计) is a household, and is checked as one', async () => {
    const text = ['街道,社区,户编号', '振兴街道,合计社区,1', '会计,幸福社区,2', '合计,,3'].join('\n') + '\n';
    const file = join(dir, 'lookalike.csv');
    writeFileSync(file, text);
    const r = await runCli(['check', file, '--json']);
    expect(r.code, r.stderr).toBe(0);
    const json = JSON.parse(r.stdout) as { households: number; strata: { stratum: string }[] };
    expect(json.households).toBe(2);
    expect(json.strata.map((s) => s.stratum)).toEqual(['会计 / 幸福社区', '振兴街道 / 合计社区']);
    expect(r.stderr).toContain('skipped 1 total or subtotal row (line 4)');
  });

  it('a workbook with one sheet per 街道: reading the first alone is warned about, naming the others', async () => {
    const sheet = (street: string, from: number) => ({
      name: street,
      rows: [
        ['序号', '社区', '户编号'],
        ...Array.from({ length: 5 }, (_, i) => [i + 1, '幸福社区', `${street}-${from + i}`] as CellInput[]),
      ],
    });
    const file = join(dir, '分街道.xlsx');
    writeFileSync(
      file,
      buildXlsx([sheet('振兴街道', 1), sheet('青年公园街道', 6), { ...sheet('旧名单', 11), hidden: true }]),
    );
    const zh = await runCli(['--lang', 'zh', 'check', file]);
    expect(zh.code, zh.stderr).toBe(0);
    expect(zh.stderr).toContain(
      '警告：' +
        file +
        '：只读了第一个工作表“振兴街道”，另有 1 个工作表未读取（“青年公园街道”）；若它们也是户册，请合并到一个工作表，或用 --sheet 逐个指定',
    );
    // Named with --sheet, the choice is the user's: no warning.
    const named = await runCli(['check', file, '--sheet', '青年公园街道', '--json']);
    expect(named.code, named.stderr).toBe(0);
    expect(named.stderr).not.toMatch(/not read/);
    expect(JSON.parse(named.stdout)).toMatchObject({ households: 5, sheet: '青年公园街道' });
  });

  it('long ids Excel kept as numbers: the duplicate it made says why, once', async () => {
    const file = join(dir, '长编号.xlsx');
    const rows: CellInput[][] = [['街道', '社区', '户编号']];
    // Excel stores 370102198001010011 typed into a General cell as 3.70102198001010E+17.
    for (let i = 0; i < 3; i++) rows.push(['振兴街道', '幸福社区', { v: '3.70102198001010E+17', t: 'n' }]);
    writeFileSync(file, buildXlsx([{ name: '户册', rows }]));
    const r = await runCli(['check', file]);
    expect(r.code).toBe(2);
    const dups = r.stderr
      .split('\n')
      .filter((l) => l.includes('duplicate household id "370102198001010000"'));
    expect(dups).toHaveLength(2);
    expect(dups[0]).toContain('a long id Excel saved as a number, keeping 15 significant digits');
    expect(dups[1]).not.toContain('Excel');
    // The CSV export of such a sheet: scientific notation.
    const csv = join(dir, 'sci.csv');
    writeFileSync(csv, '街道,社区,户编号\n振兴街道,幸福社区,3.70102E+17\n振兴街道,幸福社区,3.70102E+17\n');
    const zh = await runCli(['--lang', 'zh', 'check', csv]);
    expect(zh.code).toBe(2);
    expect(zh.stderr).toContain(
      '户编号 "3.70102E+17" 重复（首次出现在第 2 行）；这是被 Excel 当作数字保存的长编号',
    );
    // An id of 16 digits that does not end in 0 is no Excel damage: a plain duplicate.
    writeFileSync(
      csv,
      '街道,社区,户编号\n振兴街道,幸福社区,1234567890123456\n振兴街道,幸福社区,1234567890123456\n',
    );
    const plain = await runCli(['check', csv]);
    expect(plain.stderr).toContain('duplicate household id "1234567890123456" (first on line 2)\n');
  });
});

describe('notes below the roster', () => {
  /** The offices' footer: who made and checked the list, and a remark, in cells of their own. */
  const FOOTER: CellInput[][] = [
    ['制表人：社区工作人员', null, null, '审 核 人：街道办', null, '填报日期：2026-12-01'],
    ['注：1. 户编号以户籍系统为准。'],
  ];

  it('制表人, 审核人 and 注 rows under the 合计 are skipped and said, in both languages', async () => {
    const { rows, households } = officeRows('小计', '合计');
    const file = join(dir, '带表尾户册.xlsx');
    writeFileSync(file, buildXlsx([{ name: '户册', rows: [HEADER, ...rows, [], ...FOOTER] }]));
    const zh = await runCli(['--lang', 'zh', 'check', file, '--json']);
    expect(zh.code, zh.stderr).toBe(0);
    expect(JSON.parse(zh.stdout)).toMatchObject({ households });
    // A header, 36 households, 3 小计 and a 合计 (line 41): the notes are 43 and 44, after an empty row.
    expect(zh.stderr).toContain('跳过名册下方 2 行备注（第 43、44 行，如制表人、审核人、注）：它们不是住户');
    const en = await runCli(['check', file]);
    expect(en.code, en.stderr).toBe(0);
    expect(en.stderr).toContain(
      'skipped 2 note rows below the roster (lines 43, 44: 制表人, 审核人, 注 and the like)',
    );
    // The note's text (a person may be named in it) is not repeated.
    expect(zh.stderr + en.stderr).not.toContain('社区工作人员');
  });

  it('in a GB18030 CSV export the same; a note row with households below it is refused', async () => {
    const csv = (rows: CellInput[][]) =>
      iconv.encode(
        rows
          .map((r) => r.map((c) => (typeof c === 'object' ? (c?.v ?? '') : (c ?? ''))).join(','))
          .join('\r\n') + '\r\n',
        'gb18030',
      );
    const { rows, households } = officeRows('小计', '合计');
    const below = join(dir, '表尾.csv');
    writeFileSync(below, csv([HEADER, ...rows, ...FOOTER]));
    const r = await runCli(['check', below, '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ households, encoding: 'gb18030' });
    expect(r.stderr).toContain('skipped 2 note rows below the roster (lines 42, 43');
    // A note between households: not below the roster, so the roster has a row without an id.
    const inside = join(dir, '表中.csv');
    writeFileSync(inside, csv([HEADER, ...rows.slice(0, 5), FOOTER[0]!, ...rows.slice(5)]));
    const bad = await runCli(['check', inside]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain(
      `${inside}:7: a note row (like 制表人： or 注：) between households: move it below the roster or delete it`,
    );
    expect(bad.stderr).not.toContain('skipped 1 note row');
    const zh = await runCli(['--lang', 'zh', 'check', inside]);
    expect(zh.stderr).toContain(
      `${inside}:7: 备注行（如“制表人：”“注：”）夹在住户之间：请移到名册末尾或删除`,
    );
  });
});

describe('a header of two rows', () => {
  const UPPER = ['序号', '街道', '社区', '住址', '住址', '住址', '户主信息', '户主信息', '户编号'];
  const LOWER = ['序号', '街道', '社区', '楼栋', '单元', '房号', '姓名', '联系电话', '户编号'];

  it('takes the names under a group title, as a workbook fills its merged cells and as a CSV export leaves them', () => {
    expect(twoRowHeader(UPPER, LOWER)).toEqual(LOWER);
    const exported = UPPER.map((c, i) => (i > 0 && UPPER[i - 1] === c ? '' : c));
    const under = LOWER.map((c, i) => (UPPER[i] === c ? '' : c));
    expect(exported).toEqual(['序号', '街道', '社区', '住址', '', '', '户主信息', '', '户编号']);
    expect(twoRowHeader(exported, under)).toEqual(LOWER);
  });

  it('never takes a row of households, or a header without groups, for a second row', () => {
    // Values in the columns outside the group: a household.
    expect(twoRowHeader(['户编号', '社区', '', ''], ['H001', '花园社区', '甲', '乙'])).toBeUndefined();
    // Numbers under a group are values, not names.
    expect(twoRowHeader(['住址', '', '', '户编号'], ['1', '2', '101', ''])).toBeUndefined();
    // A name under a group left empty, or the group's name again: not a second header row.
    expect(twoRowHeader(['户编号', '住址', '住址'], ['户编号', '楼栋', ''])).toBeUndefined();
    expect(twoRowHeader(['户编号', '住址', '住址'], ['户编号', '住址', '住址'])).toBeUndefined();
    // No group at all.
    expect(twoRowHeader(['户编号', '社区'], ['户编号', '社区'])).toBeUndefined();
  });

  it('a workbook with 住址 over 楼栋/单元/房号 and its GB18030 export: the same households and sample', async () => {
    const rows: CellInput[][] = [
      ['某街道入户调查户册'],
      ['序号', '街道', '社区', '住址', null, null, '户主信息', null, '户编号'],
      [null, null, null, '楼栋', '单元', '房号', '姓名', '联系电话', null],
    ];
    for (let n = 1; n <= 40; n++)
      rows.push([
        n,
        '王舍人街道',
        n <= 20 ? '花园社区' : '幸福社区',
        1 + (n % 4),
        1 + (n % 2),
        100 + n,
        `测试户${n}`,
        `100${String(n).padStart(8, '0')}`,
        `H${String(n).padStart(5, '0')}`,
      ]);
    const merges = ['A1:I1', 'A2:A3', 'B2:B3', 'C2:C3', 'D2:F2', 'G2:H2', 'I2:I3'];
    const book = join(dir, '双行表头.xlsx');
    writeFileSync(book, buildXlsx([{ name: '户册', rows, merges }]));
    const csv = join(dir, '双行表头.csv');
    const text = rows
      .map((r) => r.map((c) => (c === null || typeof c === 'object' ? '' : (c ?? ''))).join(','))
      .join('\r\n');
    writeFileSync(csv, iconv.encode(`${text}\r\n`, 'gb18030'));
    const zh = await runCli(['--lang', 'zh', 'check', book, '--json']);
    expect(zh.code, zh.stderr).toBe(0);
    expect(JSON.parse(zh.stdout)).toMatchObject({ households: 40 });
    expect(zh.stderr).toContain('表头在第 2 行（跳过上方 1 行标题或空行）');
    expect(zh.stderr).toContain('表头占两行（第 2、3 行）：分组标题下一行的列名为各列列名');
    const draw = async (file: string) => {
      const r = await runCli(['sample', file, '--seed', 'two-rows', '--size', '5']);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stderr).toContain('a header of two rows (lines 2 and 3)');
      return r.stdout;
    };
    const fromBook = await draw(book);
    expect(fromBook.split('\r\n')[0]).toBe(
      'stratum,role,rank,household_id,序号,街道,社区,楼栋,单元,房号,姓名,联系电话,inclusion_prob,weight',
    );
    expect(await draw(csv)).toBe(fromBook);
  });

  it('a one-row header with an unnamed column keeps its first household', async () => {
    const file = join(dir, 'unnamed.csv');
    writeFileSync(file, 'household_id,,社区\nH1,甲,花园社区\nH2,乙,花园社区\n');
    const r = await runCli(['check', file, '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ households: 2 });
    expect(r.stderr).not.toContain('two rows');
  });
});
