import { isNode, LineCounter, parseDocument, type Document, type YAMLError } from 'yaml';
import type { z } from 'zod';
import { UserError, type Problem } from '../core/errors.js';
import type { Lang } from '../core/i18n.js';
import { t } from '../core/messages.js';
import { formatPath, issueProblems, safeParseIn, type PathProblem } from '../core/zod-text.js';
import { parseJsonText } from './json-text.js';
import { m } from './messages.js';
import { scopeLang } from './run-scope.js';
import { ym } from './yaml.messages.js';

/**
 * A YAML or JSON file read against a zod schema: every problem located at its line and field,
 * `file:line: path: message`, in the user's language. Standards and drill files (YAML), manifests
 * and score reports (JSON) are read by these two functions.
 */
export interface SchemaFileSpec<S extends z.ZodType> {
  schema: S;
  /** The headline of a file with problems. */
  problems: (file: string, n: number) => string;
  /** Problems the schema cannot see (cross-references), found on the raw data. */
  more?: (data: unknown) => PathProblem[];
  /** Throws one line when the data is not this kind of file at all (before the schema's problems). */
  kind?: (data: unknown) => void;
}

export interface YamlFileSpec<S extends z.ZodType> extends SchemaFileSpec<S> {
  /** The headline when the text is not YAML at all. */
  notYaml: (file: string) => string;
  /** Adjust the document before it becomes data (the drill file keeps `0x1` as text). */
  prepare?: (doc: Document) => void;
}

export function parseYamlFile<S extends z.ZodType>(
  source: string,
  file: string,
  spec: YamlFileSpec<S>,
  lang: Lang = scopeLang(),
): z.output<S> {
  const lineCounter = new LineCounter();
  // YAML 1.2 core schema: 2026-11-28 stays text, so `date:` needs no quotes.
  const doc = parseDocument(source, { lineCounter, uniqueKeys: true, prettyErrors: false });
  if (doc.errors.length > 0)
    throw new UserError(
      spec.notYaml(file),
      doc.errors.map((e) => syntaxProblem(e, file, lineCounter, lang)),
    );
  spec.prepare?.(doc);
  return validate(yamlToData(doc, file), file, spec, lang, () => ({ doc, lineCounter }));
}

/**
 * JSON text (a manifest, a score report) against a schema: a syntax error at its line and column,
 * problems at their lines. JSON.parse reads it; the YAML parser, which reads JSON too, is asked
 * only for the lines of problems found.
 */
export function parseJsonFile<S extends z.ZodType>(
  source: string,
  file: string,
  spec: SchemaFileSpec<S>,
  lang: Lang = scopeLang(),
): z.output<S> {
  const data = parseJsonText(source, file);
  return validate(data, file, spec, lang, () => {
    const lineCounter = new LineCounter();
    return { doc: parseDocument(source, { lineCounter }), lineCounter };
  });
}

function validate<S extends z.ZodType>(
  data: unknown,
  file: string,
  spec: SchemaFileSpec<S>,
  lang: Lang,
  lines: () => { doc: Document; lineCounter: LineCounter },
): z.output<S> {
  spec.kind?.(data);
  const result = safeParseIn(spec.schema, data, lang);
  const found = [
    ...(result.success ? [] : issueProblems(result.error.issues, lang)),
    ...(spec.more?.(data) ?? []),
  ];
  if (found.length === 0 && result.success) return result.data;
  const { doc, lineCounter } = lines();
  const located: Problem[] = found.map((p) => ({
    file,
    line: lineOf(doc, lineCounter, p.path),
    ...(p.path.length > 0 ? { field: formatPath(p.path) } : {}),
    message: p.message,
  }));
  located.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  throw new UserError(spec.problems(file, located.length), located);
}

function syntaxProblem(e: YAMLError, file: string, lc: LineCounter, lang: Lang): Problem {
  const { line, col } = lc.linePos(e.pos[0]);
  // The package's own text in English (its first line, without the position it repeats).
  const own = e.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
  if (lang === 'en') return { file, line, message: own };
  const kind = e.code in ym ? ym[e.code as keyof typeof ym] : ym.other;
  return { file, line, message: t(lang, ym.syntax, { column: col, kind: t(lang, kind) }) };
}

/** The line of the node at a path, or of its nearest ancestor that is in the file. */
function lineOf(doc: Document, lc: LineCounter, path: readonly (string | number)[]): number | undefined {
  for (let n = path.length; n >= 0; n--) {
    const node = doc.getIn(path.slice(0, n), true);
    if (isNode(node) && node.range) return lc.linePos(node.range[0]).line;
  }
  return undefined;
}

/**
 * A parsed YAML document as plain data, with aliases bounded: a "billion laughs" document (aliases
 * of aliases) is refused with one line instead of being expanded until memory runs out.
 */
function yamlToData(doc: Document, file: string): unknown {
  try {
    return doc.toJS({ maxAliasCount: 100 }) as unknown;
  } catch (err) {
    if (err instanceof Error && /alias/i.test(err.message))
      throw new UserError(t(scopeLang(), m.yamlAliases, { file }));
    throw err;
  }
}
