import type { Lang } from '../core/i18n.js';
import { t } from '../core/messages.js';
import { displayWidth, padEnd } from '../core/width.js';
import type { Question, Standard } from '../standard/schema.js';
import { disposition, DISPOSITIONS, type DispositionToken } from './dispositions.js';
import { m } from './messages.js';
import { s } from './screens.messages.js';

/**
 * Text of the interview screens and messages, in Chinese or English. Pure: the session decides
 * where it goes (a redrawn terminal screen, or prompt lines on stderr for piped input).
 */

export interface HouseholdCard {
  stratum: string;
  role: 'primary' | 'reserve';
  rank: number;
  /** Households of this role in the stratum. */
  of: number;
  householdId: string;
  address: string;
  grid?: string;
  /** Masked: 张*, 100****1234. */
  head?: string;
  phone?: string;
  visit: number;
  lastOutcome?: DispositionToken;
  replaces?: { householdId: string; outcome?: DispositionToken };
  correcting?: DispositionToken;
}

export function dispositionLabel(lang: Lang, t: DispositionToken): string {
  const d = disposition(t);
  return d[lang];
}

export function roleLabel(lang: Lang, role: 'primary' | 'reserve'): string {
  return t(lang, role === 'primary' ? s.primary : s.reserve);
}

export function cardLines(lang: Lang, c: HouseholdCard): string[] {
  const lines: string[] = [];
  lines.push(
    `${c.stratum} · ${roleLabel(lang, c.role)} ${t(lang, s.rankOf, { rank: c.rank, of: c.of })} · ${c.householdId}`,
  );
  const parts = [`${t(lang, s.address)} ${c.address || t(lang, s.none)}`];
  if (c.grid) parts.push(`${t(lang, s.grid)} ${c.grid}`);
  if (c.head) parts.push(`${t(lang, s.head)} ${c.head}`);
  if (c.phone) parts.push(`${t(lang, s.phone)} ${c.phone}`);
  lines.push(`  ${parts.join(' · ')}`);
  if (c.correcting) lines.push(t(lang, s.correcting, { was: dispositionLabel(lang, c.correcting) }));
  else if (c.visit > 1)
    lines.push(
      t(lang, s.visit, {
        visit: c.visit,
        last: c.lastOutcome ? dispositionLabel(lang, c.lastOutcome) : undefined,
      }),
    );
  if (c.replaces)
    lines.push(
      t(lang, s.replaces, {
        rank: c.rank,
        id: c.replaces.householdId,
        outcome: c.replaces.outcome ? dispositionLabel(lang, c.replaces.outcome) : undefined,
      }),
    );
  return lines;
}

/** Keys for a question's options: the codes themselves when they are single digits, else 1-9, a-z. */
const POSITION_KEYS = '123456789abcefghijklmnoprtuvwxyz'; // no d, q, s: commands
export function optionKeys(q: Question): string[] {
  const codes = q.options.map((o) => o.code);
  if (codes.every((c) => c >= 0 && c <= 9)) return codes.map(String);
  return q.options.map((_, i) => POSITION_KEYS[i] ?? '');
}

export function dispositionMenu(lang: Lang): string[] {
  const cells = DISPOSITIONS.map((d) => `${d.key} ${d[lang]}`);
  // Columns as wide as the widest label plus two spaces, counted in terminal columns (a Chinese
  // character takes two), so the grid lines up in either language.
  const width = Math.max(...cells.map(displayWidth)) + 2;
  const perRow = Math.max(1, Math.min(4, Math.floor(78 / width)));
  const rows: string[] = [];
  for (let i = 0; i < cells.length; i += perRow)
    rows.push(
      `  ${cells
        .slice(i, i + perRow)
        .map((c) => padEnd(c, width))
        .join('')}`.trimEnd(),
    );
  return rows;
}

/** Questions are numbered as in the questionnaire (skipped ones keep their numbers). */
export function questionNumber(standard: Standard, q: Question): { n: number; of: number } {
  return { n: standard.questions.indexOf(q) + 1, of: standard.questions.length };
}

export function questionLines(lang: Lang, standard: Standard, q: Question, current?: number): string[] {
  const { n, of } = questionNumber(standard, q);
  const lines = [`${t(lang, s.question, { n, of })}  [${q.id}]`, `  ${q.text[lang]}`];
  const keys = optionKeys(q);
  q.options.forEach((o, i) => {
    const mark = current === o.code ? '›' : ' ';
    lines.push(`  ${mark} ${keys[i]}  ${o[lang]}${o.not_sure ? t(lang, s.doNotRead) : ''}`);
  });
  if (q.note) lines.push(`  ${q.note[lang]}`);
  return lines;
}

export function optionsInline(lang: Lang, q: Question): string {
  return q.options.map((o) => `${o.code} ${o[lang]}`).join(', ');
}

export function reviewLines(
  lang: Lang,
  standard: Standard,
  token: DispositionToken,
  asked: Question[],
  answers: Record<string, number>,
): string[] {
  const lines = [t(lang, s.review), t(lang, m.reviewOutcome, { outcome: dispositionLabel(lang, token) })];
  asked.forEach((q, i) => {
    const a = answers[q.id];
    const o = a === undefined ? undefined : q.options.find((x) => x.code === a);
    lines.push(`  ${i + 1}. ${q.text[lang]} — ${o ? `${o.code} ${o[lang]}` : t(lang, s.noAnswer)}`);
  });
  void standard;
  return lines;
}

export const HELP = {
  disposition: (lang: Lang) => t(lang, s.helpDisposition),
  question: (lang: Lang, mayLeave: boolean) => t(lang, s.helpQuestion, { mayLeave }),
  review: (lang: Lang, n: number) => t(lang, s.helpReview, { n }),
};
