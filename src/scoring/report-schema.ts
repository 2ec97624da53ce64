import { z } from 'zod';
import {
  COMMUNITY_CI_METHODS,
  REPORT_FORMAT,
  REPORT_FORMAT_VERSION,
  VERDICT_GROUPS,
} from './report-types.js';

/**
 * The score report's shape, written once: the TypeScript types are inferred from it
 * (report-types.ts re-exports them), schemas/score-report.schema.json is generated from it
 * (scripts/score-report-schema.ts; a test keeps the file current), and `compare` and
 * `sample --prior` validate the reports they read with it. Field names are snake_case and part of
 * the interface: add fields, never rename. Objects strip fields they do not know when reading, so
 * a reader keeps working on reports that have gained fields; the JSON Schema lists every field.
 */

const count = () => z.int().min(0);
const unit = () => z.number().min(0).max(1);

const localName = z.object({ zh: z.string(), en: z.string() });

const verdictGroup = z.enum(VERDICT_GROUPS);

const byGroup = z.object({
  fails_now: count(),
  at_risk: count(),
  on_track: count(),
  no_data: count(),
});

export const indicatorResultSchema = z
  .object({
    id: z.string().meta({ description: 'Indicator id from the standard.' }),
    favourable: count().meta({
      description: 'Respondents counted favourable (roll-ups: the sum over strata).',
    }),
    eligible: count().meta({
      description:
        'Respondents in the denominator: complete interviews minus those the indicator excludes (not sure / unanswered / skipped, per the standard).',
    }),
    excluded: count().meta({ description: 'Complete interviews left out of the denominator.' }),
    rate: unit().nullable().meta({
      description:
        'Favourable / eligible; roll-ups: the stratified estimate sum(N_h/N p_h). Null with no eligible respondent.',
    }),
    se: z.number().min(0).nullable().meta({
      description:
        'Standard error with finite population correction: sqrt((1 - m/N) p(1-p)/(m-1)) in a community; sqrt(sum (N_h/N)^2 (1 - m_h/N_h) p_h(1-p_h)/(m_h-1)) for roll-ups.',
    }),
    ci: z.tuple([unit(), unit()]).nullable().meta({
      description:
        "Confidence interval [low, high] at the report's confidence level: ci_method for communities, Korn-Graubard for roll-ups; null with no eligible respondent.",
    }),
    threshold: unit().meta({ description: 'Pass threshold from the standard.' }),
    pass: z
      .boolean()
      .nullable()
      .meta({ description: "Pass on the standard's pass_rule; null when there is nothing to judge." }),
    too_close: z.boolean().meta({
      description: 'The interval contains the threshold: the sample cannot tell pass from fail.',
    }),
    risk: unit().nullable().optional().meta({
      description:
        "Communities only: model-based probability that the official check (a fresh simple random sample of the official size, judged by the standard's rule) fails, given the mock result; null with no data.",
    }),
    group: verdictGroup.optional().meta({
      description:
        "Communities only: fails_now (the standard's rule fails on the mock result), at_risk (passes, risk above risk_model.level), on_track, no_data.",
    }),
    df: count().optional().meta({
      description: 'Roll-ups only: degrees of freedom of the Korn-Graubard interval (respondents - strata).',
    }),
    strata_used: count().optional().meta({ description: 'Roll-ups only: strata with eligible respondents.' }),
  })
  .meta({ id: 'indicator', description: "One indicator's result in a community or a roll-up group." });

const scoreRate = z.object({ earned: z.number().min(0), possible: z.number().min(0), rate: unit() }).meta({
  description:
    'Score rate: sum(points x rate) over the indicators with points and a rate, over their points.',
});

export const stratumResultSchema = z
  .object({
    stratum: z.string().meta({ description: 'The stratum (community) as in the sample list.' }),
    street: z
      .string()
      .nullable()
      .meta({ description: 'Sub-district (街道) when the sample has that column.' }),
    population: count().meta({ description: "N_h: households in the stratum's roster." }),
    sampled: count().meta({ description: 'Primary households drawn.' }),
    reserves: count(),
    reserves_used: count().meta({ description: 'Reserve households with a record.' }),
    completes: count().meta({ description: 'Complete interviews, primaries and reserves.' }),
    not_visited: count().meta({
      description: 'Primary households with nothing recorded yet (fieldwork still open).',
    }),
    dispositions: z
      .object({
        complete: count(),
        partial: count(),
        refused: count(),
        break_off: count(),
        not_home: count(),
        unable: count(),
        language: count(),
        not_found: count(),
        not_dwelling: count(),
        vacant: count(),
        no_eligible: count(),
      })
      .meta({ description: 'Final dispositions of the households recorded.' }),
    response_rate: z
      .object({ rr1: unit().nullable(), coop1: unit().nullable() })
      .meta({ description: 'AAPOR RR1 and COOP1 on the original (primary) sample.' }),
    pass: z.boolean().nullable(),
    score: scoreRate.nullable(),
    group: verdictGroup.meta({ description: "The worst group among the community's indicators." }),
    worst_risk: unit().nullable().meta({
      description:
        "The highest risk among the community's indicators (a lower bound on the risk of failing any of them).",
    }),
    indicators: z.array(indicatorResultSchema),
  })
  .meta({ id: 'stratum' });

