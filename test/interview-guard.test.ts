import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { beforeAll, describe, expect, it } from 'vitest';
import { readResponses } from '../src/fieldwork/responses-file.js';
import { loadStandardSync } from '../src/standard/parse.js';
import { makeFixture, type Fixture } from './helpers/fieldwork.js';
import { BIN, runCli } from './helpers/run-cli.js';

/**
 * What interview guards against: a responses file it has not checked is never changed (CR-only line
 * ends, a workbook, a GB18030 file whose last line has no line end), a file rewritten by another
 * command while an interview runs (the lock), and a file replaced behind its back (stop, keep all).
 */
const standard = loadStandardSync(undefined);
const C = '全福街道 / 利农社区';
const COMPLETE = ['complete', '1', '1', '1', '2', '1', '2'];
let fx: Fixture;
let P: string[];
beforeAll(async () => {
  fx = await makeFixture({ size: 22, reserve: 5 });
  P = fx.entries
    .filter((e) => e.stratum === C && e.role === 'primary')
    .sort((a, b) => a.rank - b.rank)
    .map((e) => e.householdId);
});

const interview = (file: string, lines: string[], extra: string[] = ['--interviewer', '王芳']) =>
  runCli(['interview', 'sample.csv', '--responses', file, '--stratum', C, ...extra], {
    cwd: fx.dir,
    stdin: lines.map((l) => `${l}\n`).join(''),
  });
const sideFiles = (name: string) => readdirSync(fx.dir).filter((n) => n.startsWith(`${name}.`));

describe('interview checks the whole responses file before changing anything', () => {
  it('CR-only line ends (as status accepts them): resumes, appends with CR, sets nothing aside', async () => {
    await interview('cr.csv', [...COMPLETE, ...COMPLETE, 'quit']);
    const file = join(fx.dir, 'cr.csv');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/\r\n/g, '\r'));
    const r = await interview('cr.csv', [...COMPLETE, 'quit']);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/resuming: cr\.csv holds 2 rows/);
    expect(sideFiles('cr.csv')).toEqual([]);
    const text = readFileSync(file, 'utf8');
    expect(text).not.toContain('\n');
    expect((await readResponses(file, standard)).rows.map((x) => x.householdId)).toEqual(P.slice(0, 3));
    const s = await runCli(['status', 'sample.csv', '--responses', 'cr.csv'], { cwd: fx.dir });
    expect(s.code).toBe(0);
  });

  it('an Excel workbook given as --responses is refused and left byte for byte as it was', async () => {
    const file = join(fx.dir, 'book.xlsx');
    const bytes = Buffer.concat([
      Buffer.from('PK\x03\x04', 'latin1'),
      Buffer.from('[Content_Types].xml 工作簿'),
    ]);
    writeFileSync(file, bytes);
    const r = await interview('book.xlsx', ['quit']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^hhsurvey: book\.xlsx: this is an Excel workbook, not a CSV responses file/m);
    expect(readFileSync(file).equals(bytes)).toBe(true);
    expect(sideFiles('book.xlsx')).toEqual([]);
  });

  it('a GB18030 file whose last complete row has no line end: refused unchanged; status keeps that row', async () => {
    const utf8 = readFileSync(join(fx.dir, 'cr.csv'), 'utf8').replace(/\r/g, '\r\n').replace(/\r\n$/, '');
    const file = join(fx.dir, 'gb.csv');
    const bytes = iconv.encode(utf8, 'gb18030');
    writeFileSync(file, bytes);
    const r = await interview('gb.csv', ['quit']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/gb\.csv: this file is GB18030-encoded; interview appends UTF-8 only/);
    expect(readFileSync(file).equals(bytes)).toBe(true);
    expect(sideFiles('gb.csv')).toEqual([]);
    const read = await readResponses(file, standard);
    expect(read.encoding).toBe('gb18030');
    expect(read.rows.map((x) => x.householdId)).toEqual(P.slice(0, 3));
    expect(read.problems).toEqual([]);
  });

  it('a complete last row without its line end is kept, the line end added before appending', async () => {
    const file = join(fx.dir, 'noeol.csv');
    await interview('noeol.csv', [...COMPLETE, 'quit']);
    writeFileSync(file, readFileSync(file, 'utf8').replace(/\r\n$/, ''));
    const r = await interview('noeol.csv', [...COMPLETE, 'quit']);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/noeol\.csv:2: the last line is complete but had no line end; one was added/);
    expect(sideFiles('noeol.csv')).toEqual([]);
    expect((await readResponses(file, standard)).rows.map((x) => x.householdId)).toEqual(P.slice(0, 2));
  });

  it('remembers the interviewer of a responses file; --interviewer changes it', async () => {
    const r = await interview('noeol.csv', [...COMPLETE, 'quit'], []);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(
      /interviewer: 王芳 \(the last one recorded in noeol\.csv; --interviewer changes it\)/,
    );
    const r2 = await interview('noeol.csv', [...COMPLETE, 'quit'], ['--interviewer', '李强']);
    expect(r2.code).toBe(0);
    const rows = (await readResponses(join(fx.dir, 'noeol.csv'), standard)).rows;
    expect(rows.map((x) => x.interviewer)).toEqual(['王芳', '王芳', '王芳', '李强']);
    const r3 = await interview('noeol.csv', ['quit'], ['--lang', 'zh']);
    expect(r3.stderr).toMatch(/调查员：李强（noeol\.csv 中上次记录的调查员；换人请用 --interviewer）/);
  });
});

