import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readResponses } from '../src/fieldwork/responses-file.js';
import { planFieldwork } from '../src/fieldwork/succession.js';
import { readSampleList } from '../src/sampling/sample-file.js';
import { loadStandard } from '../src/standard/load.js';
import { runCli } from './helpers/run-cli.js';
import { rosterCsv, tempDir, tinyRoster, writeRoster } from './helpers/roster.js';

const dir = tempDir();
const roster = writeRoster(
  dir,
  'roster.csv',
  rosterCsv(tinyRoster({ 南全福社区: 120, 利农社区: 80, 小社区: 9 })),
);
const samplePath = join(dir, 'sample.csv');

async function drawSample(): Promise<void> {
  const r = await runCli(['sample', roster, '--seed', 's1', '--reserve', '5', '-o', samplePath]);
  expect(r.code).toBe(0);
}

describe('hhsurvey synth responses', () => {
  it('writes a responses file that passes the fieldwork checks, with a summary on stderr', async () => {
    await drawSample();
    const out = join(dir, 'responses.csv');
    const r = await runCli([
      'synth',
      'responses',
      samplePath,
      '--rate',
      'awareness=0.93',
      '--rate',
      '0.9',
      '--response-rate',
      '0.7',
      '--not-sure',
      '0.05',
      '--seed',
      'r1',
      '-o',
      out,
    ]);
    expect(r.stderr).toMatch(
      /^wrote \d+ visits to .*responses\.csv: 3 strata, \d+ households visited, \d+ of 53 completes/,
    );
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    const standard = await loadStandard(undefined);
    const read = await readResponses(out, standard, { label: 'responses.csv' });
    const sample = await readSampleList(samplePath);
    const plan = planFieldwork(sample.entries, read.rows, 1);
    expect([...read.problems, ...plan.problems]).toEqual([]);
    expect(plan.due).toEqual([]);
    // Every household in the file is in the sample, with its stratum and role.
    const byId = new Map(sample.entries.map((e) => [e.householdId, e]));
    for (const row of read.rows) {
      expect(byId.get(row.householdId)).toMatchObject({ stratum: row.stratum, role: row.role });
      expect(row.recordedAt).toMatch(/^2026-01-01T\d\d:\d\d:00\+08:00$/);
    }
    // hhsurvey status accepts it: no problem, every stratum finished.
    const status = await runCli(['status', samplePath, '--responses', out, '--json']);
    expect(status.code).toBe(0);
    const st = JSON.parse(status.stdout) as {
      errors: number;
      problems: unknown[];
      strata: { unvisited: number }[];
    };
    expect(st.errors).toBe(0);
    expect(st.problems).toEqual([]);
    expect(st.strata.every((x) => x.unvisited === 0)).toBe(true);
    expect(readFileSync(out, 'utf8').split('\r\n')[0]).toBe(
      'household_id,stratum,role,visit,disposition,interviewer,recorded_at,aware_campaign,support_campaign,participate,satisfaction,core_values_heard,core_values_know,note',
    );
  });

  it('with --max-visits 3, revisits pass hhsurvey status --max-visits 3', async () => {
    await drawSample();
    const out = join(dir, 'responses-3.csv');
    const args = [
      'synth',
      'responses',
      samplePath,
      '--rate',
      '0.9',
      '--response-rate',
      '0.6',
      '--max-visits',
      '3',
    ];
    expect((await runCli([...args, '--seed', 'v3', '-o', out])).code).toBe(0);
    expect(readFileSync(out, 'utf8')).toMatch(/,not_home,synth-\d+,[^,]+,+\r\n[\s\S]*,[23],complete,/);
    const status = await runCli(['status', samplePath, '--responses', out, '--max-visits', '3', '--json']);
    expect(status.code).toBe(0);
    expect((JSON.parse(status.stdout) as { problems: unknown[] }).problems).toEqual([]);
  });

  it('is byte-identical on a rerun; stdout without -o', async () => {
    await drawSample();
    const args = ['synth', 'responses', samplePath, '--rate', '0.9', '--seed', 'r2'];
    const a = await runCli(args);
    const b = await runCli(args);
    expect(a.code).toBe(0);
    expect(a.stdout).toBe(b.stdout);
    expect(a.stdout.length).toBeGreaterThan(1000);
    const c = await runCli([...args.slice(0, -1), 'r3']);
    expect(c.stdout).not.toBe(a.stdout);
  });

  it('takes per-stratum rates from a CSV (the community name is enough)', async () => {
    await drawSample();
    const rates = join(dir, 'rates.csv');
    writeFileSync(rates, 'stratum,indicator,rate\n南全福社区,awareness,0\n利农社区,awareness,100%\n');
    const r = await runCli([
      'synth',
      'responses',
      samplePath,
      '--rates',
      rates,
      '--rate',
      '0.9',
      '--response-rate',
      '1',
      '--seed',
      'r4',
    ]);
    expect(r.code).toBe(0);
    const lines = r.stdout
      .trim()
      .split('\r\n')
      .slice(1)
      .map((l) => l.split(','));
    const aware = (s: string) => lines.filter((f) => f[1] === `全福街道 / ${s}`).map((f) => f[7]);
    expect(aware('南全福社区').every((a) => a === '2')).toBe(true);
    expect(aware('利农社区').every((a) => a === '1')).toBe(true);
    expect(aware('南全福社区')).toHaveLength(22);
  });

  it('reports every problem with the rates and options, exit 2', async () => {
    await drawSample();
    const rates = join(dir, 'bad-rates.csv');
    writeFileSync(rates, 'stratum,indicator,rate\n南全福社区,awarenes,0.9\n南全福社区,support,2\n');
    const r = await runCli([
      'synth',
      'responses',
      samplePath,
      '--rates',
      rates,
      '--rate',
      'awareness=0.99',
      '--rate',
      '0.9',
      '--not-sure',
      '0.05',
      '--seed',
      'x',
    ]);
    expect(r.code).toBe(2);
    expect(r.stderr.split('\n').filter((l) => l !== '')).toEqual([
      `${rates}:3: rate: must be a rate between 0 and 1 (0.93 or 93%), got "2"`,
      `${rates}:2: unknown indicator "awarenes" (the standard has awareness, support, participation, satisfaction, core_values)`,
      'hhsurvey: 2 problems with the synthetic responses',
    ]);
    const r2 = await runCli([
      'synth',
      'responses',
      samplePath,
      '--rate',
      'awareness=0.99',
      '--rate',
      '0.9',
      '--not-sure',
      '0.05',
      '--seed',
      'x',
    ]);
    expect(r2.code).toBe(2);
    expect(r2.stderr).toMatch(/awareness: true rate 0.99 and not-sure share 0.05 leave no room/);
    const r3 = await runCli(['synth', 'responses', samplePath, '--rate', '0.9']);
    expect(r3.code).toBe(2);
    expect(r3.stderr).toMatch(/required option '--seed <text>' not specified/);
    const r4 = await runCli(['synth', 'responses', join(dir, 'nope.csv'), '--rate', '0.9', '--seed', 'x']);
    expect(r4.code).toBe(2);
    expect(r4.stderr).toMatch(/nope\.csv: no such file/);
  });
});
