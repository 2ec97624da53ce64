/**
 * CSV output. Cells that a spreadsheet would run as a formula (starting with =, +, -, @, tab or
 * CR: OWASP's CSV-injection rule) get a leading apostrophe, unless they are plain numbers or the
 * caller turns escaping off (--no-escape-formulas).
 *
 * The escape is reversible, so every reader of a file hhsurvey wrote gets the original text back
 * (`restoreFormula`): a cell that already starts with apostrophes before a formula character gets
 * one more, even with escaping off. A reader removes exactly one apostrophe from a cell of the form
 * `'…'=…`, and nothing from any other cell.
 */
// Apostrophes already in front of such a cell get one more, so that restoreFormula undoes exactly
// what neutraliseFormula did.
const FORMULA_START = /^'*[=+\-@\t\r]/;
const NEUTRALISED = /^'+[=+\-@\t\r]/;
const PLAIN_NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const NEEDS_QUOTES = /[",\r\n]|^\s|\s$/;

export function neutraliseFormula(cell: string): string {
  return FORMULA_START.test(cell) && !PLAIN_NUMBER.test(cell) ? `'${cell}` : cell;
}

/** Undo neutraliseFormula: what a list written by hhsurvey held before it was written. */
export function restoreFormula(cell: string): string {
  return NEUTRALISED.test(cell) ? cell.slice(1) : cell;
}

export function csvCell(value: string | number | boolean | null | undefined, escapeFormulas = true): string {
  let s = value === null || value === undefined ? '' : String(value);
  if (escapeFormulas) s = neutraliseFormula(s);
  else if (NEUTRALISED.test(s)) s = `'${s}`;
  return NEEDS_QUOTES.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csvLine(
  cells: readonly (string | number | boolean | null | undefined)[],
  escapeFormulas = true,
): string {
  return cells.map((c) => csvCell(c, escapeFormulas)).join(',') + '\r\n';
}

export interface CsvTableOptions {
  bom?: boolean;
  escapeFormulas?: boolean;
}

/** A whole table as CSV text: CRLF line ends (RFC 4180, what Excel writes), optional UTF-8 BOM. */
export function csvTable(
  header: readonly string[],
  rows: Iterable<readonly (string | number | boolean | null | undefined)[]>,
  opts: CsvTableOptions = {},
): string {
  const escape = opts.escapeFormulas ?? true;
  const parts: string[] = [opts.bom ? '\uFEFF' : '', csvLine(header, escape)];
  for (const row of rows) parts.push(csvLine(row, escape));
  return parts.join('');
}
