import { shuffleFirst } from '../sampling/shuffle.js';
import { chinaDate, chinaInstant } from '../core/clock.js';
import { chinaIso } from '../core/clock.js';
import type { Lang } from '../core/i18n.js';
import { t } from '../core/messages.js';
import { sr } from './messages.js';
import type { Problem } from '../core/errors.js';
import { csvLine, csvTable } from '../io/csv-write.js';
import { isInterview, type DispositionToken } from '../fieldwork/dispositions.js';
import { responseCells, responsesHeader, type ResponseRow, type Role } from '../fieldwork/responses.js';
import { planFieldwork, visitQueue, type EntryLike } from '../fieldwork/succession.js';
import { createRng, uniformInt, type Rng } from '../sampling/rng.js';
import { askedQuestions, classifyIndicator, notSureOption, type Classification } from '../standard/logic.js';
import { favourableConditions } from '../standard/logic.js';
import type { Indicator, Question, Standard } from '../standard/schema.js';
import { dict } from '../core/dict.js';

/**
 * Synthetic fieldwork for a drawn sample: who was visited, what happened at the door, and the
 * answers of those interviewed, in the responses-file format the interview command writes. Pure:
 * the sample, the standard, the true rates, a seed and a start time in; rows out.
 *
 * Model (assumptions, stated in `hhsurvey synth responses --help`):
 * - Every visited household completes with probability `responseRate`, independently; otherwise
 *   its outcome is drawn from a mix of non-response dispositions (DEFAULT_NONRESPONSE_MIX).
 *   With `maxVisits` > 1 a household may also be out at the first visits and reached later.
 * - The fieldwork succession logic (planFieldwork) decides which household is due next, so
 *   reserves replace non-responses in rank order exactly as in real fieldwork.
 * - Each respondent is favourable for an indicator with its true rate in the stratum, independently
 *   across indicators and households; "not sure" with probability `notSure` per question. With
 *   `not_sure: exclude` the rate is the rate among those with an opinion, so the measured rate
 *   converges to the true rate either way. Answers are then chosen to produce exactly those
 *   outcomes under the standard's skip rules (a small constraint search per group of indicators
 *   that share questions).
 * - A household's answers depend only on the seed, its id and its rates; visit outcomes and
 *   timing come from the stratum's own random stream, so strata do not affect each other.
 */

export { DEFAULT_RESPONSE_RATE, SYNTH_RESPONSES_ALGORITHM } from './response-defaults.js';

export type NonResponse = Exclude<DispositionToken, 'complete'>;

/**
 * What happens at the door when a household does not complete (assumption: a mix in the range
 * of public fieldwork reports, nobody at home and refusals dominating; configurable).
 */
export const DEFAULT_NONRESPONSE_MIX: Readonly<Record<NonResponse, number>> = {
  not_home: 0.45,
  refused: 0.25,
  vacant: 0.08,
  unable: 0.05,
  break_off: 0.04,
  partial: 0.04,
  not_found: 0.03,
  language: 0.02,
  not_dwelling: 0.02,
  no_eligible: 0.02,
};

/** A visited household not reached on an early visit (maxVisits > 1) is reached later with this chance. */
const AWAY_FIRST = 0.2;

export interface SynthEntry extends EntryLike {
  role: Role;
}

export interface SynthResponsesOptions {
  seed: string;
  /** True rate of an indicator in a stratum. */
  rate: (stratum: string, indicator: string) => number;
  /** Probability that a visited household completes the interview. */
  responseRate: number;
  /** Share of answers that are "not sure", per question. */
  notSure: number;
  /** Visits allowed to a household where nobody is home (as `interview --max-visits`). */
  maxVisits: number;
  /** Weights of the non-response dispositions (normalised); default DEFAULT_NONRESPONSE_MIX. */
  nonResponse?: Partial<Record<NonResponse, number>>;
  /** The fieldwork day: visits start at 09:00 China time (UTC+08:00) on this date. */
  start: Date;
}

