import { mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { UserError } from '../core/errors.js';
import { writeFileAtomic } from '../io/atomic.js';
import type { ScoreReport } from '../scoring/report-types.js';
import { REPORT_FILE, type ReportFormat } from './formats.js';
import { renderReport, type RenderOptions } from './index.js';

/**
 * The file-writing edge of the reports (the renderers are pure): each format rendered and written
 * atomically into `dir` under its usual name (report.json, report.html, junit.xml...). Returns the paths.
 */
export function writeReportFiles(
  report: ScoreReport,
  formats: readonly ReportFormat[],
  dir: string,
  opts: RenderOptions,
): string[] {
  try {
    mkdirSync(dir, { recursive: true });
  } catch {
    throw new UserError(`${dir}: cannot create the folder`);
  }
  if (!statSync(dir).isDirectory()) throw new UserError(`${dir}: not a folder`);
  return formats.map((f) => {
    const path = join(dir, REPORT_FILE[f]);
    writeFileAtomic(path, renderReport(report, f, opts));
    return path;
  });
}
