import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Lang } from '../core/i18n.js';
import { t } from '../core/messages.js';
import { tm } from './template.messages.js';
import { readUtf8File } from '../io/inputs.js';
import { registerStandard } from './logic.js';
import type { Standard } from './schema.js';

/** The standards shipped with hhsurvey, by id. */
export const BUILTIN_STANDARDS = ['national-mock'] as const;
export const DEFAULT_STANDARD = 'national-mock';

export function builtinStandardPath(id: string = DEFAULT_STANDARD): string {
  return fileURLToPath(new URL(`../../data/standards/${id}.yaml`, import.meta.url));
}

function isBuiltinName(s: string): boolean {
  return (BUILTIN_STANDARDS as readonly string[]).includes(s);
}

/** Where a --standard argument points: undefined or a built-in id → the shipped file. */
export function resolveStandardPath(
  file: string | undefined,
  cwd: string = process.cwd(),
): { path: string; label: string } {
  if (file === undefined || isBuiltinName(file)) {
    const id = file ?? DEFAULT_STANDARD;
    return { path: builtinStandardPath(id), label: `${id} (built-in)` };
  }
  return { path: isAbsolute(file) ? file : resolve(cwd, file), label: file };
}

/**
 * Read and validate a standard: a YAML or JSON file, or the built-in one when `file` is undefined
 * (or names a built-in standard). Throws a UserError listing every problem.
 *
 * A built-in standard is read from what `npm run build` made of it (scripts/build-standards.mjs:
 * the YAML parsed and validated by parseStandard, as JSON beside the compiled code) when that was
 * made from the YAML as it is now (its SHA-256): a command then loads neither the YAML parser nor
 * zod, about 0.2 s of every score, status and interview. Otherwise (the tests run the sources, or
 * the YAML changed since the build) the YAML is parsed here.
 */
export async function loadStandard(file: string | undefined, cwd?: string): Promise<Standard> {
  const { path, label } = resolveStandardPath(file, cwd);
  const text = readUtf8File(path, label);
  if (file === undefined || isBuiltinName(file)) {
    const built = prebuiltStandard(prebuiltPath(file ?? DEFAULT_STANDARD), text);
    if (built) return built;
  }
  const { parseStandard } = await import('./parse.js');
  return parseStandard(text, label);
}

/** Where the build writes a built-in standard as JSON. */
export function prebuiltPath(id: string): string {
  return fileURLToPath(new URL(`../standards/${id}.json`, import.meta.url));
}

/** The digest that ties a prebuilt standard to the YAML text it was made from. */
export function standardDigest(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/**
 * The standard the build made from `yamlText`, or undefined when there is no prebuilt file or it
 * was made from other text.
 */
export function prebuiltStandard(file: string, yamlText: string): Standard | undefined {
  let built: { source_sha256?: unknown; standard?: unknown };
  try {
    built = JSON.parse(readFileSync(file, 'utf8')) as typeof built;
  } catch {
    return undefined;
  }
  if (built.source_sha256 !== standardDigest(yamlText) || typeof built.standard !== 'object')
    return undefined;
  return registerStandard(built.standard as Standard);
}

/** The text of a built-in standard, comments and all (for `standard init`). */
export function builtinStandardText(id: string = DEFAULT_STANDARD): string {
  return readFileSync(builtinStandardPath(id), 'utf8');
}

/**
 * A standard's text for a person to edit, its comments in their language: the header that explains
 * the fields, and the notes beside thresholds and rules. The YAML itself is unchanged.
 */
export function standardTemplate(text: string, lang: Lang): string {
  const start = text.search(/^id:/m);
  const id = /^id:\s*(\S+)/m.exec(text)?.[1] ?? '';
  const body = (start > 0 ? text.slice(start) : text)
    .replaceAll(t('en', tm.drillDefault), t(lang, tm.drillDefault))
    .replaceAll(t('en', tm.notAsked), t(lang, tm.notAsked));
  return `${t(lang, tm.header, { id })}\n${body}`;
}
