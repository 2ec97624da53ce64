import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readSampleList } from '../src/sampling/sample-file.js';
import { demoDrillZhRun, demoRun, demoZhRun, type SharedRun } from './helpers/shared-runs.js';

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
    // `drill data/demo/drill.yaml --out drill-output --lang zh`, a README example, run once.
    const [demo, drill] = await Promise.all([demoRun(), demoDrillZhRun()]);
    expect(drill.stderr).not.toMatch(/internal error/);
    expect(drill.code).toBe(1);
    const file = (r: SharedRun, out: string, f: string) => readFileSync(join(r.dir, out, f));
    for (const f of ['report.json', 'responses.csv'])
      expect(file(drill, 'drill-output', f), f).toEqual(file(demo, 'demo-output', f));
    // The same draw: the list's header and roles are in the language of the run.
    const list = async (r: SharedRun, out: string) =>
      (await readSampleList(join(r.dir, out, 'sample.csv'))).entries.map((e) => [
        e.stratum,
        e.role,
        e.rank,
        e.householdId,
      ]);
    const drawn = await list(demo, 'demo-output');
    expect(await list(drill, 'drill-output')).toEqual(drawn);
    expect(drawn.length).toBe(1581);
    // JUnit: the same suites with the same counts (names of roll-ups and messages are in the
    // language of the run).
    const counts = (r: SharedRun, out: string) =>
      [
        ...file(r, out, 'junit.xml')
          .toString('utf8')
          .matchAll(/<testsuites? [^>]*tests="(\d+)" failures="(\d+)"/g),
      ].map((m) => `${m[1]}/${m[2]}`);
    const suites = counts(demo, 'demo-output');
    expect(counts(drill, 'drill-output')).toEqual(suites);
    expect(suites[0]).toBe('350/7');
  });

  it('--lang zh prints Chinese', async () => {
    // `demo --out demo-output --lang zh`: the README's demo line in Chinese (test/language.test.ts), run once.
    const r = await demoZhRun();
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^需整改与需关注的社区和指标（按正式测评未达标风险排序）：\n/);
    expect(r.stdout).toMatch(/演示区模拟测评 2026-01-01（种子 demo-2026）：未达标：/);
  });
});
