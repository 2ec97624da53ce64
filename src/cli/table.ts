import { boxTable } from '../report/text.js';

/** A plain text table for people (check, status, demo): hhsurvey's one boxed table, no head rule. */
export function renderTable(
  head: string[],
  rows: (string | number)[][],
  align?: ('left' | 'right')[],
): string {
  return `${boxTable(head, rows, align ? { align } : {})}\n`;
}
