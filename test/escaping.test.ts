import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { csvTable } from '../src/io/csv-write.js';
import { BIN, runCli } from './helpers/run-cli.js';

/** Community names that a Markdown viewer, a terminal or a browser would interpret. */
const NAMES = [
  'Zoo<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>社区',
  'a\u001b]0;pwned\u0007社区',
  '\u001b[2J\u001b[31m红社区',
  'b|c\u0008社区',
  'ä社区',
  'B社区',
  'a社区',
];

async function drill(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'hhsurvey-escape-'));
  const rows: string[][] = [];
  NAMES.forEach((c, k) => {
    for (let i = 0; i < 6; i++) rows.push([`H${k}${i}`, c, '1', `${101 + i}`, `张${i}`]);
  });
  writeFileSync(
    join(dir, 'roster.csv'),
    csvTable(['household_id', 'community', 'building', 'room', 'head_name'], rows),
  );
  expect(
    (await runCli(['sample', 'roster.csv', '--seed', 'e', '--size', '4', '-o', 's.csv'], { cwd: dir })).code,
  ).toBe(0);
  const syn = await runCli(
    ['synth', 'responses', 's.csv', '--rate', '1', '--response-rate', '1', '--seed', 'e', '-o', 'r.csv'],
    { cwd: dir },
  );
  expect(syn.code, syn.stderr).toBe(0);
  return dir;
}

describe('escaping per format (defect 14)', () => {
  it('Markdown escapes HTML and pipes; the terminal report carries no escape or control characters', async () => {
    const dir = await drill();
    const md = await runCli(['score', 's.csv', '--responses', 'r.csv', '--format', 'md'], { cwd: dir });
    expect(md.stdout).not.toMatch(/<script|<img/);
    expect(md.stdout).toContain('&lt;script&gt;');
    // eslint-disable-next-line no-control-regex
    expect(md.stdout).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/);
    const term = await runCli(['score', 's.csv', '--responses', 'r.csv'], { cwd: dir });
    // eslint-disable-next-line no-control-regex
    expect(term.stdout + term.stderr).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/);
    const check = await runCli(['check', 'roster.csv'], { cwd: dir });
    // eslint-disable-next-line no-control-regex
    expect(check.stdout + check.stderr).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/);
  });

  it('the HTML report drops control characters and is byte-identical under three LANG values', async () => {
    const dir = await drill();
    const html = (lang: string) =>
      spawnSync(
        process.execPath,
        [BIN, 'score', 's.csv', '--responses', 'r.csv', '--format', 'html', '--lang', 'en'],
        {
          cwd: dir,
          env: {
            PATH: process.env.PATH ?? '',
            SOURCE_DATE_EPOCH: '1767225600',
            NO_COLOR: '1',
            LANG: lang,
            LC_ALL: lang,
          },
          maxBuffer: 64 * 1024 * 1024,
        },
      ).stdout;
    const a = html('C');
    expect(a.length).toBeGreaterThan(1000);
    const text = a.toString('utf8');
    // eslint-disable-next-line no-control-regex
    expect(text).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/);
    expect(text).not.toMatch(/<script>alert|<img src=x/);
    expect(html('de_DE.UTF-8').equals(a)).toBe(true);
    expect(html('zh_CN.UTF-8').equals(a)).toBe(true);
    expect(readFileSync(join(dir, 'r.csv')).length).toBeGreaterThan(0);
  });
});
