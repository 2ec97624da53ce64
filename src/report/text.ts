import { num } from '../core/messages.js';
import { stripControls } from '../core/safe-text.js';
import { displayWidth, padEnd, padStart } from '../core/width.js';

/** Plain-text layout helpers: widths that count a Chinese character as two columns. */

export interface Cell {
  text: string;
  /** Applied after padding, so colour codes do not upset the widths. */
  style?: (s: string) => string;
}

/** Columns padded to their widest cell; `right` marks right-aligned columns. */
export function layoutTable(
  rows: readonly (readonly (Cell | string)[])[],
  right: readonly boolean[] = [],
  gap = 2,
): string[] {
  const cells = rows.map((r) =>
    r.map((c) =>
      typeof c === 'string' ? { text: stripControls(c) } : { ...c, text: stripControls(c.text) },
    ),
  );
  const widths: number[] = [];
  for (const r of cells) r.forEach((c, i) => (widths[i] = Math.max(widths[i] ?? 0, displayWidth(c.text))));
  return cells.map((r) =>
    r
      .map((c, i) => {
        const last = i === r.length - 1;
        const padded = right[i] ? padStart(c.text, widths[i]!) : last ? c.text : padEnd(c.text, widths[i]!);
        return c.style ? c.style(padded) : padded;
      })
      .join(' '.repeat(gap))
      .replace(/\s+$/, ''),
  );
}

export interface BoxOptions {
  /** Per column; left when not given. */
  align?: readonly ('left' | 'right')[];
  /** A rule between the head and the body (tables of results); none in lists (check, status). */
  headRule?: boolean;
}

/**
 * hhsurvey's one boxed table (check, status, demo, plan, simulate): every column as wide as its
 * widest cell by displayWidth, a space either side, numbers with thousands separators, cells may
 * hold several lines. Linear in the number of rows, so a table of 100,000 communities draws at
 * once. Text from files reaches a terminal here: control characters are removed.
 */
export function boxTable(
  head: readonly string[],
  rows: readonly (readonly (string | number)[])[],
  opts: BoxOptions = {},
): string {
  const text = (c: string | number) => (typeof c === 'number' ? num(c) : c);
  const split = (r: readonly (string | number)[]) => r.map((c) => text(c).split('\n').map(stripControls));
  const headCells = split(head);
  const body = rows.map(split);
  const n = Math.max(head.length, ...body.slice(0, 1).map((r) => r.length));
  const widths = Array.from({ length: n }, () => 0);
  for (const r of [headCells, ...body])
    r.forEach((lines, i) => {
      if (i < n) for (const l of lines) widths[i] = Math.max(widths[i]!, displayWidth(l));
    });
  const line = (l: string, mid: string, r: string) => l + widths.map((w) => '─'.repeat(w + 2)).join(mid) + r;
  const draw = (cells: readonly (readonly string[])[]): string[] => {
    const height = Math.max(1, ...cells.map((c) => c.length));
    return Array.from(
      { length: height },
      (_, k) =>
        '│' +
        widths
          .map((w, i) => {
            const c = cells[i]?.[k] ?? '';
            return ` ${opts.align?.[i] === 'right' ? padStart(c, w) : padEnd(c, w)} `;
          })
          .join('│') +
        '│',
    );
  };
  const out = [line('┌', '┬', '┐'), ...draw(headCells)];
  if (opts.headRule) out.push(line('├', '┼', '┤'));
  for (const r of body) out.push(...draw(r));
  out.push(line('└', '┴', '┘'));
  return out.join('\n');
}
