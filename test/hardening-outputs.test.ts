import {
  closeSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { openExclusive } from '../src/io/atomic.js';
import { runCli } from './helpers/run-cli.js';

/**
 * Output paths (defects 4 and 10), for every command that takes -o: a missing folder, a folder, a
 * device, or one of the command's own inputs is one line and exit 2, and nothing is written; a
 * symbolic link planted where a temporary file or lock could be made is never followed.
 */
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'hhsurvey-harden-out-'));
  const steps = [
    ['synth', 'roster', '--households', '200', '--communities', '2', '--seed', 'o', '-o', 'roster.csv'],
    ['sample', 'roster.csv', '--seed', 'o', '--size', '6', '--reserve', '2', '-o', 's.csv'],
    ['synth', 'responses', 's.csv', '--rate', '0.9', '--seed', 'o', '-o', 'resp.csv'],
    ['score', 's.csv', '--responses', 'resp.csv', '--format', 'json', '--no-fail', '-o', 'a.json'],
    ['score', 's.csv', '--responses', 'resp.csv', '--format', 'json', '--no-fail', '-o', 'b.json'],
  ];
  for (const args of steps) {
    const r = await runCli(args, { cwd: dir });
    expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(0);
  }
  mkdirSync(join(dir, 'sub'));
  mkdirSync(join(dir, 'sub.xlsx'));
});

/** Each command that writes one file with -o; `out` names an output with a fitting extension. */
const COMMANDS: {
  name: string;
  args: (out: string) => string[];
  ext: string;
  input?: string;
  /** score -o onto a folder writes its report there (documented). */
  folderOk?: boolean;
}[] = [
  {
    name: 'sample',
    args: (o) => ['sample', 'roster.csv', '--seed', 'x', '--size', '3', '-o', o],
    ext: 'csv',
    input: 'roster.csv',
  },
  {
    name: 'synth roster',
    args: (o) => ['synth', 'roster', '--households', '30', '--seed', 'x', '-o', o],
    ext: 'csv',
  },
  {
    name: 'synth responses',
    args: (o) => ['synth', 'responses', 's.csv', '--rate', '0.9', '--seed', 'x', '-o', o],
    ext: 'csv',
    input: 's.csv',
  },
  {
    name: 'score',
    args: (o) => ['score', 's.csv', '--responses', 'resp.csv', '--format', 'csv', '--no-fail', '-o', o],
    ext: 'csv',
    input: 'resp.csv',
    folderOk: true,
  },
  {
    name: 'status --merge',
    args: (o) => ['status', 's.csv', '--responses', 'resp.csv', '--merge', '-o', o],
    ext: 'csv',
    input: 'resp.csv',
  },
  {
    name: 'responses template',
    args: (o) => ['responses', 'template', 's.csv', '-o', o],
    ext: 'xlsx',
    input: 's.csv',
  },
  { name: 'standard init', args: (o) => ['standard', 'init', '-o', o, '--force'], ext: 'yaml' },
  {
    name: 'simulate',
    args: (o) => [
      'simulate',
      '--roster',
      'roster.csv',
      '--rate',
      '0.9',
      '--replicates',
      '20',
      '--seed',
      'x',
      '--json',
      '-o',
      o,
    ],
    ext: 'json',
    input: 'roster.csv',
  },
  { name: 'plan', args: (o) => ['plan', '--margin', '0.05', '--json', '-o', o], ext: 'json' },
  {
    name: 'compare',
    args: (o) => ['compare', 'a.json', 'b.json', '-o', o],
    ext: 'json',
    input: 'a.json',
  },
];

/** Exit 2 with one short line naming `name`, no stack trace. */
function refused(r: { code: number; stderr: string }, name: string): void {
  expect(r.code, r.stderr).toBe(2);
  const lines = r.stderr
    .trimEnd()
    .split('\n')
    .filter((l) => !/^(warning|警告)/.test(l));
  expect(lines, r.stderr).toHaveLength(1);
  expect(lines[0]).toMatch(/^hhsurvey: /);
  expect(lines[0]).toContain(`${name}:`);
  expect(r.stderr).not.toMatch(/internal error|\n\s+at /);
  expect(lines[0]!.length).toBeLessThan(200);
}

