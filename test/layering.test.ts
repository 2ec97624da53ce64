import { resolve } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/**
 * The layering rules of eslint.config.js, run on small sources placed at real paths: each rule fires
 * where it should and stays quiet at the edges. Only no-restricted-imports runs, without type
 * information, so the check is quick and sees exactly the project's configuration.
 */
const root = resolve(import.meta.dirname, '..');
const eslint = new ESLint({
  cwd: root,
  ruleFilter: ({ ruleId }) => ruleId === 'no-restricted-imports',
  overrideConfig: { languageOptions: { parserOptions: { projectService: false } } },
});

async function complaints(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: resolve(root, file) });
  return (result?.messages ?? []).map((m) => `${m.ruleId ?? 'parse'}: ${m.message}`);
}

const readFs = "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;\n";
const readFsPromises = "import { readFile } from 'node:fs/promises';\nexport const x = readFile;\n";

describe('layering enforced by lint', () => {
  it('refuses file-system access in pure modules and command modules', async () => {
    for (const file of [
      'src/scoring/score-assessment.ts',
      'src/sampling/draw.ts',
      'src/cli/commands/init.ts',
      'src/core/percent.ts',
    ]) {
      const found = await complaints(file, readFs);
      expect(found, file).toHaveLength(1);
      expect(found[0]).toMatch(/^no-restricted-imports: 'node:fs' import is restricted.*I\/O edge/);
    }
    expect(await complaints('src/simulation/model.ts', readFsPromises)).toHaveLength(1);
  });

  it('allows it in the I/O edges listed in the configuration', async () => {
    for (const file of [
      'src/io/paths.ts',
      'src/sampling/sample-job.ts',
      'src/drill/run.ts',
      'src/fieldwork/store.ts',
      'src/standard/load.ts',
      'src/roster/read-roster.ts',
    ])
      expect(await complaints(file, readFs), file).toEqual([]);
  });

  it('keeps src/io free of domain modules', async () => {
    const found = await complaints(
      'src/io/csv-read.ts',
      "export { readRoster } from '../roster/read-roster.js';\n",
    );
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(/imports no domain module/);
    expect(
      await complaints(
        'src/io/csv-read.ts',
        "import { t } from '../core/messages.js';\nexport const f = t;\n",
      ),
    ).toEqual([]);
  });

  it('keeps schemas away from job modules', async () => {
    const found = await complaints(
      'src/drill/schema.ts',
      "import { runSampleJob } from '../sampling/sample-job.js';\nexport const f = runSampleJob;\n",
    );
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(/must not import a job module/);
    expect(
      await complaints(
        'src/standard/schema.ts',
        "import { runDrill } from '../drill/run.js';\nexport const f = runDrill;\n",
      ),
    ).toHaveLength(1);
    expect(await complaints('src/drill/schema.ts', readFs)).toHaveLength(1);
  });

  it("keeps planning off simulation's renderer helpers", async () => {
    const found = await complaints(
      'src/planning/render.ts',
      "import { renderSimple } from '../simulation/render.js';\nexport const f = renderSimple;\n",
    );
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(/Planning output has its own renderer/);
    expect(
      await complaints(
        'src/planning/render.ts',
        "import { passes } from '../simulation/pass-rule.js';\nexport const f = passes;\n",
      ),
    ).toEqual([]);
  });
});
