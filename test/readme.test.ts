import { mkdtempSync, readFileSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, spawnCli } from './helpers/run-cli.js';

/**
 * Docs that run: every `$ hhsurvey ...` line in a ```console block of the README is executed, in
 * order, in one scratch folder where `data/` is the repository's data. A line may end with
 * `# exit N` when it is meant to fail.
 */
interface Example {
  line: number;
  args: string[];
  exit: number;
}

export function readmeExamples(text: string): Example[] {
  const out: Example[] = [];
  let inConsole = false;
  text.split('\n').forEach((raw, i) => {
    if (/^```console\s*$/.test(raw)) inConsole = true;
    else if (/^```/.test(raw)) inConsole = false;
    else if (inConsole && raw.startsWith('$ hhsurvey ')) {
      const m = /\s+#\s*exit\s+(\d+)\s*$/.exec(raw);
      const cmd = (m ? raw.slice(0, m.index) : raw).slice('$ hhsurvey '.length);
      out.push({ line: i + 1, args: cmd.trim().split(/\s+/), exit: m ? Number(m[1]) : 0 });
    }
  });
  return out;
}

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
