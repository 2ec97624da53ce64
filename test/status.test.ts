import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { csvTable } from '../src/io/csv-write.js';
import { makeFixture, type Fixture } from './helpers/fieldwork.js';
import { runCli } from './helpers/run-cli.js';

interface StatusJson {
  strata: ({ stratum: string } & Record<string, unknown>)[];
  total: Record<string, unknown>;
  problems: unknown[];
}

const HEADER = [
  'household_id',
  'stratum',
  'role',
  'visit',
  'disposition',
  'interviewer',
  'recorded_at',
  'aware_campaign',
  'support_campaign',
  'participate',
  'satisfaction',
  'core_values_heard',
  'core_values_know',
  'note',
];
const C = '全福街道 / 利农社区';
let fx: Fixture;
let P: string[];
let R: string[];

beforeAll(async () => {
  fx = await makeFixture({ size: 22, reserve: 5 });
  const of = (role: string) =>
    fx.entries
      .filter((e) => e.stratum === C && e.role === role)
      .sort((a, b) => a.rank - b.rank)
      .map((e) => e.householdId);
  P = of('primary');
  R = of('reserve');
});

const t = (min: number) => `2026-11-28T10:${String(min).padStart(2, '0')}:00+08:00`;
const done = (
  id: string,
  role: string,
  min: number,
  who = '王芳',
  answers = ['1', '1', '1', '2', '1', '2'],
) => [id, C, role, '1', 'complete', who, t(min), ...answers, ''];
const other = (id: string, role: string, d: string, min: number, who = '王芳') => [
  id,
  C,
  role,
  '1',
  d,
  who,
  t(min),
  '',
  '',
  '',
  '',
  '',
  '',
  '',
];
const write = (name: string, rows: string[][], header = HEADER) =>
  writeFileSync(join(fx.dir, name), csvTable(header, rows));

