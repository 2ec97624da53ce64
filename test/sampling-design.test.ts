import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { VERSION } from '../src/core/version.js';
import { manifestParameters } from '../src/sampling/manifest.js';
import { designFromManifest, manifestSchema } from '../src/sampling/manifest-read.js';
import { ROOT, runCli } from './helpers/run-cli.js';

/**
 * One sampling design: `sample` writes its manifest through manifestParameters and `verify` reads it
 * back through designFromManifest. The golden manifests in test/golden/manifests were written by
 * hhsurvey before the design had one type; the manifests written now must be the same bytes.
 */
const golden = join(ROOT, 'test/golden/manifests');
const cases = JSON.parse(readFileSync(join(golden, 'cases.json'), 'utf8')) as {
  name: string;
  args: string[];
}[];
const tmp = mkdtempSync(join(tmpdir(), 'hh-design-'));
writeFileSync(join(tmp, 'prior.csv'), 'stratum,rate\n全福街道/南全福社区,0.9\n全福街道/利农社区,0.6\n');
writeFileSync(join(tmp, 'exclude.csv'), 'household_id\nH0000001\nH0000002\n');
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const goldenText = (name: string) =>
  readFileSync(join(golden, `${name}.manifest.json`), 'utf8').replace(
    /"version": "[^"]*"/,
    `"version": ${JSON.stringify(VERSION)}`,
  );

describe('the sampling design and its manifest', () => {
  for (const c of cases) {
    it(`${c.name}: the manifest is byte for byte as before, and verify re-draws the list from it`, async () => {
      const dir = mkdtempSync(join(tmp, `${c.name}-`));
      const out = join(dir, 'sample.csv');
      const args = c.args.map((a) => a.replace('{tmp}', tmp));
      const r = await runCli([...args, '-o', out]);
      expect(r.code, r.stderr).toBe(0);
      expect(readFileSync(join(dir, 'sample.manifest.json'), 'utf8')).toBe(goldenText(c.name));
      const v = await runCli(['verify', out, '--roster', args[1]!]);
      expect(v.code, v.stderr).toBe(0);
      expect(v.stdout).toMatch(/^verified: all \d+ households are exactly the draw of seed m\d\n$/);
    });

    it(`${c.name}: design → manifest → design gives the same parameters`, () => {
      const m = manifestSchema.parse(JSON.parse(goldenText(c.name)));
      const { design, excludeIds, encoding, input } = designFromManifest(m);
      const p = m.parameters;
      const again = manifestParameters(design, {
        by: p.by,
        stratumColumns: p.stratum_columns ?? [],
        exclude: p.exclude,
        excludedIds: excludeIds,
        encoding,
        input,
      });
      expect(JSON.stringify(again, null, 2)).toBe(JSON.stringify(p, null, 2));
    });
  }

  it('sample and simulate offer the same design flags, declared once', async () => {
    const flags = (text: string) =>
      [...text.matchAll(/^ {2}(--[a-z-]+)/gm)]
        .map((x) => x[1]!)
        .filter((f) =>
          /^--(by|size|total|allocation|min-per-stratum|prior|prior-indicator|reserve|method|order|exclude|only|encoding|max-errors)$/.test(
            f,
          ),
        );
    const sample = await runCli(['sample', '--help']);
    const simulate = await runCli(['simulate', '--help']);
    expect(flags(sample.stdout)).toHaveLength(14);
    expect(flags(simulate.stdout)).toEqual(flags(sample.stdout));
  });
});
