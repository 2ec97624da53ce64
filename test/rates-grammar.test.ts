import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './helpers/run-cli.js';
import { rosterCsv, tempDir, tinyRoster, writeRoster } from './helpers/roster.js';

/**
 * One grammar of true rates for `simulate`, `synth responses` and drill files, from the command
 * line: the same flags and the same rates file mean the same thing to each of them.
 */
let dir: string;
let roster: string;
let sample: string;

// 利农社区 exists in two sub-districts: its name alone is ambiguous.
const ROWS = [
  ...tinyRoster({ 南全福社区: 60, 利农社区: 50 }, '全福街道'),
  ...tinyRoster({ 花园社区: 70, 利农社区: 40 }, '洪家楼街道').map((r) => ({
    ...r,
    id: r.id.replace('H', 'K'),
  })),
];

beforeAll(async () => {
  dir = tempDir();
  roster = writeRoster(dir, 'roster.csv', rosterCsv(ROWS, { chinese: true }));
  sample = join(dir, 'sample.csv');
  const r = await runCli(['sample', roster, '--size', '8', '--seed', 's', '-o', sample]);
  expect(r.code).toBe(0);
});

const write = (name: string, text: string) => {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
};

interface SimResult {
  stratum: string;
  indicator: string;
  population: number;
  favourable: number;
}

const simulate = (...args: string[]) =>
  runCli(['simulate', '--roster', roster, '--size', '8', '--replicates', '50', '--seed', 'x', ...args]);
const synth = (...args: string[]) => runCli(['synth', 'responses', sample, '--seed', 'r', ...args]);
const drill = (synthetic: string, ...args: string[]) => {
  const file = write(
    'drill.yaml',
    `name: t\ndate: 2026-11-28\nroster: roster.csv\nseed: s\nsampling: { size: 8 }\nsynthetic:\n${synthetic}`,
  );
  return runCli(['drill', file, '--out', join(dir, 'out'), ...args]);
};

/** The answers to the first question of the completed interviews in a stratum. */
function answers(csv: string, stratum: string): Set<string> {
  const [header, ...lines] = csv.trim().split('\n');
  const cols = header!.split(',');
  const at = (c: string) => cols.indexOf(c);
  return new Set(
    lines
      .map((l) => l.split(','))
      .filter((f) => f[at('stratum')] === stratum && f[at('disposition')] === 'complete')
      .map((f) => f[at('aware_campaign')]!),
  );
}

