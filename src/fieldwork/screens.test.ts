import { describe, expect, it } from 'vitest';
import { displayWidth } from '../core/width.js';
import { dispositionMenu } from './screens.js';

/** The terminal columns at which the menu's cells ("1 完成", "b 无合格受访者") start. */
function cellStarts(row: string): number[] {
  const starts: number[] = [];
  for (const m of row.matchAll(/(?<=^|\s{2})[0-9a-z] \S/g)) starts.push(displayWidth(row.slice(0, m.index)));
  return starts;
}

describe('the disposition menu', () => {
  for (const lang of ['zh', 'en'] as const)
    it(`lines up in columns in ${lang}, counting a Chinese character as two, within 80 columns`, () => {
      const rows = dispositionMenu(lang);
      const first = cellStarts(rows[0]!);
      expect(first.length).toBeGreaterThan(1);
      for (const row of rows) {
        expect(displayWidth(row)).toBeLessThanOrEqual(80);
        expect(cellStarts(row)).toEqual(first.slice(0, cellStarts(row).length));
      }
      expect(rows.flatMap(cellStarts)).toHaveLength(11);
    });
});
