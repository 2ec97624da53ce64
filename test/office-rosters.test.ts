import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli } from './helpers/run-cli.js';

/**
 * The office corpus (fixtures/office/, see its README): each roster gives the expected sample or
 * the one-line error, in Chinese and in English, and the same households give the same sample
 * whatever the file's form.
 */
const dir = join(ROOT, 'fixtures', 'office');
const out = mkdtempSync(join(tmpdir(), 'hhsurvey-office-'));
const run = (args: string[], lang: 'zh' | 'en' = 'en') =>
  runCli([...args, '--lang', lang], { cwd: dir, env: { LANG: lang === 'zh' ? 'zh_CN.UTF-8' : 'C' } });

async function sample(file: string, extra: string[] = []): Promise<string> {
  const o = join(out, `${file}.${extra.join('_').replace(/[^\w]/g, '')}.csv`);
  const r = await run(['sample', file, '--seed', 'office-1', '--reserve', '3', '-o', o, ...extra]);
  expect(r.code, r.stderr).toBe(0);
  return readFileSync(o, 'utf8');
}

describe('office rosters', () => {
  it('the workbook, its CSV exports (UTF-8 and GB18030) and a tab-separated copy give the same sample', async () => {
    const fromXlsx = await sample('roster.xlsx');
    expect(fromXlsx.split('\n').filter(Boolean)).toHaveLength(1 + 3 * 25);
    // Ids keep their leading zeros; merged 街道 / 社区 cells are filled in every household's line.
    expect(fromXlsx).toMatch(/\n[^,\n]+,primary,1,0\d{5},全福街道,/);
    expect(await sample('roster-export-utf8.csv', ['--fill-down', '街道,社区'])).toBe(fromXlsx);
    expect(await sample('roster-export-gb18030.csv', ['--fill-down', '街道,社区'])).toBe(fromXlsx);
    expect(await sample('roster.tsv')).toBe(fromXlsx);
    // The workbook's manifest verifies against the CSV export, and the other way round.
    const o = join(out, 'roster.xlsx..csv');
    const v = await run(['verify', o, '--roster', 'roster-export-gb18030.csv', '--fill-down', '街道,社区']);
    expect(v.code, v.stderr).toBe(0);
    const back = join(out, 'roster-export-utf8.csv.filldown_.csv');
    expect((await run(['verify', back, '--roster', 'roster.xlsx'])).code).toBe(0);
  });

  it('says how it read the workbook: sheet, header row, hidden sheet, merged ranges', async () => {
    const en = await run(['check', 'roster.xlsx']);
    expect(en.code, en.stderr).toBe(0);
    expect(en.stderr).toContain('read sheet "户册" (1 hidden sheet skipped; --sheet to read one)');
    expect(en.stderr).toContain('header on line 3 (2 title or blank rows above it skipped)');
    expect(en.stdout).toContain('300 households in 3 strata, sheet "户册"');
    const zh = await run(['check', 'roster.xlsx'], 'zh');
    expect(zh.stderr).toContain('读取工作表“户册”（另有 1 个隐藏工作表未读取');
    expect(zh.stderr).toContain('表头在第 3 行');
    const hidden = await run(['check', 'roster.xlsx', '--sheet', '旧名单', '--json']);
    expect(hidden.code, hidden.stderr).toBe(0);
    expect(JSON.parse(hidden.stdout)).toMatchObject({ households: 5, sheet: '旧名单', format: 'xlsx' });
  });

  it('exports with merged-cell blanks: one line per column with the count and --fill-down', async () => {
    for (const file of ['roster-export-utf8.csv', 'roster-export-gb18030.csv']) {
      const en = await run(['check', file]);
      expect(en.code).toBe(2);
      const lines = en.stderr.trim().split('\n');
      expect(lines).toContain(
        `${file}:5: 街道: 298 households have an empty stratum value (lines 5, 6, 7, 8, 9, …); blank cells below a filled one are what merged cells leave: add --fill-down 街道,社区`,
      );
      expect(lines.filter((l) => l.includes('empty stratum value'))).toHaveLength(2);
      const zh = await run(['check', file], 'zh');
      expect(zh.code).toBe(2);
      expect(zh.stderr).toContain('298 户的抽样层为空');
      expect(zh.stderr).toContain('--fill-down 街道,社区');
      const filled = await run(['check', file, '--fill-down', '街道,社区']);
      expect(filled.code, filled.stderr).toBe(0);
      expect(filled.stderr).toContain(
        '--fill-down: filled 595 blank cells from the row above (街道 298, 社区 297)',
      );
      expect((await run(['check', file, '--fill-down', '街道,社区'], 'zh')).stderr).toContain(
        '--fill-down：用上一行的值补全了 595 个空单元格（街道 298、社区 297）',
      );
    }
  });

  it('a 序号-only roster: one line offering both fixes, and either fix works', async () => {
    const en = await run(['check', 'serial-only.csv']);
    expect(en.code).toBe(2);
    expect(en.stderr.trim()).toBe(
      'hhsurvey: serial-only.csv:1: "序号" is a row number, not a household id: if it is a stable number use --column household_id=序号, or build ids from the address with --id-from 街道,社区,楼栋,单元,房号',
    );
    const zh = await run(['check', 'serial-only.csv'], 'zh');
    expect(zh.code).toBe(2);
    expect(zh.stderr).toMatch(
      /“序号”是行序号，不是户编号.*--column household_id=序号.*--id-from 街道,社区,楼栋,单元,房号/,
    );
    const built = await sample('serial-only.csv', ['--id-from', '街道,社区,楼栋,单元,房号']);
    expect(built).toMatch(/\n[^,\n]+,primary,1,全福街道-[^,]+社区-\d+-\d+-\d+,/);
    const numbered = await sample('serial-only.csv', ['--column', 'household_id=序号']);
    expect(numbered.split('\n')[0]).toMatch(/^stratum,role,rank,household_id,街道,/);
  });

  it('warns that ids with leading zeros do not survive a CSV round trip through Excel', async () => {
    const r = await run(['check', 'roster.tsv']);
    expect(r.stderr).toContain(
      'warning: 300 household ids are numbers with leading zeros (like 000001 on line 2): a CSV opened and saved again in Excel loses them; hand field teams the .xlsx sample list',
    );
  });

  it('same-named communities under two sub-districts: sampled apart by default, --by community refused', async () => {
    const list = await sample('same-name.csv');
    const per = new Map<string, number>();
    for (const l of list.split('\r\n').slice(1).filter(Boolean)) {
      const [stratum, role] = l.split(',');
      if (role === 'primary') per.set(stratum!, (per.get(stratum!) ?? 0) + 1);
    }
    expect([...per].sort()).toEqual([
      ['全福街道 / 利农社区', 22],
      ['全福街道 / 和平社区', 22],
      ['洪家楼街道 / 和平社区', 22],
    ]);
    const check = await run(['check', 'same-name.csv']);
    expect(check.stdout).toContain('300 households in 3 strata');
    for (const lang of ['en', 'zh'] as const) {
      const r = await run(['sample', 'same-name.csv', '--by', 'community', '--seed', 'office-1'], lang);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      const errors = r.stderr.split('\n').filter((l) => l.startsWith('hhsurvey:'));
      expect(errors).toEqual([
        lang === 'zh'
          ? 'hhsurvey: same-name.csv: --by community 会把不同街道的同名社区并为一个抽样层：和平社区（全福街道、洪家楼街道）；请用 --by street,community（默认）按“街道 / 社区”分层，每个社区单独抽样'
          : 'hhsurvey: same-name.csv: --by community would pool same-named communities of different sub-districts into one stratum: 和平社区 (全福街道, 洪家楼街道); use --by street,community (the default) to sample each community on its own',
      ]);
    }
  });

  it('a sample list re-saved by Excel: verify says so in one line, in English and Chinese', async () => {
    // The list as drawn (the seed and reserves the fixture was drawn with), for its manifest.
    const drawn = join(out, 'drawn.csv');
    const d = await run(['sample', 'roster.xlsx', '--seed', 'office-1', '--reserve', '3', '-o', drawn], 'zh');
    expect(d.code, d.stderr).toBe(0);
    const manifest = join(out, 'drawn.manifest.json');
    const first = /\r\n[^,]+,正式,1,(\d+),/.exec(readFileSync(drawn, 'utf8'))![1]!;
    expect(first).toMatch(/^0\d{5}$/);
    const stripped = first.replace(/^0+/, '');
    for (const lang of ['en', 'zh'] as const) {
      const r = await run(
        ['verify', 'sample-resaved.csv', '--manifest', manifest, '--roster', 'roster.xlsx'],
        lang,
      );
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr.trim().split('\n')).toEqual([
        lang === 'zh'
          ? `sample-resaved.csv:2: 户编号 ${stripped} 不在样本中，样本中有 ${first}：该名单可能被 Excel 另存过（去掉了开头的 0）；请使用 .xlsx 名单或原始文件（另有 74 个户编号同样丢了开头的 0）`
          : `sample-resaved.csv:2: household ${stripped} is not in the sample, which has ${first}: the list was probably re-saved by Excel; use the .xlsx list or the original file (and 74 more ids lost their leading zeros the same way)`,
      ]);
    }
    // The list as drawn verifies.
    expect((await run(['verify', drawn, '--roster', 'roster.xlsx'])).code).toBe(0);
  });
});
