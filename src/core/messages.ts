import type { Lang } from './i18n.js';

/**
 * The message catalogue: every sentence a person sees has a Chinese and an English text, defined
 * once beside the code that uses it (`src/<area>/messages.ts`) and registered here so one test can
 * check that no message lacks a language. A text is a string or a function of the message's
 * parameters.
 *
 *   const m = defineMessages('roster', {
 *     noIdColumn: { zh: '没有户编号列', en: 'no household id column' },
 *     filled: { zh: (p: { n: number }) => `补全了 ${p.n} 个空单元格`, en: (p) => `filled ${p.n} blank cells` },
 *   });
 *   t(lang, m.filled, { n: 3 });
 */
export type Template<P> = string | ((p: P) => string);

export interface Message<P = void> {
  zh: Template<P>;
  en: Template<P>;
}

type AnyMessage = Message<never>;

const registry = new Map<string, Record<string, AnyMessage>>();

/** Register an area's messages (for the completeness test) and return them unchanged. */
export function defineMessages<const T extends Record<string, Message<never>>>(area: string, messages: T): T {
  if (registry.has(area) && registry.get(area) !== messages) {
    throw new Error(`message area "${area}" defined twice`);
  }
  registry.set(area, messages);
  return messages;
}

/** The parameters a message takes: none for plain texts, else its functions' argument. */
export type ParamsOf<M> = M extends { zh: infer Z; en: infer E }
  ? Z extends (p: infer P) => string
    ? [P]
    : E extends (p: infer P) => string
      ? [P]
      : []
  : [];

/** The text of a message in a language. */
export function t<M extends Message<never>>(lang: Lang, message: M, ...params: ParamsOf<M>): string {
  const template = message[lang] as Template<unknown>;
  return typeof template === 'function' ? template(params[0]) : template;
}

/** Both texts of a message, for places that keep a bilingual label (report data, file headers). */
export function both<M extends Message<never>>(
  message: M,
  ...params: ParamsOf<M>
): { zh: string; en: string } {
  return { zh: t('zh', message, ...params), en: t('en', message, ...params) };
}

/** Every registered area and its messages: for the catalogue tests. */
export function registeredMessages(): ReadonlyMap<string, Readonly<Record<string, AnyMessage>>> {
  return registry;
}

/**
 * A count for people, with thousands separators (1,296): the one number format of every message,
 * table and report, in both languages. Ids, codes and file data stay as they are.
 */
export function num(n: number): string {
  if (!Number.isSafeInteger(n) || Object.is(n, -0))
    return Number.isInteger(n) ? n.toLocaleString('en-US') : String(n);
  // Grouped by hand, digit for digit as toLocaleString('en-US') writes a whole number: the first
  // Intl formatter of a process loads ICU's number data (about 20 ms of every command's start-up).
  const digits = String(Math.abs(n));
  let out = digits.slice(0, ((digits.length - 1) % 3) + 1);
  for (let i = out.length; i < digits.length; i += 3) out += `,${digits.slice(i, i + 3)}`;
  return n < 0 ? `-${out}` : out;
}
