import { mkdtempSync, readFileSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readmeExamples } from './helpers/readme.js';
import { ROOT, spawnCli } from './helpers/run-cli.js';

describe('README examples', () => {
  const examples = readmeExamples(readFileSync(join(ROOT, 'README.md'), 'utf8'));
  const cwd = mkdtempSync(join(tmpdir(), 'hhsurvey-readme-'));
  symlinkSync(join(ROOT, 'data'), join(cwd, 'data'));
  symlinkSync(join(ROOT, 'fixtures'), join(cwd, 'fixtures'));

  it('has examples for every command it documents', () => {
    expect(examples.length).toBeGreaterThan(5);
  });

  for (const ex of examples)
    it(`README.md:${ex.line}: hhsurvey ${ex.args.join(' ')}`, () => {
      const r = spawnCli(ex.args, { cwd });
      expect(r.stderr).not.toMatch(/internal error/);
      expect(r.code, r.stderr).toBe(ex.exit);
    });
});
