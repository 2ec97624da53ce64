import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { SCHEMA_FILE, scoreReportSchemaText } from '../scripts/score-report-schema.js';
import { scoreReportSchema } from '../src/scoring/report-schema.js';

/**
 * The score report's shape has one definition (src/scoring/report-schema.ts): the JSON Schema in
 * schemas/ is generated from it, and is what the score and report tests validate real reports with.
 */
describe('schemas/score-report.schema.json', () => {
  it('is exactly what scripts/score-report-schema.ts writes from the zod schema', () => {
    expect(readFileSync(SCHEMA_FILE, 'utf8')).toBe(scoreReportSchemaText());
  });

  it('compiles under ajv strict mode and requires what the zod schema requires', () => {
    const schema = JSON.parse(scoreReportSchemaText()) as { required: string[] };
    expect(() => new Ajv2020({ strict: true }).compile(schema)).not.toThrow();
    expect(schema.required).toContain('strata');
    expect(schema.required).not.toContain('title');
  });

  it('the zod schema rejects what is not a report', () => {
    expect(scoreReportSchema.safeParse({ format: 'hhsurvey-score-report' }).success).toBe(false);
    expect(scoreReportSchema.safeParse([]).success).toBe(false);
  });
});