describe('true rates: one grammar for every command', () => {
  it('takes a bare rate for every indicator in simulate as in synth responses', async () => {
    const sim = await simulate('--rate', '0.9', '--json');
    expect(sim.code).toBe(0);
    const results = (JSON.parse(sim.stdout) as { results: SimResult[] }).results;
    expect(new Set(results.map((x) => x.indicator)).size).toBe(5);
    expect(results.every((x) => x.favourable === Math.round(0.9 * x.population))).toBe(true);
    expect((await synth('--rate', '0.9')).code).toBe(0);
  });

  it('reads one rates file (Chinese headers, communities with or without their sub-district) in all three', async () => {
    const rates = write(
      'zh-rates.csv',
      '社区,指标,比率\n全福街道/南全福社区,awareness,0\n花园社区,awareness,100%\n*,support,50%\n',
    );
    const sim = await simulate('--rates', rates, '--rate', 'awareness=0.9', '--json');
    expect(sim.code).toBe(0);
    expect(sim.stderr).not.toMatch(/not in the sample|could be/);
    const results = (JSON.parse(sim.stdout) as { results: SimResult[] }).results;
    const fav = (s: string, i: string) => results.find((x) => x.stratum === s && x.indicator === i)!;
    expect(fav('全福街道 / 南全福社区', 'awareness').favourable).toBe(0);
    expect(fav('洪家楼街道 / 花园社区', 'awareness').favourable).toBe(70);
    expect(fav('全福街道 / 利农社区', 'support').favourable).toBe(25);
    // Only the indicators given a rate are simulated; awareness lacks one in the two 利农社区.
    const partial = await simulate('--rates', rates);
    expect(partial.code).toBe(2);
    expect(partial.stderr).toContain(
      '--rate: no true rate for awareness in 2 strata (全福街道 / 利农社区, 洪家楼街道 / 利农社区)',
    );

    const syn = await synth('--rates', rates, '--rate', '0.9');
    expect(syn.code).toBe(0);
    expect(syn.stderr).not.toMatch(/not in the sample|could be/);
    const none = answers(syn.stdout, '全福街道 / 南全福社区');
    const all = answers(syn.stdout, '洪家楼街道 / 花园社区');
    expect(none.size).toBe(1);
    expect(all.size).toBe(1);
    expect([...none]).not.toEqual([...all]);

    const d = await drill('  rates: 0.9\n  rates_file: zh-rates.csv\n  response_rate: 1\n');
    expect([0, 1]).toContain(d.code);
    const responses = readFileSync(join(dir, 'out', 'responses.csv'), 'utf8').replace(/^\uFEFF/, '');
    expect(answers(responses, '全福街道 / 南全福社区')).toEqual(none);
    expect(answers(responses, '洪家楼街道 / 花园社区')).toEqual(all);
  });

  it('calls a community name found in two sub-districts ambiguous, in every command', async () => {
    const rates = write('ambiguous.csv', 'stratum,indicator,rate\n利农社区,awareness,0.8\n');
    const line =
      'ambiguous.csv:2: "利农社区" could be any of 全福街道 / 利农社区, 洪家楼街道 / 利农社区: write it with its sub-district';
    for (const r of [
      await simulate('--rates', rates, '--rate', '0.9'),
      await synth('--rates', rates, '--rate', '0.9'),
    ]) {
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(rates.replace(/ambiguous\.csv$/, '') + line);
    }
    const d = await drill('  rates: 0.9\n  rates_file: ambiguous.csv\n');
    expect(d.code).toBe(2);
    expect(d.stderr).toContain(line);
  });

  it('refuses 0x1 and other non-decimal rates everywhere, with one located line', async () => {
    const simple = await runCli(['simulate', '--population', '300', '--true-rate', '0x1', '--size', '22']);
    expect(simple.code).toBe(2);
    expect(simple.stderr).toContain(`'--true-rate <p>' argument '0x1' is invalid`);
    for (const r of [
      await simulate('--rate', '0x1'),
      await synth('--rate', 'awareness=1e-1', '--rate', '0.9'),
    ]) {
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/--rate: "(0x1|awareness=1e-1)": the rate must be between 0 and 1/);
    }
    const rates = write('hex.csv', '社区,指标,比率\n南全福社区,awareness,0x1\n');
    for (const r of [
      await simulate('--rates', rates, '--rate', '0.9'),
      await synth('--rates', rates, '--rate', '0.9'),
    ]) {
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(`${rates}:2: 比率: must be a rate between 0 and 1 (0.93 or 93%), got "0x1"`);
    }
    // The drill file's own messages are English still: this run asks for English.
    const d = await drill('  rates: 0x1\n', '--lang', 'en');
    expect(d.code).toBe(2);
    expect(d.stderr).toContain(
      'drill.yaml:7: synthetic.rates: must be a rate between 0 and 1 (0.93 or 93%), got "0x1"',
    );
  });
});

describe('confidence levels: one parser for every command', () => {
  const COMMANDS = [
    ['score', 'sample.csv'],
    ['compare', 'a.json', 'b.json'],
    ['simulate', '--population', '300', '--true-rate', '0.9', '--size', '22', '--threshold', '0.9'],
    ['plan', '--margin', '0.05'],
  ];

  it('refuses 1e-1, 0x1, 1 and 95 with the same line in score, compare, simulate and plan', async () => {
    for (const cmd of COMMANDS)
      for (const [bad, message] of [
        ['1e-1', 'expected a rate between 0 and 1 (0.9 or 90%), got "1e-1"'],
        ['0x1', 'expected a rate between 0 and 1 (0.9 or 90%), got "0x1"'],
        ['95', 'must be between 0 and 1, got 95'],
        ['1', 'must be between 0 and 1, exclusive (0.95 or 95%), got 1'],
      ] as const) {
        const r = await runCli([...cmd, '--confidence', bad]);
        expect(r.code, `${cmd[0]} ${bad}`).toBe(2);
        expect(r.stderr).toContain(`option '--confidence <level>' argument '${bad}' is invalid: ${message}`);
      }
  });

  it('reads 95% as 0.95', async () => {
    const a = await runCli(['plan', '--margin', '5%', '--confidence', '95%', '--json']);
    const b = await runCli(['plan', '--margin', '0.05', '--confidence', '0.95', '--json']);
    expect(a.code).toBe(0);
    expect(a.stdout).toBe(b.stdout);
  });
});
