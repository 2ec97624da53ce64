import { visit, type Document } from 'yaml';
import { t, type Message } from '../core/messages.js';
import { describeValue, expectedMessage, safeParseIn } from '../core/zod-text.js';
import { zm } from '../core/zod-text.messages.js';
import { scopeLang } from '../io/run-scope.js';
import { ds } from './schema.messages.js';
import { parseYamlFile } from '../io/schema-file.js';
import { z } from 'zod';
import { DISPOSITION_TOKENS } from '../fieldwork/dispositions.js';
import { CANONICAL_COLUMNS } from '../roster/columns.js';
import { DEFAULT_ORDER } from '../sampling/design.js';
import { DEFAULT_RESPONSE_RATE } from '../synth/response-defaults.js';
import { parseRate } from '../core/rate.js';

/**
 * The drill file (YAML): everything one mock assessment needs, so that `hhsurvey drill` can run
 * check → sample → (synthetic responses) → score with no other input. Field names are the file
 * format offices write by hand: keep them stable. Paths are relative to the drill file.
 *
 * ```yaml
 * name: 2026年第4季度模拟测评
 * date: 2026-11-28            # optional; default: today (China time; SOURCE_DATE_EPOCH honoured)
 * roster: roster.csv
 * seed: date                  # or any text; `date` derives it from the drill date
 * sampling: { by: [street, community], size: 22, reserve: 5, method: systematic }
 * standard: national-mock     # a built-in id or a file
 * max_visits: 1              # visits to a household where nobody is home
 * responses: [team1.csv]      # real fieldwork, or instead:
 * synthetic:
 *   rates: { awareness: 0.93, participation: 0.85 }   # or one rate for every indicator
 *   strata: { 南全福社区: { awareness: 0.80 } }
 *   response_rate: 0.85
 * ```
 */

const describe = (v: unknown) => describeValue(v, scopeLang());

/** What a value must be: a message of the catalogue, in the run's language when it is read. */
const expected = (what: Message) => expectedMessage(what, scopeLang);

const text = () =>
  z
    .string({ error: expected(zm.text) })
    .refine((s) => s.trim() !== '', { error: () => t(scopeLang(), zm.notEmpty) });

/** A rate: 0.93 or "93%". */
const rate = () =>
  z.union([z.number(), z.string()], { error: expected(ds.rate) }).transform((v, ctx) => {
    const r = typeof v === 'number' ? (v >= 0 && v <= 1 ? v : undefined) : parseRate(v);
    if (r === undefined) {
      ctx.addIssue({
        code: 'custom',
        message: t(scopeLang(), zm.mustBe, { what: t(scopeLang(), ds.rate), got: describe(v) }),
      });
      return z.NEVER;
    }
    return r;
  });

const whole = (min: number, max = Number.MAX_SAFE_INTEGER) =>
  z.number({ error: expected(zm.whole) }).refine((n) => Number.isInteger(n) && n >= min && n <= max, {
    error: (iss) =>
      max === Number.MAX_SAFE_INTEGER
        ? t(scopeLang(), ds.wholeFrom, { min, got: describe(iss.input) })
        : t(scopeLang(), ds.wholeBetween, { min, max, got: describe(iss.input) }),
  });

/** A list, or a single value standing for a list of one (`by: community`). */
const list = () =>
  z
    .union([text(), z.array(text(), { error: expected(ds.listOfNames) })], {
      error: expected(ds.nameOrList),
    })
    .transform((v) =>
      typeof v === 'string'
        ? v
            .split(',')
            .map((s) => s.trim())
            .filter((s) => s !== '')
        : v,
    );

const rateMap = () => z.record(text(), rate(), { error: expected(ds.indicatorRates) });

export const samplingSchema = z
  .strictObject(
    {
      // Absent: sub-district and community when the roster has a sub-district column.
      by: list().optional(),
      size: whole(1).optional(),
      total: whole(1).optional(),
      allocation: z
        .enum(['proportional', 'equal', 'neyman'], { error: expected(ds.allocation) })
        .default('proportional'),
      min_per_stratum: whole(0).default(1),
      prior: text().optional(),
      prior_indicator: text().optional(),
      reserve: whole(0).default(0),
      method: z.enum(['random', 'systematic'], { error: expected(ds.method) }).default('random'),
      order: list().default(DEFAULT_ORDER),
      only: list().optional(),
      exclude: list().optional(),
      mask: list().optional(),
      // How to read an office roster, as check and sample's --sheet, --column, --id-from, --fill-down.
      sheet: z
        .union([text(), z.number()], { error: expected(ds.sheet) })
        .transform(String)
        .optional(),
      columns: z
        .partialRecord(
          z.enum(CANONICAL_COLUMNS, { error: () => t(scopeLang(), ds.oneOf, { list: CANONICAL_COLUMNS }) }),
          text(),
          {
            error: expected(ds.columns),
          },
        )
        .optional(),
      id_from: list().optional(),
      fill_down: list().optional(),
      encoding: z.enum(['auto', 'utf8', 'gb18030'], { error: expected(ds.encoding) }).default('auto'),
    },
    { error: expected(ds.sampling) },
  )
  .superRefine((s, ctx) => {
    if (s.size !== undefined && s.total !== undefined)
      ctx.addIssue({ code: 'custom', path: ['total'], message: t(scopeLang(), ds.sizeOrTotal) });
    if (s.allocation === 'neyman' && s.total === undefined)
      ctx.addIssue({ code: 'custom', path: ['allocation'], message: t(scopeLang(), ds.neymanNeedsTotal) });
    if (s.prior !== undefined && s.allocation !== 'neyman')
      ctx.addIssue({ code: 'custom', path: ['prior'], message: t(scopeLang(), ds.priorNeymanOnly) });
  });

