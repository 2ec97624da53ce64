import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli } from './helpers/run-cli.js';

/** `sample` and `simulate --roster` check a design's flags with one function: the same problems, worded alike. */
const ROSTER = join(ROOT, 'fixtures/roster-utf8.csv');
const COMMANDS: Record<string, string[]> = {
  sample: ['sample', ROSTER, '--seed', 'x'],
  simulate: ['simulate', '--roster', ROSTER, '--rate', 'awareness=0.9', '--replicates', '10', '--seed', 'x'],
};

describe('the design flags, checked once for sample and simulate', () => {
  for (const [command, base] of Object.entries(COMMANDS)) {
    it(`${command}: the same lines in English and Chinese, exit 2`, async () => {
      for (const [flags, en, zh] of [
        [
          ['--size', '5', '--total', '40'],
          '--total: --size and --total cannot be used together',
          '--total: --size 与 --total 不能同时使用',
        ],
        [
          ['--allocation', 'neyman'],
          '--allocation: neyman allocation needs --total',
          '--allocation: neyman 分配需要 --total',
        ],
        [
          ['--prior', 'p.csv', '--size', '5'],
          '--prior: is used by --allocation neyman only',
          '--prior: 只用于 --allocation neyman',
        ],
      ] as const) {
        // sample: one line, as any usage error; simulate lists it among the form's other problems.
        const r = await runCli([...base, ...flags]);
        expect(r.code).toBe(2);
        expect(r.stderr).toBe(
          command === 'sample' ? `hhsurvey: ${en}\n` : `${en}\nhhsurvey: simulate: invalid options\n`,
        );
        const z = await runCli([...base, ...flags, '--lang', 'zh']);
        expect(z.code).toBe(2);
        expect(z.stderr).toBe(
          command === 'sample' ? `hhsurvey: ${zh}\n` : `${zh}\nhhsurvey: simulate：选项有误\n`,
        );
      }
    });
  }
});

describe('--only names a stratum the roster does not have', () => {
  it('one line in the user’s language, exit 2', async () => {
    const args = ['sample', 'fixtures/roster-utf8.csv', '--seed', 'x', '--only', 'nosuch'];
    const en = await runCli(args);
    expect(en.code).toBe(2);
    expect(en.stderr).toBe('hhsurvey: --only: no such stratum in fixtures/roster-utf8.csv: nosuch\n');
    const zh = await runCli([...args, '--lang', 'zh']);
    expect(zh.stderr).toBe('hhsurvey: --only：fixtures/roster-utf8.csv 中没有这些抽样层：nosuch\n');
  });
});
