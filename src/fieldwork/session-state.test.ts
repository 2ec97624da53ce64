import { Chalk } from 'chalk';
import { describe, expect, it } from 'vitest';
import type { SampleEntry } from '../sampling/sample-file.js';
import { loadStandardSync } from '../standard/parse.js';
import type { ResponseRow } from './responses.js';
import { keyInput, lineInput } from './session.js';
import { renderPiped, renderScreen } from './session-render.js';
import {
  initialState,
  step,
  type SessionConfig,
  type SessionInput,
  type SessionState,
} from './session-state.js';

const standard = loadStandardSync(undefined);
const entry = (role: 'primary' | 'reserve', rank: number, phone = ''): SampleEntry => ({
  line: rank + 1,
  stratum: '利农社区',
  role,
  rank,
  householdId: `${role === 'primary' ? 'P' : 'R'}${rank}`,
  address: `幸福小区 1-1-${100 + rank}`,
  ...(phone ? { phone } : {}),
  fields: {},
  inclusionProb: 0.1,
  weight: 10,
});
const entries = [
  entry('primary', 1, '13800001234'),
  entry('primary', 2, '138****5678'),
  entry('primary', 3),
  entry('reserve', 1),
];
const config = (mode: 'tty' | 'piped', lang: 'zh' | 'en' = 'en'): SessionConfig => ({
  standard,
  entries,
  maxVisits: 1,
  interviewer: '王芳',
  lang,
  mode,
});
const plain = new Chalk({ level: 0 });

/** Run inputs through the machine, saving what it asks to save, as the driver does. */
function run(s0: SessionState, inputs: SessionInput[]): { s: SessionState; saved: ResponseRow[] } {
  let s = s0;
  const saved: ResponseRow[] = [];
  for (const input of inputs) {
    s = step(s, input);
    while (s.pending) {
      const row: ResponseRow = {
        ...s.pending,
        file: 'r.csv',
        line: saved.length + 2,
        recordedAt: '2026-12-01T08:00:00+08:00',
        time: 1_000 + saved.length,
      };
      saved.push(row);
      s = step(s, { kind: 'saved', row });
    }
  }
  return { s, saved };
}

describe('the interview state machine', () => {
  it('is pure: stepping never changes the state it was given', () => {
    const s0 = initialState(config('tty'), []);
    const before = JSON.stringify({ ...s0, current: { ...s0.current, form: s0.current!.form.answers } });
    const s1 = step(s0, { kind: 'outcome', token: 'complete' });
    expect(s1.current!.form.step().kind).toBe('question');
    expect(s0.current!.form.step().kind).toBe('disposition');
    expect(JSON.stringify({ ...s0, current: { ...s0.current, form: s0.current!.form.answers } })).toBe(
      before,
    );
  });

  it('a household skipped comes back after the others of this run', () => {
    const { s } = run(initialState(config('piped'), []), [
      { kind: 'skip' }, // P1 to the end of the queue
      { kind: 'outcome', token: 'vacant' }, // P2 → reserve R1, due right after it
    ]);
    expect(s.current!.entry.householdId).toBe('R1');
    const { s: s2 } = run(s, [
      { kind: 'outcome', token: 'vacant' }, // R1 (no reserve left)
      { kind: 'outcome', token: 'vacant' }, // P3
    ]);
    expect(s2.current!.entry.householdId).toBe('P1');
    expect(s2.skipped).toEqual(['P1']);
    expect(renderPiped(s, s2, plain, 3)).toMatch(/· P1\n[^>]*> outcome/);
  });

  it('a typed note is saved with the tool’s own note, in the interview’s language', () => {
    const { saved } = run(initialState(config('piped', 'zh'), []), [
      { kind: 'note', text: '没人应门，邻居说晚上在' },
      { kind: 'outcome', token: 'refused' }, // P1 → R1, due right after it
      { kind: 'note', text: '楼道里有狗\n请注意' },
      { kind: 'outcome', token: 'vacant' }, // R1 replaces P1
    ]);
    expect(saved.map((r) => [r.householdId, r.note])).toEqual([
      ['P1', '没人应门，邻居说晚上在'],
      ['R1', '替换 P1; 楼道里有狗 请注意'],
    ]);
  });

  it('the terminal: n opens the note editor, Enter keeps the note, the review shows it', () => {
    let s = initialState(config('tty'), []);
    const key = (k: Parameters<typeof keyInput>[1]) => (s = step(s, keyInput(s, k)));
    key({ kind: 'char', char: '6' }); // unable to respond → review
    key({ kind: 'char', char: 'n' });
    for (const ch of '狗 dog') key({ kind: 'char', char: ch });
    key({ kind: 'backspace' });
    expect(renderScreen(s, plain)).toContain('Note: 狗 do▏');
    key({ kind: 'enter' });
    expect(s.noteDraft).toBeUndefined();
    expect(renderScreen(s, plain)).toMatch(/Review this household:[\s\S]*note: 狗 do/);
    key({ kind: 'enter' }); // save
    expect(s.pending).toMatchObject({ householdId: 'P1', note: '狗 do' });
  });

  it('the review shows the note with a full-width colon in Chinese', () => {
    let s = initialState(config('tty', 'zh'), []);
    const key = (k: Parameters<typeof keyInput>[1]) => (s = step(s, keyInput(s, k)));
    key({ kind: 'char', char: '6' });
    key({ kind: 'char', char: 'n' });
    for (const ch of '有狗') key({ kind: 'char', char: ch });
    key({ kind: 'enter' });
    expect(renderScreen(s, plain)).toContain('  备注：有狗\n');
  });

  it('shows the phone as the sample list carries it: unmasked stays unmasked, masked stays masked', () => {
    const s = initialState(config('tty'), []);
    expect(renderScreen(s, plain)).toContain('phone 13800001234');
    const { s: s2 } = run(s, [{ kind: 'skip' }]);
    expect(renderScreen(s2, plain)).toContain('phone 138****5678');
  });

  it('messages given at the start are on the first screen', () => {
    const s = initialState(config('tty', 'zh'), [], [{ tone: 'warn', text: 'r.csv:3: 最后一行不完整' }]);
    const screen = renderScreen(s, plain);
    expect(screen.indexOf('r.csv:3: 最后一行不完整')).toBeGreaterThan(screen.indexOf('\x1b[2J'));
    expect(screen).toContain('利农社区 · 正式样本 第 1 户');
  });

  it('nobody home says the household comes back after the others of its community', () => {
    const { s } = run(initialState({ ...config('piped', 'zh'), maxVisits: 2 }, []), [
      { kind: 'outcome', token: 'not_home' },
    ]);
    expect(s.messages.map((x) => x.text)).toContain(
      '  无人在家：等 利农社区 的其他住户都访问过后再来（第 2 次走访）',
    );
  });

  it('piped lines: a prompt per step, a hint with the input line for what is not understood', () => {
    const s0 = initialState(config('piped'), []);
    const first = renderPiped(undefined, s0, plain, 0);
    expect(first).toMatch(/利农社区 · primary 1 of 3 · P1\n/);
    expect(first).toMatch(/> outcome \(complete\|/);
    const s1 = step(s0, lineInput(s0, 'maybe'));
    expect(renderPiped(s0, s1, plain, 1)).toBe(
      '  line 1: "maybe" is not an outcome; try again\n> outcome (complete|partial|refused|break_off|not_home|unable|language|not_found|not_dwelling|vacant|no_eligible; skip, correct <household_id>, note <text>, quit):\n',
    );
  });
});
