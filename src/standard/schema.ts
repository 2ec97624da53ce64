import { z } from 'zod';
import { t } from '../core/messages.js';
import { scopeLang } from '../io/run-scope.js';
import { sv } from './messages.js';
import { stripControls } from '../core/safe-text.js';

/**
 * The evaluation standard (测评体系) as data: the questionnaire, the indicators and how they are
 * judged. One zod schema turns a parsed YAML/JSON document into typed, defaulted values; the
 * cross-reference rules (ids that must exist, codes that must be options) live in parse.ts.
 * Field names are part of the file format offices write by hand: keep them stable.
 */

/** Fixed columns of the responses file: a question id must not collide with them. */
export const RESERVED_COLUMNS = [
  'household_id',
  'stratum',
  'role',
  'visit',
  'disposition',
  'interviewer',
  'recorded_at',
  'note',
] as const;

const ID = /^[a-z][a-z0-9_]*$/;

function describe(v: unknown): string {
  if (v === undefined) return 'nothing';
  if (v === null) return 'null';
  // A whole file's text when it is no mapping at all (a CSV given as YAML): the start of it.
  if (typeof v === 'string')
    return `"${v.length > 40 ? `${stripControls(v.slice(0, 40))}…` : stripControls(v)}"`;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) return 'a list';
  return 'a mapping';
}

/** The message for a value of the wrong type: "required" when missing. */
const expected = (what: string) => (iss: { input?: unknown }) =>
  iss.input === undefined ? 'required' : `must be ${what}, got ${describe(iss.input)}`;

const text = () =>
  z.string({ error: expected('text') }).refine((s) => s.trim() !== '', {
    error: 'must not be empty',
  });

const localText = z.strictObject({ zh: text(), en: text() }, { error: expected('a mapping { zh, en }') });

const identifier = () =>
  z.string({ error: expected('text') }).refine((s) => ID.test(s), {
    error: (iss) =>
      `must start with a lower-case letter and hold only a-z, 0-9 and _, got ${describe(iss.input)}`,
  });

const number = () => z.number({ error: expected('a number') });

const code = z
  .number({ error: expected('a whole number') })
  .refine((n) => Number.isInteger(n) && n >= 0 && n <= 9999, {
    error: (iss) => t(scopeLang(), sv.codeRange, { got: describe(iss.input) }),
  });

const codeList = z
  .array(code, { error: (iss) => `must be a list of option codes, got ${describe(iss.input)}` })
  .min(1, { error: 'must list at least one option code' });

export const conditionSchema = z.strictObject(
  {
    question: identifier(),
    in: codeList,
  },
  { error: expected('a mapping { question, in }') },
);

const optionSchema = z.strictObject(
  {
    code,
    zh: text(),
    en: text(),
    not_sure: z.boolean({ error: expected('true or false') }).default(false),
  },
  { error: expected('a mapping { code, zh, en }') },
);

export const questionSchema = z.strictObject(
  {
    id: identifier(),
    text: localText,
    options: z
      .array(optionSchema, { error: expected('a list of options') })
      .min(2, { error: 'a single-choice question needs at least 2 options' }),
    ask_if: conditionSchema.optional(),
    required: z.boolean({ error: expected('true or false') }).default(true),
    note: localText.optional(),
  },
  { error: expected('a mapping { id, text, options }') },
);

const policy = z.enum(['not_favourable', 'exclude'], {
  error: expected('not_favourable or exclude'),
});

