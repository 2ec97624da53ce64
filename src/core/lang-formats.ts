import type { Lang } from './i18n.js';

/**
 * Formats, not words, that follow the language: the few decisions besides the message catalogue
 * that look at --lang. Each is made here once, so the commands agree.
 */

/**
 * Whether a CSV file starts with a UTF-8 byte-order mark when no --bom/--no-bom says: yes in
 * Chinese, because Excel on a Chinese Windows reads a CSV without one as GBK and garbles it.
 */
export function bomByDefault(lang: Lang): boolean {
  return lang === 'zh';
}

/**
 * Whether a CSV report's cells are for people (percentages with one decimal, 是/否, labels) or for
 * programs (numbers at full precision, true/false, ids): people read Chinese reports in a
 * spreadsheet, programs read the English ones.
 */
export function cellsForPeople(lang: Lang): boolean {
  return lang === 'zh';
}
