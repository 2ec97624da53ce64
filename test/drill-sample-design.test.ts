import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './helpers/run-cli.js';
import { rosterCsv, tempDir, tinyRoster, writeRoster } from './helpers/roster.js';

/**
 * A drill's sample step and `hhsurvey sample` go through one design → job function
 * (designJobOptions in src/sampling/sample-job.ts): the same design gives the same list, byte for
 * byte, and the same manifest but for its time and file name.
 */
const RATES = '{ awareness: 0.9, support: 0.9, participation: 0.9, satisfaction: 0.9, core_values: 0.9 }';

function folder(): string {
  const dir = tempDir();
  const rows = [
    ...tinyRoster({ 南全福社区: 160, 利农社区: 120 }, '全福街道'),
    ...tinyRoster({ 花园社区: 140 }, '洪家楼街道').map((r) => ({ ...r, id: r.id.replace('H', 'K') })),
  ];
  writeRoster(dir, 'roster.csv', rosterCsv(rows, { chinese: true, crlf: true, bom: true }));
  writeFileSync(join(dir, 'done.csv'), 'household_id\nH0001\nH0002\nK0003\n');
  return dir;
}

const manifestOf = (file: string) => {
  const m = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown> & {
    sample: Record<string, unknown>;
  };
  return { ...m, created_at: '', sample: { ...m.sample, file: '' } };
};

describe('the drill draws what hhsurvey sample draws for the same design', () => {
  for (const [name, yaml, flags] of [
    ['random, a size per stratum', '  size: 7\n  reserve: 2\n', ['--size', '7', '--reserve', '2']],
    [
      'systematic, a total, exclusions and strata limited',
      '  total: 15\n  method: systematic\n  exclude: [done.csv]\n  only: [利农社区, 花园社区]\n  reserve: 1\n',
      [
        '--total',
        '15',
        '--method',
        'systematic',
        '--exclude',
        'done.csv',
        '--only',
        '利农社区,花园社区',
        '--reserve',
        '1',
      ],
    ],
  ] as const) {
    it(name, async () => {
      const dir = folder();
      writeFileSync(
        join(dir, 'drill.yaml'),
        `roster: roster.csv\nseed: s-42\nsampling:\n${yaml}synthetic:\n  rates: ${RATES}\n`,
      );
      const drill = await runCli(['drill', 'drill.yaml', '--out', 'out', '--no-fail'], { cwd: dir });
      expect(drill.code, drill.stderr).toBe(0);
      const sample = await runCli(
        ['sample', 'roster.csv', '--seed', 's-42', ...flags, '--bom', '-o', 's.csv'],
        {
          cwd: dir,
        },
      );
      expect(sample.code, sample.stderr).toBe(0);
      const drawn = readFileSync(join(dir, 's.csv'));
      expect(drawn.toString('utf8').split('\n').length).toBeGreaterThan(10);
      expect(readFileSync(join(dir, 'out', 'sample.csv')).equals(drawn)).toBe(true);
      expect(manifestOf(join(dir, 'out', 'sample.manifest.json'))).toEqual(
        manifestOf(join(dir, 's.manifest.json')),
      );
    });
  }
});
