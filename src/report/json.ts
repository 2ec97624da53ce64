import type { ScoreReport } from '../scoring/report-types.js';

/** The report as JSON (schemas/score-report.schema.json): two-space indent, a final newline. */
export function renderJson(report: ScoreReport): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}