const files = () =>
  Object.fromEntries(
    readdirSync(dir)
      .filter((f) => statSync(join(dir, f)).isFile())
      .map((f) => [f, readFileSync(join(dir, f)).toString('base64')]),
  );

describe('-o of every command that writes a file (defects 4, 10)', () => {
  for (const c of COMMANDS)
    it(`${c.name}: a missing folder, a folder, a device and its own input are one line, exit 2, nothing written`, async () => {
      const before = files();
      const targets = [`nodir/x.${c.ext}`, '/dev/null'];
      if (!c.folderOk) targets.push(c.ext === 'xlsx' ? 'sub.xlsx' : 'sub');
      if (c.input) targets.push(c.input);
      for (const out of targets) {
        const r = await runCli(c.args(out), { cwd: dir });
        refused(r, out);
        if (out.startsWith('nodir')) expect(r.stderr).toMatch(/folder does not exist/);
      }
      expect(files()).toEqual(before);
      expect(statSync('/dev/null').isCharacterDevice()).toBe(true);
      expect(readdirSync(join(dir, 'sub'))).toEqual([]);
    });

  it('pack (its -o is a folder): a file or a device is one line, exit 2', async () => {
    for (const out of ['s.csv', '/dev/null'])
      refused(await runCli(['pack', 's.csv', '--no-pdf', '-o', out], { cwd: dir }), out);
  });

  it('no command follows a symbolic link planted where its temporary file or lock could be made', async () => {
    const victim = join(dir, 'victim.txt');
    writeFileSync(victim, 'keep me');
    for (const c of COMMANDS) {
      const out = `planted-${c.name.replace(/ /g, '-')}.${c.ext}`;
      // The names an earlier scheme made from the process id (this process: the runs are in-process),
      // for the output, a sample list's manifest, and the lock of a responses file.
      for (const base of new Set([out, out.replace(/\.csv$/, '.manifest.json')])) {
        for (let i = 0; i < 5; i++) symlinkSync(victim, join(dir, `.${base}.${process.pid}.${i}.tmp`));
        symlinkSync(victim, join(dir, `${base}.lock.${process.pid}.tmp`));
      }
      const r = await runCli(c.args(out), { cwd: dir });
      expect(r.code, `${c.name}: ${r.stderr}`).toBe(0);
      expect(lstatSync(join(dir, out)).isFile()).toBe(true);
      expect(readFileSync(victim, 'utf8')).toBe('keep me');
    }
    expect(readdirSync(dir).filter((f) => /hhsurvey-\d+-|\.lock$/.test(f))).toEqual([]);
  });

  it('a temporary file is created exclusively: an existing file or link at its name is never opened', () => {
    const victim = join(dir, 'victim2.txt');
    writeFileSync(victim, 'keep me');
    const link = join(dir, '.t.hhsurvey-1-000000000000.tmp');
    symlinkSync(victim, link);
    expect(() => openExclusive(link)).toThrow(expect.objectContaining({ code: 'EEXIST' }));
    const dangling = join(dir, '.u.hhsurvey-1-000000000000.tmp');
    symlinkSync(join(dir, 'would-be-created.txt'), dangling);
    expect(() => openExclusive(dangling)).toThrow(expect.objectContaining({ code: 'EEXIST' }));
    expect(readdirSync(dir)).not.toContain('would-be-created.txt');
    expect(readFileSync(victim, 'utf8')).toBe('keep me');
    const fresh = join(dir, '.v.hhsurvey-1-000000000000.tmp');
    closeSync(openExclusive(fresh));
    expect(lstatSync(fresh).isFile()).toBe(true);
  });
});
