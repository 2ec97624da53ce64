import { existsSync, readFileSync, writeFileSync, appendFileSync, readdirSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readResponses } from '../src/fieldwork/responses-file.js';
import { loadStandardSync } from '../src/standard/parse.js';
import { makeFixture, type Fixture } from './helpers/fieldwork.js';
import { runCli } from './helpers/run-cli.js';

interface StatusJson {
  strata: ({ stratum: string } & Record<string, unknown>)[];
  total: Record<string, unknown>;
  problems: unknown[];
}

const standard = loadStandardSync(undefined);
const COMMUNITY = '全福街道 / 利农社区';
/** A complete interview: aware, support, took part, fairly satisfied, heard of and know the core values. */
const COMPLETE = ['complete', '1', '1', '1', '2', '1', '2'];

let fx: Fixture;
const ids = (role: 'primary' | 'reserve') =>
  fx.entries
    .filter((e) => e.stratum === COMMUNITY && e.role === role)
    .sort((a, b) => a.rank - b.rank)
    .map((e) => e.householdId);

beforeAll(async () => {
  fx = await makeFixture({ size: 22, reserve: 5 });
});

const interview = (file: string, lines: string[], extra: string[] = [], env: Record<string, string> = {}) =>
  runCli(
    [
      'interview',
      'sample.csv',
      '--responses',
      file,
      '--interviewer',
      '王芳',
      '--stratum',
      COMMUNITY,
      ...extra,
    ],
    {
      cwd: fx.dir,
      stdin: lines.map((l) => `${l}\n`).join(''),
      env,
    },
  );

