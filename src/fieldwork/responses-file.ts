import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { UserError, type Problem } from '../core/errors.js';
import { readCsvTable } from '../io/csv-read.js';
import type { Encoding } from '../io/encoding.js';
import type { Standard } from '../standard/schema.js';
import { parseResponses, type ResponsesFile } from './responses.js';

export interface ReadResponsesOptions {
  /** Name of the file in messages (defaults to the path). */
  label?: string;
}

export interface ReadResponsesResult extends ResponsesFile {
  encoding: Encoding;
  bom: boolean;
}

/**
 * Read a responses file (UTF-8, UTF-8 with BOM or GB18030; CRLF or LF) and check each row against
 * the standard. Problems are returned, not thrown: callers decide (see `throwOnErrors`).
 */
export async function readResponses(
  file: string,
  standard: Standard,
  opts: ReadResponsesOptions = {},
): Promise<ReadResponsesResult> {
  const label = opts.label ?? file;
  const table = await readCsvTable(file, { label });
  const parsed = parseResponses(table, standard);
  const last = table.rows[table.rows.length - 1];
  if (last && !endsWithNewline(file) && last.fields.length < table.header.length)
    parsed.problems.push({
      file: label,
      line: last.line,
      message:
        'warning: this last line has no line end and too few cells: it looks cut off (an interview killed while writing it?); the next `hhsurvey interview` on this file sets it aside',
      severity: 'warning',
    });
  return { ...parsed, encoding: table.encoding, bom: table.bom };
}

function endsWithNewline(file: string): boolean {
  const fd = openSync(file, 'r');
  try {
    const size = fstatSync(fd).size;
    if (size === 0) return true;
    const b = Buffer.alloc(1);
    readSync(fd, b, 0, 1, size - 1);
    return b[0] === 0x0a;
  } finally {
    closeSync(fd);
  }
}

export function errorsOf(problems: readonly Problem[]): Problem[] {
  return problems.filter((p) => p.severity !== 'warning');
}

/** Throw a UserError listing the problems when any is an error (warnings alone pass). */
export function throwOnErrors(problems: readonly Problem[], what = 'responses'): void {
  const errors = errorsOf(problems);
  if (errors.length > 0)
    throw new UserError(`${errors.length} error${errors.length === 1 ? '' : 's'} in the ${what}`, [
      ...problems,
    ]);
}