export const levelResultSchema = z
  .object({
    level: z.enum(['street', 'overall']),
    group: z.string().meta({ description: "The street's name, or 'overall'." }),
    strata: z.array(z.string()),
    population: count(),
    completes: count(),
    pass: z.boolean().nullable(),
    score: scoreRate.nullable(),
    indicators: z.array(indicatorResultSchema),
  })
  .meta({ id: 'level' });

export const scoreReportSchema = z
  .object({
    format: z.literal(REPORT_FORMAT),
    format_version: z.literal(REPORT_FORMAT_VERSION),
    tool: z.object({ name: z.literal('hhsurvey'), version: z.string() }),
    generated_at: z.string().meta({
      description:
        'ISO 8601 in China Standard Time (2026-12-01T08:00:22+08:00); older reports carry UTC (…Z). Honours SOURCE_DATE_EPOCH.',
    }),
    title: z.string().optional().meta({
      description:
        "The report's title: the drill's name or `score --title`. Absent: renderers title the report with the standard's name.",
    }),
    pass: z.boolean().meta({
      description:
        'The standard is met: no judged indicator fails, in any community or roll-up (and at least one was judged).',
    }),
    standard: z.string().meta({ description: 'Standard id.' }),
    standard_name: localName,
    standard_version: z.string().nullable(),
    confidence: z.number().gt(0).lt(1),
    pass_rule: z.enum(['point', 'lower_bound']),
    ci_method: z.enum(COMMUNITY_CI_METHODS).meta({
      description:
        "Interval for a community's rate: hypergeometric (exact for the finite community, the default), wilson or clopper-pearson.",
    }),
    rollup_ci_method: z.literal('korn-graubard'),
    fieldwork_complete: z.boolean().meta({ description: 'Every primary household has a record.' }),
    sample: z.string().nullable(),
    responses: z.array(z.string()),
    indicators: z.array(
      z.object({
        id: z.string(),
        name: localName,
        threshold: unit(),
        points: z.number().min(0).nullable(),
      }),
    ),
    risk_model: z
      .object({
        prior: z.enum(['uniform', 'jeffreys']).meta({
          description:
            "Prior on a community's favourable households K: uniform over 0..N, or beta-binomial(1/2, 1/2).",
        }),
        level: z
          .number()
          .gt(0)
          .lt(1)
          .meta({ description: 'A passing result with a risk above this level is at risk.' }),
        official_size: z.int().min(1).nullable().meta({
          description:
            "Households in the official sample (capped at N); null: each community's own mock sample size.",
        }),
      })
      .meta({ description: 'How the risk of failing the official check was computed (model-based).' }),
    strata: z.array(stratumResultSchema),
    levels: z.array(levelResultSchema).min(1).meta({
      description: 'Roll-ups: streets (when the sample has them), then overall, always last.',
    }),
    summary: z.object({
      strata: count(),
      strata_failed: count(),
      strata_too_close: count(),
      strata_not_judged: count(),
      indicators_failed: count(),
      indicators_too_close: count(),
      results: byGroup.meta({
        description: 'Community results (community x indicator) in each verdict group.',
      }),
      communities: byGroup.meta({
        description: "Communities in each verdict group (a community's worst indicator).",
      }),
    }),
  })
  .meta({
    title: 'hhsurvey score report',
    description:
      'Output of `hhsurvey score --format json`, read back by `hhsurvey compare` and `hhsurvey sample --prior`. Fields are added in later versions, never renamed; consumers should ignore fields they do not know.',
  });

/** The JSON Schema of the score report (schemas/score-report.schema.json), generated from the zod schema. */
export function scoreReportJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(scoreReportSchema, { target: 'draft-2020-12', io: 'output' });
}