describe('hhsurvey status', () => {
  it('shows progress per stratum with RR1 and COOP1 on the original sample, as a table and as JSON', async () => {
    write('a.csv', [
      done(P[0]!, 'primary', 1),
      other(P[1]!, 'primary', 'refused', 2),
      done(R[0]!, 'reserve', 3),
    ]);
    write('b.csv', [other(P[2]!, 'primary', 'not_home', 4, '李强'), done(P[3]!, 'primary', 5, '李强')]);
    const r = await runCli(['status', 'sample.csv', '--responses', 'a.csv', 'b.csv'], { cwd: fx.dir });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const line = r.stdout.split('\n').find((l) => l.includes(C))!;
    // target 22, 3 completes, 1 refused, 1 not home; reserve 1 used, 4 left; RR1 = 2/4 on primaries; COOP1 = 2/3
    expect(line.replace(/\s+/g, ' ')).toMatch(
      /利农社区 │ 22 │ 3 │ 0 │ 1 │ 1 │ 0 │ 0 │ 0 │ 18 │ 1 │ 4 │ 50\.0% │ 66\.7% │/,
    );
    // P3's nobody-home activated reserve 2, due first
    expect(line).toContain(`${R[1]} ${P[4]} ${P[5]} …`);

    const j = await runCli(['status', 'sample.csv', '--responses', 'a.csv', 'b.csv', '--json'], {
      cwd: fx.dir,
    });
    const s = JSON.parse(j.stdout) as StatusJson;
    const st = s.strata.find((x) => x.stratum === C)!;
    expect(st).toMatchObject({
      target: 22,
      completes: 3,
      non_response: { refused: 1, not_home: 1 },
      reserves_used: 1,
      reserves_left: 4,
      original_sample: { I: 2, P: 0, R: 1, NC: 1, O: 0, UH: 0, UO: 0, NE: 0 },
      rr1: 0.5,
      next_due: [R[1], P[4], P[5]],
    });
    expect(st.coop1).toBeCloseTo(2 / 3, 12);
    expect(s.total.target).toBe(44);
    expect(s.problems).toEqual([]);
  });

  it('reports every problem as file:line: message and exits 2 on errors', async () => {
    write('bad.csv', [
      done(P[0]!, 'primary', 1),
      done('H999999', 'primary', 2),
      done(P[1]!, 'primary', 3, '王芳', ['1', '1', '5', '2', '1', '2']),
      done(P[2]!, 'primary', 4, '王芳', ['1', '1', '1', '', '1', '2']),
      done(P[3]!, 'primary', 5, '王芳', ['1', '1', '1', '2', '2', '1']),
      other(P[4]!, 'primary', 'refused', 6),
      done(R[1]!, 'reserve', 7),
      done(P[0]!, 'primary', 8, '李强', ['2', '1', '1', '2', '1', '2']),
      other(P[5]!, 'reserve', 'vacant', 9),
    ]);
    const r = await runCli(['status', 'sample.csv', '--responses', 'bad.csv'], { cwd: fx.dir });
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toEqual([
      'bad.csv:4: participate: "5" is not an option (1 参加过, 2 没有参加过, 9 不清楚)',
      'bad.csv:5: satisfaction: no answer in a complete interview (record it as partial, or add the answer)',
      'bad.csv:6: core_values_know: answered, but the skip rule says it is not asked (asked only if core_values_heard is 1 听说过)',
      'bad.csv:3: household_id: household H999999 is not in the sample (sample.csv)',
      `bad.csv:9: ${P[0]} recorded as complete twice with different answers by different interviewers (王芳 at bad.csv:2, 李强 here)`,
      `bad.csv:10: role: reserve, but ${P[5]} is a primary household in the sample`,
      `bad.csv:8: reserves used out of order in ${C}: reserve 2 (${R[1]}) was visited before reserve 1 (${R[0]})`,
      'hhsurvey: 7 errors in the responses',
    ]);
  });

  it('warnings do not fail; a GB18030 file typed by hand with labels and Chinese headers is read', async () => {
    const zhHeader = [
      '户编号',
      '抽样层',
      '样本类型',
      '走访次数',
      '访问结果',
      '调查员',
      '记录时间',
      ...HEADER.slice(7, 13),
      '备注',
    ];
    const text = csvTable(zhHeader, [
      [
        P[0]!,
        C,
        '正式',
        '1',
        '完成',
        '王芳',
        '2026/11/28 10:01',
        '知道',
        '支持',
        '参加过',
        '基本满意',
        '听说过',
        '知道',
        '',
      ],
      [P[1]!, C, '正式', '1', '无人在家', '', '2026/11/28 10:02', '', '', '', '', '', '', ''],
    ]);
    const iconv = (await import('iconv-lite')).default;
    writeFileSync(join(fx.dir, 'gbk.csv'), iconv.encode(text, 'gb18030'));
    const r = await runCli(['status', 'sample.csv', '--responses', 'gbk.csv', '--json'], { cwd: fx.dir });
    expect(r.code).toBe(0);
    const s = JSON.parse(r.stdout) as StatusJson;
    expect(s.problems).toEqual([
      { file: 'gbk.csv', line: 3, field: null, severity: 'warning', message: 'interviewer: empty' },
    ]);
    expect(s.strata.find((x) => x.stratum === C)!.completes).toBe(1);
  });

  it('--merge -o writes every row of every file in time order, normalised to codes and tokens', async () => {
    write('t1.csv', [done(P[0]!, 'primary', 1), done(P[2]!, 'primary', 5)]);
    write('t2.csv', [
      [P[1]!, C, 'primary', '1', '拒访', '李强', t(3), '', '', '', '', '', '', ''],
      [R[0]!, C, 'reserve', '1', 'complete', '李强', t(4), '知道', '1', '1', '1', '1', '1', ''],
    ]);
    const r = await runCli(
      ['status', 'sample.csv', '--responses', 't1.csv', 't2.csv', '--merge', '-o', 'merged.csv'],
      { cwd: fx.dir },
    );
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/merged 4 rows from 2 files in time order into merged\.csv/);
    const lines = readFileSync(join(fx.dir, 'merged.csv'), 'utf8').trimEnd().split('\r\n');
    expect(lines[0]).toBe(HEADER.join(','));
    expect(lines.slice(1).map((l) => l.split(',')[0])).toEqual([P[0], P[1], R[0], P[2]]);
    expect(lines[2]).toContain(',refused,李强,');
    expect(lines[3]).toContain(',complete,李强,2026-11-28T10:04:00+08:00,1,1,1,1,1,1,');
    // the merged file checks clean
    expect((await runCli(['status', 'sample.csv', '--responses', 'merged.csv'], { cwd: fx.dir })).code).toBe(
      0,
    );
    const bad = await runCli(['status', 'sample.csv', '--responses', 't1.csv', '--merge'], { cwd: fx.dir });
    expect(bad.stderr).toBe('hhsurvey: --merge needs -o <file> for the merged responses\n');
  });

  it('a missing responses file is one line', async () => {
    const r = await runCli(['status', 'sample.csv', '--responses', 'nope.csv'], { cwd: fx.dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('hhsurvey: nope.csv: no such file\n');
  });
});

describe('hhsurvey status on a file cut off by a crash', () => {
  it('sets the cut-off last line aside with a warning, as interview does, and checks the rest', async () => {
    writeFileSync(
      join(fx.dir, 'cut.csv'),
      csvTable(HEADER, [done(P[0]!, 'primary', 1)]) + `${P[1]},${C},primary,1,compl`,
    );
    const r = await runCli(['status', 'sample.csv', '--responses', 'cut.csv'], { cwd: fx.dir });
    expect(r.code).toBe(0);
    expect(r.stderr).not.toMatch(/"compl" is not a disposition/);
    expect(r.stderr).toMatch(
      /^cut\.csv:3: warning: this last line has no line end and too few cells: it looks cut off .*it is left out here/m,
    );
    expect(readFileSync(join(fx.dir, 'cut.csv'), 'utf8').endsWith('compl')).toBe(true); // not changed
  });
});

describe('hhsurvey status in an 80-column terminal', () => {
  it('switches to a compact table that fits, and keeps the full one where there is room', async () => {
    const width = (t: string) =>
      Math.max(
        ...t
          .split('\n')
          .map((l) => [...l].reduce((w, c) => w + (/[\u3000-\u9fff\uff00-\uffef]/.test(c) ? 2 : 1), 0)),
      );
    for (const lang of ['zh', 'en']) {
      const narrow = await runCli(['status', 'sample.csv', '--responses', 'cut.csv', '--lang', lang], {
        cwd: fx.dir,
        env: { COLUMNS: '80' },
      });
      expect(narrow.code).toBe(0);
      const table = narrow.stdout
        .split('\n')
        .filter((l) => /^[┌│└]/.test(l))
        .join('\n');
      expect(width(table)).toBeLessThanOrEqual(80);
      expect(narrow.stdout).toMatch(
        lang === 'zh' ? /│ 抽样层 +│ +完成 │ 拒访 │ 无人 │/ : /│ stratum +│ +done │ refused │ away │/,
      );
      const wide = await runCli(['status', 'sample.csv', '--responses', 'cut.csv', '--lang', lang], {
        cwd: fx.dir,
        env: { COLUMNS: '200' },
      });
      expect(wide.stdout).toMatch(lang === 'zh' ? /备用剩余/ : /reserves used/);
    }
  });
});
