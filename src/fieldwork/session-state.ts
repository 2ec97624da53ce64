import type { Lang } from '../core/i18n.js';
import { t } from '../core/messages.js';
import { canonicalColumn } from '../roster/columns.js';
import { maskValue, type SampleEntry } from '../sampling/sample-file.js';
import type { Standard } from '../standard/schema.js';
import type { DispositionToken } from './dispositions.js';
import { HouseholdForm } from './form.js';
import { m } from './messages.js';
import type { ResponseRow } from './responses.js';
import { dispositionLabel, optionKeys, type HouseholdCard } from './screens.js';
import { planFieldwork, type DueItem, type FieldworkPlan } from './succession.js';

/**
 * The interview session as a pure state machine: `step(state, input)` returns the next state and
 * never touches a file, a stream or the clock. Saving is a request in the state (`pending`): the
 * driver writes the row durably and answers with a `saved` input. Screens are drawn from the state
 * by session-render.ts; session.ts holds the two thin adapters (terminal keys, piped lines).
 */

export type NewRow = Omit<ResponseRow, 'file' | 'line' | 'time' | 'recordedAt'>;

export type SessionEnd = 'done' | 'quit' | 'interrupted' | 'end-of-input';

export interface SessionConfig {
  standard: Standard;
  entries: readonly SampleEntry[];
  maxVisits: number;
  interviewer: string;
  lang: Lang;
  /** Terminal (single keys, a review before saving) or piped lines (saved when the last answer is in). */
  mode: 'tty' | 'piped';
}

export type Tone = 'plain' | 'ok' | 'info' | 'warn';
export interface Notice {
  tone: Tone;
  text: string;
}

export interface Current {
  entry: SampleEntry;
  /** The plan's item (absent for a correction). */
  item?: DueItem<SampleEntry>;
  /** The row being corrected. */
  correcting?: ResponseRow;
  form: HouseholdForm;
  card: HouseholdCard;
  /** A note typed for this household. */
  note: string;
  /** Counts households shown, so a renderer can tell a new household from the same one. */
  serial: number;
}

export interface SessionState {
  readonly config: SessionConfig;
  rows: readonly ResponseRow[];
  saved: number;
  lastSaved?: string;
  /** Households skipped in this run, in the order they were last skipped: due after the others. */
  skipped: readonly string[];
  /** The household on screen; undefined when nothing is left to visit (or at the end). */
  current?: Current;
  /** Nothing left to visit: the closing screen, where a correction is still possible. */
  finished: boolean;
  /** Messages since the last screen (terminal) or the last prompt (piped). */
  messages: readonly Notice[];
  /** A short hint about the last input (a key that means nothing here, an answer missing). */
  hint?: string;
  /** The terminal's note editor, while a note is typed. */
  noteDraft?: string;
  confirmQuit: boolean;
  /** A row to append; the driver saves it and sends `saved`. */
  pending?: NewRow;
  end?: SessionEnd;
  serial: number;
}

export type SessionInput =
  | { kind: 'outcome'; token: DispositionToken }
  | { kind: 'answer'; code: number }
  /** Piped: an empty line, no answer (allowed in a partial interview or for an optional question). */
  | { kind: 'no-answer' }
  /** Terminal: Enter on a question keeps the current answer (or leaves it without one when allowed). */
  | { kind: 'keep' }
  | { kind: 'back' }
  | { kind: 'skip' }
  /** Correct a household (the last one saved when no id is given). */
  | { kind: 'correct'; householdId?: string }
  /** `confirm`: a household in progress needs a second quit (terminal). */
  | { kind: 'quit'; confirm: boolean }
  | { kind: 'interrupt' }
  | { kind: 'end-of-input' }
  | { kind: 'save' }
  | { kind: 'edit'; index: number }
  | { kind: 'edit-outcome' }
  /** Set the household's note. */
  | { kind: 'note'; text: string }
  /** The terminal's note editor: open, change, cancel. */
  | { kind: 'note-draft'; text: string | undefined }
  | { kind: 'invalid'; hint: string }
  /** An input that changes nothing (the screen is drawn again without the last messages). */
  | { kind: 'none' }
  /** The driver saved the pending row. */
  | { kind: 'saved'; row: ResponseRow };

