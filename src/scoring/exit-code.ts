import { EXIT, type ExitCode } from '../core/errors.js';
import type { ScoreReport } from './report-types.js';

/** 0 when the standard is met, 1 when any indicator fails (0 with --no-fail). Bad input (2) never gets here. */
export function scoreExitCode(report: Pick<ScoreReport, 'pass'>, opts: { noFail?: boolean } = {}): ExitCode {
  return report.pass || opts.noFail ? EXIT.ok : EXIT.failed;
}
