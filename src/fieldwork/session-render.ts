import type { ChalkInstance } from 'chalk';
import { t } from '../core/messages.js';
import { DISPOSITIONS } from './dispositions.js';
import { m } from './messages.js';
import {
  cardLines,
  dispositionMenu,
  HELP,
  optionsInline,
  questionLines,
  questionNumber,
  reviewLines,
} from './screens.js';
import { planOf, type Notice, type SessionState } from './session-state.js';

/**
 * What a session state looks like: a whole terminal screen, or the lines a piped run prints
 * after an input. Pure: text in, text out.
 */

export const CLEAR = '\x1b[H\x1b[2J';

function tinted(color: ChalkInstance, n: Notice): string {
  switch (n.tone) {
    case 'ok':
      return color.green(n.text);
    case 'info':
      return color.cyan(n.text);
    case 'warn':
      return color.yellow(n.text);
    default:
      return n.text;
  }
}

/** The terminal screen for a state (cleared and drawn whole). */
export function renderScreen(s: SessionState, color: ChalkInstance): string {
  const { lang, standard } = s.config;
  const messages = s.messages.map((n) => tinted(color, n));
  if (s.end) return CLEAR + messages.join('\n') + (messages.length ? '\n' : '');
  const c = s.current;
  if (!c) {
    const lines = [...messages, '', color.bold(t(lang, m.allDone)), '', color.dim(t(lang, m.finishedHelp))];
    if (s.hint) lines.push('', color.yellow(s.hint));
    return CLEAR + lines.join('\n') + '\n';
  }
  const plan = planOf(s);
  const st = plan.strata.find((x) => x.stratum === c.entry.stratum);
  const header = color.bold(
    t(lang, m.header, {
      interviewer: s.config.interviewer,
      stratum: c.entry.stratum,
      completes: st?.completes ?? 0,
      target: st?.target ?? 0,
      saved: s.saved,
      due: plan.due.length,
    }),
  );
  const lines = [header, ...messages, '', ...cardLines(lang, c.card).map((l) => color.bold(l)), ''];
  const form = c.form;
  const step = form.step();
  if (step.kind === 'disposition') {
    if (standard.eligibility)
      lines.push(color.dim(t(lang, m.respondent, { rule: standard.eligibility[lang] })), '');
    lines.push(t(lang, m.outcomeMenu), ...dispositionMenu(lang), '', color.dim(HELP.disposition(lang)));
  } else if (step.kind === 'question') {
    lines.push(
      ...questionLines(lang, standard, step.question, form.answers[step.question.id]),
      '',
      color.dim(HELP.question(lang, form.mayLeaveUnanswered(step.question))),
    );
  } else {
    const interview = form.disposition === 'complete' || form.disposition === 'partial';
    lines.push(
      ...reviewLines(lang, standard, form.disposition!, interview ? form.asked() : [], form.answers),
    );
    if (c.note !== '') lines.push(`  ${t(lang, m.noteLine, { note: c.note })}`);
    lines.push('', color.dim(HELP.review(lang, interview ? form.asked().length : 0)));
  }
  if (s.noteDraft !== undefined)
    lines.push(
      '',
      color.bold(t(lang, m.noteEditing, { draft: s.noteDraft })),
      color.dim(t(lang, m.noteHelp)),
    );
  if (s.hint) lines.push('', color.yellow(s.hint));
  return CLEAR + lines.join('\n') + '\n';
}

/**
 * What a piped run prints after an input: the messages, a hint about the input line, the card of
 * a household newly due, and the prompt for what comes next.
 */
export function renderPiped(
  prev: SessionState | undefined,
  s: SessionState,
  color: ChalkInstance,
  inputLine: number,
): string {
  const { lang, standard } = s.config;
  const out: string[] = s.messages.map((n) => tinted(color, n));
  if (s.hint) out.push(`${t(lang, m.inputLine, { n: inputLine })}: ${s.hint}`);
  if (s.end) return out.map((l) => `${l}\n`).join('');
  const c = s.current;
  if (!c) {
    out.push('', t(lang, m.allDone), t(lang, m.promptFinished));
    return out.map((l) => `${l}\n`).join('');
  }
  if (c.serial !== prev?.current?.serial) out.push('', ...cardLines(lang, c.card));
  const step = c.form.step();
  if (step.kind === 'disposition')
    out.push(t(lang, m.promptOutcome, { tokens: DISPOSITIONS.map((x) => x.token).join('|') }));
  else if (step.kind === 'question') {
    const q = step.question;
    const { n, of } = questionNumber(standard, q);
    out.push(`> Q${n}/${of} [${q.id}] ${q.text[lang]} (${optionsInline(lang, q)}):`);
  }
  return out.map((l) => `${l}\n`).join('');
}