/** One row of the responses file. */
export type SynthRow = Omit<ResponseRow, 'file' | 'line' | 'time'>;

export interface SynthStratumSummary {
  stratum: string;
  interviewer: string;
  /** Primaries: completes wanted. */
  target: number;
  completes: number;
  /** Households visited at least once. */
  visited: number;
  reservesTotal: number;
  reservesUsed: number;
  /** Non-responses that found no reserve left. */
  unreplaced: number;
  /** Final disposition of every visited household. */
  outcomes: Partial<Record<DispositionToken, number>>;
}

export interface SynthResponsesResult {
  /** The rows, in file order (empty when they were handed to a sink instead). */
  rows: SynthRow[];
  /** Number of rows (visits) made. */
  count: number;
  strata: SynthStratumSummary[];
  /**
   * Respondents for whom some indicators' drawn outcomes could not all be produced together (the
   * standard makes them contradict each other); those indicators were answered freely.
   */
  relaxed: number;
}

// ---------------------------------------------------------------------------------------------
// Checking the options

/** Every problem with the options (rates out of range, a not-sure share that leaves no room...). */
export function checkSynthOptions(
  standard: Standard,
  strata: readonly string[],
  opts: Pick<SynthResponsesOptions, 'rate' | 'responseRate' | 'notSure' | 'maxVisits' | 'nonResponse'>,
  lang: Lang = 'en',
): Problem[] {
  const problems: Problem[] = [];
  const inUnit = (v: number) => Number.isFinite(v) && v >= 0 && v <= 1;
  if (!inUnit(opts.responseRate))
    problems.push({ field: 'response rate', message: t(lang, sr.between01, { value: opts.responseRate }) });
  if (!inUnit(opts.notSure))
    problems.push({ field: 'not sure', message: t(lang, sr.between01, { value: opts.notSure }) });
  if (!Number.isInteger(opts.maxVisits) || opts.maxVisits < 1)
    problems.push({ field: 'max visits', message: t(lang, sr.wholeFrom1, { value: opts.maxVisits }) });
  if (opts.nonResponse) {
    const weights = Object.entries(opts.nonResponse);
    for (const [k, w] of weights)
      if (!(k in DEFAULT_NONRESPONSE_MIX))
        problems.push({
          field: `non-response.${k}`,
          message: t(lang, sr.notNonResponse, { list: Object.keys(DEFAULT_NONRESPONSE_MIX) }),
        });
      else if (!(typeof w === 'number' && Number.isFinite(w) && w >= 0))
        problems.push({
          field: `non-response.${k}`,
          message: t(lang, sr.badWeight, { value: String(w) }),
        });
    if (weights.every(([, w]) => !(typeof w === 'number' && w > 0)))
      problems.push({ field: 'non-response', message: t(lang, sr.noWeight) });
  }
  if (!inUnit(opts.notSure)) return problems;
  const model = new AnswerModel(standard);
  for (const s of strata)
    for (const ind of standard.indicators) {
      const p = opts.rate(s, ind.id);
      if (!inUnit(p)) {
        problems.push({ field: `${s} / ${ind.id}`, message: t(lang, sr.rateBetween01, { value: p }) });
        continue;
      }
      const q = model.notSureShare(ind, opts.notSure);
      if (ind.not_sure !== 'exclude' && p + q > 1 + 1e-12)
        problems.push({
          field: `${s} / ${ind.id}`,
          message: t(lang, sr.noRoom, { rate: p, share: q, id: ind.id, most: round6(1 - q) }),
        });
    }
  return problems;
}

const round6 = (x: number) => Math.round(x * 1e6) / 1e6;

// ---------------------------------------------------------------------------------------------
// Answers

type Target = 'yes' | 'no' | 'not_sure' | 'any';

interface IndicatorInfo {
  indicator: Indicator;
  /** Condition questions and their skip-condition ancestors, by questionnaire index. */
  relevant: number[];
  /** The last relevant question: the indicator is decided once it is answered (or skipped). */
  last: number;
  /** Some relevant question has a "not sure" option. */
  canBeNotSure: boolean;
}

