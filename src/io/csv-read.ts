import { UserError } from '../core/errors.js';
import { t } from '../core/messages.js';
import { m } from './messages.js';
import { scopeLang } from './run-scope.js';
import type { Encoding, EncodingChoice } from './encoding.js';
import { scanCsv } from './csv-scan.js';
import { isZipFile, readXlsxTable } from './xlsx-read.js';
import { restoreFormula } from './csv-write.js';
import { fileSha256 } from './inputs.js';

export interface CsvRow {
  line: number;
  fields: string[];
}

export interface CsvTable {
  file: string;
  encoding: Encoding;
  bom: boolean;
  header: string[];
  rows: CsvRow[];
  sha256?: string;
}

export interface ReadCsvOptions {
  encoding?: EncodingChoice;
  /** Name of the file in messages (defaults to the path). */
  label?: string;
  /** Refuse a file with a header and no rows. */
  requireRows?: boolean;
  /** For an .xlsx workbook: the sheet (name or 1-based position; default the first visible). */
  sheet?: string;
  /** Also compute the SHA-256 of the file's bytes. */
  sha256?: boolean;
}

/**
 * Read a whole (small) CSV file: sample lists, responses, priors. These are files hhsurvey writes
 * (or lists made from them), so the formula escape of the writer is undone on every cell. Rosters of any size go through
 * the streaming roster reader instead. Rows made only of empty cells (Excel leaves them) are dropped.
 * An .xlsx workbook (recognised by its bytes, whatever its name) is read as the same table.
 */
export async function readCsvTable(file: string, opts: ReadCsvOptions = {}): Promise<CsvTable> {
  const label = opts.label ?? file;
  if (await isZipFile(file, label)) {
    // The same table saved as an .xlsx workbook: lines are Excel's row numbers.
    const x = await readXlsxTable(file, { label, sheet: opts.sheet });
    if (x.header.length === 0) throw new UserError(t(scopeLang(), m.noHeader, { file: label }));
    if (opts.requireRows && x.rows.length === 0)
      throw new UserError(t(scopeLang(), m.noRows, { file: label }));
    return {
      file: label,
      encoding: 'utf8',
      bom: false,
      header: x.header.map(restoreFormula),
      rows: x.rows.map((r) => ({ ...r, fields: r.fields.map(restoreFormula) })),
      ...(opts.sha256 ? { sha256: await fileSha256(file, label) } : {}),
    };
  }
  let header: string[] | undefined;
  const rows: CsvRow[] = [];
  const info = await scanCsv(
    file,
    (r) => {
      if (header === undefined) {
        header = r.all().map((h) => restoreFormula(h.trim()));
        return;
      }
      const fields = r.all().map(restoreFormula);
      if (fields.every((f) => f.trim() === '')) return;
      rows.push({ line: r.line, fields });
    },
    { encoding: opts.encoding, label, ...(opts.sha256 ? { sha256: true } : {}) },
  );
  if (header === undefined) throw new UserError(t(scopeLang(), m.noHeader, { file: label }));
  if (opts.requireRows && rows.length === 0) throw new UserError(t(scopeLang(), m.noRows, { file: label }));
  return {
    file: label,
    encoding: info.encoding,
    bom: info.bomLength > 0,
    header,
    rows,
    ...(info.sha256 !== undefined ? { sha256: info.sha256 } : {}),
  };
}
