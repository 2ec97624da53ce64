import { resolve } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/**
 * One message catalogue (issue 9): the lint rule of eslint.config.js that refuses a branch on the
 * language outside src/core, run on small sources placed at real paths, so a `lang === 'zh' ? … :
 * …` cannot come back. `npm run static` runs the same rule over the whole of src/.
 */
const root = resolve(import.meta.dirname, '..');
const eslint = new ESLint({
  cwd: root,
  ruleFilter: ({ ruleId }) => ruleId === 'no-restricted-syntax',
  overrideConfig: { languageOptions: { parserOptions: { projectService: false } } },
});

async function complaints(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: resolve(root, file) });
  return (result?.messages ?? []).map((m) => m.message);
}

describe('no branch on the language outside the catalogue', () => {
  const branches = [
    "export const f = (lang: string) => (lang === 'zh' ? '达标' : 'pass');\n",
    "export const f = (ctx: { lang: string }) => (ctx.lang !== 'en' ? '达标' : 'pass');\n",
    "export const f = (l: string) => ('zh' == l ? '达标' : 'pass');\n",
    'export const f = (lang: string) => { const zh = lang === "zh"; return zh; };\n',
    "export const f = (zh: boolean) => (zh ? '达标' : 'pass');\n",
  ];

  it('refuses them in report, command and domain modules', async () => {
    for (const file of ['src/report/terminal.ts', 'src/cli/commands/sample.ts', 'src/simulation/render.ts'])
      for (const code of branches) {
        const found = await complaints(file, code);
        expect(found, `${file}: ${code}`).toHaveLength(1);
        expect(found[0]).toMatch(/message catalogue/);
      }
  });

  it('allows the language helpers in src/core, tests, and comparisons that choose no text', async () => {
    expect(await complaints('src/core/lang-formats.ts', branches[0]!)).toEqual([]);
    expect(await complaints('src/report/report.test.ts', branches[0]!)).toEqual([]);
    for (const code of [
      "export const f = (lang: 'zh' | 'en') => ({ zh: '达标', en: 'pass' })[lang];\n",
      "export const f = (o: { lang?: string }) => o.lang === undefined;\n",
      "export const f = (id: string) => id === 'zhejiang';\n",
    ])
      expect(await complaints('src/report/terminal.ts', code), code).toEqual([]);
  });
});
