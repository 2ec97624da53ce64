import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './helpers/run-cli.js';
import { rosterCsv, tempDir, tinyRoster, writeRoster } from './helpers/roster.js';
import { hypergeometricUpperTail } from '../src/stats/hypergeometric.js';

interface Result {
  stratum: string;
  street?: string;
  indicator: string;
  population: number;
  size: number;
  reserves: number;
  favourable: number;
  threshold: number;
  p_pass_exact: number;
  p_pass: number;
  p_pass_se: number;
  rate_mean: number;
  p_no_eligible_exact: number;
  expected_reserves: number;
  expected_reserves_exact: number;
}
interface Level {
  level: string;
  group: string;
  indicator: string;
  population: number;
  p_pass: number;
  p_pass_exact: null;
  p_all_pass_exact: number;
  p_all_pass: number;
  p_all_pass_se: number;
}
interface Json {
  standard: string;
  results: Result[];
  levels: Level[];
}

let dir = '';
let roster = '';

beforeAll(() => {
  dir = tempDir();
  const east = tinyRoster({ 南全福社区: 300, 利农社区: 150 }, '全福街道');
  const west = tinyRoster({ 华山北社区: 800, 小社区: 15 }, '华山街道').map((h, i) => ({
    ...h,
    id: `W${String(i + 1).padStart(6, '0')}`,
  }));
  roster = writeRoster(
    dir,
    'roster.csv',
    rosterCsv([...east, ...west], { chinese: true, crlf: true, bom: true }),
  );
});

const parse = (s: string) => JSON.parse(s) as Json;

