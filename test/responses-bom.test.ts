import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readResponses } from '../src/fieldwork/responses-file.js';
import { loadStandardSync } from '../src/standard/parse.js';
import { makeFixture, type Fixture } from './helpers/fieldwork.js';
import { runCli } from './helpers/run-cli.js';

/*
 * The responses file follows the sample list's BOM rule: with --lang zh a new file starts with a
 * UTF-8 byte-order mark (Excel on Chinese Windows shows UTF-8 without one as mojibake), --no-bom
 * turns it off, --bom turns it on in English; and every reader (interview resuming, status, score)
 * takes the file with its mark.
 */

const standard = loadStandardSync(undefined);
const COMMUNITY = '全福街道 / 利农社区';
const COMPLETE = ['complete', '1', '1', '1', '2', '1', '2'];
const BOM = Buffer.from([0xef, 0xbb, 0xbf]);
let fx: Fixture;

beforeAll(async () => {
  fx = await makeFixture({ size: 5, reserve: 2 });
});

const interview = (file: string, lines: string[], extra: string[]) =>
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
    { cwd: fx.dir, stdin: lines.map((l) => `${l}\n`).join('') },
  );
const bytes = (file: string) => readFileSync(join(fx.dir, file));
const boms = (b: Buffer) => {
  let n = 0;
  for (let at = b.indexOf(BOM); at !== -1; at = b.indexOf(BOM, at + 1)) n++;
  return n;
};

describe('the BOM of the responses file', () => {
  it('--lang zh starts a new file with a BOM; resuming, status and score read it', async () => {
    const first = await interview('zh.csv', [...COMPLETE, 'quit'], ['--lang', 'zh']);
    expect(first.code).toBe(0);
    expect(bytes('zh.csv').subarray(0, 3).equals(BOM)).toBe(true);
    const second = await interview('zh.csv', ['refused', ...COMPLETE, 'quit'], ['--lang', 'zh']);
    expect(second.code).toBe(0);
    expect(second.stderr).toMatch(/zh\.csv/);
    // Appending never writes a second mark.
    expect(boms(bytes('zh.csv'))).toBe(1);
    const rows = (await readResponses(join(fx.dir, 'zh.csv'), standard)).rows;
    expect(rows.map((r) => r.disposition)).toEqual(['complete', 'refused', 'complete']);
    expect(rows[0]!.householdId).toMatch(/^H\d{6}$/);

    const st = await runCli(['status', 'sample.csv', '--responses', 'zh.csv', '--json'], { cwd: fx.dir });
    expect(st.code).toBe(0);
    const status = JSON.parse(st.stdout) as {
      problems: unknown[];
      strata: { stratum: string; completes: number }[];
    };
    expect(status.problems).toEqual([]);
    expect(status.strata.find((s) => s.stratum === COMMUNITY)!.completes).toBe(2);

    const sc = await runCli(['score', 'sample.csv', '--responses', 'zh.csv', '--format', 'json'], {
      cwd: fx.dir,
    });
    expect([0, 1]).toContain(sc.code);
    const report = JSON.parse(sc.stdout) as { strata: { stratum: string }[] };
    expect(report.strata.map((s) => s.stratum)).toContain(COMMUNITY);
  });

  it('--no-bom writes none with --lang zh; English writes none unless --bom', async () => {
    await interview('zh-nobom.csv', [...COMPLETE, 'quit'], ['--lang', 'zh', '--no-bom']);
    expect(boms(bytes('zh-nobom.csv'))).toBe(0);
    expect(bytes('zh-nobom.csv').toString('utf8')).toMatch(/^household_id,|^户编号,/);
    await interview('en.csv', [...COMPLETE, 'quit'], ['--lang', 'en']);
    expect(boms(bytes('en.csv'))).toBe(0);
    await interview('en-bom.csv', [...COMPLETE, 'quit'], ['--lang', 'en', '--bom']);
    expect(bytes('en-bom.csv').subarray(0, 3).equals(BOM)).toBe(true);
  });

  it('status --merge follows the same rule', async () => {
    const zh = await runCli(
      [
        'status',
        'sample.csv',
        '--responses',
        'zh.csv',
        'en.csv',
        '--merge',
        '-o',
        'merged-zh.csv',
        '--lang',
        'zh',
      ],
      { cwd: fx.dir },
    );
    expect(zh.code).toBe(0);
    expect(bytes('merged-zh.csv').subarray(0, 3).equals(BOM)).toBe(true);
    expect(boms(bytes('merged-zh.csv'))).toBe(1);
    const en = await runCli(
      ['status', 'sample.csv', '--responses', 'zh.csv', 'en.csv', '--merge', '-o', 'merged-en.csv'],
      { cwd: fx.dir },
    );
    expect(en.code).toBe(0);
    expect(boms(bytes('merged-en.csv'))).toBe(0);
    expect((await readResponses(join(fx.dir, 'merged-zh.csv'), standard)).rows).toHaveLength(4);
  });
});