describe('hhsurvey interview (piped)', () => {
  it('a whole community: completes, nobody home and refusals replaced by reserves in order, a correction', async () => {
    const P = ids('primary');
    const R = ids('reserve');
    expect(P).toHaveLength(22);
    const script = [
      ...COMPLETE, // P1
      'not_home', // P2 → reserve 1
      ...COMPLETE, // R1
      '拒访', // P3 → reserve 2
      'refused', // R2 → reserve 3
      '完成',
      '知道',
      '支持',
      '参加过',
      '满意',
      '没听说过', // R3 (core_values_know skipped)
      ...Array.from({ length: 19 }, () => COMPLETE).flat(), // P4..P22
      `correct ${P[0]}`,
      'complete',
      '1',
      '1',
      '2',
      '1',
      '1',
      '1', // P1 corrected: did not take part
    ];
    const r = await interview('responses.csv', script);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(new RegExp(`reserve 1 \\(${R[0]}\\) replaces ${P[1]}`));
    expect(r.stderr).toMatch(new RegExp(`reserve 2 \\(${R[1]}\\) replaces ${P[2]}`));
    expect(r.stderr).toMatch(new RegExp(`reserve 3 \\(${R[2]}\\) replaces ${R[1]}`));
    expect(r.stderr).toMatch(
      /every household is done: 26 households saved this session, all on disk in responses\.csv; 0 still due\./,
    );
    // Households came due in order: P1, P2, R1 (right after P2), P3, R2, R3, P4...
    const shown = [...r.stderr.matchAll(/· (H\d{6})\n/g)].map((m) => m[1]);
    expect(shown.slice(0, 7)).toEqual([P[0], P[1], R[0], P[2], R[1], R[2], P[3]]);

    const f = await readResponses(join(fx.dir, 'responses.csv'), standard);
    expect(f.problems).toEqual([]);
    expect(f.rows).toHaveLength(26);
    expect(f.rows.map((x) => x.householdId)).toEqual([
      P[0],
      P[1],
      R[0],
      P[2],
      R[1],
      R[2],
      ...P.slice(3),
      P[0],
    ]);
    expect(f.rows[2]).toMatchObject({ role: 'reserve', note: `replaces ${P[1]}`, interviewer: '王芳' });
    expect(f.rows[5]!.answers).toEqual({
      aware_campaign: 1,
      support_campaign: 1,
      participate: 1,
      satisfaction: 1,
      core_values_heard: 2,
    });
    expect(f.rows[25]).toMatchObject({
      note: 'correction',
      visit: 1,
      answers: {
        participate: 2,
        aware_campaign: 1,
        support_campaign: 1,
        satisfaction: 1,
        core_values_heard: 1,
        core_values_know: 1,
      },
    });
    expect(f.rows.every((x) => x.recordedAt === '2026-01-01T08:00:00+08:00')).toBe(true); // China time
    // No personal data in the file: ids and answers only.
    const text = readFileSync(join(fx.dir, 'responses.csv'), 'utf8');
    expect(text).not.toMatch(/\*|100\d{8}/);

    // status: 22 completes, RR1 on the original sample = 20/22, COOP1 = 20/21
    const s = await runCli(['status', 'sample.csv', '--responses', 'responses.csv', '--json'], {
      cwd: fx.dir,
    });
    expect(s.code).toBe(0);
    const st = (JSON.parse(s.stdout) as StatusJson).strata.find((x) => x.stratum === COMMUNITY)!;
    expect(st).toMatchObject({
      target: 22,
      completes: 22,
      reserves_used: 3,
      reserves_left: 2,
      due: 0,
      unreplaced: 0,
    });
    expect(st.rr1).toBeCloseTo(20 / 22, 12);
    expect(st.coop1).toBeCloseTo(20 / 21, 12);
    expect(st.non_response).toEqual({ not_home: 1, refused: 2 });
  });

  it('re-asks an invalid line, goes back, leaves answers out of a partial interview, and resumes where it stopped', async () => {
    const P = ids('primary');
    const file = 'resume.csv';
    const first = await interview(file, [
      'maybe', // not an outcome
      'complete',
      '7', // not an option
      '2',
      'back', // back to aware_campaign
      '1',
      '', // a complete interview needs an answer
      '1',
      '1',
      '2',
      '1',
      '2',
      'partial',
      '1',
      '',
      '',
      '',
      '', // partial: four unanswered
      'complete',
      '1', // quit in the middle: this household is not saved
      'quit',
    ]);
    expect(first.code).toBe(0);
    expect(first.stderr).toMatch(/line 1: "maybe" is not an outcome; try again/);
    expect(first.stderr).toMatch(/line 3: "7" is not an option \(1 Yes, 2 No, 9 Not sure\)/);
    expect(first.stderr).toMatch(/line 7: a complete interview needs an answer/);
    expect(first.stderr).toMatch(new RegExp(`${ids('reserve')[0]} was not saved`));
    const rows1 = (await readResponses(join(fx.dir, file), standard)).rows;
    expect(rows1.map((r) => [r.householdId, r.disposition])).toEqual([
      [P[0], 'complete'],
      [P[1], 'partial'],
    ]);
    expect(rows1[0]!.answers.aware_campaign).toBe(1);
    expect(rows1[1]!.answers).toEqual({ aware_campaign: 1 });

    const second = await interview(file, ['vacant', 'quit']);
    expect(second.stderr).toMatch(/resuming: resume\.csv holds 2 rows/);
    // the partial interview activated reserve 1, due right after P2 and before P3
    const shown = [...second.stderr.matchAll(/· (H\d{6})\n/g)].map((m) => m[1]);
    expect(shown[0]).toBe(ids('reserve')[0]);
    const rows2 = (await readResponses(join(fx.dir, file), standard)).rows;
    expect(rows2).toHaveLength(3);
    expect(rows2[2]).toMatchObject({ disposition: 'vacant', role: 'reserve' });
  });

  it('nobody home comes back after the other households with --max-visits', async () => {
    const P = ids('primary');
    const r = await interview('visits.csv', ['not_home', 'skip', 'quit'], ['--max-visits', '2']);
    expect(r.stderr).toMatch(/nobody home: due again after the stratum's other households \(visit 2\)/);
    const shown = [...r.stderr.matchAll(/· (H\d{6})\n/g)].map((m) => m[1]);
    expect(shown).toEqual([P[0], P[1], P[2]]);
    expect(r.stderr).toMatch(new RegExp(`skipped ${P[1]} \\(still due next time\\)`));
  });

  it('sets a torn last line aside on start, with a message', async () => {
    const file = join(fx.dir, 'torn.csv');
    await interview('torn.csv', [...COMPLETE, 'quit']);
    appendFileSync(file, `${ids('primary')[1]},利农社区,primary,1,compl`);
    const r = await interview('torn.csv', ['quit']);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(
      /torn\.csv:3: the last line was cut off \(the program stopped while writing it\); set aside in .*torn\.csv\.torn-20260101T080000\+0800; that household is due again/,
    );
    expect(readFileSync(file, 'utf8').endsWith('\r\n')).toBe(true);
    expect((await readResponses(file, standard)).rows).toHaveLength(1);
    expect(readdirSync(fx.dir).some((n) => n.startsWith('torn.csv.torn-'))).toBe(true);
  });

  it('refuses a file locked by a running interview, naming the holder', async () => {
    writeFileSync(
      join(fx.dir, 'locked.csv.lock'),
      JSON.stringify({
        pid: process.pid,
        host: hostname(),
        interviewer: '李强',
        since: '2026-01-01T00:00:00Z',
      }),
    );
    const r = await interview('locked.csv', ['quit']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      `hhsurvey: locked.csv is in use by another interview (interviewer 李强, process ${process.pid} on ${hostname()}, since 2026-01-01 08:00); finish that one first, or, if it is no longer running, delete locked.csv.lock\n`,
    );
    expect(existsSync(join(fx.dir, 'locked.csv'))).toBe(false);
  });

  it('one-line errors: unknown stratum, no interviewer with piped input, a file with errors', async () => {
    const a = await runCli(
      ['interview', 'sample.csv', '--responses', 'x.csv', '--interviewer', 'w', '--stratum', '无此社区'],
      { cwd: fx.dir },
    );
    expect(a.code).toBe(2);
    expect(a.stderr).toMatch(/^hhsurvey: --stratum: "无此社区" is not a stratum of sample\.csv \(/);
    const b = await runCli(['interview', 'sample.csv', '--responses', 'x.csv'], { cwd: fx.dir });
    expect(b.stderr).toBe('hhsurvey: --interviewer <name> is required when input is piped\n');
    writeFileSync(
      join(fx.dir, 'bad.csv'),
      'household_id,stratum,role,visit,disposition,interviewer,recorded_at,aware_campaign,support_campaign,participate,satisfaction,core_values_heard,core_values_know,note\r\nH1,x,primary,1,done,w,2026-01-01T00:00:00Z,,,,,,,\r\n',
    );
    const c = await interview('bad.csv', ['quit']);
    expect(c.code).toBe(2);
    expect(c.stderr).toMatch(/^bad\.csv:2: disposition: "done" is not a disposition/);
    expect(c.stderr).toMatch(
      /hhsurvey: bad\.csv: 1 error; fix it before recording more \(hhsurvey status checks the file\)\n$/,
    );
    expect(existsSync(join(fx.dir, 'bad.csv.lock'))).toBe(false);
  });

  it('speaks Chinese with --lang zh', async () => {
    const r = await interview('zh.csv', ['拒访', 'quit'], ['--lang', 'zh']);
    expect(r.stderr).toMatch(/利农社区 · 正式样本 第 1 户（共 22 户）/);
    expect(r.stderr).toMatch(/✓ 已保存 H\d{6}：拒访（第 1 次走访）/);
    expect(r.stderr).toMatch(/备用 1（H\d{6}）替换 H\d{6}/);
    expect(r.stderr).toMatch(/已退出：本次保存 1 户/);
  });
});

describe('the README’s piped interview example', () => {
  it('runs as written', async () => {
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
    const line = readme
      .split('\n')
      .find((l) => l.startsWith("printf '") && l.includes('| hhsurvey interview'))!;
    const m = /^printf '([^']*)' \| hhsurvey (.*)$/.exec(line)!;
    const input = m[1]!.replace(/\\n/g, '\n');
    const args = m[2]!.split(/\s+/).map((a) => (a === 'responses.csv' ? 'readme-responses.csv' : a));
    const r = await runCli(args, { cwd: fx.dir, stdin: input });
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/✓ 已保存 H\d{6}：完成/);
    expect(r.stderr).toMatch(/✓ 已保存 H\d{6}：拒访/);
    expect(r.stderr).toMatch(/已退出：本次保存 2 户/);
  });
});
