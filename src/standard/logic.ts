import type { Condition, Favourable, Indicator, Option, Policy, Question, Standard } from './schema.js';

/**
 * Pure questionnaire logic shared by the interview, status, scoring and simulation: skip
 * conditions, and whether a respondent counts as favourable for an indicator.
 */

/** A respondent's answers: question id → option code; absent when not asked or not answered. */
export type Answers = Readonly<Record<string, number | undefined>>;

export type Classification = 'favourable' | 'unfavourable' | 'excluded';

/** What one condition says about one respondent. */
export type ConditionOutcome = 'yes' | 'no' | 'not_sure' | 'unanswered' | 'skipped';

// Indicators produced by parseStandard remember their standard, so classifyIndicator(indicator,
// answers) needs no third argument for them.
const owners = new WeakMap<Indicator, Standard>();

/** Link each indicator to its standard (parseStandard does this for every standard it returns). */
export function registerStandard(standard: Standard): Standard {
  for (const ind of standard.indicators) owners.set(ind, standard);
  return standard;
}

export function findQuestion(standard: Standard, id: string): Question | undefined {
  return standard.questions.find((q) => q.id === id);
}

/**
 * The questions asked of a respondent with these answers, in questionnaire order. A question with
 * `ask_if` is asked only when the question it refers to was asked and answered with one of the
 * listed codes (skip conditions chain: a skipped question skips the questions that depend on it).
 * Call it again after each answer to find the next question during an interview.
 */
export function askedQuestions(standard: Standard, answers: Answers): Question[] {
  const asked = new Set<string>();
  const out: Question[] = [];
  for (const q of standard.questions) {
    if (q.ask_if) {
      const a = answers[q.ask_if.question];
      if (!asked.has(q.ask_if.question) || a === undefined || !q.ask_if.in.includes(a)) continue;
    }
    asked.add(q.id);
    out.push(q);
  }
  return out;
}

export function notSureOption(q: Question): Option | undefined {
  return q.options.find((o) => o.not_sure);
}

/** What a respondent's answer to one condition's question says. */
export function conditionOutcome(
  standard: Standard,
  cond: Condition,
  answers: Answers,
  asked: ReadonlySet<string> = new Set(askedQuestions(standard, answers).map((q) => q.id)),
): ConditionOutcome {
  if (!asked.has(cond.question)) return 'skipped';
  const a = answers[cond.question];
  if (a === undefined) return 'unanswered';
  if (cond.in.includes(a)) return 'yes';
  const q = findQuestion(standard, cond.question);
  if (q && notSureOption(q)?.code === a) return 'not_sure';
  return 'no';
}

/**
 * Whether a respondent counts as favourable for an indicator, is not favourable, or is left out
 * of the denominator. Not sure, unanswered and skipped answers count as the indicator says
 * (`not_favourable`: a "no"; `exclude`: unknown). Several conditions combine with three-valued
 * logic: all_of is favourable only if every condition is, unfavourable as soon as one is a "no",
 * else excluded; any_of is favourable as soon as one condition is; at_least k is favourable with
 * k "yes", unfavourable when even the unknown ones could not reach k, else excluded.
 */
export function classifyIndicator(
  indicator: Indicator,
  answers: Answers,
  standard?: Standard,
): Classification {
  const s = standard ?? owners.get(indicator);
  if (!s)
    throw new Error(
      `classifyIndicator: indicator "${indicator.id}" does not come from parseStandard; pass its standard`,
    );
  const asked = new Set(askedQuestions(s, answers).map((q) => q.id));
  const policyOf = (o: ConditionOutcome): Policy | undefined =>
    o === 'not_sure'
      ? indicator.not_sure
      : o === 'unanswered'
        ? indicator.unanswered
        : o === 'skipped'
          ? indicator.skipped
          : undefined;
  const values = favourableConditions(indicator.favourable).map((c): 'yes' | 'no' | 'unknown' => {
    const o = conditionOutcome(s, c, answers, asked);
    if (o === 'yes' || o === 'no') return o;
    return policyOf(o) === 'exclude' ? 'unknown' : 'no';
  });
  const yes = values.filter((v) => v === 'yes').length;
  const unknown = values.filter((v) => v === 'unknown').length;
  const f = indicator.favourable;
  const need = 'all_of' in f ? values.length : 'of' in f ? f.at_least : 1;
  if (yes >= need) return 'favourable';
  if (yes + unknown < need) return 'unfavourable';
  return 'excluded';
}

/**
 * An answer typed by a person or found in a spreadsheet: the option code, or its Chinese or English
 * label (case and surrounding spaces ignored). Undefined when it matches no option.
 */
export function parseAnswer(q: Question, raw: string): Option | undefined {
  const t = raw.trim();
  if (t === '') return undefined;
  if (/^\d+(\.0+)?$/.test(t)) {
    const n = Number(t);
    return q.options.find((o) => o.code === n);
  }
  const k = t.toLowerCase();
  return q.options.find((o) => o.zh.trim() === t || o.en.trim().toLowerCase() === k);
}

/** The leaf conditions of a favourable rule, in order. */
export function favourableConditions(f: Favourable): Condition[] {
  if ('all_of' in f) return f.all_of;
  if ('any_of' in f) return f.any_of;
  if ('of' in f) return f.of;
  return [{ question: f.question, in: f.in }];
}
