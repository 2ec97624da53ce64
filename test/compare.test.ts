import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CompareResult } from '../src/scoring/compare-reports.js';
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
  it("shows the change between two drills with Newcombe's interval and its test", async () => {
    const r = await runCli(['compare', d1, d2]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    // 文化东路社区 awareness 6/10 → 10/10: Newcombe (method 10) 0.0384 to 0.6873, dual p = 0.0317
    // (examples/stats/compare.R)
    expect(r.stdout).toMatch(
      /文化东路社区 +Awareness +60\.0% \(6\/10\) +100\.0% \(10\/10\) +\+40\.0 +\+3\.8 … \+68\.7 +0\.032 +better/,
    );
    // 利农社区 awareness 15/20 → 19/20: −0.0318 to 0.4225, p = 0.0860: not significant at 5%
    expect(r.stdout).toMatch(
      /利农社区 +Awareness +75\.0% \(15\/20\) +95\.0% \(19\/20\) +\+20\.0 +-3\.2 … \+42\.3 +0\.086 +no clear change/,
    );
    const tail = r.stdout.trimEnd().split('\n').slice(-2);
    expect(tail[0]).toBe('2 drills: 3 better, 0 worse, 32 without a clear change (significance level 5%)');
    // 35 rows with a change (4 communities, 2 sub-districts and the whole, 5 indicators), 35 × 5% = 1.75
    expect(tail[1]).toMatch(/^35 tests were run .* about 1\.8 would look significant by chance/);
  });
  it('--adjust holm: adjusted p-values decide, the count of tests is stated', async () => {
    const r = await runCli(['compare', d1, d2, '--adjust', 'holm', '--format', 'json']);
    expect(r.code).toBe(0);
    const c = JSON.parse(r.stdout) as CompareResult;
    expect([c.tests, c.adjustment]).toEqual([35, 'holm']);
    const changes = c.rows.flatMap((x) => (x.change ? [x.change] : []));
    expect(changes).toHaveLength(35);
    // Holm: the smallest p is multiplied by 35, the adjusted values never fall with p.
    const sorted = [...changes].sort((a, b) => a.p_value - b.p_value);
    expect(sorted[0]!.p_adjusted).toBeCloseTo(Math.min(1, 35 * sorted[0]!.p_value), 12);
    for (let i = 1; i < sorted.length; i++)
      expect(sorted[i]!.p_adjusted!).toBeGreaterThanOrEqual(sorted[i - 1]!.p_adjusted!);
    for (const ch of changes) expect(ch.significant).toBe(ch.p_adjusted! < 0.05);
    const text = await runCli(['compare', d1, d2, '--adjust', 'holm', '--lang', 'zh']);
    expect(text.stdout).toContain('p（Holm 校正）');
    expect(text.stdout).toContain('共做了 35 次检验，p 值已按 Holm 逐步法校正');
  });
  it('JSON: rates per drill, change, interval and p-value, which agree', async () => {
    const r = await runCli(['compare', d1, d2, '--format', 'json']);
    const c = JSON.parse(r.stdout) as CompareResult;
    expect(c.reports.map((x) => x.pass)).toEqual([false, true]);
    const row = c.rows.find((x) => x.group === '利农社区' && x.indicator === 'awareness')!;
    expect(row.points.map((p) => [p.favourable, p.eligible])).toEqual([
      [15, 20],
      [19, 20],
    ]);
    // examples/stats/compare.R: Newcombe 15/20 → 19/20
    expect(Math.abs(row.change!.p_value - 0.0859537891493968)).toBeLessThan(1e-12);
    expect(Math.abs(row.change!.ci[0] - -0.031790877111014)).toBeLessThan(1e-12);
    expect(Math.abs(row.change!.ci[1] - 0.422532714727364)).toBeLessThan(1e-12);
    expect(row.change!.method).toBe('newcombe');
    expect(row.direction).toBe('unclear');
    expect([c.tests, c.adjustment, c.format_version]).toEqual([35, 'none', 2]);
    for (const x of c.rows) {
      if (!x.change) continue;
      const excludes0 = x.change.ci[0] > 0 || x.change.ci[1] < 0;
      expect(x.change.p_value < 0.05).toBe(excludes0);
      expect(x.change.significant).toBe(excludes0);
    }
    const overall = c.rows.find((x) => x.level === 'overall' && x.indicator === 'awareness')!;
    expect(overall.change).toMatchObject({ method: 'stratified-t' });
    expect(overall.change!.df).toBeGreaterThan(0);
    expect(c.rows.filter((x) => x.level === 'overall')).toHaveLength(5);
  });
  it('Markdown in Chinese, to a file', async () => {
    const out = join(dir, 'trend.md');
    const r = await runCli(['compare', d1, d2, '--format', 'md', '--lang', 'zh', '-o', out]);
    expect(r.code).toBe(0);
    const md = readFileSync(out, 'utf8');
    expect(md).toContain('# 测评趋势');
    expect(md).toContain(
      '| 文化东路社区 | 知晓率 | 60.0% (6/10) | 100.0% (10/10) | +40.0 | +3.8 … +68.7 | 0.032 | ⬆️ 显著提高 |',
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
    expect(bad.stderr).toContain('not valid JSON');
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
