import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { readResponses } from '../src/fieldwork/responses-file.js';
import { loadStandardSync } from '../src/standard/parse.js';
import { makeFixture, type Fixture } from './helpers/fieldwork.js';
import { BIN } from './helpers/run-cli.js';

/**
 * The real terminal UI, driven through a pseudo-terminal with Python's pty module (no npm pty
 * package builds on Node 20 here without downloads): raw-mode single keys, back, review,
 * skip, correction and Ctrl+C.
 */
const DRIVER = fileURLToPath(new URL('./helpers/pty-drive.py', import.meta.url));
const hasPython = spawnSync('python3', ['-c', 'import pty'], { encoding: 'utf8' }).status === 0;

interface Step {
  wait: string;
  send: string;
}

function drive(
  cwd: string,
  args: string[],
  steps: Step[],
  lang = 'en',
): { ok: boolean; code: number; out: string } {
  const r = spawnSync(
    'python3',
    [
      DRIVER,
      JSON.stringify({
        cwd,
        argv: [process.execPath, BIN, ...args, '--lang', lang],
        env: { PATH: process.env.PATH ?? '', TERM: 'xterm', NO_COLOR: '1', SOURCE_DATE_EPOCH: '1767225600' },
        steps,
      }),
    ],
    { encoding: 'utf8', timeout: 60_000 },
  );
  if (r.status !== 0) throw new Error(`pty driver failed: ${r.stderr}`);
  return JSON.parse(r.stdout) as { ok: boolean; code: number; out: string };
}

let fx: Fixture;
beforeAll(async () => {
  fx = await makeFixture({ size: 22, reserve: 5 });
});

describe.skipIf(!hasPython)('hhsurvey interview in a terminal (pseudo-terminal)', () => {
  it('single keys: answers, back, review, save, refusal with reserve, skip, correction, Ctrl+C', () => {
    const P = fx.entries
      .filter((e) => e.stratum === '全福街道 / 利农社区' && e.role === 'primary')
      .sort((a, b) => a.rank - b.rank);
    const R = fx.entries
      .filter((e) => e.stratum === '全福街道 / 利农社区' && e.role === 'reserve')
      .sort((a, b) => a.rank - b.rank);
    const r = drive(
      fx.dir,
      ['interview', 'sample.csv', '--responses', 'tty.csv', '--stratum', '利农社区'],
      [
        { wait: 'Interviewer name', send: '王芳\r' },
        { wait: 'Outcome:', send: '1' },
        { wait: 'Question 1 of 6', send: '1' },
        { wait: 'Question 2 of 6', send: '1' },
        { wait: 'Question 3 of 6', send: '2' },
        { wait: 'Question 4 of 6', send: '\x7f' }, // Backspace: back to question 3
        { wait: 'Question 3 of 6', send: '1' },
        { wait: 'Question 4 of 6', send: '2' },
        { wait: 'Question 5 of 6', send: '2' }, // never heard of the core values: question 6 skipped
        { wait: 'Review this household', send: '3' }, // change question 3 from the review
        { wait: 'Question 3 of 6', send: '2' },
        { wait: 'Review this household', send: '\r' }, // save
        { wait: `saved ${P[0]!.householdId}`, send: '' },
        { wait: 'Outcome:', send: '3' }, // refused
        { wait: 'Review this household', send: '\r' },
        { wait: `reserve 1 (${R[0]!.householdId}) replaces ${P[1]!.householdId}`, send: '' },
        { wait: 'Outcome:', send: 's' }, // skip the reserve for now
        { wait: `skipped ${R[0]!.householdId}`, send: '' },
        { wait: 'Outcome:', send: 'c' }, // correct the last household saved (the refusal)
        { wait: 'correcting this household (was: Refused)', send: 'd' },
        { wait: 'Outcome:', send: '5' }, // it was nobody home
        { wait: 'Review this household', send: '\r' },
        { wait: `saved ${P[1]!.householdId}: Nobody home`, send: '' },
        { wait: 'Outcome:', send: '\x03' }, // Ctrl+C
      ],
    );
    expect(r.ok).toBe(true);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(
      /interrupted \(Ctrl\+C\): 3 households saved this session, all on disk in tty\.csv/,
    );
    expect(r.out).toContain('9  Not sure (do not read out)');
    expect(existsSync(join(fx.dir, 'tty.csv.lock'))).toBe(false);
  });

  it('writes what the keys said', async () => {
    const f = await readResponses(join(fx.dir, 'tty.csv'), loadStandardSync(undefined));
    expect(f.problems).toEqual([]);
    expect(f.rows.map((x) => [x.disposition, x.note, x.answers])).toEqual([
      [
        'complete',
        '',
        { aware_campaign: 1, support_campaign: 1, participate: 2, satisfaction: 2, core_values_heard: 2 },
      ],
      ['refused', '', {}],
      ['not_home', 'correction', {}],
    ]);
    expect(f.rows.every((x) => x.interviewer === '王芳')).toBe(true);
  });

  it('speaks Chinese, and q twice quits without saving a household in progress', () => {
    const r = drive(
      fx.dir,
      [
        'interview',
        'sample.csv',
        '--responses',
        'tty-zh.csv',
        '--interviewer',
        '李强',
        '--stratum',
        '利农社区',
      ],
      [
        { wait: '访问结果：', send: '1' },
        { wait: '第 1/6 题', send: '1' },
        { wait: '第 2/6 题', send: 'q' },
        { wait: '再按 q 退出', send: 'q' },
      ],
      'zh',
    );
    expect(r.ok).toBe(true);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/未保存/);
    expect(r.out).toMatch(/已退出：本次保存 0 户/);
  });
});
