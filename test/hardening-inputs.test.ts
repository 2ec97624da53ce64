import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeFixture, type Fixture } from './helpers/fieldwork.js';
import { BIN, runCli } from './helpers/run-cli.js';

/**
 * Inputs are bounded and typed (defects 6, 7, 15): every file option read from /dev/zero or a
 * named pipe without a writer is one line and exit 2, at once; a header of a million columns is one
 * line in interview (responses file and sample list), and thousands of unknown columns are a few
 * warning lines with a count in interview and score; score sets a torn last line aside as
 * interview and status do.
 */
let fx: Fixture;
const C = '全福街道 / 利农社区';

beforeAll(async () => {
  fx = await makeFixture({ size: 6, reserve: 2 });
  const r = await runCli(
    ['synth', 'responses', 'sample.csv', '--rate', '0.9', '--seed', 'in', '-o', 'resp.csv'],
    {
      cwd: fx.dir,
    },
  );
  expect(r.code, r.stderr).toBe(0);
  spawnSync('mkfifo', [join(fx.dir, 'fifo')]);
  writeFileSync(
    join(fx.dir, 'drill.yaml'),
    'name: x\ndate: 2026-11-28\nroster: roster.csv\nseed: date\nsampling:\n  size: 6\nsynthetic:\n  rates: 0.9\n  rates_file: SRC\n',
  );
});

/** exit 2 and one short line, no stack trace. */
function oneLine(r: { code: number; stderr: string }, args: string[]): void {
  expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(2);
  const lines = r.stderr.trimEnd().split('\n');
  expect(lines, r.stderr).toHaveLength(1);
  expect(lines[0]!.length).toBeLessThan(200);
  expect(r.stderr).not.toMatch(/internal error|\n\s+at /);
}

/** Every option that names a file to read; SRC is replaced by the device or pipe. */
const FILE_OPTIONS = [
  ['sample', 'roster.csv', '--seed', 'x', '--allocation', 'neyman', '--total', '12', '--prior', 'SRC'],
  ['sample', 'roster.csv', '--seed', 'x', '--exclude', 'SRC'],
  ['sample', 'SRC', '--seed', 'x'],
  ['simulate', '--roster', 'roster.csv', '--rates', 'SRC', '--seed', 'x', '--replicates', '10'],
  ['synth', 'responses', 'sample.csv', '--rates', 'SRC', '--seed', 'x'],
  ['verify', 'sample.csv', '--roster', 'roster.csv', '--manifest', 'SRC'],
  ['standard', 'show', '--standard', 'SRC'],
  ['score', 'sample.csv', '--responses', 'resp.csv', '--standard', 'SRC'],
  ['score', 'sample.csv', '--responses', 'SRC'],
  ['status', 'sample.csv', '--responses', 'SRC'],
  ['interview', 'sample.csv', '--responses', 'SRC', '--interviewer', '王芳'],
  ['drill', 'SRC', '--out', 'out'],
  ['compare', 'SRC', 'SRC'],
];

describe('inputs that never end or never come (defect 6)', () => {
  for (const source of ['/dev/zero', 'fifo'])
    it(`every file option given ${source} is one line and exit 2`, async () => {
      for (const template of FILE_OPTIONS) {
        const args = template.map((a) => (a === 'SRC' ? source : a));
        oneLine(await runCli(args, { cwd: fx.dir }), args);
      }
    });

  it('a drill whose rates file is /dev/zero or a named pipe is one line and exit 2', async () => {
    const text = readFileSync(join(fx.dir, 'drill.yaml'), 'utf8');
    for (const source of ['/dev/zero', join(fx.dir, 'fifo')]) {
      writeFileSync(join(fx.dir, 'd.yaml'), text.replace('SRC', source));
      const args = ['drill', 'd.yaml', '--out', 'out'];
      oneLine(await runCli(args, { cwd: fx.dir }), args);
    }
  });
});

