import { describe, expect, it } from 'vitest';
import { readSampleList } from '../src/sampling/sample-file.js';
import { looksLikeIdCard, maskPersonal, personalKind } from '../src/sampling/mask.js';
import { runCli } from './helpers/run-cli.js';
import { tempDir, writeRoster } from './helpers/roster.js';

/*
 * Personal data in sample lists: every name, phone and ID-card column masked by --mask pii, every
 * phone column by --mask phone, phones however written (+86, 86-, spaces, dashes), and a warning
 * (headers only, never a value) when ID-card numbers are written unmasked.
 */

const dir = tempDir();
const PHONES = (i: number) =>
  [`+86 100 0013 ${p4(i)}`, `86-100-0000-${p4(i)}`, `100 0000 ${p4(i)}`, `0531-8888${p4(i)}`][i % 4]!;
function p4(i: number): string {
  return String(i).padStart(4, '0');
}
/** Synthetic ID-card numbers: a region code, a birth date and a sequence; nobody's. */
const ID = (i: number) =>
  `370102${1950 + (i % 50)}${p4(((i % 12) + 1) * 100 + ((i % 28) + 1)).slice(0, 4)}${String(i).padStart(3, '0')}${i % 3 === 0 ? 'X' : i % 10}`;
const HEADER = '户编号,街道,社区,楼栋,单元,房号,户主姓名,联系电话,手机号码,身份证号,备注,紧急联系人,登记号';
const lines = [HEADER];
for (let i = 1; i <= 60; i++)
  lines.push(
    [
      String(i).padStart(6, '0'),
      i <= 30 ? '全福街道' : '华山街道',
      '和平社区',
      1 + (i % 5),
      1 + (i % 2),
      100 + i,
      `测试${i}`,
      PHONES(i),
      `1009999${p4(i)}`,
      ID(i),
      '无',
      `联系${i}`,
      // A column no alias names whose values are ID-card numbers.
      ID(i + 100),
    ].join(','),
  );
const roster = writeRoster(dir, 'pii.csv', lines.join('\n') + '\n');
const ids = Array.from({ length: 160 }, (_, i) => ID(i + 1));
const base = ['sample', roster, '--seed', 'pii', '--size', '10', '--order', 'building,unit,room'];

/** The rows of a CSV sample list on stdout, as header → value records. */
function records(csv: string): Record<string, string>[] {
  const [head, ...body] = csv
    .replace(/^\uFEFF/, '')
    .trim()
    .split(/\r?\n/);
  const h = head!.split(',');
  return body.map((l) => Object.fromEntries(l.split(',').map((v, i) => [h[i]!, v])));
}

