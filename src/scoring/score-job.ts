import { resolve } from 'node:path';
import { isoSeconds } from '../core/clock.js';
import { UserError, type Problem } from '../core/errors.js';
import { VERSION } from '../core/version.js';
import { readResponses, throwOnErrors } from '../fieldwork/responses-file.js';
import { latestByHousehold, orderRows, type ResponseRow } from '../fieldwork/responses.js';
import { readSampleList } from '../sampling/sample-file.js';
import { loadStandard } from '../standard/load.js';
import { classifyIndicator } from '../standard/logic.js';
import type { CiMethod } from '../stats/proportion.js';
import { scoreAssessment } from './engine.js';
import type { HouseholdOutcome } from './inputs.js';
import type { ScoreReport } from './report-types.js';
import { computeResponseRates } from './response-rates.js';

export interface ScoreJobOptions {
  /** The sample list, as given (resolved against cwd). */
  sample: string;
  /** Responses files, as given (resolved against cwd). */
  responses: readonly string[];
  /** A standard file or a built-in id; default the built-in national-mock. */
  standard?: string;
  cwd: string;
  ciMethod: CiMethod;
  /** Overrides the standard's confidence level. */
  confidence?: number;
  now: Date;
}

export interface ScoreJobResult {
  report: ScoreReport;
  /** Warnings found in the inputs (errors throw a UserError listing every problem). */
  warnings: Problem[];
}

/**
 * Read the standard, the sample list and the responses, check them, and score: the whole of
 * `hhsurvey score` but the output, so a drill can call it too.
 */
export async function runScoreJob(opts: ScoreJobOptions): Promise<ScoreJobResult> {
  const standard = await loadStandard(opts.standard, opts.cwd);
  const sample = await readSampleList(resolve(opts.cwd, opts.sample), { label: opts.sample });
  const problems: Problem[] = [];
  const rows: ResponseRow[] = [];
  for (const file of opts.responses) {
    const r = await readResponses(resolve(opts.cwd, file), standard, { label: file });
    problems.push(...r.problems);
    rows.push(...r.rows);
  }
  const known = new Map(sample.entries.map((e) => [e.householdId, e]));
  for (const r of rows) {
    if (!known.has(r.householdId))
      problems.push({
        file: r.file,
        line: r.line,
        field: 'household_id',
        message: `household ${r.householdId} is not in the sample (${opts.sample})`,
        severity: 'error',
      });
  }
  throwOnErrors(problems);

  const outcomes = new Map<string, HouseholdOutcome>();
  for (const [id, r] of latestByHousehold(orderRows(rows))) {
    outcomes.set(id, { householdId: id, disposition: r.disposition, answers: r.answers });
  }
  if (![...outcomes.values()].some((o) => o.disposition === 'complete')) {
    throw new UserError(
      `nothing to score yet: no complete interview in ${opts.responses.join(', ')} for the households of ${opts.sample}`,
    );
  }
  const report = scoreAssessment({
    standard,
    classify: (ind, answers) => classifyIndicator(ind, answers, standard),
    sample,
    outcomes,
    responseRates: computeResponseRates,
    ciMethod: opts.ciMethod,
    ...(opts.confidence !== undefined ? { confidence: opts.confidence } : {}),
    meta: {
      version: VERSION,
      generatedAt: isoSeconds(opts.now),
      sample: opts.sample,
      responses: [...opts.responses],
    },
  });
  return { report, warnings: problems.filter((p) => p.severity === 'warning') };
}
