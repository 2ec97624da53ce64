import { UserError } from '../core/errors.js';
import { t } from '../core/messages.js';
import { readUtf8File } from '../io/inputs.js';
import { scopeLang } from '../io/run-scope.js';
import { parseJsonFile } from '../io/schema-file.js';
import { rf } from './report-file.messages.js';
import { scoreReportSchema } from './report-schema.js';
import { REPORT_FORMAT, type ScoreReport } from './report-types.js';

/**
 * A score report read back (`compare`, `sample --prior`), validated with the report's one schema.
 * A JSON file that is no score report at all is one line; a report whose fields do not match the
 * format is each problem at its line.
 */
export function readScoreReport(path: string, label: string): ScoreReport {
  const lang = scopeLang();
  return parseJsonFile(readUtf8File(path, label), label, {
    schema: scoreReportSchema,
    problems: (file, n) => t(lang, rf.badReport, { file, n }),
    kind: (data) => {
      const format =
        typeof data === 'object' && data !== null ? (data as { format?: unknown }).format : undefined;
      if (format !== REPORT_FORMAT) throw new UserError(t(lang, rf.notReport, { file: label }));
    },
  });
}