interface Component {
  indicators: number[];
  /** Questionnaire indices, ascending. */
  questions: number[];
}

/**
 * The questionnaire prepared for drawing answers: indicators grouped into components that share
 * questions (components are independent: a question's skip condition refers to an earlier question
 * of the same component, since relevant sets include ancestors).
 */
export class AnswerModel {
  readonly questions: Question[];
  private readonly index = new Map<string, number>();
  private readonly info: IndicatorInfo[];
  private readonly components: Component[];
  private readonly free: number[];
  private readonly notSureCode: (number | undefined)[];

  constructor(readonly standard: Standard) {
    this.questions = standard.questions;
    this.questions.forEach((q, i) => this.index.set(q.id, i));
    this.notSureCode = this.questions.map((q) => notSureOption(q)?.code);
    this.info = standard.indicators.map((indicator) => {
      const rel = new Set<number>();
      const add = (id: string) => {
        const i = this.index.get(id);
        if (i === undefined || rel.has(i)) return;
        rel.add(i);
        const parent = this.questions[i]!.ask_if;
        if (parent) add(parent.question);
      };
      for (const c of favourableConditions(indicator.favourable)) add(c.question);
      const relevant = [...rel].sort((a, b) => a - b);
      return {
        indicator,
        relevant,
        last: relevant[relevant.length - 1] ?? -1,
        canBeNotSure: relevant.some((i) => this.notSureCode[i] !== undefined),
      };
    });
    // Union-find over indicators sharing a question.
    const parent = this.info.map((_, i) => i);
    const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
    const owner = new Map<number, number>();
    this.info.forEach((inf, i) => {
      for (const q of inf.relevant) {
        const o = owner.get(q);
        if (o === undefined) owner.set(q, i);
        else parent[find(i)] = find(o);
      }
    });
    const groups = new Map<number, Component>();
    this.info.forEach((inf, i) => {
      const root = find(i);
      let g = groups.get(root);
      if (!g) groups.set(root, (g = { indicators: [], questions: [] }));
      g.indicators.push(i);
      for (const q of inf.relevant) if (!g.questions.includes(q)) g.questions.push(q);
    });
    this.components = [...groups.values()];
    for (const c of this.components) c.questions.sort((a, b) => a - b);
    this.free = this.questions.map((_, i) => i).filter((i) => !owner.has(i));
  }

  /** The share answering "not sure" for an indicator: none when its questions have no such option. */
  notSureShare(ind: Indicator, notSure: number): number {
    const inf = this.info.find((x) => x.indicator === ind);
    return inf?.canBeNotSure ? notSure : 0;
  }

  /**
   * The outcome probabilities of an indicator: favourable, not sure, not favourable. With
   * `not_sure: exclude` the true rate is among respondents with an opinion.
   */
  targetLaw(ind: Indicator, rate: number, notSure: number): { yes: number; notSure: number; no: number } {
    const q = this.notSureShare(ind, notSure);
    if (ind.not_sure === 'exclude') return { yes: rate * (1 - q), notSure: q, no: (1 - rate) * (1 - q) };
    const qq = Math.min(q, 1 - rate);
    return { yes: rate, notSure: qq, no: Math.max(0, 1 - rate - qq) };
  }

  /** Draw one respondent's answers for the given rates. Returns the answers and whether targets were relaxed. */
  draw(
    rng: Rng,
    rateOf: (indicator: string) => number,
    notSure: number,
  ): { answers: Record<string, number>; relaxed: boolean } {
    const targets: Target[] = this.info.map((inf) => {
      const law = this.targetLaw(inf.indicator, rateOf(inf.indicator.id), notSure);
      const u = rng.next();
      return u < law.yes ? 'yes' : u < law.yes + law.notSure ? 'not_sure' : 'no';
    });
    const answers = dict<number>();
    let relaxed = false;
    for (const comp of this.components) {
      const t = [...targets];
      // Drop targets from the last indicator of the component until the rest can be met together.
      for (let drop = comp.indicators.length; ; drop--) {
        const attempt = dict<number>();
        if (this.search(comp, 0, attempt, t, rng, notSure, { nodes: 0 })) {
          Object.assign(answers, attempt);
          break;
        }
        relaxed = true;
        const i = comp.indicators[drop - 1];
        if (i === undefined) break; // cannot happen: with no targets any answers do
        t[i] = 'any';
      }
    }
    for (const k of this.free) {
      const q = this.questions[k]!;
      if (!this.asked(q, answers)) continue;
      answers[q.id] = this.optionOrder(k, rng, notSure, false)[0]!;
    }
    return { answers, relaxed };
  }

