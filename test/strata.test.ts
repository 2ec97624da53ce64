import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './helpers/run-cli.js';
import { rosterCsv, tempDir, tinyRoster, writeRoster } from './helpers/roster.js';

const dir = tempDir();
// 和平社区 in two sub-districts, 60 households each, ids numbered across the whole roster.
const east = tinyRoster({ 和平社区: 60, 利农社区: 30 }, '全福街道');
const west = tinyRoster({ 和平社区: 60 }, '华山街道').map((h, i) => ({
  ...h,
  id: `H${String(east.length + i + 1).padStart(6, '0')}`,
}));
const clash = writeRoster(dir, 'clash.csv', rosterCsv([...east, ...west], { chinese: true }));

interface JsonSample {
  strata: { stratum: string; sample: number }[];
  households: { stratum: string; role: string }[];
}

describe('strata identified by sub-district and community', () => {
  it('samples each same-named community on its own by default: 22 + 22 where 44 are due', async () => {
    const r = await runCli(['sample', clash, '--seed', 's1', '--format', 'json']);
    expect(r.code).toBe(0);
    const s = JSON.parse(r.stdout) as JsonSample;
    expect(s.strata.map((x) => [x.stratum, x.sample])).toEqual([
      ['全福街道 / 利农社区', 22],
      ['全福街道 / 和平社区', 22],
      ['华山街道 / 和平社区', 22],
    ]);
    expect(s.households.filter((h) => h.stratum.endsWith('和平社区'))).toHaveLength(44);
  });

  it('check and sample agree on the strata', async () => {
    const c = await runCli(['check', clash, '--json']);
    expect(c.code).toBe(0);
    const checked = (JSON.parse(c.stdout) as { strata: { stratum: string }[] }).strata.map((x) => x.stratum);
    const s = await runCli(['sample', clash, '--seed', 's1', '--format', 'json']);
    const drawn = (JSON.parse(s.stdout) as JsonSample).strata.map((x) => x.stratum);
    expect(drawn).toEqual(checked);
  });

  it('refuses an explicit --by community that would pool them, naming both, in English and Chinese', async () => {
    for (const cmd of [
      ['sample', clash, '--seed', 's1', '--by', 'community'],
      ['check', clash, '--by', 'community'],
      ['simulate', '--roster', clash, '--rate', 'awareness=0.9', '--by', 'community', '--seed', 's1'],
    ]) {
      const r = await runCli(cmd);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr.trim().split('\n')).toEqual([
        `hhsurvey: ${clash}: --by community would pool same-named communities of different sub-districts into one stratum: 和平社区 (全福街道, 华山街道); use --by street,community (the default) to sample each community on its own`,
      ]);
    }
    const zh = await runCli(['sample', clash, '--seed', 's1', '--by', '社区', '--lang', 'zh'], {
      env: { LANG: 'zh_CN.UTF-8' },
    });
    expect(zh.code).toBe(2);
    expect(zh.stderr.trim()).toBe(
      `hhsurvey: ${clash}: --by 社区 会把不同街道的同名社区并为一个抽样层：和平社区（全福街道、华山街道）；请用 --by street,community（默认）按“街道 / 社区”分层，每个社区单独抽样`,
    );
  });

  it('records the stratum columns in the manifest, and verify re-draws from it', async () => {
    const out = join(dir, 'sample.csv');
    expect((await runCli(['sample', clash, '--seed', 's2', '--reserve', '2', '-o', out])).code).toBe(0);
    const m = JSON.parse(readFileSync(join(dir, 'sample.manifest.json'), 'utf8')) as {
      parameters: { by: string[]; stratum_columns: string[] };
    };
    expect(m.parameters.by).toEqual(['street', 'community']);
    expect(m.parameters.stratum_columns).toEqual(['街道', '社区']);
    const v = await runCli(['verify', out, '--roster', clash]);
    expect(v.stdout).toMatch(/verified: all 72 households/);
    expect(v.code).toBe(0);
  });

  it('keeps verifying a manifest written before stratum columns were recorded (--by community)', async () => {
    // An older sample: strata by community alone, manifest without stratum_columns.
    const plain = writeRoster(dir, 'plain.csv', rosterCsv(east, { chinese: true }));
    const out = join(dir, 'old.csv');
    expect((await runCli(['sample', plain, '--seed', 'old', '--by', 'community', '-o', out])).code).toBe(0);
    const mp = join(dir, 'old.manifest.json');
    const m = JSON.parse(readFileSync(mp, 'utf8')) as { parameters: Record<string, unknown> };
    delete m.parameters.stratum_columns;
    m.parameters.by = ['community'];
    writeFileSync(mp, JSON.stringify(m, null, 2) + '\n');
    expect(readFileSync(out, 'utf8')).toMatch(/\r\n和平社区,primary,1,H\d{6},/);
    const v = await runCli(['verify', out, '--roster', plain]);
    expect(v.code).toBe(0);
    expect(v.stdout).toMatch(/verified: all 44 households/);
  });

  it('lets interview and status name a stratum by its community when one sub-district has it', async () => {
    const out = join(dir, 'fw.csv');
    const plain = writeRoster(dir, 'fw-roster.csv', rosterCsv(east, { chinese: true }));
    expect((await runCli(['sample', plain, '--seed', 'fw', '-o', out])).code).toBe(0);
    const r = await runCli(
      ['interview', 'fw.csv', '--responses', 'fw-resp.csv', '--stratum', '利农社区', '--interviewer', '王芳'],
      { cwd: dir, stdin: 'quit\n' },
    );
    expect(r.stderr).toMatch(/全福街道 \/ 利农社区 · primary 1 of 22/);
    const ambiguous = await runCli(
      ['interview', 'sample.csv', '--responses', 'x.csv', '--stratum', '和平社区', '--interviewer', '王芳'],
      { cwd: dir, stdin: 'quit\n' },
    );
    expect(ambiguous.code).toBe(2);
    expect(ambiguous.stderr).toMatch(
      /"和平社区" is not a stratum of sample.csv \(全福街道 \/ 利农社区, 全福街道 \/ 和平社区, 华山街道 \/ 和平社区\)/,
    );
  });
});
