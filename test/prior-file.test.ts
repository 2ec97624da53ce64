import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, runCli } from './helpers/run-cli.js';

/** `--prior file.csv`: the rates grammar of every command, and problems in the user's language. */
const dir = mkdtempSync(join(tmpdir(), 'hh-prior-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const sample = (prior: string, ...more: string[]) =>
  runCli(
    [
      'sample',
      join(ROOT, 'fixtures/roster-utf8.csv'),
      '--seed',
      'p',
      '--allocation',
      'neyman',
      '--total',
      '30',
      '--prior',
      prior,
      ...more,
    ],
    { cwd: dir },
  );

describe('sample --prior with a CSV of rates', () => {
  it('0x1 and 1.5 are no rates (as for --rate), each at its line; 90% is', async () => {
    writeFileSync(join(dir, 'p.csv'), 'stratum,rate\n南全福社区,0x1\n利农社区,1.5\n花园社区,90%\n');
    const en = await sample('p.csv');
    expect(en.code).toBe(2);
    expect(en.stderr).toBe(
      [
        'p.csv:2: rate: rate must be between 0 and 1 (0.9 or 90%), got "0x1"',
        'p.csv:3: rate: rate must be between 0 and 1 (0.9 or 90%), got "1.5"',
        'hhsurvey: p.csv: 2 invalid prior rates',
        '',
      ].join('\n'),
    );
    const zh = await sample('p.csv', '--lang', 'zh');
    expect(zh.stderr).toContain('p.csv:2: rate: 比率应在 0 与 1 之间（0.9 或 90%），实为 "0x1"');
    expect(zh.stderr).toContain('hhsurvey: p.csv：先验比率中有 2 个问题');
  });

  it('a file without the columns, or without rows, is one line', async () => {
    writeFileSync(join(dir, 'cols.csv'), 'name,value\na,0.5\n');
    writeFileSync(join(dir, 'empty.csv'), 'stratum,rate\n');
    expect((await sample('cols.csv')).stderr).toBe(
      'hhsurvey: cols.csv:1: a prior file needs columns stratum and rate\n',
    );
    expect((await sample('empty.csv')).stderr).toBe(
      'hhsurvey: empty.csv: the file has a header but no rows\n',
    );
    expect((await sample('empty.csv', '--lang', 'zh')).stderr).toBe(
      'hhsurvey: empty.csv：文件只有表头，没有数据行\n',
    );
  });
});