export function planOf(s: Pick<SessionState, 'config' | 'rows'>): FieldworkPlan<SampleEntry> {
  return planFieldwork(s.config.entries, s.rows, s.config.maxVisits);
}

/** Households due, in the order they come: the plan's order, households skipped in this run last. */
export function dueOrder(s: SessionState, plan = planOf(s)): DueItem<SampleEntry>[] {
  const skipped = new Set(s.skipped);
  const items = plan.due.filter((x) => !skipped.has(x.entry.householdId));
  for (const id of s.skipped) {
    const x = plan.due.find((d) => d.entry.householdId === id);
    if (x) items.push(x);
  }
  return items;
}

export function initialState(
  config: SessionConfig,
  rows: readonly ResponseRow[],
  start: Notice[] = [],
): SessionState {
  return advance({
    config,
    rows,
    saved: 0,
    skipped: [],
    finished: false,
    messages: start,
    confirmQuit: false,
    serial: 0,
  });
}

const tell = (s: SessionState, tone: Tone, text: string): SessionState => ({
  ...s,
  messages: [...s.messages, { tone, text }],
});

function latestRow(rows: readonly ResponseRow[], id: string): ResponseRow | undefined {
  let last: ResponseRow | undefined;
  for (const r of rows) if (r.householdId === id && (!last || r.time >= last.time)) last = r;
  return last;
}

function cardFor(
  s: SessionState,
  e: SampleEntry,
  item: DueItem<SampleEntry> | undefined,
  correcting?: ResponseRow,
): HouseholdCard {
  const grid = Object.entries(e.fields).find(([h]) => canonicalColumn(h) === 'grid')?.[1];
  const last = latestRow(s.rows, e.householdId);
  const replaced = item?.replaces ? latestRow(s.rows, item.replaces) : undefined;
  const of = s.config.entries.filter((x) => x.stratum === e.stratum && x.role === e.role).length;
  return {
    stratum: e.stratum,
    role: e.role,
    rank: e.rank,
    of,
    householdId: e.householdId,
    address: e.address,
    ...(grid ? { grid } : {}),
    ...(e.headName ? { head: maskValue('head_name', e.headName) } : {}),
    // Shown as the sample list carries it: interviewers call ahead with an unmasked number, and a
    // list drawn with --mask phone stays masked.
    ...(e.phone ? { phone: e.phone } : {}),
    visit: correcting ? correcting.visit : (item?.visit ?? 1),
    ...(last && !correcting ? { lastOutcome: last.disposition } : {}),
    ...(item?.replaces
      ? { replaces: { householdId: item.replaces, ...(replaced ? { outcome: replaced.disposition } : {}) } }
      : {}),
    ...(correcting ? { correcting: correcting.disposition } : {}),
  };
}

/** Show the next household due, or the closing screen. */
function advance(s: SessionState): SessionState {
  const next = dueOrder(s)[0];
  if (!next) return { ...s, current: undefined, finished: true };
  const serial = s.serial + 1;
  return {
    ...s,
    finished: false,
    serial,
    current: {
      entry: next.entry,
      item: next,
      form: new HouseholdForm(s.config.standard),
      card: cardFor(s, next.entry, next),
      note: '',
      serial,
    },
  };
}

