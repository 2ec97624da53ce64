import { z } from 'zod';
import { t, type Message } from '../core/messages.js';
import { describeValue, expectedMessage } from '../core/zod-text.js';
import { zm } from '../core/zod-text.messages.js';
import { scopeLang } from '../io/run-scope.js';
import { sf, sv } from './messages.js';

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

const lang = () => scopeLang();
const describe = (v: unknown) => describeValue(v, scopeLang());
const say = (m: Message) => () => t(scopeLang(), m);

/** The message for a value of the wrong type: "required" when missing. */
const expected = (what: Message) => expectedMessage(what, lang);

const text = () =>
  z.string({ error: expected(zm.text) }).refine((s) => s.trim() !== '', { error: say(zm.notEmpty) });

const localText = z.strictObject({ zh: text(), en: text() }, { error: expected(sf.localText) });

const identifier = () =>
  z.string({ error: expected(zm.text) }).refine((s) => ID.test(s), {
    error: (iss) => t(scopeLang(), sf.identifier, { got: describe(iss.input) }),
  });

const number = () => z.number({ error: expected(zm.number) });

const code = z
  .number({ error: expected(zm.whole) })
  .refine((n) => Number.isInteger(n) && n >= 0 && n <= 9999, {
    error: (iss) => t(scopeLang(), sv.codeRange, { got: describe(iss.input) }),
  });

const codeList = z
  .array(code, { error: (iss) => t(scopeLang(), sf.codeList, { got: describe(iss.input) }) })
  .min(1, { error: say(sf.oneCode) });

export const conditionSchema = z.strictObject(
  {
    question: identifier(),
    in: codeList,
  },
  { error: expected(sf.condition) },
);

const optionSchema = z.strictObject(
  {
    code,
    zh: text(),
    en: text(),
    not_sure: z.boolean({ error: expected(zm.trueFalse) }).default(false),
  },
  { error: expected(sf.option) },
);

export const questionSchema = z.strictObject(
  {
    id: identifier(),
    text: localText,
    options: z.array(optionSchema, { error: expected(sf.options) }).min(2, { error: say(sf.twoOptions) }),
    ask_if: conditionSchema.optional(),
    required: z.boolean({ error: expected(zm.trueFalse) }).default(true),
    note: localText.optional(),
  },
  { error: expected(sf.question) },
);

const policy = z.enum(['not_favourable', 'exclude'], {
  error: expected(sf.policy),
});

const favourableSchema = z
  .strictObject(
    {
      question: identifier().optional(),
      in: codeList.optional(),
      all_of: z
        .array(conditionSchema, { error: say(sf.conditions) })
        .min(1)
        .optional(),
      any_of: z
        .array(conditionSchema, { error: say(sf.conditions) })
        .min(1)
        .optional(),
      at_least: z
        .number({ error: expected(zm.whole) })
        .int({ error: (iss) => t(scopeLang(), sf.wholeGot, { got: describe(iss.input) }) })
        .optional(),
      of: z
        .array(conditionSchema, { error: say(sf.conditions) })
        .min(1)
        .optional(),
    },
    { error: expected(sf.mapping) },
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
        message: forms.length === 0 ? t(scopeLang(), sf.giveOne) : t(scopeLang(), sf.giveOnlyOne, { forms }),
      });
      return;
    }
    if (forms[0] === 'question' && (f.question === undefined || f.in === undefined))
      ctx.addIssue({ code: 'custom', message: t(scopeLang(), sf.questionWithIn) });
    if (forms[0] === 'at_least' && (f.at_least === undefined || f.of === undefined))
      ctx.addIssue({ code: 'custom', message: t(scopeLang(), sf.atLeastWithOf) });
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
  { error: expected(sf.indicator) },
);

export const standardSchema = z.strictObject(
  {
    id: z.string({ error: expected(zm.text) }).refine((s) => /^[a-z0-9][a-z0-9_-]*$/i.test(s), {
      error: (iss) => t(scopeLang(), sf.standardId, { got: describe(iss.input) }),
    }),
    version: z.union([z.string(), z.number()]).transform(String).optional(),
    name: localText,
    note: localText.optional(),
    confidence: number().refine((n) => n > 0 && n < 1, {
      error: (iss) => t(scopeLang(), sv.between01Exclusive, { got: describe(iss.input) }),
    }),
    pass_rule: z.enum(['point', 'lower_bound'], {
      error: expected(sf.passRule),
    }),
    eligibility: localText.optional(),
    questions: z
      .array(questionSchema, { error: expected(sf.questions) })
      .min(1, { error: say(sf.oneQuestion) }),
    indicators: z
      .array(indicatorSchema, { error: expected(sf.indicators) })
      .min(1, { error: say(sf.oneIndicator) }),
  },
  {
    error: (iss) => t(scopeLang(), sf.standard, { got: describe(iss.input) }),
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