  private asked(q: Question, answers: Record<string, number>): boolean {
    if (!q.ask_if) return true;
    const a = answers[q.ask_if.question];
    return a !== undefined && q.ask_if.in.includes(a);
  }

  /**
   * Options in the order to try them: shuffled; "not sure" first with probability `notSure` for a
   * question no target constrains, and kept in the shuffle only where a target wants it.
   */
  private optionOrder(k: number, rng: Rng, notSure: number, notSureWanted: boolean): number[] {
    const ns = this.notSureCode[k];
    const codes = this.questions[k]!.options.map((o) => o.code).filter((c) => c !== ns);
    shuffleFirst(codes, codes.length, rng);
    if (ns === undefined) return codes;
    if (notSureWanted) {
      codes.splice(uniformInt(rng, codes.length + 1), 0, ns);
      return codes;
    }
    return rng.next() < notSure ? [ns, ...codes] : [...codes, ns];
  }

  private search(
    comp: Component,
    pos: number,
    answers: Record<string, number>,
    targets: readonly Target[],
    rng: Rng,
    notSure: number,
    budget: { nodes: number },
  ): boolean {
    if (++budget.nodes > 20_000) return false;
    if (pos === comp.questions.length) return true;
    const k = comp.questions[pos]!;
    const q = this.questions[k]!;
    if (!this.asked(q, answers))
      return (
        this.decided(comp, k, answers, targets) &&
        this.search(comp, pos + 1, answers, targets, rng, notSure, budget)
      );
    const nsWanted = comp.indicators.some(
      (i) => targets[i] === 'not_sure' && this.info[i]!.relevant.includes(k),
    );
    const free = comp.indicators.every((i) => targets[i] === 'any' || !this.info[i]!.relevant.includes(k));
    for (const code of this.optionOrder(k, rng, free ? notSure : 0, nsWanted)) {
      answers[q.id] = code;
      if (
        this.decided(comp, k, answers, targets) &&
        this.search(comp, pos + 1, answers, targets, rng, notSure, budget)
      )
        return true;
    }
    delete answers[q.id];
    return false;
  }

  /** Whether the indicators decided at question k come out as their targets. */
  private decided(
    comp: Component,
    k: number,
    answers: Record<string, number>,
    targets: readonly Target[],
  ): boolean {
    for (const i of comp.indicators) {
      const inf = this.info[i]!;
      const t = targets[i]!;
      if (inf.last !== k || t === 'any') continue;
      const cls: Classification = classifyIndicator(inf.indicator, answers, this.standard);
      const anyNotSure = inf.relevant.some((r) => {
        const code = this.notSureCode[r];
        return code !== undefined && answers[this.questions[r]!.id] === code;
      });
      const ok =
        t === 'yes'
          ? cls === 'favourable'
          : t === 'no'
            ? cls === 'unfavourable' && !anyNotSure
            : anyNotSure && cls === (inf.indicator.not_sure === 'exclude' ? 'excluded' : 'unfavourable');
      if (!ok) return false;
    }
    return true;
  }
}

// ---------------------------------------------------------------------------------------------
// Fieldwork

const NONRESPONSE_ORDER = Object.keys(DEFAULT_NONRESPONSE_MIX) as NonResponse[];