const wideHeader = (n: number) => Array.from({ length: n }, (_, i) => `c${i}`).join(',');

describe('a header of a million columns (defect 7)', () => {
  it('interview: a responses file or a sample list of a million columns is one line, in bounded memory', () => {
    const million = wideHeader(1_000_000);
    writeFileSync(join(fx.dir, 'wide-resp.csv'), `household_id,${million}\r\nH1\r\n`);
    const sample = readFileSync(fx.sample, 'utf8').split('\r\n');
    sample[0] = `${sample[0]},${million}`;
    writeFileSync(join(fx.dir, 'wide-sample.csv'), sample.join('\r\n'));
    for (const args of [
      ['interview', 'sample.csv', '--responses', 'wide-resp.csv', '--interviewer', '王芳'],
      ['interview', 'wide-sample.csv', '--responses', 'new.csv', '--interviewer', '王芳'],
    ]) {
      // A heap of 150 MB: a reader that held every column's warning, or the columns as objects, aborts.
      const r = spawnSync(process.execPath, ['--max-old-space-size=150', BIN, ...args], {
        cwd: fx.dir,
        input: 'quit\n',
        encoding: 'utf8',
        env: { PATH: process.env.PATH ?? '', NO_COLOR: '1', LANG: 'en_US.UTF-8' },
      });
      oneLine({ code: r.status ?? -1, stderr: r.stderr }, args);
      expect(r.stderr).toMatch(/:1: more than 10,000 columns/);
    }
  });

  it('interview and score: 9,999 unknown columns are three warning lines and a count', async () => {
    const text = readFileSync(join(fx.dir, 'resp.csv'), 'utf8').split('\r\n');
    text[0] = `${text[0]},${wideHeader(9_999)}`;
    writeFileSync(join(fx.dir, 'wide9999.csv'), text.join('\r\n'));
    const runs = [
      await runCli(
        ['interview', 'sample.csv', '--responses', 'wide9999.csv', '--interviewer', '王芳', '--stratum', C],
        { cwd: fx.dir, stdin: 'quit\n' },
      ),
      await runCli(['score', 'sample.csv', '--responses', 'wide9999.csv', '--no-fail'], { cwd: fx.dir }),
    ];
    for (const r of runs) {
      expect(r.code, r.stderr.slice(0, 500)).toBe(0);
      const unknown = r.stderr.split('\n').filter((l) => /unknown column/.test(l));
      expect(unknown).toHaveLength(3);
      expect(r.stderr).toMatch(/\.\.\. and 9,996 more problems of this kind/);
      expect(r.stderr.split('\n').length).toBeLessThan(20);
    }
  });
});

describe('a torn last line (defect 15)', () => {
  it('score sets it aside with a warning, as interview and status do, and leaves the file as it is', async () => {
    const whole = readFileSync(join(fx.dir, 'resp.csv'), 'utf8');
    const last = whole.trimEnd().split('\r\n').at(-1)!;
    const torn = whole + last.slice(0, last.indexOf(',', last.indexOf(',') + 1) + 4); // id, stratum, a bit
    writeFileSync(join(fx.dir, 'torn.csv'), torn);
    const r = await runCli(
      ['score', 'sample.csv', '--responses', 'torn.csv', '--no-fail', '--format', 'json'],
      {
        cwd: fx.dir,
      },
    );
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/^torn\.csv:\d+: warning: this last line has no line end .*cut off/m);
    expect(readFileSync(join(fx.dir, 'torn.csv'), 'utf8')).toBe(torn);
    const full = await runCli(
      ['score', 'sample.csv', '--responses', 'resp.csv', '--no-fail', '--format', 'json'],
      {
        cwd: fx.dir,
      },
    );
    // The rows before the torn line are scored exactly as in the whole file.
    const strip = (s: string) => JSON.stringify({ ...JSON.parse(s), responses: undefined });
    expect(strip(r.stdout)).toBe(strip(full.stdout));
  });
});
