import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, spawnCli } from './helpers/run-cli.js';
import { rosterCsv, tempDir, tinyRoster, writeRoster } from './helpers/roster.js';

const DRILL_FILES = [
  'drill.json',
  'junit.xml',
  'report.html',
  'report.json',
  'report.md',
  'responses.csv',
  'sample.csv',
  'sample.manifest.json',
  'sample.xlsx',
];

function fixture(drillYaml: string): string {
  const dir = tempDir();
  const rows = [
    ...tinyRoster({ 南全福社区: 160, 利农社区: 120 }, '全福街道'),
    ...tinyRoster({ 花园社区: 140 }, '洪家楼街道').map((r) => ({ ...r, id: r.id.replace('H', 'K') })),
  ];
  writeRoster(dir, 'roster.csv', rosterCsv(rows, { chinese: true, crlf: true, bom: true }));
  writeFileSync(join(dir, 'drill.yaml'), drillYaml);
  return dir;
}

const SYNTHETIC = `name: 测试演练
date: 2026-11-28
roster: roster.csv
seed: date
sampling:
  by: [street, community]
  size: 22
  reserve: 5
  method: systematic
synthetic:
  rates: { awareness: 0.97, support: 0.97, participation: 0.9, satisfaction: 0.95, core_values: 0.95 }
  strata:
    利农社区: { participation: 0.3 }
  response_rate: 0.85
`;

const bytes = (dir: string) =>
  Object.fromEntries(
    readdirSync(dir)
      .sort()
      .map((f) => [f, readFileSync(join(dir, f))]),
  );

interface Report {
  pass: boolean;
  strata: {
    stratum: string;
    pass: boolean | null;
    completes: number;
    indicators: { id: string; pass: boolean | null }[];
  }[];
  sample: string;
  responses: string[];
}

