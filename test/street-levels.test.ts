import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from './helpers/run-cli.js';

/**
 * `score` and `simulate --roster` roll communities up to the same streets (src/roster/street-roll-up.ts):
 * for the same roster and sampling options, the street level of the score report and the one the
 * simulation judges name the same streets with the same communities, or both have none.
 */
const dir = mkdtempSync(join(tmpdir(), 'hhsurvey-street-levels-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A roster of `[street, community, households]` rows (street null: no street column at all). */
function writeRoster(name: string, rows: [street: string | null, community: string, n: number][]): string {
  const withStreet = rows.some(([street]) => street !== null);
  const lines = [withStreet ? '户编号,街道,社区,楼栋,房号' : '户编号,社区,楼栋,房号'];
  let k = 0;
  for (const [street, community, n] of rows)
    for (let i = 0; i < n; i++, k++) {
      const id = `H${String(k + 1).padStart(6, '0')}`;
      const cells = [
        id,
        ...(withStreet ? [street ?? ''] : []),
        community,
        String((i % 9) + 1),
        String(101 + i),
      ];
      lines.push(cells.join(','));
    }
  writeFileSync(join(dir, name), `${lines.join('\n')}\n`);
  return name;
}

type Streets = Record<string, string[]>;

/** The score report's street level: street → its communities. */
async function scoredStreets(roster: string, by: string[]): Promise<Streets> {
  const base = roster.replace(/\.csv$/, '');
  const run = async (args: string[], exit = 0) => {
    const r = await runCli(args, { cwd: dir });
    expect(r.code, `${args.join(' ')}\n${r.stderr}`).toBe(exit);
  };
  await run(['sample', roster, ...by, '--size', '5', '--reserve', '1', '--seed', 's', '-o', `${base}-s.csv`]);
  await run(['synth', 'responses', `${base}-s.csv`, '--rate', '0.9', '--seed', 'r', '-o', `${base}-r.csv`]);
  await run([
    'score',
    `${base}-s.csv`,
    '--responses',
    `${base}-r.csv`,
    '--format',
    'json',
    '-o',
    `${base}-report.json`,
    '--no-fail',
  ]);
  const report = JSON.parse(readFileSync(join(dir, `${base}-report.json`), 'utf8')) as {
    levels: { level: string; group: string; strata: string[] }[];
  };
  return Object.fromEntries(
    report.levels.filter((l) => l.level === 'street').map((l) => [l.group, [...l.strata].sort()]),
  );
}

/** The street level `simulate --roster` judges: street → its communities (from results[].street). */
async function simulatedStreets(roster: string, by: string[]): Promise<Streets> {
  const r = await runCli(
    [
      'simulate',
      '--roster',
      roster,
      ...by,
      '--size',
      '5',
      '--reserve',
      '1',
      '--rate',
      '0.9',
      '--replicates',
      '50',
      '--seed',
      's',
      '--json',
    ],
    { cwd: dir },
  );
  expect(r.code, r.stderr).toBe(0);
  const json = JSON.parse(r.stdout) as {
    results: { stratum: string; street?: string }[];
    levels: { level: string; group: string }[];
  };
  const groups = new Set(json.levels.filter((l) => l.level === 'street').map((l) => l.group));
  const out: Streets = {};
  for (const g of groups)
    out[g] = [...new Set(json.results.filter((x) => x.street === g).map((x) => x.stratum))].sort();
  return out;
}

describe('score and simulate roll up to the same streets', () => {
  it('same-named communities under different streets stay apart, each under its own street', async () => {
    const roster = writeRoster('same-names.csv', [
      ['东街道', '和平社区', 12],
      ['东街道', '新华社区', 12],
      ['西街道', '和平社区', 12],
      ['西街道', '光明社区', 12],
    ]);
    const scored = await scoredStreets(roster, []);
    expect(scored).toEqual({
      东街道: ['东街道 / 和平社区', '东街道 / 新华社区'],
      西街道: ['西街道 / 光明社区', '西街道 / 和平社区'],
    });
    expect(await simulatedStreets(roster, [])).toEqual(scored);
  });

  it('a community whose street is blank stays out of the street level', async () => {
    const roster = writeRoster('blank-street.csv', [
      ['东街道', '和平社区', 12],
      ['东街道', '新华社区', 12],
      ['', '光明社区', 12],
    ]);
    const by = ['--by', '社区'];
    const scored = await scoredStreets(roster, by);
    expect(scored).toEqual({ 东街道: ['和平社区', '新华社区'] });
    expect(await simulatedStreets(roster, by)).toEqual(scored);
  });

  it('a roster without a street column has no street level', async () => {
    const roster = writeRoster('no-street.csv', [
      [null, '和平社区', 12],
      [null, '新华社区', 12],
    ]);
    expect(await scoredStreets(roster, [])).toEqual({});
    expect(await simulatedStreets(roster, [])).toEqual({});
  });

  it('strata that are the streets themselves have nothing between stratum and overall', async () => {
    const roster = writeRoster('by-street.csv', [
      ['东街道', '和平社区', 12],
      ['西街道', '光明社区', 12],
    ]);
    const by = ['--by', '街道'];
    expect(await scoredStreets(roster, by)).toEqual({});
    expect(await simulatedStreets(roster, by)).toEqual({});
  });
});
