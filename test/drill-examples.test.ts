import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ROOT, runCli } from './helpers/run-cli.js';
import { tempDir } from './helpers/roster.js';

interface Step {
  name?: string;
  run?: string;
  uses?: string;
  if?: string;
  with?: Record<string, string>;
}
interface Workflow {
  on: { schedule?: { cron: string }[] };
  env: Record<string, string>;
  jobs: Record<string, { steps: Step[] }>;
}

describe('examples/github-actions/weekly-drill.yml', () => {
  const wf = parse(readFileSync(join(ROOT, 'examples/github-actions/weekly-drill.yml'), 'utf8')) as Workflow;
  const steps = Object.values(wf.jobs)[0]!.steps;

  it('runs weekly, publishes the JUnit results and uploads the reports even when the drill fails', () => {
    expect(wf.on.schedule?.[0]?.cron).toBe('0 1 * * 1');
    const junit = steps.find((s) => s.uses?.startsWith('mikepenz/action-junit-report@'));
    const upload = steps.find((s) => s.uses?.startsWith('actions/upload-artifact@'));
    expect(junit?.with?.report_paths).toBe('${{ env.OUT }}/junit.xml');
    expect(upload?.with?.path).toBe('${{ env.OUT }}/');
    for (const s of [junit, upload]) expect(s?.if).toBe('${{ !cancelled() }}');
  });

  it('its drill command runs as written and leaves the files the later steps publish', async () => {
    const run = steps.find((s) => s.run?.includes('hhsurvey drill'))!.run!;
    const out = join(tempDir(), 'drill-output');
    const args = run
      .replace(/^npx hhsurvey /, '')
      .replace('"$DRILL"', wf.env.DRILL!)
      .replace('"$OUT"', out)
      .split(/\s+/);
    expect(args.slice(0, 2)).toEqual(['drill', 'examples/github-actions/drill.yaml']);
    const r = await runCli(args, { cwd: ROOT });
    expect(r.stderr).not.toMatch(/internal error/);
    // 0 or 1 by the verdict of the week's draw; never bad input.
    expect([0, 1]).toContain(r.code);
    expect(r.stdout).toMatch(/^每周模拟测评 2026-01-01（种子 2026-01-01）：(达标|未达标)/);
    for (const f of ['junit.xml', 'report.md', 'report.html', 'report.json', 'sample.csv', 'responses.csv'])
      expect(existsSync(join(out, f)), f).toBe(true);
  });
});
