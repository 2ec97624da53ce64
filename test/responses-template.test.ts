import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readResponses } from '../src/fieldwork/responses-file.js';
import { readCsvTable } from '../src/io/csv-read.js';
import { csvTable } from '../src/io/csv-write.js';
import { buildXlsx } from '../src/io/xlsx-write.js';
import { loadStandardSync } from '../src/standard/parse.js';
import { makeFixture, type Fixture } from './helpers/fieldwork.js';
import { runCli } from './helpers/run-cli.js';
import { unzip } from './helpers/xlsx.js';

/**
 * A template filled in by hand goes through status and score as a responses file does: the same
 * households, outcomes and answers give the same progress and the same scores as the file the
 * interview command writes.
 */
const standard = loadStandardSync(undefined);
const C = '全福街道 / 利农社区';
let fx: Fixture;
beforeAll(async () => {
  fx = await makeFixture({ size: 22, reserve: 5 });
});

/** What the interviewers typed: per household of the community, in rank order. */
const typed = (i: number): { outcome: string; answers: string[] } =>
  i === 1
    ? { outcome: '拒访', answers: [] }
    : i === 2
      ? { outcome: '无人在家', answers: [] }
      : // labels for some answers, codes for others, "code label" for one
        {
          outcome: '完成',
          answers: [
            '知道',
            '1',
            i % 3 === 0 ? '没有参加过' : '1 参加过',
            i % 4 === 0 ? '基本满意' : '1',
            '听说过',
            '2',
          ],
        };

