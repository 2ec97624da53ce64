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
  const table = await readCsvTable(file, { label: opts.label ?? file });
  return { ...parseResponses(table, standard), encoding: table.encoding, bom: table.bom };
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
