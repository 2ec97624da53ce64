import type { ChalkInstance } from 'chalk';
import { t } from '../core/messages.js';
import { parseAnswer } from '../standard/logic.js';
import { DISPOSITIONS, parseDisposition } from './dispositions.js';
import type { InputQueue, Key } from './input.js';
import { m } from './messages.js';
import type { ResponseRow } from './responses.js';
import { optionKeys, optionsInline } from './screens.js';
import { renderPiped, renderScreen } from './session-render.js';
import {
  initialState,
  optionHint,
  resultOf,
  step,
  type NewRow,
  type Notice,
  type SessionConfig,
  type SessionInput,
  type SessionResult,
  type SessionState,
} from './session-state.js';

/**
 * The interview loop: draw the state, read one input, step the state machine, save what it asks
 * to save, repeat. The two adapters below turn terminal keys (raw mode) or piped lines into
 * session inputs; everything else lives in session-state.ts (the rules) and session-render.ts
 * (the screens). The caller owns the files and the terminal mode.
 */

export interface SessionIO {
  input: InputQueue;
  /** Screens, prompts and messages (stderr). */
  write: (s: string) => void;
  color: ChalkInstance;
  /** Append one row durably; returns it as read back. Throws when it cannot (nothing acknowledged). */
  save: (row: NewRow) => ResponseRow;
}

export async function runSession(
  config: SessionConfig,
  rows: readonly ResponseRow[],
  io: SessionIO,
  start: Notice[] = [],
): Promise<SessionResult> {
  let s = initialState(config, rows, start);
  let prev: SessionState | undefined;
  for (;;) {
    while (s.pending) s = step(s, { kind: 'saved', row: io.save(s.pending) });
    io.write(
      config.mode === 'tty' ? renderScreen(s, io.color) : renderPiped(prev, s, io.color, io.input.lineNumber),
    );
    if (s.end) break;
    prev = s;
    const input =
      config.mode === 'tty' ? keyInput(s, await io.input.key()) : lineInput(s, await io.input.line());
    s = step(s, input);
  }
  return resultOf(s);
}

/** Terminal adapter: one key press → one input. */
export function keyInput(s: SessionState, key: Key | undefined): SessionInput {
  const lang = s.config.lang;
  if (key === undefined || key.kind === 'ctrl-d') return { kind: 'end-of-input' };
  if (key.kind === 'ctrl-c') return { kind: 'interrupt' };
  if (s.noteDraft !== undefined) {
    const draft = s.noteDraft;
    if (key.kind === 'char') return { kind: 'note-draft', text: draft + key.char };
    if (key.kind === 'backspace') return { kind: 'note-draft', text: [...draft].slice(0, -1).join('') };
    if (key.kind === 'enter') return { kind: 'note', text: draft };
    if (key.kind === 'escape') return { kind: 'note-draft', text: undefined };
    return { kind: 'none' };
  }
  const ch = key.kind === 'char' ? key.char.toLowerCase() : '';
  const c = s.current;
  if (!c) {
    if (key.kind === 'enter' || ch === 'q') return { kind: 'quit', confirm: false };
    if (ch === 'c') return { kind: 'correct' };
    return { kind: 'none' };
  }
  if (ch === 'q') return { kind: 'quit', confirm: true };
  const back = key.kind === 'backspace' || key.kind === 'left';
  const st = c.form.step();
  if (st.kind === 'disposition') {
    if (ch === 's' && !c.correcting) return { kind: 'skip' };
    if (ch === 'c' && !c.correcting) return { kind: 'correct' };
    if (ch === 'n') return { kind: 'note-draft', text: c.note };
    const d = DISPOSITIONS.find((x) => x.key === ch);
    if (d) return { kind: 'outcome', token: d.token };
    if (key.kind === 'enter' || back) return { kind: 'none' };
    return { kind: 'invalid', hint: t(lang, m.pressOutcome) };
  }
  if (st.kind === 'question') {
    if (back) return { kind: 'back' };
    if (key.kind === 'enter') return { kind: 'keep' };
    const i = optionKeys(st.question).indexOf(ch);
    if (i >= 0) return { kind: 'answer', code: st.question.options[i]!.code };
    return { kind: 'invalid', hint: optionHint(lang, s) };
  }
  if (key.kind === 'enter' || ch === 'y') return { kind: 'save' };
  if (back) return { kind: 'back' };
  if (ch === 'd') return { kind: 'edit-outcome' };
  if (ch === 'n') return { kind: 'note-draft', text: c.note };
  if (/^[1-9]$/.test(ch)) return { kind: 'edit', index: Number(ch) - 1 };
  return { kind: 'none' };
}

/** Piped adapter: one line → one input. */
export function lineInput(s: SessionState, line: string | undefined): SessionInput {
  const lang = s.config.lang;
  if (line === undefined) return { kind: 'end-of-input' };
  const text = line.trim();
  if (text === 'quit') return { kind: 'quit', confirm: false };
  const correct = /^correct\s+(\S+)$/.exec(text);
  const c = s.current;
  if (!c) {
    if (correct) return { kind: 'correct', householdId: correct[1]! };
    return { kind: 'invalid', hint: t(lang, m.notUnderstood, { text }) };
  }
  const note = /^note(?:\s+(.*))?$/.exec(text);
  if (note) return { kind: 'note', text: note[1] ?? '' };
  const st = c.form.step();
  if (st.kind === 'question') {
    if (text === 'back') return { kind: 'back' };
    if (text === '') return { kind: 'no-answer' };
    const o = parseAnswer(st.question, text);
    if (o) return { kind: 'answer', code: o.code };
    return {
      kind: 'invalid',
      hint: t(lang, m.notOption, { text, options: optionsInline(lang, st.question) }),
    };
  }
  if (!c.correcting) {
    if (text === 'skip') return { kind: 'skip' };
    if (correct) return { kind: 'correct', householdId: correct[1]! };
  }
  const d = parseDisposition(text);
  if (d) return { kind: 'outcome', token: d.token };
  return { kind: 'invalid', hint: t(lang, m.notOutcome, { text }) };
}

export { sessionSummary, type NewRow, type SessionResult } from './session-state.js';
