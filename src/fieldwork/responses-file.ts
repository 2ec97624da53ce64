import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { UserError, type Problem } from '../core/errors.js';
import type { Lang } from '../core/i18n.js';
import { t } from '../core/messages.js';
import { readCsvTable } from '../io/csv-read.js';
import { scopeLang } from '../io/run-scope.js';
import type { Encoding, EncodingChoice } from '../io/encoding.js';
import { isZipFile } from '../io/xlsx-read.js';
import type { Standard } from '../standard/schema.js';
import { m } from './messages.js';
import { parseResponses, type ResponsesFile } from './responses.js';

export interface ReadResponsesOptions {
  /** Name of the file in messages (defaults to the path). */
  label?: string;
  encoding?: EncodingChoice;
  /** Language of the problems (defaults to the run's). */
  lang?: Lang;
}

export interface ReadResponsesResult extends ResponsesFile {
  encoding: Encoding;
  bom: boolean;
  /**
   * A last line cut off by a crash (no line end, fewer cells than the header): left out of
   * `rows` and `problems`, with one warning instead. `hhsurvey interview` sets it aside.
   */
  torn?: { line: number };
  /** The file's last line is complete but has no line end. */
  unterminated: boolean;
}

/**
 * Read a responses file (UTF-8, UTF-8 with BOM or GB18030; CRLF, LF or CR line ends) and check
 * each row against the standard. Problems are returned, not thrown: callers decide (see
 * `throwOnErrors`). Reading never changes the file.
 */
export async function readResponses(
  file: string,
  standard: Standard,
  opts: ReadResponsesOptions = {},
): Promise<ReadResponsesResult> {
  const label = opts.label ?? file;
  const table = await readCsvTable(file, { label, ...(opts.encoding ? { encoding: opts.encoding } : {}) });
  // A workbook has no lines to cut off: only a CSV's last line can be torn.
  const ended = (await isZipFile(file, label)) || endsWithLineEnd(file);
  const last = table.rows[table.rows.length - 1];
  let torn: { line: number } | undefined;
  if (last && !ended && last.fields.length < table.header.length) {
    torn = { line: last.line };
    table.rows = table.rows.slice(0, -1);
  }
  const lang = opts.lang ?? scopeLang();
  const parsed = parseResponses(table, standard, lang);
  if (torn)
    parsed.problems.push({
      file: label,
      line: torn.line,
      message: t(lang, m.tornIgnored),
      severity: 'warning',
    });
  return {
    ...parsed,
    encoding: table.encoding,
    bom: table.bom,
    ...(torn ? { torn } : {}),
    unterminated: !ended && !torn,
  };
}

/** Whether the file is empty or its last byte is a line end (LF, or CR for CR-only files). */
function endsWithLineEnd(file: string): boolean {
  const fd = openSync(file, 'r');
  try {
    const size = fstatSync(fd).size;
    if (size === 0) return true;
    const b = Buffer.alloc(1);
    readSync(fd, b, 0, 1, size - 1);
    return b[0] === 0x0a || b[0] === 0x0d;
  } finally {
    closeSync(fd);
  }
}

export function errorsOf(problems: readonly Problem[]): Problem[] {
  return problems.filter((p) => p.severity !== 'warning');
}

/** Throw a UserError listing the problems when any is an error (warnings alone pass). */
export function throwOnErrors(problems: readonly Problem[], lang: Lang = 'en'): void {
  const errors = errorsOf(problems);
  if (errors.length > 0) throw new UserError(t(lang, m.responsesErrors, { n: errors.length }), [...problems]);
}
