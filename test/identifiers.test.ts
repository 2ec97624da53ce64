import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli } from './helpers/run-cli.js';
import { makeFixture } from './helpers/fieldwork.js';
import { readSampleList } from '../src/sampling/sample-file.js';

/**
 * Identifiers are data: a standard whose question and indicator ids are names of JavaScript's
 * Object.prototype works like any other (it once wrote `function Object() { [native code] }` into
 * the responses file and scored 0 favourable).
 */
describe('identifiers from files never touch object prototypes (defect 8)', () => {
  it('a question and an indicator called constructor, through interview (piped) and score', async () => {
    const fx = await makeFixture({ size: 4, reserve: 1, communities: { 南全福社区: 12, 利农社区: 10 } });
    const standard = readFileSync(join(ROOT, 'data/standards/national-mock.yaml'), 'utf8')
      .replaceAll('aware_campaign', 'constructor')
      .replace(/- id: awareness\b/, '- id: constructor');
    writeFileSync(join(fx.dir, 'std.yaml'), standard);
    // aware, support, took part, satisfied, heard of, know the core values: all favourable.
    const complete = ['complete', '1', '1', '1', '1', '1', '1'];
    const input = Array.from({ length: 4 }, () => complete)
      .flat()
      .map((l) => `${l}\n`)
      .join('');
    const r = await runCli(
      [
        'interview',
        'sample.csv',
        '--responses',
        'resp.csv',
        '--interviewer',
        '王芳',
        '--stratum',
        '利农社区',
        '--standard',
        'std.yaml',
      ],
      { cwd: fx.dir, stdin: input },
    );
    expect(r.code, r.stderr).toBe(0);
    const responses = readFileSync(join(fx.dir, 'resp.csv'), 'utf8');
    expect(responses).not.toMatch(/function|native code/);
    expect(responses.split('\r\n')[0]).toContain('constructor');
    const s = await runCli(
      ['score', 'sample.csv', '--responses', 'resp.csv', '--standard', 'std.yaml', '--format', 'json'],
      { cwd: fx.dir },
    );
    expect(s.stderr).not.toMatch(/internal error/);
    const report = JSON.parse(s.stdout) as {
      strata: { stratum: string; indicators: { id: string; favourable: number; eligible: number }[] }[];
    };
    const stratum = report.strata.find((x) => x.stratum.endsWith('利农社区'))!;
    const ind = stratum.indicators.find((i) => i.id === 'constructor')!;
    expect(ind.eligible).toBe(4);
    expect(ind.favourable).toBe(4);
  });

  it('a sample list with columns named like prototype properties reads them as data', async () => {
    const fx = await makeFixture({ size: 2, reserve: 0, communities: { 甲社区: 4 } });
    const text = readFileSync(fx.sample, 'utf8');
    const [head, ...rest] = text.split('\r\n');
    writeFileSync(
      join(fx.dir, 'proto.csv'),
      [`${head},constructor,toString,__proto__`, ...rest.filter((l) => l).map((l) => `${l},a,b,c`)].join(
        '\r\n',
      ) + '\r\n',
    );
    const list = await readSampleList(join(fx.dir, 'proto.csv'));
    expect(list.entries).toHaveLength(2);
    for (const e of list.entries) {
      const fields = new Map(Object.entries(e.fields));
      expect(fields.get('constructor')).toBe('a');
      expect(fields.get('toString')).toBe('b');
      expect(Object.keys(e.fields)).toContain('__proto__');
    }
  });
});
