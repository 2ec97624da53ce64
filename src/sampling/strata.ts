import { UserError } from '../core/errors.js';
import type { Lang } from '../core/i18n.js';
import { t } from '../core/messages.js';
import type { RosterFrame } from '../roster/read-roster.js';
import { m } from './strata.messages.js';
import { m as core } from '../core/core.messages.js';
import { punct } from '../core/punctuation.messages.js';

/**
 * Refuse strata that pool communities of the same name from different sub-districts (an explicit
 * `--by community` on a roster with 和平社区 under two sub-districts): each would get half its
 * sample, and every later step would inherit that without a word.
 */
export function assertNoStratumClash(frame: RosterFrame, lang: Lang, byText?: string): void {
  if (frame.clashes.length === 0) return;
  const clashes = frame.clashes
    .map((c) => t(lang, m.clashItem, { key: c.key, parents: c.parents.join(t(lang, core.listSep)) }))
    .join(t(lang, punct.semicolon));
  throw new UserError(`${frame.file}: ${t(lang, m.clash, { by: byText ?? frame.by.join(','), clashes })}`);
}

/**
 * Whether a stratum as written by hand (a responses file, `--stratum`) names a sample's stratum:
 * its full key (`全福街道 / 和平社区`), or its last part (`和平社区`), which people type.
 */
export function namesStratum(given: string, key: string): boolean {
  // ' / ' is STRATUM_JOIN, written out so that fieldwork need not load the roster reader.
  return given === key || key.endsWith(` / ${given}`);
}

/** The stratum a hand-written name means: its key, else the only key whose last part it is. */
export function findStratum(given: string, keys: readonly string[]): string | undefined {
  if (keys.includes(given)) return given;
  const hits = keys.filter((k) => namesStratum(given, k));
  return hits.length === 1 ? hits[0] : undefined;
}
