import type { Problem } from '../core/errors.js';
import type { Lang } from '../core/i18n.js';
import { readCsvTable } from '../io/csv-read.js';
import { parseRatesTable, type TrueRates } from './true-rates.js';

/**
 * Read a rates file (CSV, GB18030 or UTF-8, or .xlsx) into `into`: the one reader of `simulate
 * --rates`, `synth responses --rates` and a drill's `rates_file`. A file with a header and no rows
 * adds nothing.
 */
export async function readRatesFile(
  path: string,
  label: string,
  into: TrueRates,
  lang: Lang,
): Promise<Problem[]> {
  return parseRatesTable(await readCsvTable(path, { label }), into, lang);
}
