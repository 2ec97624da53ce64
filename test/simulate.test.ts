import { describe, expect, it } from 'vitest';
import { runCli } from './helpers/run-cli.js';
import { run } from '../src/cli/main.js';
import { readFileSync } from 'node:fs';
import { hypergeometricUpperTail } from '../src/stats/hypergeometric.js';

const issueDesign = [
  'simulate',
  '--population',
  '300',
  '--true-rate',
  '0.9',
  '--size',
  '22',
  '--threshold',
  '0.9',
];

describe('hhsurvey simulate (one community)', () => {
  it('prints the exact pass probability of the issue design, 0.619041, and the Monte Carlo beside it', async () => {
    const r = await runCli([...issueDesign, '--seed', 'doc']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('300 households, 270 favourable (true rate 90.0%), 22 drawn');
    expect(r.stdout).toContain('at least 20 of 22');
    expect(r.stdout).toMatch(/P\(pass\), exact \(hypergeometric\)\s+0\.619041\n/);
    expect(r.stdout).toMatch(/P\(pass\), Monte Carlo \(10,000 replicates\)\s+0\.\d{4} ± 0\.00\d\d \(SE\)/);
    expect(r.stdout).toContain('seed doc (seedrandom-3.0.5/xor4096)');
  });

  it('--json gives results[] with the exact and simulated values, and the same seed gives the same numbers', async () => {
    const a = await runCli([...issueDesign, '--seed', 's', '--json', '--replicates', '20000']);
    const b = await runCli([...issueDesign, '--seed', 's', '--json', '--replicates', '20000']);
    expect(a.code).toBe(0);
    expect(b.stdout).toBe(a.stdout);
    const j = JSON.parse(a.stdout);
    expect(j).toMatchObject({
      seed: 's',
      rng: 'seedrandom-3.0.5/xor4096',
      replicates: 20000,
      response_rate: 1,
      levels: [],
    });
    expect(j.results).toHaveLength(1);
    const r = j.results[0];
    expect(Object.keys(r)).toEqual(
      expect.arrayContaining([
        'stratum',
        'indicator',
        'p_pass_exact',
        'p_pass',
        'p_pass_se',
        'rate_mean',
        'rate_q05',
        'rate_q50',
        'rate_q95',
      ]),
    );
    expect(r.p_pass_exact).toBeCloseTo(0.619041, 6);
    expect(Math.abs(r.p_pass - r.p_pass_exact)).toBeLessThan(3 * r.p_pass_se);
    expect(r.rate_q50).toBeCloseTo(20 / 22, 12);
  });

  it('field conditions: non-response with reserves and "not sure" answers', async () => {
    const r = await runCli([
      ...issueDesign,
      '--reserve',
      '5',
      '--response-rate',
      '80%',
      '--not-sure',
      '0.05',
      '--not-sure-rule',
      'exclude',
      '--seed',
      'field',
      '--json',
    ]);
    expect(r.code).toBe(0);
    const res = JSON.parse(r.stdout).results[0];
    expect(res).toMatchObject({ favourable: 257, not_sure: 15, reserves: 5 });
    expect(res.expected_reserves_exact).toBeGreaterThan(4);
    expect(Math.abs(res.p_pass - res.p_pass_exact)).toBeLessThan(3 * res.p_pass_se);
  });

  it('prints a new seed on stderr when none is given', async () => {
    const r = await runCli([...issueDesign, '--replicates', '100']);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(
      /^hhsurvey: seed [0-9a-f]{16} \(pass --seed [0-9a-f]{16} to repeat this run\)\n$/,
    );
  });

  it('speaks Chinese with --lang zh', async () => {
    const r = await runCli([...issueDesign, '--seed', 'zh', '--lang', 'zh']);
    expect(r.stdout).toContain('一个社区：300 户，其中 270 户持肯定回答');
    expect(r.stdout).toMatch(/通过概率（精确，超几何分布）\s+0\.619041/);
  });

  it('reports every problem with the options at once, exit 2', async () => {
    const r = await runCli(['simulate', '--population', '300', '--size', '22']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--true-rate: required');
    expect(r.stderr).toContain('--threshold: required');
    const big = await runCli([
      'simulate',
      '--population',
      '20',
      '--true-rate',
      '0.9',
      '--size',
      '22',
      '--threshold',
      '0.9',
    ]);
    expect(big.code).toBe(2);
    expect(big.stderr).toContain('--size: the sample (22) cannot exceed the population (20)');
    const bad = await runCli([...issueDesign, '--true-rate', '1.5']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('must be between 0 and 1');
    const room = await runCli([...issueDesign, '--true-rate', '0.97', '--not-sure', '0.05']);
    expect(room.code).toBe(2);
    expect(room.stderr).toMatch(/--not-sure: .*leave no room/);
  });

  it('has examples in --help', async () => {
    const r = await runCli(['simulate', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Examples:');
  });
});

describe('hhsurvey simulate with a lower-bound pass rule', () => {
  it('Wilson 95% at 90% cannot be met with 22 households; Clopper–Pearson 90% at 85% with 60 can', async () => {
    const never = await runCli([
      ...issueDesign,
      '--true-rate',
      '0.95',
      '--pass-rule',
      'lower_bound',
      '--seed',
      'lb',
      '--json',
    ]);
    expect(never.code).toBe(0);
    expect(JSON.parse(never.stdout).results[0]).toMatchObject({ p_pass_exact: 0, p_pass: 0 });
    const cp = await runCli([
      'simulate',
      '--population',
      '300',
      '--true-rate',
      '0.95',
      '--size',
      '60',
      '--threshold',
      '0.85',
      '--pass-rule',
      'lower_bound',
      '--ci',
      'clopper-pearson',
      '--confidence',
      '0.9',
      '--seed',
      'lb',
      '--json',
    ]);
    const j = JSON.parse(cp.stdout);
    expect(j.indicators[0]).toMatchObject({
      pass_rule: 'lower_bound',
      confidence: 0.9,
      ci_method: 'clopper-pearson',
    });
    const r = j.results[0];
    // Clopper–Pearson 90% lower bound reaches 85% from 56 of 60: P(X ≥ 56), X ~ Hyper(300, 285, 60).
    expect(r.p_pass_exact).toBeCloseTo(hypergeometricUpperTail(56, 300, 285, 60), 12);
    expect(Math.abs(r.p_pass - r.p_pass_exact)).toBeLessThan(3 * r.p_pass_se);
  });
});

describe('progress', () => {
  it('shows a progress bar on a terminal for long runs, and nothing on stdout', async () => {
    let err = '';
    let out = '';
    const code = await run(
      ['node', 'hhsurvey', ...issueDesign, '--seed', 'p', '--replicates', '20000000', '--json'],
      {
        stdout: { write: (c: string | Uint8Array) => (out += String(c)) },
        stderr: { isTTY: true, columns: 80, write: (c: string | Uint8Array) => (err += String(c)) },
        env: { NO_COLOR: '1', LANG: 'en_US.UTF-8' },
      },
    );
    expect(code).toBe(0);
    expect(err).toMatch(/simulate \[.*\] \d+%/);
    const r = JSON.parse(out).results[0];
    expect(Math.abs(r.p_pass - 0.619041)).toBeLessThan(3 * r.p_pass_se + 1e-6);
  });
});

describe('the README shows what the command prints', () => {
  it('simple form, seed doc', async () => {
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
    const cmd = '$ hhsurvey simulate --population 300 --true-rate 0.9 --size 22 --threshold 0.9 --seed doc\n';
    const start = readme.indexOf(cmd) + cmd.length;
    const shown = readme.slice(start, readme.indexOf('\n$ ', start) + 1);
    const r = await runCli([
      'simulate',
      '--population',
      '300',
      '--true-rate',
      '0.9',
      '--size',
      '22',
      '--threshold',
      '0.9',
      '--seed',
      'doc',
    ]);
    expect(shown.length).toBeGreaterThan(100);
    expect(r.stdout.startsWith(shown)).toBe(true);
  });
});

describe('one grammar for rates (src/core/rate.ts)', () => {
  it('refuses what is not written as a decimal rate or a percentage, in flags and in --rate pairs', async () => {
    const base = ['simulate', '--population', '300', '--size', '22', '--threshold', '0.9', '--seed', 'g'];
    for (const bad of ['0x1', '1e-1', '+0.9']) {
      const r = await runCli([...base, '--true-rate', bad]);
      expect(r.code, bad).toBe(2);
      expect(r.stderr, bad).toContain(`"${bad}"`);
    }
    const pct = await runCli([...base, '--true-rate', '90%', '--json']);
    const dec = await runCli([...base, '--true-rate', '.9', '--json']);
    expect(pct.code).toBe(0);
    expect(pct.stdout).toBe(dec.stdout);
    const pair = await runCli(['simulate', '--roster', 'data/demo/roster.csv', '--rate', 'awareness=0x1']);
    expect(pair.code).toBe(2);
    expect(pair.stderr).toMatch(/awareness=0x1/);
  });
});
