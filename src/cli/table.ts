import { createRequire } from 'node:module';
import Table from 'cli-table3';
import { stripControls } from '../core/safe-text.js';

// cli-table3's own width measure (CJK double width, colour codes ignored).
const { strlen } = createRequire(import.meta.url)('cli-table3/src/utils.js') as {
  strlen: (s: string) => number;
};

/**
 * cli-table3 lays a table out in time quadratic in its rows (20,000 rows take 20 s) and overflows
 * the stack beyond about 100,000: longer tables of single-line cells are drawn here, the same way.
 */
const CLI_TABLE_MAX_ROWS = 500;
/** `toLocaleString('en-US')` builds a formatter on every call. */
const NUMBER = new Intl.NumberFormat('en-US');

/** A plain text table for people (CJK-width aware); no colour in the borders. */
export function renderTable(
  head: string[],
  rows: (string | number)[][],
  align?: ('left' | 'right')[],
): string {
  // Data reaches a terminal here: no escape sequences or control characters from files.
  const cells = rows.map((r) => r.map((c) => (typeof c === 'number' ? NUMBER.format(c) : stripControls(c))));
  head = head.map(stripControls);
  if (cells.length > CLI_TABLE_MAX_ROWS && cells.every((r) => r.every((c) => !c.includes('\n'))))
    return drawPlain(head, cells, align);
  const t = new Table({
    head,
    style: { head: [], border: [], compact: true },
    chars: { mid: '', 'left-mid': '', 'mid-mid': '', 'right-mid': '' },
    colAligns: align,
  });
  for (const r of cells) t.push(r);
  return `${t.toString()}\n`;
}

/**
 * Terminal width of a cell: ASCII and common CJK text measured directly (the East Asian Wide and
 * Fullwidth blocks hhsurvey's data uses), anything else by cli-table3's measure.
 */
export function cellWidth(s: string): number {
  let w = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x20 && c < 0x7f) w += 1;
    else if (
      (c >= 0x3000 && c <= 0x303e) ||
      (c >= 0x3041 && c <= 0x33ff) ||
      (c >= 0x3400 && c <= 0x4dbf) ||
      (c >= 0x4e00 && c <= 0x9fff) ||
      (c >= 0xac00 && c <= 0xd7a3) ||
      (c >= 0xf900 && c <= 0xfaff) ||
      (c >= 0xff01 && c <= 0xff60) ||
      (c >= 0xffe0 && c <= 0xffe6)
    )
      w += 2;
    else return strlen(s);
  }
  return w;
}

/** What cli-table3 draws with the options above, in linear time. */
export function drawPlain(head: string[], rows: string[][], align?: ('left' | 'right')[]): string {
  const n = Math.max(head.length, ...rows.slice(0, 1).map((r) => r.length));
  const widths = Array.from({ length: n }, (_, i) => cellWidth(head[i] ?? ''));
  const cellWidths = rows.map((r) => widths.map((_, i) => cellWidth(r[i] ?? '')));
  for (const cw of cellWidths) cw.forEach((w, i) => (widths[i] = Math.max(widths[i]!, w)));
  const line = (l: string, mid: string, r: string) => l + widths.map((w) => '─'.repeat(w + 2)).join(mid) + r;
  const row = (cells: readonly string[], cw: readonly number[]) =>
    '│' +
    widths
      .map((w, i) => {
        const c = cells[i] ?? '';
        const pad = ' '.repeat(w - cw[i]!);
        return ` ${align?.[i] === 'right' ? pad + c : c + pad} `;
      })
      .join('│') +
    '│';
  const out = [line('┌', '┬', '┐'), row(head, head.map(cellWidth))];
  rows.forEach((r, k) => out.push(row(r, cellWidths[k]!)));
  out.push(line('└', '┴', '┘'));
  return `${out.join('\n')}\n`;
}