describe('hhsurvey drill: synthetic fieldwork end to end', () => {
  const dir = fixture(SYNTHETIC);

  it('writes sample, manifest, responses, reports and record; one line on stdout; exit 1 when a community fails', async () => {
    const r = await runCli(['drill', join(dir, 'drill.yaml'), '--out', join(dir, 'out')]);
    expect(r.stderr).not.toMatch(/internal error/);
    expect(r.code).toBe(1);
    expect(r.stdout.split('\n')).toHaveLength(2); // one line and its end
    expect(r.stdout).toMatch(
      /^测试演练 2026-11-28 \(seed 2026-11-28\): FAIL: 1 of 3 communities fail; .*; report .*out\/report\.html\n$/,
    );
    expect(r.stderr).toMatch(
      /^roster .*roster\.csv: 420 households, valid; drew 66 primary and 15 reserve households in 3 strata \(seed 2026-11-28\)$/m,
    );
    expect(r.stderr).toMatch(/^hhsurvey: FAIL: 1 of 3 communities fail/m);
    expect(readdirSync(join(dir, 'out')).sort()).toEqual(DRILL_FILES);
    const report = JSON.parse(readFileSync(join(dir, 'out', 'report.json'), 'utf8')) as Report;
    expect(report.pass).toBe(false);
    const failed = report.strata.filter((s) => s.pass === false).map((s) => s.stratum);
    expect(failed).toEqual(['全福街道 / 利农社区']);
    expect(report.sample).toBe('sample.csv');
    expect(report.responses).toEqual(['responses.csv']);
    const record = JSON.parse(readFileSync(join(dir, 'out', 'drill.json'), 'utf8')) as Record<
      string,
      unknown
    >;
    expect(record).toMatchObject({
      format: 'hhsurvey-drill',
      date: '2026-11-28',
      seed: '2026-11-28',
      seed_from: 'date',
      drill: { file: 'drill.yaml', name: '测试演练' },
      responses: { source: 'synthetic', seed: '2026-11-28/responses', response_rate: 0.85 },
      result: { pass: false, strata: 3, strata_failed: 1 },
    });
    const manifest = JSON.parse(readFileSync(join(dir, 'out', 'sample.manifest.json'), 'utf8')) as Record<
      string,
      unknown
    >;
    expect(manifest).toMatchObject({ seed: '2026-11-28', sample: { file: 'sample.csv' } });
    // The JUnit file names the failing community's failing indicator.
    expect(readFileSync(join(dir, 'out', 'junit.xml'), 'utf8')).toMatch(/<failure/);
  });

  it('reruns byte for byte: same folder, and another folder', async () => {
    const out = join(dir, 'rerun');
    await runCli(['drill', join(dir, 'drill.yaml'), '--out', out]);
    const first = bytes(out);
    const again = await runCli(['drill', join(dir, 'drill.yaml'), '--out', out]);
    expect(again.code).toBe(1);
    expect(bytes(out)).toEqual(first);
    const other = join(dir, 'elsewhere', 'out');
    await runCli(['drill', join(dir, 'drill.yaml'), '--out', other]);
    expect(bytes(other)).toEqual(first);
    expect(Object.keys(first).sort()).toEqual(DRILL_FILES);
  });

  it('the built bin: same exit code and stdout, and the same bytes as in-process', async () => {
    const out = join(dir, 'spawned');
    await runCli(['drill', join(dir, 'drill.yaml'), '--out', join(dir, 'inproc')]);
    const r = spawnCli(['drill', 'drill.yaml', '--out', 'spawned'], { cwd: dir });
    expect(r.stderr).not.toMatch(/internal error/);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(
      /^测试演练 2026-11-28 \(seed 2026-11-28\): FAIL: 1 of 3 communities fail; .*; report spawned\/report\.html\n$/,
    );
    expect(bytes(out)).toEqual(bytes(join(dir, 'inproc')));
  });

  it('--no-fail exits 0; --seed replaces the seed; --lang zh writes Chinese', async () => {
    const r = await runCli([
      'drill',
      join(dir, 'drill.yaml'),
      '--out',
      join(dir, 'nofail'),
      '--no-fail',
      '--seed',
      'other',
      '--lang',
      'zh',
    ]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^测试演练 2026-11-28（种子 other）：未达标：/);
    const record = JSON.parse(readFileSync(join(dir, 'nofail', 'drill.json'), 'utf8')) as Record<
      string,
      unknown
    >;
    expect(record).toMatchObject({ seed: 'other', seed_from: '--seed' });
    expect(readFileSync(join(dir, 'nofail', 'sample.csv'), 'utf8')).toMatch(
      /^\uFEFF抽样层,样本类型,顺序,户编号,/,
    );
    expect(readFileSync(join(dir, 'nofail', 'sample.csv'))).not.toEqual(
      readFileSync(join(dir, 'out', 'sample.csv')),
    );
  });

  it('takes ci and confidence from the drill file', async () => {
    const d = fixture(
      SYNTHETIC.replace('roster: roster.csv', 'roster: roster.csv\nci: clopper-pearson\nconfidence: 0.9'),
    );
    const r = await runCli(['drill', 'drill.yaml', '--out', 'out'], { cwd: d });
    expect(r.code).toBe(1);
    const report = JSON.parse(readFileSync(join(d, 'out', 'report.json'), 'utf8')) as Record<string, unknown>;
    expect(report).toMatchObject({ ci_method: 'clopper-pearson', confidence: 0.9 });
  });

  it('max_visits: households where nobody is home are revisited, and scoring agrees', async () => {
    const d = fixture(
      SYNTHETIC.replace('roster: roster.csv', 'roster: roster.csv\nmax_visits: 3').replace(
        'response_rate: 0.85',
        'response_rate: 0.6',
      ),
    );
    const r = await runCli(['drill', 'drill.yaml', '--out', 'out'], { cwd: d });
    // Scoring checks the fieldwork with the same number of visits: no complaint about visits or reserves.
    expect(r.stderr).not.toMatch(/--max-visits|out of order|needed replacing|internal error/);
    expect(r.code).toBe(1);
    expect(readFileSync(join(d, 'out', 'responses.csv'), 'utf8')).toMatch(/,[23],complete,/);
    const record = JSON.parse(readFileSync(join(d, 'out', 'drill.json'), 'utf8')) as Record<string, unknown>;
    expect(record).toMatchObject({ responses: { max_visits: 3 } });
  });

  it('exits 0 when every community passes', async () => {
    const d = fixture(
      SYNTHETIC.replace(/ {2}strata:\n.*\n/, '')
        .replace('response_rate: 0.85', 'response_rate: 1')
        .replace(/rates: \{.*\}/, 'rates: 1'),
    );
    const r = await runCli(['drill', 'drill.yaml', '--out', 'out'], { cwd: d });
    expect(r.stderr).not.toMatch(/internal error/);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(
      /^测试演练 2026-11-28 \(seed 2026-11-28\): PASS: 0 of 3 communities fail; .*; report out\/report\.html\n$/,
    );
  });

  it('without a date, seed: date takes today in China time (SOURCE_DATE_EPOCH)', async () => {
    const d = fixture(SYNTHETIC.replace('date: 2026-11-28\n', ''));
    // 2026-01-01T20:00:00Z is already 2 January in China.
    const r = await runCli(['drill', 'drill.yaml', '--out', 'out'], {
      cwd: d,
      env: { SOURCE_DATE_EPOCH: '1767297600' },
    });
    expect(r.stdout).toMatch(/^测试演练 2026-01-02 \(seed 2026-01-02\)/);
    const responses = readFileSync(join(d, 'out', 'responses.csv'), 'utf8');
    expect(responses.split('\r\n')[1]).toMatch(/,2026-01-02T(09|1\d):\d\d:00\+08:00,/);
  });
});

