import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { UserError } from '../core/errors.js';
import { formatProblem } from '../core/errors.js';
import type { Lang } from '../core/i18n.js';
import { parseJsonFile, parseYamlFile } from './schema-file.js';

const schema = z.strictObject({
  name: z.string(),
  size: z.number().int().min(1),
  tags: z.array(z.string()),
  nested: z.strictObject({ on: z.boolean() }).optional(),
});

const spec = {
  schema,
  notYaml: (f: string) => `${f}: not YAML`,
  problems: (f: string, n: number) => `${f}: ${n}`,
};

function problemsOf(fn: () => unknown): { message: string; lines: string[] } {
  try {
    fn();
  } catch (err) {
    if (err instanceof UserError) return { message: err.message, lines: err.problems.map(formatProblem) };
    throw err;
  }
  throw new Error('no error');
}

const yaml = (src: string, lang: Lang) => problemsOf(() => parseYamlFile(src, 'f.yaml', spec, lang));

describe('parseYamlFile: every problem at its line and field, in the language asked', () => {
  it('returns the typed value of a valid file', () => {
    expect(parseYamlFile('name: a\nsize: 2\ntags: [x]\n', 'f.yaml', spec, 'en')).toEqual({
      name: 'a',
      size: 2,
      tags: ['x'],
    });
  });

  const bad = 'name: a\nsize: 0\nnested:\n  on: "yes"\n  colour: red\n';
  it('English', () => {
    const r = yaml(bad, 'en');
    expect(r.message).toBe('f.yaml: 4');
    expect(r.lines).toEqual([
      'f.yaml:1: tags: required',
      'f.yaml:2: size: Too small: expected number to be >=1',
      'f.yaml:4: nested.on: Invalid input: expected boolean, received string',
      'f.yaml:5: nested.colour: unknown field (misspelt?)',
    ]);
  });
  it('Chinese: zod’s own texts and the unknown field too', () => {
    const r = yaml(bad, 'zh');
    expect(r.lines).toEqual([
      'f.yaml:1: tags: 必填',
      'f.yaml:2: size: 数值过小：期望 number >=1',
      'f.yaml:4: nested.on: 无效输入：期望 boolean，实际接收 string',
      'f.yaml:5: nested.colour: 未知字段（是否拼错？）',
    ]);
  });
  it('one process, both languages: no global setting leaks from one parse to the next', () => {
    expect(yaml(bad, 'zh').lines[0]).toMatch(/必填/);
    expect(yaml(bad, 'en').lines[0]).toMatch(/required/);
    expect(schema.safeParse({}).error!.issues[0]!.message).toMatch(/^Invalid input/);
  });

  it('YAML syntax errors: the package’s text in English, kind and column in Chinese', () => {
    const indent = 'name: a\n  size: 2\ntags: []\n';
    expect(yaml(indent, 'en').message).toBe('f.yaml: not YAML');
    expect(yaml(indent, 'en').lines[0]).toMatch(/^f\.yaml:1: .*[Nn]ested mappings/);
    expect(yaml(indent, 'zh').lines[0]).toMatch(/^f\.yaml:1: YAML 语法错误（第 7 列）：一行里不能嵌套映射/);
    expect(yaml('name: a\nname: b\n', 'zh').lines).toEqual([
      'f.yaml:2: YAML 语法错误（第 1 列）：同一映射中的字段名重复',
    ]);
    expect(yaml('a:\n\tb: 1\n', 'zh').lines[0]).toMatch(
      /^f\.yaml:2: YAML 语法错误（第 1 列）：不能用 Tab 缩进/,
    );
  });

  it('extra problems (cross-references) join the schema’s, in line order', () => {
    const r = problemsOf(() =>
      parseYamlFile('name: a\nsize: 2\ntags: [x, y]\n', 'f.yaml', {
        ...spec,
        more: () => [{ path: ['tags', 1], message: 'no such tag' }],
      }),
    );
    expect(r.lines).toEqual(['f.yaml:3: tags[1]: no such tag']);
  });
});

describe('parseJsonFile', () => {
  it('a syntax error at its line and column, in both languages', () => {
    expect(problemsOf(() => parseJsonFile('{\n "name": "a",\n}', 'f.json', spec, 'en')).message).toMatch(
      /^f\.json:3: not valid JSON/,
    );
  });
  it('schema problems at the line of the field', () => {
    const r = problemsOf(() =>
      parseJsonFile('{\n "name": "a",\n "size": 1.5,\n "tags": []\n}\n', 'f.json', spec, 'zh'),
    );
    expect(r.lines).toEqual(['f.json:3: size: 无效输入：期望 int，实际接收 数字']);
  });
});
