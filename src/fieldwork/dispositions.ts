/**
 * Final dispositions of a visited household and the AAPOR outcome rates (AAPOR Standard
 * Definitions, in-person household surveys). The tokens are what the responses file and the
 * piped interview protocol use; the terminal shows the labels.
 */

export const DISPOSITION_TOKENS = [
  'complete',
  'partial',
  'refused',
  'break_off',
  'not_home',
  'unable',
  'language',
  'not_found',
  'not_dwelling',
  'vacant',
  'no_eligible',
] as const;

export type DispositionToken = (typeof DISPOSITION_TOKENS)[number];

/**
 * AAPOR groups: I complete, P partial, R refusal and break-off, NC non-contact, O other
 * non-interview, UH unknown if a housing unit, UO unknown other, NE not eligible.
 */
export type DispositionCategory = 'I' | 'P' | 'R' | 'NC' | 'O' | 'UH' | 'UO' | 'NE';

export interface Disposition {
  token: DispositionToken;
  /** AAPOR final disposition code. */
  aapor: string;
  category: DispositionCategory;
  zh: string;
  en: string;
  /** The single key that picks it in the terminal. */
  key: string;
}

export const DISPOSITIONS: readonly Disposition[] = [
  { token: 'complete', aapor: '1.1', category: 'I', zh: '完成', en: 'Complete', key: '1' },
  { token: 'partial', aapor: '1.2', category: 'P', zh: '部分完成', en: 'Partial', key: '2' },
  { token: 'refused', aapor: '2.11', category: 'R', zh: '拒访', en: 'Refused', key: '3' },
  { token: 'break_off', aapor: '2.12', category: 'R', zh: '中途拒绝', en: 'Break-off', key: '4' },
  { token: 'not_home', aapor: '2.23', category: 'NC', zh: '无人在家', en: 'Nobody home', key: '5' },
  { token: 'unable', aapor: '2.32', category: 'O', zh: '无法应答', en: 'Unable to respond', key: '6' },
  { token: 'language', aapor: '2.33', category: 'O', zh: '语言障碍', en: 'Language barrier', key: '7' },
  { token: 'not_found', aapor: '3.18', category: 'UH', zh: '地址未找到', en: 'Address not found', key: '8' },
  { token: 'not_dwelling', aapor: '4.5', category: 'NE', zh: '非住宅', en: 'Not a dwelling', key: '9' },
  { token: 'vacant', aapor: '4.6', category: 'NE', zh: '空置', en: 'Vacant', key: 'a' },
  {
    token: 'no_eligible',
    aapor: '4.7',
    category: 'NE',
    zh: '无合格受访者',
    en: 'No eligible respondent',
    key: 'b',
  },
];

const BY_TOKEN = new Map<string, Disposition>(DISPOSITIONS.map((d) => [d.token, d]));

export function disposition(token: DispositionToken): Disposition {
  return BY_TOKEN.get(token)!;
}

/** A disposition as typed: its token, Chinese or English label, or AAPOR code. */
export function parseDisposition(raw: string): Disposition | undefined {
  const t = raw.trim();
  if (t === '') return undefined;
  const k = t.toLowerCase().replace(/[\s-]+/g, '_');
  return (
    BY_TOKEN.get(k) ??
    DISPOSITIONS.find((d) => d.zh === t || d.en.toLowerCase().replace(/[\s-]+/g, '_') === k || d.aapor === t)
  );
}

/** Answers are recorded only for complete and partial interviews. */
export function isInterview(token: DispositionToken): boolean {
  return token === 'complete' || token === 'partial';
}

/**
 * Whether a household's outcome is final. Nobody at home may be revisited up to `maxVisits`
 * times; every other disposition is final at once.
 */
export function isFinal(token: DispositionToken, visits: number, maxVisits: number): boolean {
  return token !== 'not_home' || visits >= maxVisits;
}

export type DispositionCounts = Record<DispositionCategory, number>;

export function emptyCounts(): DispositionCounts {
  return { I: 0, P: 0, R: 0, NC: 0, O: 0, UH: 0, UO: 0, NE: 0 };
}