describe('hhsurvey drill: real responses', () => {
  it('scores responses files named in the drill, and copies them merged into the folder', async () => {
    const dir = fixture(SYNTHETIC);
    // Fieldwork "from two teams": the synthetic responses of a first run, split in two files.
    const first = await runCli(['drill', 'drill.yaml', '--out', 'synthetic'], { cwd: dir });
    expect(first.code).toBe(1);
    const lines = readFileSync(join(dir, 'synthetic', 'responses.csv'), 'utf8').split('\r\n');
    const [header, ...body] = lines.filter((l) => l !== '');
    const half = body.filter((l) => l.includes('利农社区'));
    writeFileSync(join(dir, 'team1.csv'), [header, ...half].join('\r\n') + '\r\n');
    writeFileSync(
      join(dir, 'team2.csv'),
      [header, ...body.filter((l) => !half.includes(l))].join('\r\n') + '\r\n',
    );
    writeFileSync(
      join(dir, 'real.yaml'),
      SYNTHETIC.replace(/synthetic:[\s\S]*$/, 'responses: [team1.csv, team2.csv]\n'),
    );
    const r = await runCli(['drill', 'real.yaml', '--out', 'real'], { cwd: dir });
    expect(r.stderr).not.toMatch(/internal error/);
    expect(r.code).toBe(1);
    const a = JSON.parse(readFileSync(join(dir, 'synthetic', 'report.json'), 'utf8')) as Report;
    const b = JSON.parse(readFileSync(join(dir, 'real', 'report.json'), 'utf8')) as Report;
    expect(b.strata).toEqual(a.strata);
    expect(b.responses).toEqual(['team1.csv', 'team2.csv']);
    // The merged copy holds every row, in time order.
    const merged = readFileSync(join(dir, 'real', 'responses.csv'), 'utf8')
      .split('\r\n')
      .filter((l) => l !== '');
    expect(merged).toHaveLength(body.length + 1);
    expect(new Set(merged)).toEqual(new Set([header, ...body]));
    const record = JSON.parse(readFileSync(join(dir, 'real', 'drill.json'), 'utf8')) as {
      responses: { source: string; files: { file: string }[] };
    };
    expect(record.responses.source).toBe('fieldwork');
    expect(record.responses.files.map((f) => f.file)).toEqual(['team1.csv', 'team2.csv']);
  });

  it('a responses file that does not match the sample is bad input (exit 2)', async () => {
    const dir = fixture(SYNTHETIC.replace(/synthetic:[\s\S]*$/, 'responses: team.csv\n'));
    writeFileSync(
      join(dir, 'team.csv'),
      'household_id,stratum,role,visit,disposition,interviewer,recorded_at\r\nX0001,利农社区,primary,1,refused,王,2026-11-28T10:00:00+08:00\r\n',
    );
    const r = await runCli(['drill', 'drill.yaml', '--out', 'out'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/team\.csv:2: household_id: household X0001 is not in the sample/);
    expect(r.stderr).toMatch(
      /these responses were not recorded on this draw \(seed 2026-11-28\): set the drill file's seed/,
    );
  });
});

describe('hhsurvey drill: bad input (exit 2)', () => {
  it('lists every problem of the drill file with its line and path', async () => {
    const dir = fixture(`roster: roster.csv
seed: 1
sampling:
  size: 22
  total: 40
  reserv: 2
synthetic:
  rates: { awareness: 1.3 }
  response_rate: "x"
`);
    const r = await runCli(['drill', 'drill.yaml'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      [
        'drill.yaml:5: sampling.total: give size or total, not both',
        'drill.yaml:6: sampling.reserv: unknown field (misspelt?)',
        'drill.yaml:8: synthetic.rates.awareness: must be a rate between 0 and 1 (0.93 or 93%), got 1.3',
        'drill.yaml:9: synthetic.response_rate: must be a rate between 0 and 1 (0.93 or 93%), got "x"',
        'hhsurvey: drill.yaml: 4 problems in the drill file',
        '',
      ].join('\n'),
    );
    expect(existsSync(join(dir, 'drill-output'))).toBe(false);
  });

  it('names unknown indicators, missing rates and files; never writes into a folder of other files', async () => {
    const dir = fixture(SYNTHETIC.replace('awareness: 0.97, ', 'awarenes: 0.97, '));
    const r = await runCli(['drill', 'drill.yaml', '--out', 'out'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^drill\.yaml: synthetic\.rates: unknown indicator "awarenes"/m);
    expect(r.stderr).toMatch(/no true rate for awareness/);

    const missing = await runCli(['drill', 'nope.yaml'], { cwd: dir });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe('hhsurvey: nope.yaml: no such file\n');

    const d2 = fixture(SYNTHETIC.replace('roster: roster.csv', 'roster: other.csv'));
    const r2 = await runCli(['drill', 'drill.yaml'], { cwd: d2 });
    expect(r2.code).toBe(2);
    expect(r2.stderr).toMatch(/other\.csv: no such file/);

    const d3 = fixture(SYNTHETIC);
    mkdirSync(join(d3, 'busy'));
    writeFileSync(join(d3, 'busy', 'notes.txt'), 'mine');
    const r3 = await runCli(['drill', 'drill.yaml', '--out', 'busy'], { cwd: d3 });
    expect(r3.code).toBe(2);
    expect(r3.stderr).toMatch(/busy: the folder holds other files \(notes\.txt\) and no drill\.json/);
    expect(readdirSync(join(d3, 'busy'))).toEqual(['notes.txt']);

    const r4 = await runCli(['drill', 'drill.yaml', '--out', '.'], { cwd: d3 });
    expect(r4.code).toBe(2);
  });
});

describe('hhsurvey init', () => {
  it('writes a starter folder that hhsurvey drill runs as is', async () => {
    const dir = tempDir();
    const r = await runCli(['init', 'my-drill'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe(
      'wrote my-drill/drill.yaml, my-drill/standard.yaml, my-drill/roster.csv\nnext: hhsurvey drill my-drill/drill.yaml --out my-drill/out\n',
    );
    expect(readdirSync(join(dir, 'my-drill')).sort()).toEqual(['drill.yaml', 'roster.csv', 'standard.yaml']);
    const d = await runCli(['drill', 'my-drill/drill.yaml', '--out', 'my-drill/out'], { cwd: dir });
    expect(d.stderr).not.toMatch(/internal error|warning/);
    // The starter has one weak community on purpose.
    expect(d.code).toBe(1);
    expect(d.stdout).toMatch(/^Starter drill 2026-01-01 \(seed 2026-01-01\): FAIL: /);
    const weak = /^ {4}(\S+): \{ participation/m.exec(
      readFileSync(join(dir, 'my-drill', 'drill.yaml'), 'utf8'),
    )![1]!;
    const report = JSON.parse(readFileSync(join(dir, 'my-drill', 'out', 'report.json'), 'utf8')) as Report;
    const participation = (s: Report['strata'][number]) =>
      s.indicators.find((i) => i.id === 'participation')!.pass;
    expect(report.strata.filter((s) => participation(s) === false).map((s) => s.stratum)).toEqual([
      expect.stringMatching(new RegExp(` / ${weak}$`)),
    ]);
    expect(readdirSync(join(dir, 'my-drill', 'out')).sort()).toEqual(DRILL_FILES);
    // The standard is a copy of the built-in one; the roster has 1,800 households.
    const check = await runCli(['check', 'my-drill/roster.csv', '--json'], { cwd: dir });
    expect(check.code).toBe(0);
    expect(check.stdout).toMatch(/"households": 1800/);
  });

  it('refuses to overwrite unless --force; init . writes into the current folder', async () => {
    const dir = tempDir();
    expect((await runCli(['init'], { cwd: dir })).code).toBe(0);
    const before = readFileSync(join(dir, 'roster.csv'));
    writeFileSync(join(dir, 'drill.yaml'), 'mine');
    const again = await runCli(['init', '.'], { cwd: dir });
    expect(again.code).toBe(2);
    expect(again.stderr).toBe(
      'hhsurvey: drill.yaml, standard.yaml, roster.csv: already there; use --force to overwrite, or another folder\n',
    );
    expect(readFileSync(join(dir, 'drill.yaml'), 'utf8')).toBe('mine');
    expect((await runCli(['init', '--force'], { cwd: dir })).code).toBe(0);
    expect(readFileSync(join(dir, 'roster.csv'))).toEqual(before);
    copyFileSync(join(dir, 'drill.yaml'), join(dir, 'copy.yaml'));
  });
});
