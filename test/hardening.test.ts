import { spawnSync } from 'node:child_process';
import {
  existsSync,
  linkSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  symlinkSync,
  utimesSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { csvTable, neutraliseFormula, restoreFormula, csvCell } from '../src/io/csv-write.js';
import { groupProblems } from '../src/core/errors.js';
import { readRoster, readHouseholds } from '../src/roster/read-roster.js';
import { runWithScope } from '../src/io/run-scope.js';
import { readSampleList } from '../src/sampling/sample-file.js';
import { BIN, runCli } from './helpers/run-cli.js';

const scratch = () => mkdtempSync(join(tmpdir(), 'hhsurvey-harden-'));

/** Ids and names that a spreadsheet would take for formulas, and plain ones. */
const TRICKY = [
  ['-H0000001', '=社区', '@张三'],
  ['+H0000002', '=社区', "'=李四"],
  ['=H0000003', '=社区', '-王五'],
  ["'-H0000004", '=社区', "''@赵六"],
  ['H0000005', '=社区', '刘七'],
  ['@H0000006', '+社区', '陈八'],
  ['H0000007', '+社区', '=1+2'],
  ['H0000008', '+社区', '杨九'],
];

function trickyRoster(dir: string): string {
  const file = join(dir, 'roster.csv');
  writeFileSync(
    file,
    csvTable(
      ['household_id', 'community', 'grid', 'building', 'unit', 'floor', 'room', 'head_name', 'phone'],
      TRICKY.map(([id, c, name], i) => [
        id!,
        c!,
        '1',
        '1',
        '1',
        '1',
        `${101 + i}`,
        name!,
        `100${String(12345670 + i)}`,
      ]),
      { escapeFormulas: false },
    ),
  );
  return file;
}

/** exit 2 and exactly one short line on stderr, no stack trace. */
function oneLine(r: { code: number; stderr: string }, pattern?: RegExp): void {
  expect(r.code, r.stderr).toBe(2);
  const lines = r.stderr
    .trimEnd()
    .split('\n')
    .filter((l) => !/^(warning|警告)/.test(l));
  expect(lines.length, r.stderr).toBeLessThanOrEqual(2);
  expect(r.stderr).not.toMatch(/internal error|\n\s+at /);
  expect(r.stderr.length).toBeLessThan(400);
  if (pattern) expect(r.stderr).toMatch(pattern);
}

describe('formula escape round trip (defect 1)', () => {
  it('restoreFormula undoes neutraliseFormula and the escape-off apostrophe, for any text', () => {
    for (const s of ['-H1', '=x', "'=x", "''-5", "'-5", '-5', "'abc", 'abc', '\tx', '@', "'"]) {
      expect(restoreFormula(neutraliseFormula(s))).toBe(s);
      expect(restoreFormula(csvCell(s, false).replace(/^"|"$/g, ''))).toBe(s);
    }
  });

  it('sample → verify → exclude: ids and names come back as the roster has them', async () => {
    const dir = scratch();
    trickyRoster(dir);
    const s = await runCli(['sample', 'roster.csv', '--seed', 'rt', '--size', '2', '-o', 's.csv'], {
      cwd: dir,
    });
    expect(s.code, s.stderr).toBe(0);
    expect(readFileSync(join(dir, 's.csv'), 'utf8')).toContain("'-H"); // still neutralised on disk
    const v = await runCli(['verify', 's.csv', '--roster', 'roster.csv'], { cwd: dir });
    expect(v.code, v.stderr + v.stdout).toBe(0);
    const list = await readSampleList(join(dir, 's.csv'));
    const byId = new Map(TRICKY.map(([id, c, name]) => [id!, { c: c!, name: name! }]));
    for (const e of list.entries) {
      expect(byId.has(e.householdId), e.householdId).toBe(true);
      expect(e.stratum).toBe(byId.get(e.householdId)!.c);
      expect(e.headName).toBe(byId.get(e.householdId)!.name);
    }
    const x = await runCli(
      ['sample', 'roster.csv', '--seed', 'rt2', '--size', '2', '--exclude', 's.csv', '-o', 's2.csv'],
      { cwd: dir },
    );
    expect(x.code, x.stderr).toBe(0);
    const second = await readSampleList(join(dir, 's2.csv'));
    const first = new Set(list.entries.map((e) => e.householdId));
    expect(second.entries.length).toBe(3); // 5 - 2 and 3 - 2 left: 2 + 1
    for (const e of second.entries) expect(first.has(e.householdId), e.householdId).toBe(false);
  });
});

describe('outputs never clobber inputs (defects 4, 10)', () => {
  it('refuses -o onto the roster, a hard link or a symbolic link to it, and leaves it as it was', async () => {
    const dir = scratch();
    const roster = trickyRoster(dir);
    const before = readFileSync(roster);
    linkSync(roster, join(dir, 'hard.csv'));
    symlinkSync(roster, join(dir, 'soft.csv'));
    for (const out of ['roster.csv', './roster.csv', 'hard.csv', 'soft.csv', roster]) {
      const r = await runCli(['sample', 'roster.csv', '--seed', 'x', '-o', out], { cwd: dir });
      oneLine(r, /input/);
      expect(readFileSync(roster)).toEqual(before);
    }
  });

  it('refuses score -o onto its responses file', async () => {
    const dir = scratch();
    trickyRoster(dir);
    expect(
      (await runCli(['sample', 'roster.csv', '--seed', 'x', '--size', '2', '-o', 's.csv'], { cwd: dir }))
        .code,
    ).toBe(0);
    const syn = await runCli(
      ['synth', 'responses', 's.csv', '--rate', '0.9', '--seed', 'x', '-o', 'resp.csv'],
      {
        cwd: dir,
      },
    );
    expect(syn.code, syn.stderr).toBe(0);
    const before = readFileSync(join(dir, 'resp.csv'));
    const r = await runCli(
      ['score', 's.csv', '--responses', 'resp.csv', '--format', 'csv', '-o', 'resp.csv'],
      {
        cwd: dir,
      },
    );
    oneLine(r, /input/);
    expect(readFileSync(join(dir, 'resp.csv'))).toEqual(before);
  });

  it('refuses a device, a folder and a missing folder with one line', async () => {
    const dir = scratch();
    trickyRoster(dir);
    mkdirSync(join(dir, 'sub'));
    for (const out of ['/dev/full', '/dev/null', 'sub', 'missing/s.csv']) {
      const r = await runCli(['sample', 'roster.csv', '--seed', 'x', '-o', out], { cwd: dir });
      oneLine(r);
    }
    expect(statSync('/dev/full').isCharacterDevice()).toBe(true);
  });

  it('never follows a symbolic link planted where a temporary file could be', async () => {
    const dir = scratch();
    trickyRoster(dir);
    const victim = join(dir, 'victim.txt');
    writeFileSync(victim, 'keep me');
    // Every name the old scheme (pid and a counter) could have used, and then some.
    for (let i = 0; i < 20; i++) symlinkSync(victim, join(dir, `.s.csv.${process.pid}.${i}.tmp`));
    const r = await runCli(['sample', 'roster.csv', '--seed', 'x', '-o', 's.csv'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    expect(readFileSync(victim, 'utf8')).toBe('keep me');
  });

  it('removes temporary files of killed runs, keeps those of live ones (defect 15)', async () => {
    const dir = scratch();
    trickyRoster(dir);
    const dead = join(dir, '.s.csv.hhsurvey-4194303-0123456789ab.tmp');
    const live = join(dir, `.s.csv.hhsurvey-${process.ppid}-0123456789ab.tmp`);
    writeFileSync(dead, 'half');
    writeFileSync(live, 'busy');
    const r = await runCli(['sample', 'roster.csv', '--seed', 'x', '-o', 's.csv'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    expect(existsSync(dead)).toBe(false);
    expect(existsSync(live)).toBe(true);
    expect(readdirSync(dir).filter((f) => f.includes('.hhsurvey-') && f !== live.split('/').pop())).toEqual(
      [],
    );
  });
});

describe('bounded, typed inputs (defects 6, 7, 11)', () => {
  it('refuses devices and named pipes as inputs with one line, without blocking', async () => {
    const dir = scratch();
    trickyRoster(dir);
    const fifo = join(dir, 'fifo');
    spawnSync('mkfifo', [fifo]);
    const cases = [
      ['verify', 'roster.csv', '--roster', 'roster.csv', '--manifest', '/dev/zero'],
      ['standard', 'show', '--standard', '/dev/urandom'],
      ['drill', '/dev/zero', '--out', 'o'],
      ['check', '/dev/zero'],
      ['check', fifo],
      ['standard', 'show', '--standard', fifo],
      ['compare', '/dev/zero', '/dev/zero'],
    ];
    for (const args of cases) {
      const r = await runCli(args, { cwd: dir });
      oneLine(r);
    }
  });

  it('refuses YAML and JSON inputs over 10 MB, saying so', async () => {
    const dir = scratch();
    writeFileSync(join(dir, 'big.yaml'), `# ${'x'.repeat(11 * 1024 * 1024)}\n`);
    oneLine(await runCli(['standard', 'show', '--standard', 'big.yaml'], { cwd: dir }), /10 MB/);
  });

  it('refuses a billion-laughs standard with one line', async () => {
    const dir = scratch();
    const lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let i = 1; i < 9; i++) {
      const p = String.fromCharCode(96 + i);
      const q = String.fromCharCode(97 + i);
      lines.push(`${q}: &${q} [${Array(9).fill(`*${p}`).join(',')}]`);
    }
    writeFileSync(join(dir, 'laughs.yaml'), lines.join('\n') + '\n');
    oneLine(await runCli(['standard', 'show', '--standard', 'laughs.yaml'], { cwd: dir }), /alias/);
  });

  it('reads a roster through a pipe (check <(cat roster.csv))', () => {
    const dir = scratch();
    trickyRoster(dir);
    const r = spawnSync('bash', ['-c', `node ${BIN} check <(cat roster.csv)`], {
      cwd: dir,
      encoding: 'utf8',
      env: { PATH: process.env.PATH ?? '', NO_COLOR: '1', LANG: 'en_US.UTF-8' },
    });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/8 households/);
    expect(readdirSync(tmpdir()).filter((f) => f.startsWith(`hhsurvey-pipe-${r.pid}-`))).toEqual([]);
  });

  it('a million-column header is one line in check, score and status', async () => {
    const dir = scratch();
    trickyRoster(dir);
    const wide = `household_id,${Array.from({ length: 1_000_000 }, (_, i) => `c${i}`).join(',')}\nH1\n`;
    writeFileSync(join(dir, 'wide.csv'), wide);
    oneLine(await runCli(['check', 'wide.csv'], { cwd: dir }), /10,000 columns/);
    expect(
      (await runCli(['sample', 'roster.csv', '--seed', 'x', '--size', '2', '-o', 's.csv'], { cwd: dir }))
        .code,
    ).toBe(0);
    oneLine(await runCli(['score', 's.csv', '--responses', 'wide.csv'], { cwd: dir }), /10,000 columns/);
    oneLine(await runCli(['status', 's.csv', '--responses', 'wide.csv'], { cwd: dir }), /10,000 columns/);
  });

  it('malformed --prior JSON is one line', async () => {
    const dir = scratch();
    trickyRoster(dir);
    for (const [i, text] of [
      '{',
      '{"strata": 5}',
      '{"strata": [null, 1, {"indicators": 3}]}',
      'null',
    ].entries()) {
      writeFileSync(join(dir, `p${i}.json`), text);
      const r = await runCli(
        [
          'sample',
          'roster.csv',
          '--seed',
          'x',
          '--allocation',
          'neyman',
          '--total',
          '4',
          '--prior',
          `p${i}.json`,
        ],
        { cwd: dir },
      );
      expect(r.code, r.stderr).not.toBe(3);
      expect(r.stderr).not.toMatch(/internal error/);
    }
  });

  it('sample-list weights of 0, negative, 0.5 or 1e308 are one line each', async () => {
    const dir = scratch();
    trickyRoster(dir);
    expect(
      (await runCli(['sample', 'roster.csv', '--seed', 'x', '--size', '2', '-o', 's.csv'], { cwd: dir }))
        .code,
    ).toBe(0);
    const text = readFileSync(join(dir, 's.csv'), 'utf8');
    for (const w of ['0', '-2', '0.5', '1e308']) {
      writeFileSync(join(dir, 'w.csv'), text.replace(/,1\.5\r\n|,2\r\n|,4\r\n/g, `,${w}\r\n`));
      const r = await runCli(['status', 'w.csv', '--responses', 'none.csv'], { cwd: dir });
      expect(r.code, r.stderr).toBe(2);
      expect(r.stderr).toMatch(/weight/);
      expect(r.stderr.trimEnd().split('\n').length).toBeLessThanOrEqual(5);
    }
  });

  it('a table of 200,000 communities does not overflow the stack', async () => {
    const dir = scratch();
    const rows = ['household_id,community'];
    for (let i = 0; i < 200_000; i++) rows.push(`H${i},c${i}`);
    writeFileSync(join(dir, 'many.csv'), rows.join('\n') + '\n');
    const r = await runCli(['check', 'many.csv'], { cwd: dir });
    expect(r.code, r.stderr.slice(0, 500)).toBe(0);
    expect(r.stdout).toContain('c199999');
  });

  it('simulate --size 1000000 is a clear error', async () => {
    const r = await runCli([
      'simulate',
      '--size',
      '1000000',
      '--population',
      '2000000',
      '--true-rate',
      '0.9',
      '--threshold',
      '0.85',
      '--replicates',
      '10',
    ]);
    oneLine(r, /2,000/);
  });

  it('one problem line per kind, with a count', () => {
    const problems = Array.from({ length: 1000 }, (_, i) => ({
      file: 'f',
      line: i + 2,
      field: `c${i}`,
      message: `bad "${i}"`,
    }));
    const lines = groupProblems([...problems, { file: 'f', line: 1, message: 'other' }], (n) => `+${n}`);
    expect(lines).toEqual(['f:2: c0: bad "0"', 'f:3: c1: bad "1"', 'f:4: c2: bad "2"', '+997', 'f:1: other']);
  });
});

describe('a roster that changes during a run is refused (defect 5)', () => {
  it('detects a rewrite (size or time) and a swap of records with the same size and time', async () => {
    const dir = scratch();
    const file = trickyRoster(dir);
    const text = readFileSync(file, 'utf8');
    await runWithScope('en', dir, async () => {
      const frame = await readRoster(file, { by: ['community'] });
      writeFileSync(file, text + 'H9,=社区,1,1,x,1\n');
      await expect(readHouseholds(frame, file, [0, 1])).rejects.toThrow(/changed/);
    });
    writeFileSync(file, text);
    await runWithScope('en', dir, async () => {
      const frame = await readRoster(file, { by: ['community'] });
      const st = statSync(file);
      // Same bytes count and modification time, other households at the offsets.
      writeFileSync(file, text.replace('H0000005', 'H0000009'));
      utimesSync(file, st.atime, st.mtime);
      await expect(readHouseholds(frame, file, [4])).rejects.toThrow(/changed/);
    });
  });
});

describe('silent acceptance (defect 13)', () => {
  it('a UTF-8 roster with one bad byte is refused, naming its line, not read as GB18030', async () => {
    const dir = scratch();
    const rows = ['household_id,community,head_name'];
    for (let i = 0; i < 50; i++) rows.push(`H${i},幸福社区,张伟${i}`);
    const buf = Buffer.from(rows.join('\n') + '\n');
    const at = buf.indexOf(Buffer.from('张伟30'));
    buf[at] = 0xff;
    writeFileSync(join(dir, 'bad.csv'), buf);
    oneLine(await runCli(['check', 'bad.csv'], { cwd: dir }), /bad\.csv:32: .*UTF-8/);
  });

  it('a bad byte after the first 64 KiB is refused with its line too', async () => {
    const dir = scratch();
    const rows = ['household_id,community,head_name'];
    for (let i = 0; i < 5000; i++) rows.push(`H${i},幸福社区,张伟${i}`);
    const buf = Buffer.from(rows.join('\n') + '\n');
    const at = buf.indexOf(Buffer.from('张伟4000'));
    buf[at] = 0xff;
    writeFileSync(join(dir, 'late.csv'), buf);
    oneLine(await runCli(['check', 'late.csv'], { cwd: dir }), /late\.csv:4002: .*UTF-8/);
  });

  it('--only "" is an error', async () => {
    const dir = scratch();
    trickyRoster(dir);
    oneLine(await runCli(['sample', 'roster.csv', '--seed', 'x', '--only', ''], { cwd: dir }), /--only/);
  });
});

describe('personal data never in messages (defect 9)', () => {
  it('a roster without a header, or with swapped columns, is reported without its names and phones', async () => {
    const dir = scratch();
    writeFileSync(
      join(dir, 'nohead.csv'),
      'H001,全福街道,利农社区,1,101,张伟,10012345678\r\nH002,全福街道,利农社区,1,102,李娜,10012345679\r\n',
    );
    writeFileSync(
      join(dir, 'swapped.csv'),
      'household_id,community,size,phone\r\nH001,利农社区,张伟,10012345678\r\nH002,利农社区,three,10012345679\r\n',
    );
    for (const lang of ['en', 'zh']) {
      const nohead = await runCli(['check', 'nohead.csv', '--lang', lang], { cwd: dir });
      oneLine(nohead);
      expect(nohead.stderr).not.toMatch(/张伟|李娜|10012345678/);
      const swapped = await runCli(['check', 'swapped.csv', '--lang', lang], { cwd: dir });
      expect(swapped.code).toBe(2);
      expect(swapped.stderr).not.toMatch(/张伟/);
      expect(swapped.stderr).toMatch(/"three"/); // a value that cannot be personal is still quoted
    }
    // A drill naming a system file as its roster does not print that file's first line.
    writeFileSync(
      join(dir, 'd.yaml'),
      'name: x\ndate: 2026-11-28\nroster: /etc/passwd\nseed: date\nsampling:\n  size: 4\nsynthetic:\n  rates: 0.9\n',
    );
    const drill = await runCli(['drill', 'd.yaml', '--out', 'o'], { cwd: dir });
    expect(drill.code).toBe(2);
    expect(drill.stderr).not.toMatch(/root:|\/bin\/(ba)?sh/);
  });
});