/** One rate for every indicator, or a mapping of indicator ids to rates (errors from the form given). */
const rateOrMap = () =>
  z.unknown().transform((v, ctx): number | Record<string, number> => {
    if (v === undefined) {
      ctx.addIssue({ code: 'custom', message: t(scopeLang(), ds.rateRequired) });
      return z.NEVER;
    }
    const r =
      typeof v === 'object' && v !== null && !Array.isArray(v)
        ? safeParseIn(rateMap(), v, scopeLang())
        : safeParseIn(rate(), v, scopeLang());
    if (r.success) return r.data;
    for (const iss of r.error.issues) ctx.addIssue({ code: 'custom', path: iss.path, message: iss.message });
    return z.NEVER;
  });

const NON_RESPONSE = DISPOSITION_TOKENS.filter((t) => t !== 'complete');

export const syntheticSchema = z.strictObject(
  {
    /** One rate for every indicator, or indicator → rate. */
    rates: rateOrMap(),
    /** Stratum (or community) → indicator → rate. */
    strata: z.record(text(), rateMap(), { error: expected(ds.strataRates) }).optional(),
    /** A CSV of stratum, indicator, rate. */
    rates_file: text().optional(),
    response_rate: rate().default(DEFAULT_RESPONSE_RATE),
    not_sure: rate().default(0),
    non_response: z
      .partialRecord(
        z.enum(NON_RESPONSE, { error: () => t(scopeLang(), ds.oneOf, { list: NON_RESPONSE }) }),
        z
          .number({ error: expected(ds.weight) })
          .refine((n) => n >= 0, { error: () => t(scopeLang(), ds.zeroOrMore) }),
        { error: expected(ds.weights) },
      )
      .optional(),
    /** Seed of the synthetic responses; default: derived from the drill's seed. */
    seed: z.union([text(), z.number()]).transform(String).optional(),
  },
  { error: expected(ds.synthetic) },
);

export const drillSchema = z
  .strictObject(
    {
      name: text().optional(),
      date: z
        .string({ error: expected(ds.date) })
        .refine((s) => isDate(s), {
          error: (iss) =>
            t(scopeLang(), zm.mustBe, { what: t(scopeLang(), ds.date), got: describe(iss.input) }),
        })
        .optional(),
      roster: text(),
      seed: z.union([text(), z.number()], { error: expected(ds.seed) }).transform(String),
      sampling: samplingSchema.default({
        allocation: 'proportional',
        min_per_stratum: 1,
        reserve: 0,
        method: 'random',
        order: DEFAULT_ORDER,
        encoding: 'auto',
      }),
      standard: text().optional(),
      ci: z
        .enum(['hypergeometric', 'wilson', 'clopper-pearson'], {
          error: expected(ds.ci),
        })
        .default('hypergeometric'),
      /** Passing results whose risk of failing the official check is above this level are "at risk". */
      risk_level: z
        .number({ error: expected(zm.number) })
        .refine((n) => n > 0 && n < 1, {
          error: (iss) => t(scopeLang(), ds.between01, { got: describe(iss.input) }),
        })
        .optional(),
      confidence: z
        .number({ error: expected(zm.number) })
        .refine((n) => n > 0 && n < 1, {
          error: (iss) => t(scopeLang(), ds.between01, { got: describe(iss.input) }),
        })
        .optional(),
      /** Visits to a household where nobody is home (as `interview --max-visits`). */
      max_visits: whole(1, 20).default(1),
      responses: list().optional(),
      synthetic: syntheticSchema.optional(),
    },
    {
      error: (iss) => t(scopeLang(), ds.drillMapping, { got: describe(iss.input) }),
    },
  )
  .superRefine((d, ctx) => {
    if ((d.responses === undefined) === (d.synthetic === undefined))
      ctx.addIssue({
        code: 'custom',
        path: d.responses === undefined ? [] : ['synthetic'],
        message: t(scopeLang(), d.responses === undefined ? ds.responsesOrSynthetic : ds.notBoth),
      });
  });

export type Drill = z.output<typeof drillSchema>;

function isDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCMonth() + 1 === Number(m[2]) && d.getUTCDate() === Number(m[3]);
}

/**
 * Parse and validate a drill file, or throw a UserError listing every problem as
 * `file:line: path: message`.
 */
export function parseDrill(source: string, file: string): Drill {
  const lang = scopeLang();
  return parseYamlFile(
    source,
    file,
    {
      schema: drillSchema,
      notYaml: (f) => t(lang, ds.notYaml, { file: f }),
      problems: (f, n) => t(lang, ds.problems, { file: f, n }),
      prepare: keepUnusualNumbersAsText,
    },
    lang,
  );
}

/**
 * Numbers in a drill file are written in decimal digits, as in flags and CSV files (src/core/rate.ts):
 * a scalar YAML reads as a number but written otherwise (`0x1`, `0o7`, `1e-1`, `+0.9`, `.inf`) stays
 * text, so the schema refuses it instead of running with a rate of 1.
 */
function keepUnusualNumbersAsText(doc: Document): void {
  visit(doc, {
    Scalar(_, node) {
      if (
        typeof node.value === 'number' &&
        node.source !== undefined &&
        !/^-?(\d+(\.\d*)?|\.\d+)$/.test(node.source)
      )
        node.value = node.source;
    },
  });
}