const favourableSchema = z
  .strictObject(
    {
      question: identifier().optional(),
      in: codeList.optional(),
      all_of: z.array(conditionSchema, { error: 'must be a list of { question, in }' }).min(1).optional(),
      any_of: z.array(conditionSchema, { error: 'must be a list of { question, in }' }).min(1).optional(),
      at_least: z
        .number({ error: expected('a whole number') })
        .int({ error: (iss) => `must be a whole number, got ${describe(iss.input)}` })
        .optional(),
      of: z.array(conditionSchema, { error: 'must be a list of { question, in }' }).min(1).optional(),
    },
    { error: expected('a mapping') },
  )
  .superRefine((f, ctx) => {
    const forms = [
      f.question !== undefined || f.in !== undefined ? 'question' : '',
      f.all_of ? 'all_of' : '',
      f.any_of ? 'any_of' : '',
      f.at_least !== undefined || f.of !== undefined ? 'at_least' : '',
    ].filter((s) => s !== '');
    if (forms.length !== 1) {
      ctx.addIssue({
        code: 'custom',
        message:
          forms.length === 0
            ? 'give one of: question + in, all_of, any_of, or at_least + of'
            : `give only one of: question + in, all_of, any_of, or at_least + of (got ${forms.join(', ')})`,
      });
      return;
    }
    if (forms[0] === 'question' && (f.question === undefined || f.in === undefined))
      ctx.addIssue({ code: 'custom', message: 'question and in go together' });
    if (forms[0] === 'at_least' && (f.at_least === undefined || f.of === undefined))
      ctx.addIssue({ code: 'custom', message: 'at_least and of go together' });
  });

export const indicatorSchema = z.strictObject(
  {
    id: identifier(),
    name: localText,
    favourable: favourableSchema,
    not_sure: policy.default('not_favourable'),
    unanswered: policy.optional(),
    skipped: policy.default('not_favourable'),
    threshold: number().refine((n) => n >= 0 && n <= 1, {
      error: (iss) => t(scopeLang(), sv.between01, { got: describe(iss.input) }),
    }),
    points: number()
      .refine((n) => n >= 0, { error: (iss) => t(scopeLang(), sv.zeroOrMore, { got: describe(iss.input) }) })
      .optional(),
    note: localText.optional(),
  },
  { error: expected('a mapping { id, name, favourable, threshold }') },
);

export const standardSchema = z.strictObject(
  {
    id: z.string({ error: expected('text') }).refine((s) => /^[a-z0-9][a-z0-9_-]*$/i.test(s), {
      error: (iss) => `must hold only letters, digits, - and _, got ${describe(iss.input)}`,
    }),
    version: z.union([z.string(), z.number()]).transform(String).optional(),
    name: localText,
    note: localText.optional(),
    confidence: number().refine((n) => n > 0 && n < 1, {
      error: (iss) => t(scopeLang(), sv.between01Exclusive, { got: describe(iss.input) }),
    }),
    pass_rule: z.enum(['point', 'lower_bound'], {
      error: expected('point or lower_bound'),
    }),
    eligibility: localText.optional(),
    questions: z
      .array(questionSchema, { error: expected('a list of questions') })
      .min(1, { error: 'must hold at least one question' }),
    indicators: z
      .array(indicatorSchema, { error: expected('a list of indicators') })
      .min(1, { error: 'must hold at least one indicator' }),
  },
  {
    error: (iss) =>
      `a standard must be a mapping (id, name, questions, indicators...), got ${describe(iss.input)}`,
  },
);

export type LocalText = z.output<typeof localText>;
export type Condition = z.output<typeof conditionSchema>;
export type Option = z.output<typeof optionSchema>;
export type Question = z.output<typeof questionSchema>;
export type Policy = 'not_favourable' | 'exclude';

/** Which answers make a respondent favourable: one question, or several combined. */
export type Favourable =
  | { question: string; in: number[] }
  | { all_of: Condition[] }
  | { any_of: Condition[] }
  | { at_least: number; of: Condition[] };

export interface Indicator {
  id: string;
  name: LocalText;
  favourable: Favourable;
  /** How a "not sure" answer counts (default: not favourable). */
  not_sure: Policy;
  /** How an asked but unanswered question counts (default: as not_sure). */
  unanswered: Policy;
  /** How a question not asked because of a skip condition counts (default: not favourable). */
  skipped: Policy;
  threshold: number;
  points?: number;
  note?: LocalText;
}

export interface Standard {
  id: string;
  version?: string;
  name: LocalText;
  note?: LocalText;
  confidence: number;
  pass_rule: 'point' | 'lower_bound';
  eligibility?: LocalText;
  questions: Question[];
  indicators: Indicator[];
}

/** The leaf conditions of a favourable rule, in order. */
export function favourableConditions(f: Favourable): Condition[] {
  if ('all_of' in f) return f.all_of;
  if ('any_of' in f) return f.any_of;
  if ('of' in f) return f.of;
  return [{ question: f.question, in: f.in }];
}
