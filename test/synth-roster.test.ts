import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { BIN, ROOT, runCli, spawnCli } from './helpers/run-cli.js';

const tmp = (): string => mkdtempSync(join(tmpdir(), 'hhsurvey-'));
const BASE = ['synth', 'roster', '--households', '2000', '--communities', '8', '--seed', 'cmd'];

describe('hhsurvey synth roster', () => {
  it('shows examples in --help, for the group and the subcommand', async () => {
    const group = await runCli(['synth', '--help']);
    expect(group.code).toBe(0);
    expect(group.stdout).toContain('Examples:');
    expect(group.stdout).toMatch(/^ {2}roster\b/m);
    const roster = await runCli(['synth', 'roster', '--help']);
    expect(roster.code).toBe(0);
    expect(roster.stdout).toContain('Examples:');
    expect(roster.stdout).toContain('hhsurvey synth roster --households');
    expect(roster.stdout).toContain('seedrandom 3.0.5 xor4096');
  });

  it('writes the same bytes for the same seed, to stdout or atomically to a file', async () => {
    const dir = tmp();
    const a = await runCli([...BASE, '-o', join(dir, 'a.csv')]);
    const b = await runCli([...BASE, '-o', 'b.csv'], { cwd: dir });
    const out = await runCli(BASE);
    expect([a.code, b.code, out.code]).toEqual([0, 0, 0]);
    const bytes = readFileSync(join(dir, 'a.csv'));
    expect(readFileSync(join(dir, 'b.csv')).equals(bytes)).toBe(true);
    expect(out.stdout).toBe(bytes.toString('utf8'));
    expect(readdirSync(dir).sort()).toEqual(['a.csv', 'b.csv']); // no temporary files left
    expect(a.stderr).toMatch(
      /wrote 2,000 households in 8 communities \(8 sub-districts\) to .*a\.csv; seed "cmd"/,
    );
    const other = await runCli([...BASE.slice(0, -1), 'other']);
    expect(other.stdout).not.toBe(out.stdout);
  });

  it('writes CRLF without a BOM by default; --bom, --eol lf and --lang en change only that', async () => {
    const plain = (await runCli(BASE)).stdout;
    expect(
      plain.startsWith('户编号,街道,社区,网格,小区,楼栋,单元,楼层,房号,户主姓名,联系电话,常住人口\r\n'),
    ).toBe(true);
    expect(plain.split('\r\n')).toHaveLength(2002);
    expect((await runCli([...BASE, '--bom'])).stdout).toBe(`\uFEFF${plain}`);
    expect((await runCli([...BASE, '--eol', 'lf'])).stdout).toBe(plain.replace(/\r\n/g, '\n'));
    const en = (await runCli([...BASE, '--lang', 'en'])).stdout;
    expect(en.split('\r\n')[0]).toBe(
      'household_id,street,community,grid,estate,building,unit,floor,room,head_name,phone,size',
    );
    expect(en.split('\r\n').slice(1)).toEqual(plain.split('\r\n').slice(1));
    const rental = (await runCli([...BASE, '--rental'])).stdout.split('\r\n');
    expect(rental[0]).toMatch(/,常住人口,是否出租$/);
    expect(rental[1]).toMatch(/,[是否]$/);
  });

  it('writes GB18030 that decodes to the UTF-8 output', async () => {
    const dir = tmp();
    const spec = ['synth', 'roster', '--households', '3000', '--communities', '4', '--seed', '14'];
    expect((await runCli([...spec, '-o', join(dir, 'u.csv')])).code).toBe(0);
    expect((await runCli([...spec, '--encoding', 'gb18030', '-o', join(dir, 'g.csv')])).code).toBe(0);
    const utf8 = readFileSync(join(dir, 'u.csv'), 'utf8');
    const gb = readFileSync(join(dir, 'g.csv'));
    expect(gb.length).toBeLessThan(Buffer.byteLength(utf8)); // two bytes per common character, not three
    expect(iconv.decode(gb, 'gb18030')).toBe(utf8);
    expect(new TextDecoder('gb18030').decode(gb)).toBe(utf8);
  });

  it('rejects bad options with one clear line and exit 2, leaving nothing behind', async () => {
    const dir = tmp();
    const cases: [string[], RegExp][] = [
      [
        ['--households', '10', '--communities', '50', '--seed', 's'],
        /--communities: 50 communities need at least 50 households, got 10/,
      ],
      [['--households', 'many', '--seed', 's'], /expected a whole number, got "many"/],
      [['--households', '10'], /required option '--seed <text>' not specified/],
      [
        ['--households', '10', '--seed', 's', '--bom', '--encoding', 'gb18030'],
        /--bom: a byte-order mark is written for UTF-8 only/,
      ],
      [['--households', '10', '--seed', 's', '--encoding', 'latin1'], /argument 'latin1' is invalid/],
      [
        ['--households', '10', '--seed', 's', '-o', join(dir, 'missing', 'r.csv')],
        /r\.csv: cannot write: the folder does not exist/,
      ],
      [['--households', '10', '--seed', 's', '-o', dir], /cannot write: is a directory/],
    ];
    for (const [args, message] of cases) {
      const r = await runCli(['synth', 'roster', ...args]);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(r.stderr).not.toMatch(/internal error|\n\s+at /);
      expect(r.stdout).toBe('');
    }
    expect(readdirSync(dir)).toEqual([]);
  });

  it('runs from the built bin and pipes to stdout', () => {
    const r = spawnCli([...BASE.slice(0, 3), '300', '--communities', '3', '--seed', 'bin', '--lang', 'en']);
    expect(r.code).toBe(0);
    expect(r.stdout.split('\r\n')).toHaveLength(302);
    expect(r.stderr).toContain('wrote 300 households in 3 communities');
  });

  it('leaves no file and no temporary file behind when interrupted (Ctrl+C)', async () => {
    const dir = tmp();
    const child = spawn(
      process.execPath,
      [BIN, 'synth', 'roster', '--households', '5000000', '--seed', 'int', '-o', 'r.csv'],
      {
        cwd: dir,
        env: { PATH: process.env.PATH ?? '', NO_COLOR: '1' },
        stdio: ['ignore', 'ignore', 'pipe'],
      },
    );
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
    // Wait until the temporary file is being written, then interrupt.
    for (let i = 0; i < 200 && !readdirSync(dir).some((f) => f.endsWith('.tmp')); i++) {
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(readdirSync(dir).some((f) => f.endsWith('.tmp'))).toBe(true);
    child.kill('SIGINT');
    expect(await exited).toBe(130);
    expect(stderr).toContain('interrupted (SIGINT)');
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe('embedded demo roster', () => {
  it('is exactly what the command recorded in data/demo/README.md writes', async () => {
    const readme = readFileSync(join(ROOT, 'data/demo/README.md'), 'utf8');
    const command = /^hhsurvey (synth roster .*) -o data\/demo\/roster\.csv$/m.exec(readme);
    expect(command).not.toBeNull();
    const dir = tmp();
    const r = await runCli([...command![1]!.split(' '), '-o', join(dir, 'roster.csv')]);
    expect(r.code).toBe(0);
    const regenerated = readFileSync(join(dir, 'roster.csv'));
    const committed = readFileSync(join(ROOT, 'data/demo/roster.csv'));
    expect(regenerated.equals(committed)).toBe(true);
  });

  it('is UTF-8 with BOM and CRLF, 20,000 households in the nine sub-districts, a few small communities', () => {
    const bytes = readFileSync(join(ROOT, 'data/demo/roster.csv'));
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    expect(text.replace(/\r\n/g, '')).not.toContain('\n');
    const lines = text
      .split('\r\n')
      .slice(1, -1)
      .map((l) => l.split(','));
    expect(lines).toHaveLength(20_000);
    expect(new Set(lines.map((c) => c[1])).size).toBe(9);
    const sizes = new Map<string, number>();
    for (const c of lines) sizes.set(c[2]!, (sizes.get(c[2]!) ?? 0) + 1);
    expect(sizes.has('南全福社区') && sizes.has('利农社区')).toBe(true);
    expect([...sizes.values()].filter((n) => n < 22).length).toBe(3);
  });
});
