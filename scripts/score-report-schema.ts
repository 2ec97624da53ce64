/**
 * Writes schemas/score-report.schema.json from the score report's zod schema
 * (src/scoring/report-schema.ts), the one definition of the report's shape:
 *
 *   npx tsx scripts/score-report-schema.ts
 *
 * test/report-schema.test.ts checks that the committed file is exactly what this script writes, so
 * change the zod schema and run this script, never edit the file.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { scoreReportJsonSchema } from '../src/scoring/report-schema.js';

export const SCHEMA_FILE = fileURLToPath(new URL('../schemas/score-report.schema.json', import.meta.url));

/** The file's text: the JSON Schema, two-space indent, a final newline. */
export function scoreReportSchemaText(): string {
  return `${JSON.stringify(scoreReportJsonSchema(), null, 2)}\n`;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  writeFileSync(SCHEMA_FILE, scoreReportSchemaText());
  process.stdout.write(`wrote ${SCHEMA_FILE}\n`);
}
