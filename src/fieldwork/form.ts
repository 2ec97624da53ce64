import { askedQuestions } from '../standard/logic.js';
import type { Question, Standard } from '../standard/schema.js';
import { isInterview, type DispositionToken } from './dispositions.js';
import { dict } from '../core/dict.js';

/**
 * The entry of one household, as a small state machine shared by the terminal UI and the piped
 * protocol: a disposition, then (for an interview) each question the skip conditions ask, then a
 * review before saving. Pure: no I/O.
 */

export type FormStep =
  | { kind: 'disposition' }
  | { kind: 'question'; question: Question; index: number; of: number }
  | { kind: 'review' };

export class HouseholdForm {
  disposition: DispositionToken | undefined;
  /** Answers given so far (codes); a question passed without an answer has no entry. */
  readonly answers: Record<string, number> = dict<number>();
  private readonly seen = new Set<string>();
  private at: 'disposition' | 'review' | number = 'disposition';
  /** Jumped to a question from the review: return to the review when done. */
  private editing = false;

  constructor(
    readonly standard: Standard,
    initial?: { disposition: DispositionToken; answers: Record<string, number> },
  ) {
    if (initial) {
      this.disposition = initial.disposition;
      Object.assign(this.answers, initial.answers);
      for (const q of this.asked()) this.seen.add(q.id);
      // A correction opens on the review of what was recorded.
      this.at = 'review';
    }
  }

  /** A copy to change while this one stays as it was (the session's states are values). */
  clone(): HouseholdForm {
    const f = new HouseholdForm(this.standard);
    f.disposition = this.disposition;
    Object.assign(f.answers, this.answers);
    for (const id of this.seen) f.seen.add(id);
    f.at = this.at;
    f.editing = this.editing;
    return f;
  }

  /** The questions asked given the answers so far. */
  asked(): Question[] {
    return askedQuestions(this.standard, this.answers);
  }

  step(): FormStep {
    if (this.at === 'disposition') return { kind: 'disposition' };
    if (this.at === 'review') return { kind: 'review' };
    const asked = this.asked();
    return { kind: 'question', question: asked[this.at]!, index: this.at, of: asked.length };
  }

  chooseDisposition(token: DispositionToken): void {
    this.disposition = token;
    if (isInterview(token) && this.asked().length > 0) this.at = 0;
    else this.at = 'review';
    this.editing = false;
  }

  /** Whether the current question may be left without an answer. */
  mayLeaveUnanswered(q: Question): boolean {
    return this.disposition === 'partial' || !q.required;
  }

  /** Answer the current question (undefined: no answer, for a partial interview or an optional question). */
  answer(code: number | undefined): void {
    const s = this.step();
    if (s.kind !== 'question') return;
    if (code === undefined) delete this.answers[s.question.id];
    else this.answers[s.question.id] = code;
    this.seen.add(s.question.id);
    const asked = this.asked();
    const i = asked.findIndex((q) => q.id === s.question.id);
    if (this.editing) {
      // Continue only through questions the change opened (not seen yet), then back to the review.
      const next = asked.findIndex((q, k) => k > i && !this.seen.has(q.id));
      this.at = next >= 0 ? next : 'review';
      if (this.at === 'review') this.editing = false;
    } else this.at = i + 1 < asked.length ? i + 1 : 'review';
  }

  /** One step back: review → last question (or the disposition), question → previous one. */
  back(): void {
    if (this.at === 'disposition') return;
    this.editing = false;
    const interview = this.disposition !== undefined && isInterview(this.disposition);
    if (this.at === 'review') {
      const n = interview ? this.asked().length : 0;
      this.at = n > 0 ? n - 1 : 'disposition';
      return;
    }
    this.at = this.at > 0 ? this.at - 1 : 'disposition';
  }

  /** From the review, change one question (then return to the review). */
  edit(index: number): void {
    if (this.at !== 'review') return;
    const asked = this.asked();
    if (index < 0 || index >= asked.length) return;
    this.at = index;
    this.editing = true;
  }

  /** Change the disposition from the review. */
  editDisposition(): void {
    this.at = 'disposition';
    this.editing = false;
  }

  /** The answers to save: only questions still asked after every change. */
  finalAnswers(): Record<string, number> {
    if (this.disposition === undefined || !isInterview(this.disposition)) return {};
    const out = dict<number>();
    for (const q of this.asked()) {
      const a = this.answers[q.id];
      if (a !== undefined) out[q.id] = a;
    }
    return out;
  }

  /** Required questions still without an answer (a complete interview cannot be saved with any). */
  missingRequired(): Question[] {
    if (this.disposition !== 'complete') return [];
    return this.asked().filter((q) => q.required && this.answers[q.id] === undefined);
  }
}
