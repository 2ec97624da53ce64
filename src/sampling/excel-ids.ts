import { fail } from '../core/errors.js';
import type { Lang } from '../core/i18n.js';
import { t } from '../core/messages.js';
import { m } from './strata.messages.js';

/** An id met in a file, where it was met. */
export interface IdSighting {
  householdId: string;
  file?: string;
  line?: number;
}

export interface StrippedZeros {
  /** The id as met, and the sample's id it stands for. */
  given: IdSighting;
  original: string;
}

/** What Excel keeps of an all-digit id: 000003 → 3 (a cell it reads as a number). */
function stripZeros(id: string): string | undefined {
  return /^0+\d/.test(id) && /^\d+$/.test(id) ? id.replace(/^0+(?=\d)/, '') : undefined;
}

/**
 * Ids that match the sample only once the leading zeros Excel strips are restored (or stripped):
 * a list re-saved by Excel (3 where the sample has 000003), or a sample list re-saved by Excel
 * against responses written from the original (000003 where it now has 3). Ids found as they are
 * are not looked at.
 */
export function findStrippedZeros(met: Iterable<IdSighting>, sampleIds: Iterable<string>): StrippedZeros[] {
  const known = new Set<string>();
  const byStripped = new Map<string, string>();
  for (const id of sampleIds) {
    known.add(id);
    const s = stripZeros(id);
    if (s !== undefined) byStripped.set(s, id);
  }
  const out: StrippedZeros[] = [];
  const seen = new Set<string>();
  for (const g of met) {
    const id = g.householdId.trim();
    if (known.has(id) || seen.has(id)) continue;
    const original =
      byStripped.get(id) ??
      (() => {
        const s = stripZeros(id);
        return s !== undefined && known.has(s) ? s : undefined;
      })();
    if (original === undefined) continue;
    seen.add(id);
    out.push({ given: g, original });
  }
  return out;
}

/**
 * Stop with one line when ids only match after Excel's stripped zeros are undone, instead of
 * reporting every household as unknown or different (exit 2).
 */
export function assertNotExcelResaved(
  met: Iterable<IdSighting>,
  sampleIds: Iterable<string>,
  lang: Lang,
  fallbackFile: string,
): void {
  const found = findStrippedZeros(met, sampleIds);
  if (found.length === 0) return;
  const first = found[0]!;
  const message =
    t(lang, m.excelResaved, { id: first.given.householdId.trim(), original: first.original }) +
    (found.length > 1 ? t(lang, m.excelResavedMore, { n: found.length - 1 }) : '');
  fail({
    file: first.given.file ?? fallbackFile,
    ...(first.given.line !== undefined ? { line: first.given.line } : {}),
    message,
  });
}
