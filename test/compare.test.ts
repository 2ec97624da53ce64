import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CompareResult } from '../src/scoring/compare.js';
import { runCli } from './helpers/run-cli.js';

const SAMPLE = 'examples/score/sample.csv';
let dir: string;
let d1: string;
let d2: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'hhsurvey-'));
  d1 = join(dir, 'drill-1.json');
  d2 = join(dir, 'drill-2.json');
  const a = await runCli([
    'score',
    SAMPLE,
    '--responses',
    'examples/score/responses-1.csv',
    '--format',
    'json',
    '-o',
    d1,
  ]);
  expect(a.code).toBe(1);
  const b = await runCli(
    ['score', SAMPLE, '--responses', 'examples/score/responses-2.csv', '--format', 'json', '-o', d2],
    {
      env: { SOURCE_DATE_EPOCH: '1768435200' },
    },
  );
  expect(b.code).toBe(0);
});

describe('hhsurvey compare', () => {
  it('shows the change between two drills with two-proportion tests', async () => {
    const r = await runCli(['compare', d1, d2]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    // 文化东路社区 awareness 6/10 → 10/10: R prop.test(c(6, 10), c(10, 10), correct = FALSE)$p.value = 0.0253
    expect(r.stdout).toMatch(
      /文化东路社区 +Awareness +60\.0% \(6\/10\) +100\.0% \(10\/10\) +\+40\.0 +0\.025 +better/,
    );
    // 利农社区 awareness 15/20 → 19/20: R p = 0.0765, not significant at 5%
    expect(r.stdout).toMatch(
      /利农社区 +Awareness +75\.0% \(15\/20\) +95\.0% \(19\/20\) +\+20\.0 +0\.077 +no clear change/,
    );
    expect(r.stdout.trimEnd().split('\n').at(-1)).toBe(
      '2 drills: 3 better, 0 worse, 32 without a clear change (significance level 5%)',
    );
  });
  it('JSON: rates per drill, change and p-value', async () => {
    const r = await runCli(['compare', d1, d2, '--format', 'json']);
    const c = JSON.parse(r.stdout) as CompareResult;
    expect(c.reports.map((x) => x.pass)).toEqual([false, true]);
    const row = c.rows.find((x) => x.group === '利农社区' && x.indicator === 'awareness')!;
    expect(row.points.map((p) => [p.favourable, p.eligible])).toEqual([
      [15, 20],
      [19, 20],
    ]);
    // R: prop.test(c(15, 19), c(20, 20), correct = FALSE)$p.value
    expect(Math.abs(row.change!.p_value - 0.0765225004750594)).toBeLessThan(1e-12);
    expect(row.direction).toBe('unclear');
    expect(c.rows.filter((x) => x.level === 'overall')).toHaveLength(5);
  });
  it('Markdown in Chinese, to a file', async () => {
    const out = join(dir, 'trend.md');
    const r = await runCli(['compare', d1, d2, '--format', 'md', '--lang', 'zh', '-o', out]);
    expect(r.code).toBe(0);
    const md = readFileSync(out, 'utf8');
    expect(md).toContain('# 测评趋势');
    expect(md).toContain(
      '| 文化东路社区 | 知晓率 | 60.0% (6/10) | 100.0% (10/10) | +40.0 | 0.025 | ⬆️ 显著提高 |',
    );
  });
  it('warns when the reports are not oldest first', async () => {
    const r = await runCli(['compare', d2, d1]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('is older than');
    expect(r.stdout).toContain('WORSE');
  });
  it('exit 2 on bad input', async () => {
    const one = await runCli(['compare', d1]);
    expect(one.code).toBe(2);
    expect(one.stderr).toContain('at least two reports');
    const missing = await runCli(['compare', d1, join(dir, 'nope.json')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('nope.json: no such file');
    const notJson = join(dir, 'x.json');
    writeFileSync(notJson, 'stratum,rate\n');
    const bad = await runCli(['compare', d1, notJson]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('not JSON');
    const other = join(dir, 'other.json');
    writeFileSync(other, JSON.stringify({ format: 'something-else' }));
    const wrong = await runCli(['compare', d1, other]);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain('not a score report');
  });
  it('--help has examples', async () => {
    const r = await runCli(['compare', '--help']);
    expect(r.stdout).toContain('Examples:');
  });
});
