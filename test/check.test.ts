import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, spawnCli } from './helpers/run-cli.js';
import { rosterCsv, tempDir, tinyRoster, writeRoster } from './helpers/roster.js';

const dir = tempDir();
const rows = tinyRoster({ 南全福社区: 30, 利农社区: 12 });
const good = writeRoster(dir, 'good.csv', rosterCsv(rows, { chinese: true, crlf: true }), 'gb18030');

function bad(name: string, text: string | Buffer): string {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
}

describe('hhsurvey check', () => {
  it('summarises a GB18030 roster with Chinese headers by sub-district and community', async () => {
    const r = await runCli(['check', good]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/南全福社区\s*│\s*30/);
    expect(r.stdout).toMatch(/valid, 42 households in 2 strata, encoding gb18030/);
    expect(r.stderr).toMatch(/利农社区: only 12 households, fewer than a typical sample of 22/);
    const zh = await runCli(['check', good, '--lang', 'zh']);
    expect(zh.stdout).toMatch(/有效，42 户，2 个抽样层/);
    const json = await runCli(['check', good, '--json']);
    const s = JSON.parse(json.stdout);
    expect(s).toMatchObject({ households: 42, encoding: 'gb18030', by: ['street', 'community'] });
    expect(s.strata).toEqual([
      { stratum: '全福街道 / 利农社区', values: ['全福街道', '利农社区'], households: 12 },
      { stratum: '全福街道 / 南全福社区', values: ['全福街道', '南全福社区'], households: 30 },
    ]);
  });

  it('accepts header variants: spaces, full-width brackets, case', async () => {
    const p = bad(
      'variants.csv',
      ' Household ID ,社区（名称）,户主姓名(必填),常住人口\nH1,甲社区,测甲,3\nH2,甲社区,测乙,\n',
    );
    const r = await runCli(['check', p, '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).columns).toEqual({ household_id: 0, community: 1, head_name: 2, size: 3 });
  });

  it('reports every problem as file:line: field: message, then exits 2', async () => {
    const text =
      'household_id,community,head_name,size\n' +
      'H1,甲社区,测甲,3\n' +
      'H2,甲社区,测乙,three\n' +
      'H1,乙社区,测丙,2\n' +
      ',乙社区,测丁,2\n' +
      'H5,,测戊,1\n' +
      'H6,乙社区,测己\n';
    const p = bad('problems.csv', text);
    const r = await runCli(['check', p]);
    expect(r.code).toBe(2);
    const lines = r.stderr.trim().split('\n');
    expect(lines).toEqual([
      `${p}:3: size: not a whole number: "three"`,
      `${p}:4: household_id: duplicate household id "H1" (first on line 2)`,
      `${p}:5: household_id: empty household id`,
      `${p}:6: community: 1 household has an empty stratum value (line 6); blank cells below a filled one are what merged cells leave: add --fill-down community`,
      `${p}:7: ragged row: 3 fields, the header has 4`,
      `hhsurvey: ${p}: invalid roster: 5 problems`,
    ]);
    expect(r.stderr).not.toMatch(/测/); // no names in messages
    const capped = await runCli(['check', p, '--max-errors', '2']);
    expect(capped.stderr).toMatch(/5 problems \(3 more not shown; --max-errors to see more\)/);
  });

  it('gives one clear line and exit 2 for files that are not rosters', async () => {
    const sub = join(dir, 'folder');
    mkdirSync(sub);
    const cases: [string, RegExp][] = [
      [join(dir, 'nope.csv'), /nope\.csv: no such file$/],
      [sub, /folder: is a directory, not a file$/],
      [bad('empty.csv', ''), /empty\.csv: the file is empty$/],
      [
        bad('header.csv', 'household_id,community\r\n'),
        /header\.csv: the roster has a header but no households$/,
      ],
      [
        bad('bin.csv', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d])),
        /bin\.csv: this is a binary file, not CSV text$/,
      ],
      [bad('quote.csv', 'household_id,community\nH1,"甲社区\nH2,乙社区\n'), /quote\.csv:2: unclosed quote/],
      [bad('noid.csv', 'name,community\nx,y\n'), /noid\.csv:1: no household id column/],
      [bad('noby.csv', 'household_id,street\nH1,y\n'), /noby\.csv:1: no stratum column "community"/],
    ];
    for (const [file, re] of cases) {
      const r = await runCli(['check', file]);
      expect(r.code, file).toBe(2);
      const lines = r.stderr.trim().split('\n');
      expect(lines, r.stderr).toHaveLength(1);
      expect(lines[0]).toMatch(re);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
  });

  it('as the built bin: exit codes, --help with examples, usage errors', () => {
    const ok = spawnCli(['check', good]);
    expect(ok.code).toBe(0);
    const help = spawnCli(['check', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/Examples:\n\s+hhsurvey check/);
    const usage = spawnCli(['check']);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toMatch(/missing required argument 'roster'/);
    const missing = spawnCli(['check', 'missing.csv']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe('hhsurvey: missing.csv: no such file\n');
  });
});
