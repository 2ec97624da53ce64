import { z } from 'zod';
import type { Lang } from './i18n.js';
import { t, type Message } from './messages.js';
import { stripControls } from './safe-text.js';
import { zm } from './zod-text.messages.js';

/**
 * zod's messages in the user's language, for every schema of a file people write by hand
 * (standards, drill files, score reports, manifests). The error map is passed to each parse, never
 * set globally: one process runs commands in both languages (the tests do).
 */

const LOCALES = { zh: z.locales.zhCN().localeError, en: z.locales.en().localeError };

/** The error map of one parse: "required" for a missing field, else zod's own text in the language. */
export function zodErrorMap(lang: Lang): z.core.$ZodErrorMap {
  return (iss) => {
    if (iss.code === 'invalid_type' && iss.input === undefined) return t(lang, zm.required);
    return LOCALES[lang](iss);
  };
}

/** A value as a message shows it: the start of a long text, "a list", "a mapping". */
export function describeValue(v: unknown, lang: Lang): string {
  if (v === undefined) return t(lang, zm.nothing);
  if (v === null) return 'null';
  // A whole file's text when it is no mapping at all (a CSV given as YAML): the start of it.
  if (typeof v === 'string')
    return `"${v.length > 40 ? `${stripControls(v.slice(0, 40))}…` : stripControls(v)}"`;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) return t(lang, zm.aList);
  return t(lang, zm.aMapping);
}

/**
 * The message for a value of the wrong type, in the language `lang()` gives when the message is
 * made: "required" when missing, else "must be <what>, got <value>".
 */
export function expectedMessage(what: Message, lang: () => Lang) {
  return (iss: { input?: unknown }): string => {
    const l = lang();
    return iss.input === undefined
      ? t(l, zm.required)
      : t(l, zm.mustBe, { what: t(l, what), got: describeValue(iss.input, l) });
  };
}

/** A zod issue path as people read it: `indicators[2].threshold`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let s = '';
  for (const p of path) s += typeof p === 'number' ? `[${p}]` : s === '' ? String(p) : `.${String(p)}`;
  return s;
}

export interface PathProblem {
  path: readonly (string | number)[];
  message: string;
}

/** A parse's issues, one per field: each unknown key is its own problem, at its own path. */
export function issueProblems(issues: readonly z.core.$ZodIssue[], lang: Lang): PathProblem[] {
  return issues.flatMap((iss) =>
    iss.code === 'unrecognized_keys'
      ? iss.keys.map((k) => ({
          path: [...(iss.path as (string | number)[]), k],
          message: t(lang, zm.unknownField),
        }))
      : [{ path: iss.path as (string | number)[], message: iss.message }],
  );
}

/** Validate with a schema, every message in `lang`. */
export function safeParseIn<S extends z.ZodType>(
  schema: S,
  data: unknown,
  lang: Lang,
): z.ZodSafeParseResult<z.output<S>> {
  return schema.safeParse(data, { error: zodErrorMap(lang) });
}
