import { UserError } from '../core/errors.js';
import type { Lang } from '../core/i18n.js';
import { t } from '../core/messages.js';
import { canonicalColumn, normaliseHeader } from '../roster/columns.js';
import { m } from './mask.messages.js';

/**
 * Personal data in sample lists: which columns hold it, and how each is masked for the people who
 * carry the list from door to door. A roster may hold several columns of a kind (户主姓名 and
 * 联系人, 联系电话 and 手机号码), so masking works on kinds, never on "the" phone column.
 */
export type PersonalKind = 'name' | 'phone' | 'id_card';
/** How a masked column is masked: as its kind of personal data, or by keeping its first character. */
export type MaskKind = PersonalKind | 'other';

/** The kind of personal data a header names, if any (after the roster's header normalisation). */
export function personalKind(header: string): PersonalKind | undefined {
  const h = normaliseHeader(header);
  if (h === '') return undefined;
  if (/身份证|证件号|身份号码|^idcard|^idno$|^idnumber$|^citizenid|^nationalid/.test(h)) return 'id_card';
  const canon = canonicalColumn(header);
  if (canon === 'phone' || /电话|手机|联系方式|phone|mobile|^tel/.test(h)) return 'phone';
  if (canon === 'head_name' || /姓名|联系人|^(head|contact|full|resident|person)?name$/.test(h))
    return 'name';
  return undefined;
}

/**
 * A resident ID-card number's shape (GB 11643): six digits of region, a birth date, three digits
 * and a check character (digit or X). The check character is not verified: lists typed by hand
 * carry wrong ones, and they are personal data all the same.
 */
export function looksLikeIdCard(value: string): boolean {
  const t = value.trim();
  // NFKC leaves ASCII as it is: skip it (the slow part, cell by cell of a whole list) for ASCII.
  let ascii = true;
  for (let i = 0; i < t.length && ascii; i++) if (t.charCodeAt(i) > 0x7f) ascii = false;
  const v = ascii ? t : t.normalize('NFKC');
  const m = /^[1-9]\d{5}(\d{4})(\d{2})(\d{2})\d{3}[\dXx]$/.exec(v);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return year >= 1880 && year <= 2099 && month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

/**
 * The personal columns of a list: by header, and any other column whose values are ID-card
 * numbers (most of its non-empty cells have that shape). The household id is never one.
 */
export function personalColumns(
  header: readonly string[],
  idColumn: number | undefined,
  records: readonly (readonly string[])[],
): Map<number, PersonalKind> {
  const out = new Map<number, PersonalKind>();
  header.forEach((h, c) => {
    if (c === idColumn) return;
    const k = personalKind(h);
    if (k) out.set(c, k);
  });
  header.forEach((_, c) => {
    if (c === idColumn || out.has(c)) return;
    let filled = 0;
    let shaped = 0;
    for (const r of records) {
      const v = (r[c] ?? '').trim();
      if (v === '') continue;
      filled++;
      if (looksLikeIdCard(v)) shaped++;
    }
    if (shaped > 0 && shaped * 5 >= filled * 4) out.set(c, 'id_card');
  });
  return out;
}

const ALL = new Set(['pii', 'personal', '个人信息', '个人资料']);

export interface MaskPlan {
  /** Columns to mask and how. */
  columns: Map<number, MaskKind>;
  /** Warnings to print (column headers only, never a value). */
  warnings: string[];
}

/**
 * What `--mask` asks for, as columns: `pii` is every personal column; a kind (`phone`, `head_name`,
 * `id_card`, or a header of that kind such as 手机号码) is every column of that kind; any other name
 * is that one column. ID-card columns left unmasked are warned about.
 */
export function planMask(
  header: readonly string[],
  idColumn: number | undefined,
  names: readonly string[],
  records: readonly (readonly string[])[],
  lang: Lang,
  file: string,
): MaskPlan {
  const personal = personalColumns(header, idColumn, records);
  const columns = new Map<number, MaskKind>();
  const ofKind = (k: PersonalKind) => [...personal].filter(([, kind]) => kind === k).map(([c]) => c);
  for (const name of names) {
    const n = name.trim();
    if (ALL.has(normaliseHeader(n))) {
      for (const [c, k] of personal) columns.set(c, k);
      continue;
    }
    const kind = personalKind(n);
    const same = kind ? ofKind(kind) : [];
    if (kind && same.length) {
      for (const c of same) columns.set(c, kind);
      continue;
    }
    const want = normaliseHeader(n);
    const canon = canonicalColumn(n);
    let c = header.findIndex((h) => normaliseHeader(h) === want);
    if (c === -1 && canon !== undefined) c = header.findIndex((h) => canonicalColumn(h) === canon);
    if (c === -1) throw new UserError(t(lang, m.noColumn, { name: n, file }));
    if (c === idColumn) throw new UserError(t(lang, m.idColumn));
    columns.set(c, personal.get(c) ?? 'other');
  }
  const open = [...personal].filter(([c, k]) => k === 'id_card' && !columns.has(c)).map(([c]) => header[c]!);
  const warnings = open.length ? [t(lang, m.idCardUnmasked, { columns: open.join(', ') })] : [];
  return { columns, warnings };
}

/** A mobile or fixed-line number without its country code: +86 138…, 0086-138…, 86 138…. */
function nationalDigits(value: string): string {
  const digits = value.replace(/\D/g, '');
  if (digits.startsWith('0086') && digits.length >= 13) return digits.slice(4);
  if (digits.startsWith('86') && digits.length >= 12) return digits.slice(2);
  return digits;
}

/**
 * A value as an interviewer's list shows it: 138****5678 (any phone, however written), 110101********1234
 * (ID cards keep the region and the last four), 张* (names and other columns keep their first
 * character). A phone Excel has turned into 1.38E+10 stays as it is: its digits are gone, and the
 * damage must stay visible (check reports it).
 */
export function maskPersonal(kind: MaskKind, value: string): string {
  const v = value.trim();
  if (v === '') return v;
  if (kind === 'phone') {
    if (/^\d(\.\d+)?E\+?\d+$/i.test(v)) return v;
    const digits = nationalDigits(v);
    if (digits.length >= 7) return `${digits.slice(0, 3)}****${digits.slice(-4)}`;
    return '*'.repeat(v.length);
  }
  const chars = [...v.normalize('NFKC')];
  if (kind === 'id_card') {
    if (chars.length >= 15)
      return `${chars.slice(0, 6).join('')}${'*'.repeat(chars.length - 10)}${chars.slice(-4).join('')}`;
    return '*'.repeat(chars.length);
  }
  return [...v][0]! + '*'.repeat(Math.max(1, [...v].length - 1));
}
