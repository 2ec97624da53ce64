import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  BUILTIN_STANDARDS,
  builtinStandardText,
  prebuiltStandard,
  standardDigest,
} from '../src/standard/load.js';
import { parseStandard } from '../src/standard/parse.js';
import { ROOT, spawnCli } from './helpers/run-cli.js';

/**
 * The built-in standard as the build leaves it (scripts/build-standards.mjs, run by `npm run
 * build` and so before the tests): what commands read instead of parsing the YAML with zod.
 */
describe('the prebuilt built-in standard', () => {
  it.each(BUILTIN_STANDARDS)(
    '%s: the build wrote exactly what parsing its YAML gives, tied to that YAML',
    (id) => {
      const file = join(ROOT, 'dist', 'standards', `${id}.json`);
      expect(existsSync(file), `${file} (npm run build)`).toBe(true);
      const yaml = builtinStandardText(id);
      const built = JSON.parse(readFileSync(file, 'utf8')) as { source_sha256: string; standard: unknown };
      expect(built.source_sha256).toBe(standardDigest(yaml));
      expect(built.standard).toStrictEqual(JSON.parse(JSON.stringify(parseStandard(yaml, id))));
      expect(prebuiltStandard(file, yaml)).toStrictEqual(built.standard);
    },
  );

  it('is not used once the YAML differs from what it was made from, nor when it is missing', () => {
    const file = join(ROOT, 'dist', 'standards', 'national-mock.json');
    const yaml = builtinStandardText('national-mock');
    expect(prebuiltStandard(file, `${yaml}\n# edited\n`)).toBeUndefined();
    const dir = mkdtempSync(join(tmpdir(), 'hhsurvey-'));
    expect(prebuiltStandard(join(dir, 'none.json'), yaml)).toBeUndefined();
    writeFileSync(join(dir, 'torn.json'), '{"source_sha256":');
    expect(prebuiltStandard(join(dir, 'torn.json'), yaml)).toBeUndefined();
  });

  it('the built bin shows it as the parsed YAML does (standard show --json)', () => {
    const spawned = spawnCli(['standard', 'show', '--json']);
    expect(spawned.code, spawned.stderr).toBe(0);
    expect(JSON.parse(spawned.stdout)).toStrictEqual(
      JSON.parse(JSON.stringify(parseStandard(builtinStandardText('national-mock'), 'national-mock'))),
    );
  });
});
