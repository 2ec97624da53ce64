import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readRoster } from '../src/roster/read-roster.js';
import { drawSample } from '../src/sampling/draw.js';
import { runCli, spawnCli } from './helpers/run-cli.js';
import { rosterCsv, shuffled, tempDir, tinyRoster, writeRoster } from './helpers/roster.js';

const dir = tempDir();
const rows = tinyRoster({ 南全福社区: 120, 利农社区: 80, 小社区: 9 });
const base = writeRoster(dir, 'roster.csv', rosterCsv(rows));

interface JsonSample {
  households: {
    stratum: string;
    role: string;
    rank: number;
    household_id: string;
    fields: Record<string, string>;
    inclusion_prob: number | null;
    weight: number | null;
  }[];
}
async function sampleJson(file: string, extra: string[] = []): Promise<JsonSample> {
  const r = await runCli([
    'sample',
    file,
    '--seed',
    'drill-2026',
    '--reserve',
    '3',
    '--format',
    'json',
    ...extra,
  ]);
  expect(r.stderr).not.toMatch(/internal error/);
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout) as JsonSample;
}
const key = (s: JsonSample) => s.households.map((h) => `${h.stratum}|${h.role}|${h.rank}|${h.household_id}`);

describe('hhsurvey sample', () => {
  it('is a function of the roster as a set: shuffled rows, GB18030, CRLF, BOM and Chinese headers give the same sample', async () => {
    const a = await sampleJson(base);
    const gb = writeRoster(
      dir,
      'gb.csv',
      rosterCsv(shuffled(rows, 7), { chinese: true, crlf: true }),
      'gb18030',
    );
    const bom = writeRoster(
      dir,
      'bom.csv',
      rosterCsv(shuffled(rows, 3), { chinese: true, crlf: true, bom: true }),
    );
    expect(key(await sampleJson(gb))).toEqual(key(a));
    expect(key(await sampleJson(bom))).toEqual(key(a));
    expect(a.households.filter((h) => h.role === 'primary')).toHaveLength(22 + 22 + 9);
  });

  it('does not move a stratum when another stratum changes', async () => {
    const a = await sampleJson(base);
    const fewer = writeRoster(
      dir,
      'fewer.csv',
      rosterCsv(rows.filter((r) => !(r.community === '利农社区' && r.id.endsWith('7')))),
    );
    const b = await sampleJson(fewer);
    const only = (s: JsonSample, c: string) => key(s).filter((k) => k.startsWith(c));
    expect(only(b, '全福街道 / 南全福社区')).toEqual(only(a, '全福街道 / 南全福社区'));
    expect(only(b, '全福街道 / 利农社区')).not.toEqual(only(a, '全福街道 / 利农社区'));
  });

  it('gives every household the chance n/N whatever its place in the file (seeded frequency check)', async () => {
    // One stratum of N = 10 written in file order; over T seeds each household is a primary
    // Binomial(T, 3/10) times: tolerance 4.5 standard deviations.
    const p = writeRoster(dir, 'ten.csv', rosterCsv(tinyRoster({ 单层: 10 })));
    const frame = await readRoster(p, { by: ['community'] });
    const T = 4000;
    const counts = new Map<number, number>();
    for (let t = 0; t < T; t++) {
      const d = drawSample(frame, 'random', {
        seed: `f${t}`,
        method: 'random',
        size: 3,
        allocation: 'proportional',
        minPerStratum: 1,
        reserve: 0,
      });
      for (const row of d.strata[0]!.primaries) counts.set(row, (counts.get(row) ?? 0) + 1);
    }
    const sd = Math.sqrt(T * 0.3 * 0.7);
    for (let row = 0; row < 10; row++)
      expect(Math.abs((counts.get(row) ?? 0) - T * 0.3)).toBeLessThanOrEqual(4.5 * sd);
  });

  it('flags a stratum smaller than its sample, and --strict refuses it', async () => {
    const r = await runCli(['sample', base, '--seed', 's']);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/小社区 has only 9 households to draw from, fewer than 22: all are taken/);
    const strict = await runCli(['sample', base, '--seed', 's', '--strict']);
    expect(strict.code).toBe(2);
    expect(strict.stderr).toMatch(/--strict: 1 stratum is smaller/);
  });

  it('writes the sample list with roles, ranks, weights; Chinese headers, masks and formula escaping', async () => {
    const evil = rows.map((r, i) => (i === 0 ? { ...r, name: '=HYPERLINK("x")' } : r));
    const p = writeRoster(dir, 'evil.csv', rosterCsv(evil));
    const r = await runCli([
      'sample',
      p,
      '--seed',
      's',
      '--size',
      '120',
      '--only',
      '南全福社区',
      '--lang',
      'zh',
      '--bom',
    ]);
    expect(r.code).toBe(0);
    expect(r.stdout.startsWith('\uFEFF抽样层,样本类型,顺序,户编号,street,community,')).toBe(true);
    expect(r.stdout).toContain(`"'=HYPERLINK(""x"")"`);
    expect(r.stdout).toMatch(/南全福社区,正式,1,H\d{6},/);
    const masked = await runCli([
      'sample',
      p,
      '--seed',
      's',
      '--mask',
      'phone,head_name',
      '--only',
      '利农社区',
    ]);
    expect(masked.stdout).toMatch(/,测\*,100\*\*\*\*\d{4},/);
    expect(masked.stdout).not.toMatch(/,100\d{8},/);
    const lines = masked.stdout.trim().split('\r\n');
    expect(lines[0]).toBe(
      'stratum,role,rank,household_id,street,community,grid,building,unit,room,head_name,phone,size,inclusion_prob,weight',
    );
    expect(lines[1]).toMatch(/,0\.275,3\.6363636363636362$/); // 22/80 and 80/22
  });

  it('writes sample and manifest atomically, byte-identical on rerun, and verify re-creates the draw', async () => {
    const out = join(dir, 'sample.csv');
    const args = ['sample', base, '--seed', 'audit', '--reserve', '2', '-o', out];
    expect((await runCli(args)).code).toBe(0);
    const first = readFileSync(out);
    const manifest = readFileSync(join(dir, 'sample.manifest.json'), 'utf8');
    expect((await runCli(args)).code).toBe(0);
    expect(readFileSync(out).equals(first)).toBe(true);
    expect(readFileSync(join(dir, 'sample.manifest.json'), 'utf8')).toBe(manifest);
    const m = JSON.parse(manifest);
    expect(m).toMatchObject({
      seed: 'audit',
      rng: 'seedrandom-3.0.5/xor4096',
      created_at: '2026-01-01T08:00:00+08:00',
    });
    expect(m.roster.households).toBe(209);
    expect(m.strata).toHaveLength(3);

    const ok = await runCli(['verify', out, '--roster', base]);
    expect(ok.stdout).toMatch(/verified: all 57 households/);
    expect(ok.code).toBe(0);

    // A reshuffled GB18030 copy of the roster is the same set: verify still passes (with a note).
    const gb = writeRoster(dir, 'gb2.csv', rosterCsv(shuffled(rows, 11), { chinese: true }), 'gb18030');
    const ok2 = await runCli(['verify', out, '--roster', gb]);
    expect(ok2.code).toBe(0);
    expect(ok2.stderr).toMatch(/roster's bytes differ/);

    // Tamper: swap a sampled household for one that was not drawn.
    const text = first.toString('utf8');
    const victim = /\r\n全福街道 \/ 南全福社区,primary,1,(H\d{6}),/.exec(text)![1]!;
    const unused = rows.find((r) => r.community === '南全福社区' && !text.includes(r.id))!.id;
    const tampered = join(dir, 'tampered.csv');
    writeFileSync(tampered, text.replace(victim, unused));
    writeFileSync(join(dir, 'tampered.manifest.json'), manifest);
    const bad = await runCli(['verify', tampered, '--roster', base]);
    expect(bad.code).toBe(1);
    expect(bad.stdout).toContain(`added: ${unused}`);
    expect(bad.stdout).toContain(`removed: ${victim}`);
    expect(bad.stderr).toMatch(/verification failed: 2 differences/);
  });

  it('allocates a total across strata and records it', async () => {
    const r = await runCli([
      'sample',
      base,
      '--seed',
      's',
      '--total',
      '40',
      '--allocation',
      'proportional',
      '--format',
      'json',
    ]);
    expect(r.code).toBe(0);
    const s = JSON.parse(r.stdout) as { strata: { stratum: string; sample: number }[] };
    // 40 · (120, 80, 9)/209 = 22.97, 15.31, 1.72 → 23, 15, 2
    expect(s.strata.map((x) => [x.stratum, x.sample])).toEqual([
      ['全福街道 / 利农社区', 15],
      ['全福街道 / 南全福社区', 23],
      ['全福街道 / 小社区', 2],
    ]);
  });

  it('refuses a total too small for the minimum of every stratum rather than leave strata short', async () => {
    // minimum 10 each: 10 + 10 + 9 (the small stratum holds 9) = 29 needed
    const r = await runCli(['sample', base, '--seed', 's', '--total', '20', '--min-per-stratum', '10']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      'hhsurvey: --total 20 cannot give each of the 3 strata its minimum of 10 households (29 needed)',
    );
    const ok = await runCli([
      'sample',
      base,
      '--seed',
      's',
      '--total',
      '29',
      '--min-per-stratum',
      '10',
      '--format',
      'json',
    ]);
    expect(ok.code).toBe(0);
    const s = JSON.parse(ok.stdout) as { strata: { sample: number }[] };
    expect(s.strata.map((x) => x.sample)).toEqual([10, 10, 9]);
  });

  it('systematic sampling spreads the sample over the address order', async () => {
    const r = await runCli([
      'sample',
      base,
      '--seed',
      's',
      '--method',
      'systematic',
      '--size',
      '12',
      '--only',
      '南全福社区',
      '--format',
      'json',
    ]);
    expect(r.code).toBe(0);
    const s = JSON.parse(r.stdout) as JsonSample;
    const grids = s.households.map((h) => h.fields.grid);
    // 120 households in 3 grids of 40: k = 10 puts 4 in each grid.
    expect(['1', '2', '3'].map((g) => grids.filter((x) => x === g).length)).toEqual([4, 4, 4]);
  });

  it('excludes households listed in earlier samples', async () => {
    const out = join(dir, 'first.csv');
    await runCli(['sample', base, '--seed', 'one', '-o', out]);
    const firstIds = new Set([...readFileSync(out, 'utf8').matchAll(/,(H\d{6}),/g)].map((m) => m[1]));
    const second = await sampleJson(base, ['--exclude', out]);
    for (const h of second.households)
      if (h.stratum !== '全福街道 / 小社区') expect(firstIds.has(h.household_id)).toBe(false);
    // The weights keep the community's roster size (80 in 利农社区, 22 of them excluded): scoring
    // reads N_h = weight × primaries back for its finite population correction. Reserves: empty.
    const ln = (
      second.households as {
        stratum: string;
        role: string;
        inclusion_prob: number | null;
        weight: number | null;
      }[]
    ).filter((h) => h.stratum === '全福街道 / 利农社区');
    for (const h of ln.filter((x) => x.role === 'primary')) {
      expect(h.weight).toBe(80 / 22);
      expect(h.inclusion_prob).toBe(22 / 80);
    }
    expect(ln.filter((x) => x.role === 'reserve').length).toBe(3);
    for (const h of ln.filter((x) => x.role === 'reserve'))
      expect([h.weight, h.inclusion_prob]).toEqual([null, null]);
    const csvOut = join(dir, 'second.csv');
    await runCli(['sample', base, '--seed', 'drill-2026', '--reserve', '3', '--exclude', out, '-o', csvOut]);
    const { readSampleList } = await import('../src/sampling/sample-file.js');
    const list = await readSampleList(csvOut, { label: 'second.csv' });
    expect(list.strata.find((x) => x.key === '全福街道 / 利农社区')).toMatchObject({
      population: 80,
      primaries: 22,
      reserves: 3,
    });
    expect(readFileSync(csvOut, 'utf8')).toMatch(/\r\n全福街道 \/ 利农社区,reserve,1,H\d{6},.*,,\r\n/);
  });

  it('scores a community with 6 of its 7 households excluded on its roster size, not as a census of 1', async () => {
    const small = writeRoster(dir, 'seven.csv', rosterCsv(tinyRoster({ 七户社区: 7, 大社区: 40 })));
    const excl = join(dir, 'seven-excluded.csv');
    writeFileSync(excl, ['household_id', ...[1, 2, 3, 4, 5, 6].map((i) => `H00000${i}`)].join('\n') + '\n');
    const sample = join(dir, 'seven-sample.csv');
    const responses = join(dir, 'seven-responses.csv');
    const report = join(dir, 'seven-report.json');
    expect((await runCli(['sample', small, '--seed', 's7', '--exclude', excl, '-o', sample])).code).toBe(0);
    expect(readFileSync(sample, 'utf8')).toMatch(/,H000007,.*,0\.14285714285714285,7\r?\n/);
    expect(
      (
        await runCli([
          'synth',
          'responses',
          sample,
          '--rate',
          '1',
          '--response-rate',
          '1',
          '--seed',
          '1',
          '-o',
          responses,
        ])
      ).code,
    ).toBe(0);
    const r = await runCli([
      'score',
      sample,
      '--responses',
      responses,
      '--format',
      'json',
      '-o',
      report,
      '--no-fail',
    ]);
    expect(r.code).toBe(0);
    const scored = JSON.parse(readFileSync(report, 'utf8')) as {
      strata: {
        stratum: string;
        population: number;
        indicators: { favourable: number; eligible: number; ci: number[]; risk: number }[];
      }[];
    };
    const seven = scored.strata.find((s) => s.stratum === '全福街道 / 七户社区')!;
    expect(seven.population).toBe(7);
    const ind = seven.indicators[0]!;
    expect([ind.favourable, ind.eligible]).toEqual([1, 1]);
    // 1 favourable of 1 drawn from 7: K = 1 is the smallest count the exact interval keeps (a census
    // of 1 would give [1, 1]). Risk with a uniform prior, an official sample of 1: π(K) ∝ K/7,
    // P(fail | K) = (7 − K)/7, so Σ K(7 − K) / (7 Σ K) = 56/196.
    expect(ind.ci[0]).toBeCloseTo(1 / 7, 12);
    expect(ind.ci[1]).toBe(1);
    expect(ind.risk).toBeCloseTo(56 / 196, 12);
  });

  it('runs as the built bin with a generated seed printed on stderr', () => {
    const r = spawnCli(['sample', base, '--only', '小社区']);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/seed: [0-9a-f]{16} \(recorded/);
    expect(r.stdout.split('\r\n').filter((l) => l.startsWith('全福街道 / 小社区,primary'))).toHaveLength(9);
  });
});
