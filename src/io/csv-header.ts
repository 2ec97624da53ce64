import { UserError } from '../core/errors.js';
import { mapColumns, type ColumnMap } from '../roster/columns.js';
import type { EncodingChoice } from './encoding.js';
import { scanCsv } from './csv-scan.js';

/** Only the header row of a CSV file. */
export async function readCsvHeader(
  file: string,
  opts: { label?: string; encoding?: EncodingChoice } = {},
): Promise<ColumnMap> {
  let header: string[] | undefined;
  await scanCsv(
    file,
    (r) => {
      header = r.all().map((h) => h.trim());
      return false;
    },
    { label: opts.label, encoding: opts.encoding },
  );
  if (!header) throw new UserError(`${opts.label ?? file}: the file is empty`);
  return mapColumns(header);
}