describe('hhsurvey responses template', () => {
  it('writes the households with Chinese headers, the codes, and drop-down lists in .xlsx', async () => {
    const x = await runCli(['responses', 'template', 'sample.csv', '-o', '录入表.xlsx', '--lang', 'zh'], {
      cwd: fx.dir,
    });
    expect(x.code).toBe(0);
    expect(x.stderr).toBe(`已写出录入表：${fx.entries.length} 户，录入表.xlsx\n`);
    const book = unzip(join(fx.dir, '录入表.xlsx')).get('xl/worksheets/sheet1.xml')!;
    expect(book.includes('<dataValidation type="list"')).toBe(true);
    expect(
      book.includes(
        '"完成,部分完成,拒访,中途拒绝,无人在家,无法应答,语言障碍,地址未找到,非住宅,空置,无合格受访者"',
      ),
    ).toBe(true);
    const table = await readCsvTable(join(fx.dir, '录入表.xlsx'));
    expect(table.header.slice(0, 8)).toEqual([
      '户编号',
      '抽样层',
      '样本类型',
      '地址',
      '走访次数',
      '访问结果',
      '调查员',
      '您是否知道本市正在创建全国文明城市？',
    ]);
    expect(table.rows).toHaveLength(fx.entries.length);
    const c = await runCli(['responses', 'template', 'sample.csv', '-o', 'form.csv'], { cwd: fx.dir });
    expect(c.code).toBe(0);
    const csv = readFileSync(join(fx.dir, 'form.csv'), 'utf8');
    expect(
      csv.startsWith('\uFEFFhousehold_id,stratum,role,address,visit,disposition,interviewer,Do you know'),
    ).toBe(true);
    expect(csv.split('\r\n')[1]).toMatch(
      /^codes,,primary \/ reserve,,blank: the first visit,"Complete, Partial, Refused/,
    );
    // An untouched template is a file with nothing recorded yet.
    const s = await runCli(['status', 'sample.csv', '--responses', '录入表.xlsx', 'form.csv', '--json'], {
      cwd: fx.dir,
    });
    expect(s.code).toBe(0);
    expect(JSON.parse(s.stdout)).toMatchObject({ rows: 0, errors: 0 });
  });

  it('filled in by hand (.xlsx and .csv), gives what the same answers typed into interview give', async () => {
    // The template as .xlsx, filled in the way a person would: labels, codes, no stratum/role typed.
    const table = await readCsvTable(join(fx.dir, '录入表.xlsx'));
    const ids = fx.entries
      .filter((e) => e.stratum === C && e.role === 'primary')
      .sort((a, b) => a.rank - b.rank)
      .map((e) => e.householdId);
    const filled = table.rows.map(({ fields }) => {
      const i = ids.indexOf(fields[0]!);
      const row = [...fields, ...Array<string>(table.header.length - fields.length).fill('')];
      if (i < 0) return row;
      const t = typed(i);
      row[1] = ''; // stratum and role left out: the sample knows them
      row[2] = '';
      row[5] = t.outcome;
      row[6] = '王芳';
      t.answers.forEach((a, k) => (row[7 + k] = a));
      return row;
    });
    const header = [...table.header];
    header[8] = 'support_campaign'; // one column headed by the question id
    header[9] = 'Have you taken part in campaign volunteer services or civilization practice activities?';
    writeFileSync(join(fx.dir, 'filled.xlsx'), buildXlsx([{ name: '录入表', rows: [header, ...filled] }]));
    writeFileSync(join(fx.dir, 'filled.csv'), csvTable(header, filled, { bom: true }));

    // The same visits through interview.
    const lines = ids.flatMap((_, i) => {
      const t = typed(i);
      const visit = [t.outcome, ...t.answers.map((a) => a.replace(/^1 /, ''))];
      // The reserve a refusal or nobody-home brings in is skipped: left unvisited in both files.
      return t.answers.length === 0 ? [...visit, 'skip'] : visit;
    });
    const iv = await runCli(
      ['interview', 'sample.csv', '--responses', 'typed.csv', '--interviewer', '王芳', '--stratum', C],
      { cwd: fx.dir, stdin: [...lines, 'quit'].join('\n') + '\n' },
    );
    expect(iv.code).toBe(0);

    const score = async (file: string) => {
      const r = await runCli(['score', 'sample.csv', '--responses', file, '--format', 'json', '--no-fail'], {
        cwd: fx.dir,
      });
      expect(r.stderr).not.toMatch(/error/);
      expect(r.code).toBe(0);
      const j = JSON.parse(r.stdout) as Record<string, unknown>;
      return JSON.stringify(j, (k, v: unknown) =>
        ['responses', 'generated_at', 'files', 'file'].includes(k) ? undefined : v,
      );
    };
    const viaInterview = await score('typed.csv');
    expect(await score('filled.xlsx')).toBe(viaInterview);
    expect(await score('filled.csv')).toBe(viaInterview);

    const st = await runCli(['status', 'sample.csv', '--responses', 'filled.xlsx', '--json'], {
      cwd: fx.dir,
    });
    expect(st.code).toBe(0);
    const c = (
      JSON.parse(st.stdout) as { strata: { stratum: string; completes: number; non_response: object }[] }
    ).strata.find((x) => x.stratum === C)!;
    expect(c.completes).toBe(20);
    expect(c.non_response).toEqual({ refused: 1, not_home: 1 });
    const rows = (await readResponses(join(fx.dir, 'filled.xlsx'), standard)).rows;
    expect(rows).toHaveLength(22);
  });

  it('every problem in a typed file is one line with the file, the Excel row and the column', async () => {
    const table = await readCsvTable(join(fx.dir, 'filled.xlsx'));
    const rows = table.rows.map((r) => [...r.fields]);
    rows[3]![5] = '完 成';
    rows[4]![7] = '知道吧';
    writeFileSync(join(fx.dir, 'bad.xlsx'), buildXlsx([{ name: '录入表', rows: [table.header, ...rows] }]));
    const r = await runCli(['status', 'sample.csv', '--responses', 'bad.xlsx'], { cwd: fx.dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^bad\.xlsx:5: disposition: "完 成" is not a disposition/m);
    expect(r.stderr).toMatch(/^bad\.xlsx:6: aware_campaign: "知道吧" is not an option/m);
  });
});
