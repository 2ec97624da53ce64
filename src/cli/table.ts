import Table from 'cli-table3';

/** A plain text table for people (CJK-width aware); no colour in the borders. */
export function renderTable(
  head: string[],
  rows: (string | number)[][],
  align?: ('left' | 'right')[],
): string {
  const t = new Table({
    head,
    style: { head: [], border: [], compact: true },
    chars: { mid: '', 'left-mid': '', 'mid-mid': '', 'right-mid': '' },
    colAligns: align,
  });
  for (const r of rows) t.push(r.map((c) => (typeof c === 'number' ? c.toLocaleString('en-US') : c)));
  return `${t.toString()}\n`;
}
