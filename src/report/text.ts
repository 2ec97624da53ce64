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