function startCorrection(s: SessionState, id: string | undefined): SessionState {
  if (id === undefined) return { ...s, hint: t(s.config.lang, m.nothingSavedYet) };
  const e = s.config.entries.find((x) => x.householdId === id);
  const last = latestRow(s.rows, id);
  if (!e || !last) return advance(tell(s, 'warn', t(s.config.lang, m.cannotCorrect, { id })));
  const serial = s.serial + 1;
  return {
    ...s,
    finished: false,
    serial,
    current: {
      entry: e,
      correcting: last,
      // A terminal correction opens on the review of what was recorded; piped input types it again.
      form: new HouseholdForm(
        s.config.standard,
        s.config.mode === 'tty' ? { disposition: last.disposition, answers: last.answers } : undefined,
      ),
      card: cardFor(s, e, undefined, last),
      note: '',
      serial,
    },
  };
}

function stop(s: SessionState, end: SessionEnd): SessionState {
  const c = s.current;
  let out: SessionState = { ...s, end, noteDraft: undefined };
  if (c && (c.form.disposition !== undefined || c.correcting))
    out = tell(out, 'warn', t(s.config.lang, m.notSaved, { id: c.entry.householdId }));
  return out;
}

/** The row a finished form becomes. */
function rowOf(s: SessionState, c: Current): NewRow {
  const lang = s.config.lang;
  const auto = c.correcting
    ? t(lang, m.noteCorrection)
    : c.item?.replaces
      ? t(lang, m.noteAuto, { id: c.item.replaces })
      : '';
  return {
    householdId: c.entry.householdId,
    stratum: c.entry.stratum,
    role: c.entry.role,
    visit: c.correcting ? c.correcting.visit : c.item!.visit,
    disposition: c.form.disposition!,
    interviewer: s.config.interviewer,
    answers: c.form.finalAnswers(),
    note: [auto, c.note].filter((x) => x !== '').join('; '),
  };
}

/** Messages after a household is saved: a reserve takes its place, a revisit, no reserve left. */
function afterSave(s: SessionState, id: string): SessionState {
  const lang = s.config.lang;
  let out = s;
  for (const st of planOf(s).strata) {
    const h = st.households.find((x) => x.entry.householdId === id);
    if (!h) continue;
    if (h.status === 'failed') {
      if (h.replacedBy) {
        const r = s.config.entries.find((x) => x.householdId === h.replacedBy)!;
        out = tell(out, 'info', t(lang, m.reserveReplaces, { rank: r.rank, reserve: r.householdId, id }));
      } else out = tell(out, 'warn', t(lang, m.noReserve, { stratum: st.stratum, id }));
    } else if (h.status === 'revisit')
      out = tell(out, 'plain', t(lang, m.revisit, { stratum: st.stratum, visit: h.visits + 1 }));
  }
  return out;
}

/** Apply one change to a copy of the current form. */
function withForm(s: SessionState, c: Current, change: (f: HouseholdForm) => void): SessionState {
  const form = c.form.clone();
  change(form);
  return { ...s, current: { ...c, form } };
}

/** Piped input saves as soon as the form reaches its review. */
function autoSave(s: SessionState): SessionState {
  const c = s.current;
  if (s.config.mode !== 'piped' || !c || c.form.step().kind !== 'review') return s;
  return { ...s, pending: rowOf(s, c) };
}

