import { describe, expect, it } from 'vitest';
import { runCli } from './helpers/run-cli.js';
import { readFileSync } from 'node:fs';
import { hypergeometricUpperTail } from '../src/stats/hypergeometric.js';

describe('hhsurvey plan: precision form', () => {
  it('e = 0.05, p = 0.5 → 385', async () => {
    const r = await runCli(['plan', '--margin', '0.05']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/households to draw \(rounded up once\)\s+385\n/);
  });

  it('with N = 1000 → 278, also as JSON', async () => {
    const r = await runCli(['plan', '--margin', '5%', '--population', '1000', '--json']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j).toMatchObject({ form: 'precision', margin: 0.05, population: 1000, n: 278 });
    expect(j.n0).toBeCloseTo(384.14588, 5);
    expect(j.n_fpc).toBeCloseTo(277.73345, 5);
  });

  it('design effect and response rate, in Chinese', async () => {
    const r = await runCli([
      'plan',
      '--margin',
      '0.05',
      '--expected',
      '0.9',
      '--population',
      '300',
      '--deff',
      '1.5',
      '--response-rate',
      '0.8',
      '--lang',
      'zh',
    ]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/应抽户数（最后一步向上取整）\s+178/);
  });
});

describe('hhsurvey plan: pass-probability form', () => {
  it('finds the size and prints both tables', async () => {
    const r = await runCli(['plan', '--threshold', '0.9', '--expected', '0.95', '--population', '300']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Households to draw: 20 (P(pass) = 0.931126');
    expect(r.stdout).toContain('P(pass) by sample size (true rate 95.0%)');
    expect(r.stdout).toContain('P(pass) by true rate (rows) and sample size (columns)');
  });

  it('--json has the size, the curve around it and the risk table, all exact', async () => {
    const r = await runCli([
      'plan',
      '--threshold',
      '0.9',
      '--expected',
      '0.95',
      '--population',
      '300',
      '--json',
    ]);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout) as {
      by_size: { n: number; p_pass: number }[];
      by_rate: { true_rate: number; favourable: number; p_pass: Record<string, number> }[];
    };
    expect(j).toMatchObject({
      form: 'pass_probability',
      threshold: 0.9,
      expected: 0.95,
      power: 0.8,
      population: 300,
    });
    expect(j).toMatchObject({ favourable: 285, n: 20, smallest_n_any: 1, scanned_all: true });
    expect(j.by_size.map((s) => s.n)).toEqual([15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25]);
    for (const s of j.by_size)
      expect(s.p_pass).toBeCloseTo(hypergeometricUpperTail(Math.ceil(0.9 * s.n - 1e-9), 300, 285, s.n), 11);
    // The community in the risk table: 270 of 300 aware, 20 drawn, 18 needed.
    const row90 = j.by_rate.find((x) => x.true_rate === 0.9)!;
    expect(row90.favourable).toBe(270);
    expect(row90.p_pass['20']).toBeCloseTo(hypergeometricUpperTail(18, 300, 270, 20), 11);
    expect(j.by_rate.map((x) => x.true_rate)).toEqual([
      0.8, 0.85, 0.87, 0.88, 0.89, 0.9, 0.91, 0.92, 0.93, 0.95,
    ]);
  });

  it('says so when no size can reach the power', async () => {
    const r = await runCli([
      'plan',
      '--threshold',
      '0.9',
      '--expected',
      '0.85',
      '--population',
      '200',
      '--json',
    ]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).n).toBeNull();
  });

  it('reports every missing or misplaced option, exit 2', async () => {
    const r = await runCli(['plan', '--threshold', '0.9', '--deff', '2']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--expected: required with --threshold');
    expect(r.stderr).toContain('--population: required with --threshold');
    expect(r.stderr).toContain('--deff: applies to the precision form only');
    const both = await runCli(['plan', '--threshold', '0.9', '--margin', '0.05']);
    expect(both.code).toBe(2);
    expect(both.stderr).toContain('do not mix');
    const none = await runCli(['plan']);
    expect(none.code).toBe(2);
    const bad = await runCli(['plan', '--margin', '0']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('must be between 0 and 1, exclusive');
  });

  it('has examples in --help', async () => {
    const r = await runCli(['plan', '--help']);
    expect(r.stdout).toContain('Examples:');
  });
});

describe('the README shows what the command prints', () => {
  it('precision form with N = 1000', async () => {
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
    const cmd = '$ hhsurvey plan --margin 0.05 --population 1000\n';
    const start = readme.indexOf(cmd) + cmd.length;
    const shown = readme.slice(start, readme.indexOf('\n$ ', start) + 1);
    const r = await runCli(['plan', '--margin', '0.05', '--population', '1000']);
    expect(shown.length).toBeGreaterThan(100);
    expect(r.stdout).toBe(shown);
  });
});

describe('hhsurvey plan at the threshold itself', () => {
  it('says only a census keeps the target', async () => {
    const r = await runCli([
      'plan',
      '--threshold',
      '0.9',
      '--expected',
      '0.9',
      '--population',
      '120',
      '--power',
      '0.6',
    ]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Households to draw: 120');
    expect(r.stdout).toContain('only a census keeps the target');
  });
});
