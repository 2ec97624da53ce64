import { say, type Lang } from '../core/i18n.js';
import { t } from '../core/messages.js';
import { displayWidth, padEnd } from '../core/width.js';
import type { Question, Standard } from '../standard/schema.js';
import { disposition, DISPOSITIONS, type DispositionToken } from './dispositions.js';
import { m } from './messages.js';

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
  return lang === 'zh' ? d.zh : d.en;
}

export function roleLabel(lang: Lang, role: 'primary' | 'reserve'): string {
  return role === 'primary' ? say(lang, '正式样本', 'primary') : say(lang, '备用样本', 'reserve');
}

export function cardLines(lang: Lang, c: HouseholdCard): string[] {
  const lines: string[] = [];
  lines.push(
    `${c.stratum} · ${roleLabel(lang, c.role)} ${say(lang, `第 ${c.rank} 户（共 ${c.of} 户）`, `${c.rank} of ${c.of}`)} · ${c.householdId}`,
  );
  const parts = [`${say(lang, '地址', 'address')} ${c.address || say(lang, '（无）', '(none)')}`];
  if (c.grid) parts.push(`${say(lang, '网格', 'grid')} ${c.grid}`);
  if (c.head) parts.push(`${say(lang, '户主', 'head')} ${c.head}`);
  if (c.phone) parts.push(`${say(lang, '电话', 'phone')} ${c.phone}`);
  lines.push(`  ${parts.join(' · ')}`);
  if (c.correcting)
    lines.push(
      say(
        lang,
        `  更正本户记录（原结果：${dispositionLabel(lang, c.correcting)}）`,
        `  correcting this household (was: ${dispositionLabel(lang, c.correcting)})`,
      ),
    );
  else if (c.visit > 1)
    lines.push(
      say(
        lang,
        `  第 ${c.visit} 次走访${c.lastOutcome ? `（上次：${dispositionLabel(lang, c.lastOutcome)}）` : ''}`,
        `  visit ${c.visit}${c.lastOutcome ? ` (last time: ${dispositionLabel(lang, c.lastOutcome)})` : ''}`,
      ),
    );
  if (c.replaces)
    lines.push(
      say(
        lang,
        `  备用 ${c.rank}，替换 ${c.replaces.householdId}${c.replaces.outcome ? `（${dispositionLabel(lang, c.replaces.outcome)}）` : ''}`,
        `  reserve ${c.rank} replaces ${c.replaces.householdId}${c.replaces.outcome ? ` (${dispositionLabel(lang, c.replaces.outcome)})` : ''}`,
      ),
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
  const cells = DISPOSITIONS.map((d) => `${d.key} ${lang === 'zh' ? d.zh : d.en}`);
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
  const lines = [
    `${say(lang, `第 ${n}/${of} 题`, `Question ${n} of ${of}`)}  [${q.id}]`,
    `  ${q.text[lang]}`,
  ];
  const keys = optionKeys(q);
  q.options.forEach((o, i) => {
    const mark = current === o.code ? '›' : ' ';
    lines.push(
      `  ${mark} ${keys[i]}  ${o[lang]}${o.not_sure ? say(lang, '（不读出）', ' (do not read out)') : ''}`,
    );
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
  const lines = [
    say(lang, '核对本户记录：', 'Review this household:'),
    t(lang, m.reviewOutcome, { outcome: dispositionLabel(lang, token) }),
  ];
  asked.forEach((q, i) => {
    const a = answers[q.id];
    const o = a === undefined ? undefined : q.options.find((x) => x.code === a);
    lines.push(
      `  ${i + 1}. ${q.text[lang]} — ${o ? `${o.code} ${o[lang]}` : say(lang, '（未回答）', '(no answer)')}`,
    );
  });
  void standard;
  return lines;
}

export const HELP = {
  disposition: (lang: Lang) =>
    say(
      lang,
      's 跳过此户   c 更正上一户   n 备注   q 退出',
      's skip household   c correct the last one   n note   q quit',
    ),
  question: (lang: Lang, mayLeave: boolean) =>
    say(
      lang,
      `← 退格 上一题   Enter ${mayLeave ? '保留/不回答' : '保留当前答案'}   q 退出（本户不保存）`,
      `Backspace back   Enter ${mayLeave ? 'keep / no answer' : 'keep current answer'}   q quit (this household is not saved)`,
    ),
  review: (lang: Lang, n: number) =>
    say(
      lang,
      `Enter 保存   ← 退格 返回   ${n > 0 ? `1-${Math.min(n, 9)} 修改该题   ` : ''}d 修改访问结果   n 备注   q 退出（不保存）`,
      `Enter save   Backspace back   ${n > 0 ? `1-${Math.min(n, 9)} change that answer   ` : ''}d change outcome   n note   q quit (not saved)`,
    ),
};