export function step(s0: SessionState, input: SessionInput): SessionState {
  if (s0.end) return s0;
  if (input.kind === 'saved') {
    const row = input.row;
    const lang = s0.config.lang;
    let s: SessionState = {
      ...s0,
      pending: undefined,
      rows: [...s0.rows, row],
      saved: s0.saved + 1,
      lastSaved: row.householdId,
    };
    s = tell(
      s,
      'ok',
      t(lang, m.saved, {
        id: row.householdId,
        outcome: dispositionLabel(lang, row.disposition),
        visit: row.visit,
      }),
    );
    return advance(afterSave(s, row.householdId));
  }
  if (s0.pending) return s0; // waiting for the driver
  // A new input: the previous screen's messages and hint have been shown.
  const confirmQuit = s0.confirmQuit;
  let s: SessionState = { ...s0, messages: [], hint: undefined, confirmQuit: false };
  const lang = s.config.lang;
  switch (input.kind) {
    case 'interrupt':
      return stop(s, 'interrupted');
    case 'end-of-input':
      return stop(s, s.finished ? 'done' : 'end-of-input');
    case 'invalid':
      return { ...s, hint: input.hint };
    case 'note-draft':
      return { ...s, noteDraft: input.text };
    case 'none':
      return s;
    default:
  }
  if (s.finished || !s.current) {
    if (input.kind === 'correct') return startCorrection(s, input.householdId ?? s.lastSaved);
    if (input.kind === 'quit') return stop(s, 'done');
    return s;
  }
  const c = s.current;
  const form = c.form;
  const started = form.disposition !== undefined || !!c.correcting;
  switch (input.kind) {
    case 'quit':
      if (input.confirm && started && !confirmQuit)
        return { ...s, confirmQuit: true, hint: t(lang, m.quitAgain, { id: c.entry.householdId }) };
      return stop(s, 'quit');
    case 'note':
      return {
        ...s,
        noteDraft: undefined,
        current: { ...c, note: input.text.replace(/[\r\n]+/g, ' ').trim() },
      };
    case 'skip':
      if (c.correcting || form.step().kind !== 'disposition') return s;
      s = tell(s, 'plain', t(lang, m.skipped, { id: c.entry.householdId }));
      return advance({
        ...s,
        skipped: [...s.skipped.filter((x) => x !== c.entry.householdId), c.entry.householdId],
      });
    case 'correct':
      if (c.correcting || form.step().kind !== 'disposition') return s;
      return startCorrection(s, input.householdId ?? s.lastSaved);
    case 'outcome':
      if (form.step().kind !== 'disposition') return s;
      return autoSave(withForm(s, c, (f) => f.chooseDisposition(input.token)));
    case 'back':
      return withForm(s, c, (f) => f.back());
    case 'answer': {
      if (form.step().kind !== 'question') return s;
      return autoSave(withForm(s, c, (f) => f.answer(input.code)));
    }
    case 'keep':
    case 'no-answer': {
      const st = form.step();
      if (st.kind !== 'question') return s;
      const cur = form.answers[st.question.id];
      if (input.kind === 'keep' && cur !== undefined) return autoSave(withForm(s, c, (f) => f.answer(cur)));
      if (form.mayLeaveUnanswered(st.question)) return autoSave(withForm(s, c, (f) => f.answer(undefined)));
      return { ...s, hint: t(lang, input.kind === 'keep' ? m.needAnswerKey : m.needAnswerLine) };
    }
    case 'save': {
      if (form.step().kind !== 'review') return s;
      const missing = form.missingRequired();
      if (missing.length > 0) return { ...s, hint: t(lang, m.unanswered, { ids: missing.map((q) => q.id) }) };
      return { ...s, pending: rowOf(s, c) };
    }
    case 'edit':
      return withForm(s, c, (f) => f.edit(input.index));
    case 'edit-outcome':
      return withForm(s, c, (f) => f.editDisposition());
  }
}

/** The hint for a key that is not an option of the question on screen. */
export function optionHint(lang: Lang, s: SessionState): string {
  const st = s.current?.form.step();
  return st?.kind === 'question'
    ? t(lang, m.pressOption, { keys: optionKeys(st.question).join('/') })
    : t(lang, m.pressOutcome);
}

export interface SessionResult {
  saved: number;
  due: number;
  skipped: number;
  end: SessionEnd;
}

export function resultOf(s: SessionState): SessionResult {
  const due = planOf(s).due.length;
  return { saved: s.saved, due, skipped: s.skipped.length, end: s.end ?? 'quit' };
}

/** The message that ends a session (stderr). */
export function sessionSummary(lang: Lang, r: SessionResult, label: string): string {
  const why = {
    done: m.endDone,
    quit: m.endQuit,
    interrupted: m.endInterrupted,
    'end-of-input': m.endInput,
  }[r.end];
  return t(lang, m.summary, { why: t(lang, why), saved: r.saved, label, due: r.due });
}
