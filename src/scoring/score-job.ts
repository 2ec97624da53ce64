import { resolve } from 'node:path';
import { chinaIso } from '../core/clock.js';
import { UserError, type Problem } from '../core/errors.js';
import { t } from '../core/messages.js';
import { VERSION } from '../core/version.js';
import { m } from '../fieldwork/messages.js';
import { readResponses, throwOnErrors } from '../fieldwork/responses-file.js';
import { checkAgainstSample } from '../fieldwork/progress.js';
import { latestByHousehold, orderRows, type ResponseRow } from '../fieldwork/responses.js';
import { readSampleList } from '../sampling/sample-file.js';
import { assertNotExcelResaved } from '../sampling/excel-ids.js';
import type { Lang } from '../core/i18n.js';
import { loadStandard } from '../standard/load.js';
import { classifyIndicator } from '../standard/logic.js';
import { scoreAssessment, type RiskOptions } from './score-assessment.js';
import type { HouseholdOutcome } from './inputs.js';
import type { CommunityCiMethod, ScoreReport } from './report-types.js';
import { computeResponseRates } from './response-rates.js';

export interface ScoreJobOptions {
  /** The sample list, as given (resolved against cwd). */
  sample: string;
  /** Responses files, as given (resolved against cwd). */
  responses: readonly string[];
  /** A standard file or a built-in id; default the built-in national-mock. */
  standard?: string;
  cwd: string;
  ciMethod: CommunityCiMethod;
  /** Risk of failing the official check: prior, level, official sample size. */
  risk?: RiskOptions;
  /** Overrides the standard's confidence level. */
  confidence?: number;
  /** Visits allowed to a nobody-home household (as for interview and status; default 1). */
  maxVisits?: number;
  /** Language of refusals. */
  lang?: Lang;
  now: Date;
  /** The report's title (a drill's name or `--title`). */
  title?: string;
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
    const r = await readResponses(resolve(opts.cwd, file), standard, {
      label: file,
      lang: opts.lang ?? 'en',
    });
    problems.push(...r.problems);
    rows.push(...r.rows);
  }
  assertNotExcelResaved(
    rows,
    sample.entries.map((e) => e.householdId),
    opts.lang ?? 'en',
    opts.sample,
  );
  // The checks of `hhsurvey status`: unknown households, stratum or role contradicting the sample,
  // clashing completes, reserves used out of order.
  const ordered = orderRows(rows);
  problems.push(
    ...checkAgainstSample(sample.entries, ordered, {
      maxVisits: opts.maxVisits ?? 1,
      sampleLabel: opts.sample,
      lang: opts.lang ?? 'en',
    }).problems,
  );
  throwOnErrors(problems, opts.lang ?? 'en');

  const outcomes = new Map<string, HouseholdOutcome>();
  for (const [id, r] of latestByHousehold(ordered)) {
    outcomes.set(id, { householdId: id, disposition: r.disposition, answers: r.answers });
  }
  if (![...outcomes.values()].some((o) => o.disposition === 'complete')) {
    throw new UserError(
      t(opts.lang ?? 'en', m.nothingToScore, { responses: opts.responses.join(', '), sample: opts.sample }),
    );
  }
  const report = scoreAssessment({
    standard,
    classify: (ind, answers) => classifyIndicator(ind, answers, standard),
    sample,
    outcomes,
    responseRates: computeResponseRates,
    ciMethod: opts.ciMethod,
    ...(opts.risk !== undefined ? { risk: opts.risk } : {}),
    ...(opts.confidence !== undefined ? { confidence: opts.confidence } : {}),
    meta: {
      version: VERSION,
      generatedAt: chinaIso(opts.now),
      sample: opts.sample,
      responses: [...opts.responses],
    },
  });
  const title = opts.title?.trim();
  if (title) {
    // The title sits beside the other header fields of the JSON report.
    const { format, format_version, tool, generated_at, ...rest } = report;
    return {
      report: { format, format_version, tool, generated_at, title, ...rest },
      warnings: problems.filter((p) => p.severity === 'warning'),
    };
  }
  return { report, warnings: problems.filter((p) => p.severity === 'warning') };
}