function pickWeighted<K extends string>(
  rng: Rng,
  keys: readonly K[],
  weights: Partial<Record<K, number>>,
): K {
  const total = keys.reduce((s, k) => s + (weights[k] ?? 0), 0);
  let u = rng.next() * total;
  for (const k of keys) {
    u -= weights[k] ?? 0;
    if (u < 0) return k;
  }
  return keys.filter((k) => (weights[k] ?? 0) > 0).pop()!;
}

/** 09:00 China time (UTC+08:00) on the China date of `d`. */
export function fieldworkStart(d: Date): Date {
  return chinaInstant(chinaDate(d), 9);
}

interface HouseholdDraw {
  /** The outcome once someone is reached (complete or a non-response). */
  outcome: DispositionToken;
  /**
   * The household's next numbers, drawn from its stream up front (what the visits would draw one
   * by one, in the same order): a stream's state is a kilobyte, and holding one per household of a
   * city's sample until its community is done costs hundreds of megabytes of garbage.
   */
  away: Float64Array;
  used: number;
}

/**
 * Synthetic responses for the sample's entries (sample order), stratum by stratum, visiting the
 * households in the order the fieldwork plan makes them due. With a `sink`, each row is handed to
 * it as soon as it is made and none is kept (a city's fieldwork need not be held in memory);
 * without one they come back in `rows`.
 */
export function synthesizeResponses(
  entries: readonly SynthEntry[],
  standard: Standard,
  opts: SynthResponsesOptions,
  sink?: (row: SynthRow) => void,
): SynthResponsesResult {
  const model = new AnswerModel(standard);
  const mix = opts.nonResponse ?? DEFAULT_NONRESPONSE_MIX;
  const strataOrder: string[] = [];
  const byStratum = new Map<string, SynthEntry[]>();
  for (const e of entries) {
    let list = byStratum.get(e.stratum);
    if (!list) {
      byStratum.set(e.stratum, (list = []));
      strataOrder.push(e.stratum);
    }
    list.push(e);
  }
  const width = String(strataOrder.length).length;
  const start = fieldworkStart(opts.start).getTime();
  const rows: SynthRow[] = [];
  const summaries: SynthStratumSummary[] = [];
  let relaxed = 0;
  let count = 0;

  strataOrder.forEach((stratum, si) => {
    const list = byStratum.get(stratum)!;
    const interviewer = `synth-${String(si + 1).padStart(width, '0')}`;
    const clock = createRng(opts.seed, `responses\u0000clock\u0000${stratum}`);
    const households = new Map<string, HouseholdDraw>();
    const stratumRows: (SynthRow & { time: number; file: string; line: number })[] = [];
    let t = start;
    // The plan's order, visit by visit (planFieldwork once at the end for the summary).
    const queue = visitQueue(list, opts.maxVisits);
    for (;;) {
      const item = queue.next();
      if (!item) {
        const s = planFieldwork(list, stratumRows, opts.maxVisits).strata[0];
        const outcomes: Partial<Record<DispositionToken, number>> = {};
        for (const h of s?.households ?? [])
          if (h.outcome) outcomes[h.outcome] = (outcomes[h.outcome] ?? 0) + 1;
        summaries.push({
          stratum,
          interviewer,
          target: s?.target ?? 0,
          completes: s?.completes ?? 0,
          visited: (s?.households ?? []).filter((h) => h.rows.length > 0).length,
          reservesTotal: s?.reservesTotal ?? 0,
          reservesUsed: s?.reservesUsed ?? 0,
          unreplaced: s?.unreplaced ?? 0,
          outcomes,
        });
        break;
      }
      const e = item.entry;
      let h = households.get(e.householdId);
      if (!h) {
        const rng = createRng(opts.seed, `responses\u0000household\u0000${e.householdId}`);
        const outcome: DispositionToken =
          rng.next() < opts.responseRate ? 'complete' : pickWeighted(rng, NONRESPONSE_ORDER, mix);
        // One number per visit before the last (visits 1 … maxVisits − 1), where nobody may be home.
        const away = new Float64Array(outcome === 'not_home' ? 0 : opts.maxVisits - 1);
        for (let k = 0; k < away.length; k++) away[k] = rng.next();
        households.set(e.householdId, (h = { outcome, away, used: 0 }));
      }
      let disposition = h.outcome;
      if (disposition !== 'not_home' && item.visit < opts.maxVisits && nextAway(h) < AWAY_FIRST)
        disposition = 'not_home';
      let answers = dict<number>();
      if (isInterview(disposition)) {
        const arng = createRng(opts.seed, `responses\u0000answers\u0000${e.householdId}`);
        const drawn = model.draw(arng, (id) => opts.rate(stratum, id), opts.notSure);
        if (drawn.relaxed) relaxed++;
        answers = disposition === 'partial' ? truncate(standard, drawn.answers, arng) : drawn.answers;
      }
      // Minutes at the door, then walking to the next household.
      t += (isInterview(disposition) ? 12 + uniformInt(clock, 14) : 2 + uniformInt(clock, 5)) * 60_000;
      const row: SynthRow = {
        householdId: e.householdId,
        stratum,
        role: e.role,
        visit: item.visit,
        disposition,
        interviewer,
        recordedAt: chinaIso(new Date(t)),
        answers,
        note: '',
      };
      // The stratum's rows for its summary: no answers needed (fieldwork order looks at visits only).
      // A literal, not a spread of the row: a spread with a property replaced makes a slow
      // dictionary object of a kilobyte, one per visit of the community.
      stratumRows.push({
        householdId: row.householdId,
        stratum,
        role: row.role,
        visit: row.visit,
        disposition,
        interviewer,
        recordedAt: row.recordedAt,
        answers: NO_ANSWERS,
        note: '',
        time: t,
        file: '',
        line: stratumRows.length + 2,
      });
      count++;
      if (sink) sink(row);
      else rows.push(row);
      queue.record(disposition);
      t += (3 + uniformInt(clock, 8)) * 60_000;
    }
  });
  return { rows, count, strata: summaries, relaxed };
}