describe('personal data in sample lists', () => {
  it('recognises ID-card numbers by header and by shape, and phones and names by header', () => {
    expect(looksLikeIdCard('37010219740125024X')).toBe(true);
    expect(looksLikeIdCard('370102197401250241')).toBe(true);
    expect(looksLikeIdCard('37010219741325024X')).toBe(false); // month 13
    expect(looksLikeIdCard('37010219740125024')).toBe(false); // 17 characters
    expect(looksLikeIdCard('000102197401250241')).toBe(false); // no region starts with 0
    expect(looksLikeIdCard(' ３７０１０２１９７４０１２５０２４Ｘ ')).toBe(true); // full-width, as typed in Excel
    expect(['身份证号', '身份证', '证件号码', '公民身份号码', 'ID card'].map(personalKind)).toEqual(
      Array(5).fill('id_card'),
    );
    expect(['手机号码', '电话', '联系电话2', 'Mobile', 'tel'].map(personalKind)).toEqual(
      Array(5).fill('phone'),
    );
    expect(['户主姓名', '紧急联系人', 'name', 'head_name'].map(personalKind)).toEqual(Array(4).fill('name'));
    expect(['社区名称', '与户主关系', '备注', '户编号'].map(personalKind)).toEqual(Array(4).fill(undefined));
  });

  it('masks phones however written, keeping the national prefix and the last four digits', () => {
    expect(maskPersonal('phone', '+86 138 0013 0024')).toBe('138****0024');
    expect(maskPersonal('phone', '0086-13800130024')).toBe('138****0024');
    expect(maskPersonal('phone', '86-139-0000-0001')).toBe('139****0001');
    expect(maskPersonal('phone', '137 0000 0002')).toBe('137****0002');
    expect(maskPersonal('phone', '0531-88880019')).toBe('053****0019');
    expect(maskPersonal('phone', '(0531) 8888 0019')).toBe('053****0019');
    // Digits Excel already dropped stay visibly damaged, never a row of stars.
    expect(maskPersonal('phone', '1.38E+10')).toBe('1.38E+10');
    expect(maskPersonal('id_card', '37010219740125024X')).toBe('370102********024X');
    expect(maskPersonal('name', '测试')).toBe('测*');
  });

  it('--mask pii masks every name, phone and ID-card column, and warns of nothing', async () => {
    const r = await runCli([...base, '--mask', 'pii']);
    expect(r.code).toBe(0);
    expect(r.stderr).not.toMatch(/ID-card/);
    const rows = records(r.stdout);
    expect(rows).toHaveLength(20);
    for (const row of rows) {
      expect(row['户主姓名']).toMatch(/^测\*+$/);
      expect(row['紧急联系人']).toMatch(/^联\*+$/);
      expect(row['联系电话']).toMatch(/^(100|053)\*{4}\d{4}$/);
      expect(row['手机号码']).toMatch(/^100\*{4}\d{4}$/);
      expect(row['身份证号']).toMatch(/^370102\*{8}\d{3}[\dX]$/);
      expect(row['登记号']).toMatch(/^370102\*{8}\d{3}[\dX]$/);
      expect(row['备注']).toBe('无');
    }
    for (const id of ids) expect(r.stdout).not.toContain(id);
  });

  it('--mask phone masks every phone column; unmasked ID cards are warned about by header only', async () => {
    for (const lang of ['en', 'zh'] as const) {
      const r = await runCli([...base, '--mask', 'phone', '--lang', lang]);
      expect(r.code).toBe(0);
      const rows = records(r.stdout);
      for (const row of rows) {
        expect(row['联系电话']).toMatch(/^(100|053)\*{4}\d{4}$/);
        expect(row['手机号码']).toMatch(/^100\*{4}\d{4}$/);
        expect(row['户主姓名']).toMatch(/^测试\d+$/);
      }
      const warning = r.stderr.split('\n').filter((l) => /身份证号, 登记号/.test(l));
      expect(warning).toEqual([
        lang === 'zh'
          ? '警告：身份证号列 身份证号, 登记号 未遮蔽就写入了样本名单；交给入户人员的名单请加 --mask pii'
          : 'warning: ID-card numbers in 身份证号, 登记号 are written unmasked; lists handed to interviewers should use --mask pii',
      ]);
      for (const id of ids) expect(r.stderr).not.toContain(id);
    }
  });

  it('--mask with an ID-card header masks the ID-card columns; JSON and .xlsx lists are masked alike', async () => {
    const r = await runCli([...base, '--mask', '证件号码', '--format', 'json']);
    expect(r.code).toBe(0);
    expect(r.stderr).not.toMatch(/ID-card/);
    const json = JSON.parse(r.stdout) as { households: { fields: Record<string, string> }[] };
    for (const h of json.households) {
      expect(h.fields['身份证号']).toMatch(/^370102\*{8}/);
      expect(h.fields['登记号']).toMatch(/^370102\*{8}/);
      expect(h.fields['联系电话']).not.toMatch(/\*/);
    }
    const out = `${dir}/masked.xlsx`;
    const x = await runCli([...base, '--mask', 'pii', '-o', out]);
    expect(x.code).toBe(0);
    const list = await readSampleList(out);
    expect(list.entries).toHaveLength(20);
    for (const e of list.entries) {
      expect(e.phone).toMatch(/^(100|053)\*{4}\d{4}$/);
      expect(e.fields['身份证号']).toMatch(/^370102\*{8}/);
      expect(e.fields['手机号码']).toMatch(/^100\*{4}/);
    }
  });

  it('refuses a --mask column the list does not have, and the household id, in one line', async () => {
    const r = await runCli([...base, '--mask', '微信号']);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/--mask: no column "微信号" in .*pii\.csv/);
    const id = await runCli([...base, '--mask', '户编号', '--lang', 'zh']);
    expect(id.code).toBe(2);
    expect(id.stderr).toContain('--mask：户编号不能遮蔽');
  });
});
