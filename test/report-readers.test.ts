import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runCli } from './helpers/run-cli.js';

/**
 * `compare` and `sample --prior` read score reports with the report's one schema
 * (src/scoring/report-schema.ts): a JSON file that is not a score report is bad input (exit 2, one
 * line, in the user's language), a damaged report names each field at its line.
 */
const dir = mkdtempSync(join(tmpdir(), 'hh-report-readers-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const ROSTER = join(ROOT, 'fixtures/roster-utf8.csv');
const prior = (file: string, ...more: string[]) =>
  runCli(
    ['sample', ROSTER, '--seed', 'p', '--allocation', 'neyman', '--total', '40', '--prior', file, ...more],
    { cwd: dir },
  );

beforeAll(async () => {
  const r = await runCli([
    'score',
    join(ROOT, 'examples/score/sample.csv'),
    '--responses',
    join(ROOT, 'examples/score/responses-1.csv'),
    '--format',
    'json',
    '-o',
    join(dir, 'report.json'),
    '--no-fail',
  ]);
  expect(r.code, r.stderr).toBe(0);
  writeFileSync(join(dir, 'other.json'), JSON.stringify({ strata: [{ stratum: 'x', indicators: [] }] }));
  writeFileSync(join(dir, 'list.json'), '[1, 2, 3]\n');
  // A report whose first community's first rate is out of range and whose roll-ups are gone.
  const report = JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8'));
  report.strata[0].indicators[0].rate = 1.5;
  delete report.levels;
  writeFileSync(join(dir, 'damaged.json'), `${JSON.stringify(report, null, 2)}\n`);
});

describe('a JSON file that is not a score report', () => {
  for (const file of ['other.json', 'list.json']) {
    it(`compare: ${file} is one line, exit 2, in English and Chinese`, async () => {
      const en = await runCli(['compare', 'report.json', file], { cwd: dir });
      expect(en.code).toBe(2);
      expect(en.stderr).toBe(
        `hhsurvey: ${file}: not a score report (the file hhsurvey score --format json writes)\n`,
      );
      const zh = await runCli(['compare', 'report.json', file, '--lang', 'zh'], { cwd: dir });
      expect(zh.code).toBe(2);
      expect(zh.stderr).toBe(
        `hhsurvey: ${file}：不是计分报告（应为 hhsurvey score --format json 写出的文件）\n`,
      );
    });
    it(`sample --prior: ${file} is refused, not silently ignored`, async () => {
      const en = await prior(file);
      expect(en.code).toBe(2);
      expect(en.stdout).toBe('');
      expect(en.stderr).toBe(
        `hhsurvey: ${file}: not a score report (the file hhsurvey score --format json writes)\n`,
      );
      const zh = await prior(file, '--lang', 'zh');
      expect(zh.stderr).toMatch(/^hhsurvey: \S+：不是计分报告/);
    });
  }

  it('a damaged report: each field that does not match, at its line', async () => {
    const text = readFileSync(join(dir, 'damaged.json'), 'utf8').split('\n');
    const rateLine = text.findIndex((l) => l.includes('"rate": 1.5')) + 1;
    for (const args of [
      ['compare', 'report.json', 'damaged.json'],
      ['sample', ROSTER, '--seed', 'p', '--allocation', 'neyman', '--total', '40', '--prior', 'damaged.json'],
    ]) {
      const r = await runCli(args, { cwd: dir });
      expect(r.code).toBe(2);
      expect(r.stderr.split('\n')).toEqual([
        'damaged.json:1: levels: required',
        `damaged.json:${rateLine}: strata[0].indicators[0].rate: Too big: expected number to be <=1`,
        'hhsurvey: damaged.json: a damaged score report: 2 fields do not match its format',
        '',
      ]);
      const zh = await runCli([...args, '--lang', 'zh'], { cwd: dir });
      expect(zh.stderr).toContain('damaged.json:1: levels: 必填');
      expect(zh.stderr).toContain(`damaged.json:${rateLine}: strata[0].indicators[0].rate: 数值过大`);
    }
  });

  it('a real report is read by both', async () => {
    const c = await runCli(['compare', 'report.json', 'report.json'], { cwd: dir });
    expect(c.code, c.stderr).toBe(0);
    const p = await prior('report.json');
    expect(p.code, p.stderr).toBe(0);
    expect(p.stdout.split('\n').length).toBeGreaterThan(40);
  });
});