export function countDispositions(tokens: Iterable<DispositionToken>): DispositionCounts {
  const c = emptyCounts();
  for (const t of tokens) c[disposition(t).category]++;
  return c;
}

/** A rate, or null when its denominator is 0 (nothing to divide by yet). */
export type Rate = number | null;

const ratio = (num: number, den: number): Rate => (den > 0 ? num / den : null);

/**
 * e: the estimated share of unknown-eligibility cases that are eligible. Default estimate
 * (AAPOR's proportional allocation): eligible ÷ (eligible + not eligible) among resolved cases.
 */
export function estimateEligibility(c: DispositionCounts): Rate {
  const eligible = c.I + c.P + c.R + c.NC + c.O;
  return ratio(eligible, eligible + c.NE);
}

const eligibleNonInterview = (c: DispositionCounts) => c.R + c.NC + c.O;
const unknown = (c: DispositionCounts) => c.UH + c.UO;

/** RR1 = I / ((I+P) + (R+NC+O) + (UH+UO)) */
export function rr1(c: DispositionCounts): Rate {
  return ratio(c.I, c.I + c.P + eligibleNonInterview(c) + unknown(c));
}
/** RR2 = (I+P) / ((I+P) + (R+NC+O) + (UH+UO)) */
export function rr2(c: DispositionCounts): Rate {
  return ratio(c.I + c.P, c.I + c.P + eligibleNonInterview(c) + unknown(c));
}
/** RR3 = I / ((I+P) + (R+NC+O) + e(UH+UO)) */
export function rr3(c: DispositionCounts, e: Rate = estimateEligibility(c)): Rate {
  return ratio(c.I, c.I + c.P + eligibleNonInterview(c) + (e ?? 1) * unknown(c));
}
/** RR4 = (I+P) / ((I+P) + (R+NC+O) + e(UH+UO)) */
export function rr4(c: DispositionCounts, e: Rate = estimateEligibility(c)): Rate {
  return ratio(c.I + c.P, c.I + c.P + eligibleNonInterview(c) + (e ?? 1) * unknown(c));
}
/** RR5 = I / ((I+P) + (R+NC+O)) */
export function rr5(c: DispositionCounts): Rate {
  return ratio(c.I, c.I + c.P + eligibleNonInterview(c));
}
/** RR6 = (I+P) / ((I+P) + (R+NC+O)) */
export function rr6(c: DispositionCounts): Rate {
  return ratio(c.I + c.P, c.I + c.P + eligibleNonInterview(c));
}
/** COOP1 = I / ((I+P) + R + O) */
export function coop1(c: DispositionCounts): Rate {
  return ratio(c.I, c.I + c.P + c.R + c.O);
}
/** COOP2 = (I+P) / ((I+P) + R + O) */
export function coop2(c: DispositionCounts): Rate {
  return ratio(c.I + c.P, c.I + c.P + c.R + c.O);
}
/** REF1 = R / ((I+P) + (R+NC+O) + (UH+UO)) */
export function ref1(c: DispositionCounts): Rate {
  return ratio(c.R, c.I + c.P + eligibleNonInterview(c) + unknown(c));
}
/** CON1 = ((I+P) + R + O) / ((I+P) + (R+NC+O) + (UH+UO)) */
export function con1(c: DispositionCounts): Rate {
  return ratio(c.I + c.P + c.R + c.O, c.I + c.P + eligibleNonInterview(c) + unknown(c));
}

export interface OutcomeRates {
  rr1: Rate;
  rr2: Rate;
  rr3: Rate;
  rr4: Rate;
  rr5: Rate;
  rr6: Rate;
  coop1: Rate;
  coop2: Rate;
  ref1: Rate;
  con1: Rate;
  e: Rate;
}

export function outcomeRates(c: DispositionCounts, e: Rate = estimateEligibility(c)): OutcomeRates {
  return {
    rr1: rr1(c),
    rr2: rr2(c),
    rr3: rr3(c, e),
    rr4: rr4(c, e),
    rr5: rr5(c),
    rr6: rr6(c),
    coop1: coop1(c),
    coop2: coop2(c),
    ref1: ref1(c),
    con1: con1(c),
    e,
  };
}
