/**
 * The benchmark's workbook: a synthetic CSV roster (from `hhsurvey synth roster`, no quoted
 * cells) re-written as an .xlsx the way Excel saves one: shared strings, deflated parts, numbers
 * as numbers (floors, sizes, phones) and ids as text. Run by scripts/bench.mjs through tsx:
 *   node --import tsx scripts/bench-xlsx-roster.ts roster.csv roster.xlsx
 */
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { writeXlsxFile, type CellInput } from './xlsx-build.js';

const [csv, xlsx] = process.argv.slice(2);
if (!csv || !xlsx) throw new Error('usage: bench-xlsx-roster.ts ROSTER.csv OUT.xlsx');

const lines: string[] = [];
for await (const line of createInterface({ input: createReadStream(csv, 'utf8'), crlfDelay: Infinity }))
  if (line !== '') lines.push(line.replace(/^\uFEFF/, ''));

function* rows(): Generator<CellInput[]> {
  const header = lines[0]!.split(',');
  yield header;
  const numeric = new Set(['floor', 'phone', 'size'].map((h) => header.indexOf(h)));
  for (let i = 1; i < lines.length; i++)
    yield lines[i]!.split(',').map((v, c) => (numeric.has(c) && /^\d+$/.test(v) ? Number(v) : v));
}
await writeXlsxFile(xlsx, '户册', rows());
