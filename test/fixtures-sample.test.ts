import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli } from './helpers/run-cli.js';

/** The committed fixtures (fixtures/README.md): one roster in five forms, bad rosters, header variants. */
const fx = (f: string) => join(ROOT, 'fixtures', f);

async function draw(file: string, extra: string[] = []): Promise<string[]> {
  const r = await runCli([
    'sample',
    file,
    '--seed',
    'fixtures',
    '--reserve',
    '4',
    '--method',
    'systematic',
    '--format',
    'json',
    ...extra,
  ]);
  expect(r.code, r.stderr).toBe(0);
  const s = JSON.parse(r.stdout) as {
    households: { stratum: string; role: string; rank: number; household_id: string }[];
  };
  return s.households.map((h) => `${h.stratum}|${h.role}|${h.rank}|${h.household_id}`);
}

describe('the same roster in every form gives the same sample', () => {
  it('UTF-8, UTF-8 BOM CRLF, GB18030, shuffled and English headers', async () => {
    const base = await draw(fx('roster-utf8.csv'));
    expect(base).toHaveLength(3 * (22 + 4));
    for (const f of [
      'roster-utf8-bom-crlf.csv',
      'roster-gb18030.csv',
      'roster-shuffled.csv',
      'roster-en.csv',
    ])
      expect(await draw(fx(f)), f).toEqual(base);
  });

  it('header variants read like the plain roster', async () => {
    const plain = await runCli(['check', fx('headers/variants-zh.csv'), '--json']);
    expect(plain.code).toBe(0);
    for (const f of ['variants-en.csv', 'aliases-zh.csv', 'extra-columns.csv']) {
      const r = await runCli(['check', fx(`headers/${f}`), '--json']);
      expect(r.code, f).toBe(0);
      expect(JSON.parse(r.stdout).strata, f).toEqual(JSON.parse(plain.stdout).strata);
    }
  });

  it('carries extra columns through and neutralises formula-like cells', async () => {
    const r = await runCli(['sample', fx('headers/extra-columns.csv'), '--seed', 'x', '--size', '20']);
    expect(r.code).toBe(0);
    expect(r.stdout.split('\r\n')[0]).toMatch(/,是否出租,备注,inclusion_prob,weight$/);
    expect(r.stdout).toContain(",'=1+2,");
    expect(r.stdout).toContain(",'@周末,");
  });
});

describe('bad rosters: every problem on its own line, exit 2', () => {
  const cases: [string, RegExp[]][] = [
    [
      'duplicate-ids.csv',
      [
        /duplicate-ids\.csv:8: 户编号: duplicate household id "H0000002" \(first on line 3\)/,
        /:11: 户编号: duplicate household id "H0000004" \(first on line 5\)/,
      ],
    ],
    ['empty-required.csv', [/:4: 户编号: empty household id/, /:7: 社区: 1 household has an empty stratum value \(line 7\)/]],
    [
      'ragged-row.csv',
      [/:5: ragged row: 11 fields, the header has 12/, /:9: ragged row: 13 fields, the header has 12/],
    ],
    ['unclosed-quote.csv', [/unclosed-quote\.csv:6: unclosed quote/]],
    [
      'non-numeric-size.csv',
      [
        /:3: 常住人口: not a whole number: "三"/,
        /:6: 常住人口: not a whole number: "3人"/,
        /:9: 常住人口: not a whole number: "N\/A"/,
      ],
    ],
    ['missing-column.csv', [/missing-column\.csv:1: no stratum column "community"/]],
    ['many-duplicates.csv', [/30 problems \(10 more not shown; --max-errors to see more\)/]],
    ['empty.csv', [/empty\.csv: the file is empty/]],
    ['header-only.csv', [/header-only\.csv: the roster has a header but no households/]],
    ['binary-png.csv', [/binary-png\.csv: this is a binary file/]],
    ['binary-xlsx.csv', [/binary-xlsx\.csv: not a readable \.xlsx workbook \(.+\); save it again as \.xlsx in Excel/]],
  ];
  for (const [file, patterns] of cases)
    it(file, async () => {
      const r = await runCli(['check', fx(`bad/${file}`)]);
      expect(r.code).toBe(2);
      for (const p of patterns) expect(r.stderr).toMatch(p);
      expect(r.stderr).not.toMatch(/\n\s+at /);
      expect(r.stdout).toBe('');
    });
});