const NO_ANSWERS: Record<string, number> = Object.freeze(dict<number>());

function nextAway(h: HouseholdDraw): number {
  // A household is visited once per visit number: never more numbers than it has visits.
  if (h.used >= h.away.length) throw new Error('synthetic fieldwork: a visit with no number drawn for it');
  return h.away[h.used++]!;
}

/** A partial interview: the first j asked questions answered (1 ≤ j < asked), the rest missing. */
function truncate(standard: Standard, answers: Record<string, number>, rng: Rng): Record<string, number> {
  const asked = askedQuestions(standard, answers);
  const keep = asked.length > 1 ? 1 + uniformInt(rng, asked.length - 1) : 0;
  const out = dict<number>();
  for (const q of asked.slice(0, keep)) if (answers[q.id] !== undefined) out[q.id] = answers[q.id]!;
  return out;
}

/**
 * The responses file written piece by piece: `row` adds one row, `end` the last bytes. `write`
 * receives text in pieces of about 1 MB (the same bytes responsesCsv makes at once).
 */
export function responsesCsvWriter(
  standard: Standard,
  write: (text: string) => void,
  opts: { bom?: boolean } = {},
): { row(r: SynthRow): void; end(): void } {
  const header = responsesHeader(standard);
  let pending: string[] = [(opts.bom ? '\uFEFF' : '') + csvLine(header)];
  let size = 0;
  const flush = () => {
    if (pending.length) write(pending.join(''));
    pending = [];
    size = 0;
  };
  return {
    row(r) {
      const line = csvLine(responseCells(r, header));
      pending.push(line);
      size += line.length;
      if (size > 1 << 20) flush();
    },
    end: flush,
  };
}

/** The responses file: the interview command's header and cells (codes and tokens), CRLF. */
export function responsesCsv(
  standard: Standard,
  rows: readonly SynthRow[],
  opts: { bom?: boolean } = {},
): string {
  const header = responsesHeader(standard);
  return csvTable(
    header,
    rows.map((r) => responseCells(r, header)),
    { bom: opts.bom ?? false },
  );
}
