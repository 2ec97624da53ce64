import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './helpers/run-cli.js';
import { tempDir } from './helpers/roster.js';
import { demoRun } from './helpers/shared-runs.js';

interface Report {
  pass: boolean;
  strata: {
    stratum: string;
    indicators: { id: string; pass: boolean | null; too_close: boolean; group: string }[];
  }[];
}

/** The weak communities of data/demo/drill.yaml and the indicator each is weak in. */
const WEAK: [string, string][] = [
  ['全福街道 / 南全福社区', 'awareness'],
  ['港沟街道 / 港沟社区', 'participation'],
  ['华山街道 / 华山北社区', 'satisfaction'],
  ['鲍山街道 / 东源社区', 'core_values'],
];

describe('the demo drill', () => {
  const dir = tempDir();

  it('hhsurvey demo runs it, prints what to rectify and the verdict, and exits 0 although communities fail', async () => {
    // Run once for the suite (the browser test reads the same report).
    const r = await demoRun();
    expect(r.stderr).not.toMatch(/internal error/);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(
      /^Communities and indicators to rectify or watch \(ranked by risk of failing the official check\):\n/,
    );
    expect(r.stdout).toMatch(/\n\d+ more results at risk: see the report\.\n/);
    expect(r.stdout).toMatch(
      /\n演示区模拟测评 2026-01-01 \(seed demo-2026\): FAIL: \d+ of 60 communities fail; .*; report demo-output\/report\.html\n$/,
    );
    for (const [community] of WEAK) expect(r.stdout).toContain(community);
    expect(r.stderr).toMatch(/this was the demo: it exits 0 whatever the verdict/);
    expect(readdirSync(join(r.dir, 'demo-output')).sort()).toEqual([
      'drill.json',
      'junit.xml',
      'report.html',
      'report.json',
      'report.md',
      'responses.csv',
      'sample.csv',
      'sample.manifest.json',
      'sample.xlsx',
    ]);
    // The communities weak on purpose fail in the indicator they are weak in, and not by a hair.
    const report = JSON.parse(readFileSync(join(r.dir, 'demo-output', 'report.json'), 'utf8')) as Report;
    expect(report.pass).toBe(false);
    for (const [community, indicator] of WEAK) {
      const i = report.strata
        .find((s) => s.stratum === community)!
        .indicators.find((x) => x.id === indicator)!;
      expect(i, `${community} ${indicator}`).toMatchObject({
        pass: false,
        too_close: false,
        group: 'fails_now',
      });
    }
  });

  it('hhsurvey drill on the same file keeps the drill exit code (1) and writes the same files', async () => {
    const demo = await demoRun();
    const r = await runCli(['drill', 'data/demo/drill.yaml', '--out', join(dir, 'drill-output')]);
    expect(r.code).toBe(1);
    for (const f of ['report.json', 'junit.xml', 'sample.csv', 'responses.csv'])
      expect(readFileSync(join(dir, 'drill-output', f)), f).toEqual(
        readFileSync(join(demo.dir, 'demo-output', f)),
      );
  });

  it('--lang zh prints Chinese', async () => {
    const r = await runCli(['demo', '--out', 'zh', '--lang', 'zh'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^需整改与需关注的社区和指标（按正式测评未达标风险排序）：\n/);
    expect(r.stdout).toMatch(/演示区模拟测评 2026-01-01（种子 demo-2026）：未达标：/);
  });
});