describe('a responses file rewritten while an interview runs', () => {
  it('status --merge -o waits its turn (the lock); a file replaced behind the lock stops the interview, nothing lost', async () => {
    const file = join(fx.dir, 'live.csv');
    const child = spawn(
      process.execPath,
      [BIN, 'interview', 'sample.csv', '--responses', 'live.csv', '--interviewer', '王芳', '--stratum', C],
      { cwd: fx.dir, env: { PATH: process.env.PATH ?? '', NO_COLOR: '1', LANG: 'en_US.UTF-8' } },
    );
    let err = '';
    child.stderr.on('data', (d: Buffer) => (err += d.toString('utf8')));
    const exited = new Promise<number>((res) => child.on('exit', (code) => res(code ?? -1)));
    const until = async (re: RegExp, n: number) => {
      const deadline = Date.now() + 20_000;
      while ((err.match(new RegExp(re.source, 'g')) ?? []).length < n) {
        if (Date.now() > deadline) throw new Error(`timed out: ${err}`);
        await new Promise((r) => setTimeout(r, 50));
      }
    };
    child.stdin.write([...COMPLETE, ...COMPLETE].map((l) => `${l}\n`).join(''));
    await until(/✓ saved/, 2);
    const before = readFileSync(file);

    const merge = await runCli(
      ['status', 'sample.csv', '--responses', 'live.csv', '--merge', '-o', 'live.csv'],
      {
        cwd: fx.dir,
      },
    );
    expect(merge.code).toBe(2);
    expect(merge.stderr).toMatch(/live\.csv is in use by another interview \(interviewer 王芳, process \d+/);
    expect(readFileSync(file).equals(before)).toBe(true);

    // Another program (one that knows nothing of the lock) replaces the file.
    writeFileSync(`${file}.other`, before.toString('utf8').split('\r\n').slice(0, 2).join('\r\n') + '\r\n');
    renameSync(`${file}.other`, file);
    child.stdin.end(COMPLETE.map((l) => `${l}\n`).join(''));
    expect(await exited).toBe(2);
    expect(err).toMatch(
      new RegExp(
        `live\\.csv was replaced or deleted by another program during the interview; ${P[2]} was not saved`,
      ),
    );
    const kept = sideFiles('live.csv').filter((n) => n.includes('.kept-'));
    expect(kept).toHaveLength(1);
    const rows = (await readResponses(join(fx.dir, kept[0]!), standard)).rows;
    expect(rows.map((x) => x.householdId)).toEqual(P.slice(0, 2)); // both acknowledged households
    expect(err.match(/✓ saved/g)).toHaveLength(2);
    expect(existsSync(`${file}.lock`)).toBe(false);
  });

  it('status --merge -o takes the lock itself: an interview cannot start on a file being merged into', async () => {
    writeFileSync(
      join(fx.dir, 'm.csv.lock'),
      JSON.stringify({
        pid: process.pid,
        host: (await import('node:os')).hostname(),
        interviewer: '',
        since: '2026-12-01T08:00:22+08:00',
        command: 'status --merge',
      }),
    );
    const r = await interview('m.csv', ['quit']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(
      /m\.csv is in use by another interview \(hhsurvey status --merge, process \d+ on .*, since 2026-12-01 08:00\)/,
    );
  });
});