describe('hhsurvey simulate --roster', () => {
  it('simulates every stratum × indicator, exact values as the hypergeometric tail', async () => {
    const r = await runCli([
      'simulate',
      '--roster',
      roster,
      '--rate',
      'awareness=0.9',
      '--rate',
      'participation=85%',
      '--seed',
      'r1',
      '--json',
    ]);
    expect(r.code).toBe(0);
    const j = parse(r.stdout);
    expect(j.standard).toBe('national-mock');
    expect(j.results.map((x) => `${x.stratum}/${x.indicator}`)).toEqual([
      '全福街道 / 利农社区/awareness',
      '全福街道 / 利农社区/participation',
      '全福街道 / 南全福社区/awareness',
      '全福街道 / 南全福社区/participation',
      '华山街道 / 华山北社区/awareness',
      '华山街道 / 华山北社区/participation',
      '华山街道 / 小社区/awareness',
      '华山街道 / 小社区/participation',
    ]);
    const nanquanfu = j.results.find(
      (x) => x.stratum === '全福街道 / 南全福社区' && x.indicator === 'awareness',
    )!;
    expect(nanquanfu).toMatchObject({
      street: '全福街道',
      population: 300,
      size: 22,
      favourable: 270,
      threshold: 0.9,
    });
    expect(nanquanfu.p_pass_exact).toBeCloseTo(0.619041, 6);
    for (const x of j.results) {
      const need = Math.ceil(x.threshold * x.size - 1e-9);
      expect(x.p_pass_exact).toBeCloseTo(
        hypergeometricUpperTail(need, x.population, x.favourable, x.size),
        12,
      );
      expect(Math.abs(x.p_pass - x.p_pass_exact)).toBeLessThanOrEqual(3 * x.p_pass_se + 1e-12);
    }
    // A community smaller than the sample is a census: its verdict is certain.
    const small = j.results.find((x) => x.stratum === '华山街道 / 小社区' && x.indicator === 'awareness')!;
    expect(small).toMatchObject({ population: 15, size: 15, favourable: 14 });
    expect(small.p_pass_exact).toBe(1);
    expect(r.stderr).toContain(
      'warning: 华山街道 / 小社区 has only 15 households to draw from, fewer than 22: all are taken',
    );
    // No silent rounding: 90% of 15 households is 13.5, simulated as 14 (93.33%), and said so.
    expect(r.stderr).toContain(
      'warning: 华山街道 / 小社区 / awareness: true rate 90% of 15 households is 13.5; simulated as 14 favourable (93.33%), rounded half up',
    );
    expect(r.stderr).not.toContain('南全福社区 / awareness: true rate');
  });

  it('rolls up by street and overall: all-pass exact = product, MC within 3 SE', async () => {
    const r = await runCli([
      'simulate',
      '--roster',
      roster,
      '--rate',
      'awareness=0.93',
      '--seed',
      'r2',
      '--json',
      '--replicates',
      '20000',
    ]);
    const j = parse(r.stdout);
    expect(j.levels.map((l) => `${l.level}:${l.group}`)).toEqual([
      'street:全福街道',
      'street:华山街道',
      'overall:overall',
    ]);
    expect(j.levels.map((l) => l.population)).toEqual([450, 815, 1265]);
    for (const l of j.levels) {
      const members = j.results.filter((x) => l.level === 'overall' || x.street === l.group);
      // No community fails: P(pass) + P(no data) each (here P(no data) is 0: everyone responds).
      expect(l.p_all_pass_exact).toBeCloseTo(
        members.reduce((p, x) => p * (x.p_pass_exact + x.p_no_eligible_exact), 1),
        14,
      );
      const se = Math.sqrt((l.p_all_pass_exact * (1 - l.p_all_pass_exact)) / 20000);
      expect(Math.abs(l.p_all_pass - l.p_all_pass_exact)).toBeLessThanOrEqual(3 * se + 1e-12);
      expect(l.p_pass_exact).toBeNull();
    }
  });

  it('a community with no eligible respondent is no data, as in score: neither a pass nor a fail', async () => {
    // 2 households, no reserve, 30% respond: P(no complete) = 0.7² = 0.49 in every community.
    const args = [
      'simulate',
      '--roster',
      roster,
      '--rate',
      'awareness=0.93',
      '--size',
      '2',
      '--reserve',
      '0',
    ];
    const r = await runCli([
      ...args,
      '--response-rate',
      '0.3',
      '--seed',
      'nd',
      '--json',
      '--replicates',
      '20000',
    ]);
    expect(r.code).toBe(0);
    const j = parse(r.stdout);
    const aware = j.results.filter((x) => x.indicator === 'awareness');
    for (const x of aware) {
      expect(x.p_no_eligible_exact).toBeCloseTo(0.49, 12);
      // P(pass) counts outcomes with an eligible respondent only: 2 complete (0.09) or 1 (0.42).
      const one = x.favourable / x.population;
      const both = hypergeometricUpperTail(2, x.population, x.favourable, 2);
      expect(x.p_pass_exact).toBeCloseTo(0.09 * both + 0.42 * one, 12);
    }
    for (const l of j.levels) {
      const members = aware.filter((x) => l.level === 'overall' || x.street === l.group);
      if (l.indicator !== 'awareness') continue;
      const exact = members.reduce((p, x) => p * (x.p_pass_exact + x.p_no_eligible_exact), 1);
      expect(l.p_all_pass_exact).toBeCloseTo(exact, 14);
      const se = Math.sqrt((exact * (1 - exact)) / 20000);
      expect(Math.abs(l.p_all_pass - exact)).toBeLessThanOrEqual(3 * se + 1e-12);
    }
    const text = await runCli([
      ...args.slice(0, 1),
      '--population',
      '300',
      '--true-rate',
      '0.9',
      '--size',
      '1',
      '--threshold',
      '0.9',
      '--response-rate',
      '0.5',
      '--seed',
      'nd',
    ]);
    expect(text.stdout).toMatch(
      /P\(no data: no eligible respondent; neither pass nor fail, as in score\) +0\.500000/,
    );
    expect(text.stdout).toMatch(/P\(pass\), exact \(hypergeometric\) +0\.450000/);
  });

  it('per-stratum rates from --rates override --rate; reserves and non-response', async () => {
    const rates = join(dir, 'rates.csv');
    writeFileSync(rates, 'stratum,indicator,rate\n南全福社区,awareness,0.8\n华山北社区,awareness,97%\n');
    const r = await runCli([
      'simulate',
      '--roster',
      roster,
      '--rates',
      rates,
      '--rate',
      'awareness=0.9',
      '--reserve',
      '5',
      '--response-rate',
      '0.8',
      '--seed',
      'r3',
      '--json',
    ]);
    expect(r.code).toBe(0);
    const j = parse(r.stdout);
    const by = (s: string) => j.results.find((x) => x.stratum.endsWith(` / ${s}`))!;
    expect(by('南全福社区').favourable).toBe(240);
    expect(by('华山北社区').favourable).toBe(776);
    expect(by('利农社区').favourable).toBe(135);
    expect(by('南全福社区').reserves).toBe(5);
    expect(by('南全福社区').expected_reserves_exact).toBeGreaterThan(3);
    expect(by('小社区').reserves).toBe(0);
  });

  it('takes the sampling options of hhsurvey sample: --total with allocation, --only, --exclude', async () => {
    const total = await runCli([
      'simulate',
      '--roster',
      roster,
      '--total',
      '60',
      '--allocation',
      'equal',
      '--rate',
      'awareness=0.9',
      '--seed',
      't',
      '--json',
      '--replicates',
      '500',
    ]);
    expect(total.code).toBe(0);
    const sizes = parse(total.stdout).results.map((x) => x.size);
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(60);
    expect(sizes).toEqual([15, 15, 15, 15]);
    const only = await runCli([
      'simulate',
      '--roster',
      roster,
      '--only',
      '南全福社区',
      '--rate',
      'awareness=0.9',
      '--seed',
      't',
      '--json',
      '--replicates',
      '500',
    ]);
    expect(parse(only.stdout).results.map((x) => x.stratum)).toEqual(['全福街道 / 南全福社区']);
    const ex = join(dir, 'exclude.csv');
    writeFileSync(ex, 'household_id\nH000001\nH000002\n');
    const excluded = await runCli([
      'simulate',
      '--roster',
      roster,
      '--exclude',
      ex,
      '--only',
      '南全福社区',
      '--rate',
      'awareness=0.9',
      '--seed',
      't',
      '--json',
      '--replicates',
      '500',
    ]);
    expect(parse(excluded.stdout).results[0]).toMatchObject({ population: 298, favourable: 268 });
  });

  it('same seed, same output; the table form names the standard and the roll-ups', async () => {
    const args = [
      'simulate',
      '--roster',
      roster,
      '--rate',
      'awareness=0.9',
      '--seed',
      'same',
      '--replicates',
      '2000',
    ];
    const a = await runCli(args);
    const b = await runCli(args);
    expect(a.code).toBe(0);
    expect(b.stdout).toBe(a.stdout);
    expect(a.stdout).toContain('Simulated 4 communities against national-mock (awareness ≥ 90%)');
    expect(a.stdout).toContain('Roll-ups:');
  });

  it('judges a lower-bound standard with the Korn–Graubard roll-up', async () => {
    const std = join(dir, 'lb.yaml');
    const text = (await import('node:fs')).readFileSync(
      join(process.cwd(), 'data/standards/national-mock.yaml'),
      'utf8',
    );
    writeFileSync(std, text.replace('pass_rule: point', 'pass_rule: lower_bound'));
    const r = await runCli([
      'simulate',
      '--roster',
      roster,
      '--standard',
      std,
      '--rate',
      'awareness=0.97',
      '--seed',
      'lb',
      '--json',
      '--replicates',
      '3000',
    ]);
    expect(r.code).toBe(0);
    const j = parse(r.stdout);
    // Wilson 95% lower bound of 22/22 is 85.1% < 90%: no 22-household community can pass.
    expect(j.results.filter((x) => x.size === 22).every((x) => x.p_pass_exact === 0)).toBe(true);
    // The district pools 81 interviews: its lower bound can clear 90%.
    expect(j.levels.at(-1)!.p_pass).toBeGreaterThan(0);
  });

  it('reports every bad rate at once, exit 2', async () => {
    const rates = join(dir, 'bad-rates.csv');
    writeFileSync(
      rates,
      'stratum,indicator,rate\n南全福社区,awareness,1.3\n不存在社区,awareness,0.9\n南全福社区,nosuch,0.9\n',
    );
    const r = await runCli([
      'simulate',
      '--roster',
      roster,
      '--rates',
      rates,
      '--rate',
      'bogus',
      '--seed',
      'x',
    ]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--rate: "bogus": the rate must be between 0 and 1');
    expect(r.stderr).toMatch(/bad-rates\.csv:2: rate: must be a rate between 0 and 1/);
    const r2 = await runCli([
      'simulate',
      '--roster',
      roster,
      '--rates',
      rates.replace('bad-', ''),
      '--seed',
      'x',
    ]);
    expect(r2.code).toBe(2);
    expect(r2.stderr).toContain(
      '--rate: no true rate for awareness in 2 strata (全福街道 / 利农社区, 华山街道 / 小社区)',
    );
    const r3 = await runCli(['simulate', '--roster', roster, '--rate', 'nosuch=0.9', '--seed', 'x']);
    expect(r3.code).toBe(2);
    expect(r3.stderr).toContain('--rate: unknown indicator "nosuch" (the standard has awareness,');
    const mixed = await runCli(['simulate', '--roster', roster, '--population', '300', '--seed', 'x']);
    expect(mixed.code).toBe(2);
    expect(mixed.stderr).toContain('--population: belongs to the simple form');
    expect(mixed.stderr).toContain('--rate: give true rates');
  });
});
