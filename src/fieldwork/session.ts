import type { ChalkInstance } from 'chalk';
import { say, type Lang } from '../core/i18n.js';
import { canonicalColumn } from '../roster/columns.js';
import { maskValue, type SampleEntry } from '../sampling/sample-file.js';
import { parseAnswer } from '../standard/logic.js';
import type { Standard } from '../standard/schema.js';
import { DISPOSITIONS, parseDisposition, type DispositionToken } from './dispositions.js';
import { HouseholdForm } from './form.js';
import type { InputQueue } from './input.js';
import type { ResponseRow } from './responses.js';
import {
  cardLines,
  dispositionLabel,
  dispositionMenu,
  HELP,
  optionKeys,
  optionsInline,
  questionLines,
  questionNumber,
  reviewLines,
  type HouseholdCard,
} from './screens.js';
import { planFieldwork, type DueItem, type FieldworkPlan } from './succession.js';

/**
 * The interview loop: show the next household due, take its disposition and answers, save it
 * durably, repeat. Two front ends over the same form: single keys on a terminal (raw mode), or one
 * answer per line when input is piped (prompts on stderr). The caller owns files and the terminal
 * mode; this module only reads input, writes text and calls `save`.
 */

export type NewRow = Omit<ResponseRow, 'file' | 'line' | 'time' | 'recordedAt'>;

export interface SessionDeps {
  standard: Standard;
  entries: readonly SampleEntry[];
  /** Rows already in the responses file; the session appends what it saves. */
  rows: ResponseRow[];
  maxVisits: number;
  interviewer: string;
  lang: Lang;
  input: InputQueue;
  /** Prompts and messages (stderr). */
  write: (s: string) => void;
  color: ChalkInstance;
  tty: boolean;
  /** Append one row durably; returns it as read back. */
  save: (row: NewRow) => ResponseRow;
  /** The responses file's name, for messages. */
  label: string;
}

export type SessionEnd = 'done' | 'quit' | 'interrupted' | 'end-of-input' | 'all-skipped';

export interface SessionResult {
  saved: number;
  due: number;
  skipped: number;
  end: SessionEnd;
}

type EntryResult = 'save' | 'skip' | 'quit' | 'interrupted' | 'end-of-input' | { correct: string };

const CLEAR = '\x1b[H\x1b[2J';

export async function runSession(d: SessionDeps): Promise<SessionResult> {
  const { lang } = d;
  const skipped = new Set<string>();
  const byId = new Map(d.entries.map((e) => [e.householdId, e]));
  const roleCount = new Map<string, number>();
  for (const e of d.entries)
    roleCount.set(`${e.stratum}\u0000${e.role}`, (roleCount.get(`${e.stratum}\u0000${e.role}`) ?? 0) + 1);
  let saved = 0;
  let lastSaved: string | undefined;
  let messages: string[] = [];
  const tell = (line: string) => {
    if (d.tty) messages.push(line);
    else d.write(`${line}\n`);
  };

  const plan = () => planFieldwork(d.entries, d.rows, d.maxVisits);
  const latestRow = (id: string) => {
    let last: ResponseRow | undefined;
    for (const r of d.rows) if (r.householdId === id && (!last || r.time >= last.time)) last = r;
    return last;
  };

  const card = (
    e: SampleEntry,
    item: DueItem<SampleEntry> | undefined,
    correcting?: ResponseRow,
  ): HouseholdCard => {
    const grid = Object.entries(e.fields).find(([h]) => canonicalColumn(h) === 'grid')?.[1];
    const last = latestRow(e.householdId);
    const replaced = item?.replaces ? latestRow(item.replaces) : undefined;
    return {
      stratum: e.stratum,
      role: e.role,
      rank: e.rank,
      of: roleCount.get(`${e.stratum}\u0000${e.role}`) ?? 0,
      householdId: e.householdId,
      address: e.address,
      ...(grid ? { grid } : {}),
      ...(e.headName ? { head: maskValue('head_name', e.headName) } : {}),
      ...(e.phone ? { phone: maskValue('phone', e.phone) } : {}),
      visit: correcting ? correcting.visit : (item?.visit ?? 1),
      ...(last && !correcting ? { lastOutcome: last.disposition } : {}),
      ...(item?.replaces
        ? { replaces: { householdId: item.replaces, ...(replaced ? { outcome: replaced.disposition } : {}) } }
        : {}),
      ...(correcting ? { correcting: correcting.disposition } : {}),
    };
  };

  const header = (p: FieldworkPlan<SampleEntry>, e: SampleEntry) => {
    const s = p.strata.find((x) => x.stratum === e.stratum);
    return d.color.bold(
      say(
        lang,
        `hhsurvey 入户调查 · 调查员 ${d.interviewer} · ${e.stratum} 已完成 ${s?.completes ?? 0}/${s?.target ?? 0} · 本次已保存 ${saved} 户 · 待访 ${p.due.length} 户`,
        `hhsurvey interview · ${d.interviewer} · ${e.stratum} ${s?.completes ?? 0}/${s?.target ?? 0} complete · ${saved} saved this session · ${p.due.length} due`,
      ),
    );
  };

  /** What happened to a household after saving: reserve activation, revisit, shortage. */
  const afterSave = (id: string) => {
    const p = plan();
    for (const s of p.strata) {
      const h = s.households.find((x) => x.entry.householdId === id);
      if (!h) continue;
      if (h.status === 'failed') {
        if (h.replacedBy) {
          const r = byId.get(h.replacedBy)!;
          tell(
            d.color.cyan(
              say(
                lang,
                `  备用 ${r.rank}（${r.householdId}）替换 ${id}`,
                `  reserve ${r.rank} (${r.householdId}) replaces ${id}`,
              ),
            ),
          );
        } else
          tell(
            d.color.yellow(
              say(
                lang,
                `  ${s.stratum} 的备用样本已用完：${id} 无人替换`,
                `  ${s.stratum} has no reserve left: nobody replaces ${id}`,
              ),
            ),
          );
      } else if (h.status === 'revisit')
        tell(
          say(
            lang,
            `  无人在家：本层其他住户之后再访（第 ${h.visits + 1} 次）`,
            `  nobody home: due again after the stratum's other households (visit ${h.visits + 1})`,
          ),
        );
    }
  };

  const saveForm = (e: SampleEntry, form: HouseholdForm, visit: number, note: string) => {
    const row = d.save({
      householdId: e.householdId,
      stratum: e.stratum,
      role: e.role,
      visit,
      disposition: form.disposition!,
      interviewer: d.interviewer,
      answers: form.finalAnswers(),
      note,
    });
    d.rows.push(row);
    saved++;
    lastSaved = e.householdId;
    tell(
      d.color.green(
        say(
          lang,
          `✓ 已保存 ${e.householdId}：${dispositionLabel(lang, row.disposition)}（第 ${visit} 次走访）`,
          `✓ saved ${e.householdId}: ${dispositionLabel(lang, row.disposition)} (visit ${visit})`,
        ),
      ),
    );
    afterSave(e.householdId);
  };

  // ---- piped: one answer per line ----
  const invalid = (what: string) =>
    d.write(`${say(lang, `  第 ${d.input.lineNumber} 行`, `  line ${d.input.lineNumber}`)}: ${what}\n`);

  const pipedEntry = async (
    c: HouseholdCard,
    form: HouseholdForm,
    correcting: boolean,
  ): Promise<EntryResult> => {
    d.write(`\n${cardLines(lang, c).join('\n')}\n`);
    for (;;) {
      const step = form.step();
      if (step.kind === 'review') return 'save';
      if (step.kind === 'disposition') {
        d.write(
          say(
            lang,
            `> 访问结果（${DISPOSITIONS.map((x) => x.token).join('|')}，或中文；skip 跳过，correct <户编号> 更正，quit 退出）：\n`,
            `> outcome (${DISPOSITIONS.map((x) => x.token).join('|')}; skip, correct <household_id>, quit):\n`,
          ),
        );
        const line = await d.input.line();
        if (line === undefined) return 'end-of-input';
        const t = line.trim();
        if (t === 'quit') return 'quit';
        if (t === 'skip' && !correcting) return 'skip';
        const m = /^correct\s+(\S+)$/.exec(t);
        if (m && !correcting) return { correct: m[1]! };
        const disp = parseDisposition(t);
        if (disp) form.chooseDisposition(disp.token);
        else invalid(say(lang, `"${t}" 不是访问结果，请重新输入`, `"${t}" is not an outcome; try again`));
        continue;
      }
      const q = step.question;
      const { n, of } = questionNumber(d.standard, q);
      d.write(`> Q${n}/${of} [${q.id}] ${q.text[lang]} (${optionsInline(lang, q)}):\n`);
      const line = await d.input.line();
      if (line === undefined) return 'end-of-input';
      const t = line.trim();
      if (t === 'quit') return 'quit';
      if (t === 'back') {
        form.back();
        continue;
      }
      if (t === '') {
        if (form.mayLeaveUnanswered(q)) form.answer(undefined);
        else
          invalid(
            say(
              lang,
              '完成的访问每题都要回答（可回答"不清楚"，或记为部分完成）',
              'a complete interview needs an answer (not sure is one; or record it as partial)',
            ),
          );
        continue;
      }
      const o = parseAnswer(q, t);
      if (o) form.answer(o.code);
      else
        invalid(
          say(
            lang,
            `"${t}" 不是选项（${optionsInline(lang, q)}）`,
            `"${t}" is not an option (${optionsInline(lang, q)})`,
          ),
        );
    }
  };

  // ---- terminal: single keys ----
  const ttyEntry = async (
    p: FieldworkPlan<SampleEntry>,
    e: SampleEntry,
    c: HouseholdCard,
    form: HouseholdForm,
    correcting: boolean,
  ): Promise<EntryResult> => {
    let note: string | undefined;
    let confirmQuit = false;
    const started = () => form.disposition !== undefined;
    for (;;) {
      const step = form.step();
      const lines = [header(p, e), ...messages, '', ...cardLines(lang, c).map((l) => d.color.bold(l)), ''];
      messages = [];
      if (step.kind === 'disposition') {
        if (d.standard.eligibility)
          lines.push(
            d.color.dim(`${say(lang, '受访者', 'Respondent')}: ${d.standard.eligibility[lang]}`),
            '',
          );
        lines.push(
          say(lang, '访问结果：', 'Outcome:'),
          ...dispositionMenu(lang),
          '',
          d.color.dim(HELP.disposition(lang)),
        );
      } else if (step.kind === 'question') {
        lines.push(
          ...questionLines(lang, d.standard, step.question, form.answers[step.question.id]),
          '',
          d.color.dim(HELP.question(lang, form.mayLeaveUnanswered(step.question))),
        );
      } else {
        lines.push(
          ...reviewLines(
            lang,
            d.standard,
            form.disposition!,
            form.disposition === 'complete' || form.disposition === 'partial' ? form.asked() : [],
            form.answers,
          ),
          '',
          d.color.dim(
            HELP.review(
              lang,
              form.disposition === 'complete' || form.disposition === 'partial' ? form.asked().length : 0,
            ),
          ),
        );
      }
      if (note) lines.push('', d.color.yellow(note));
      note = undefined;
      d.write(CLEAR + lines.join('\n') + '\n');

      const key = await d.input.key();
      if (key === undefined || key.kind === 'ctrl-d') return 'end-of-input';
      if (key.kind === 'ctrl-c') return 'interrupted';
      const ch = key.kind === 'char' ? key.char.toLowerCase() : '';
      if (ch === 'q') {
        if (!started() || confirmQuit) return 'quit';
        confirmQuit = true;
        note = say(
          lang,
          `再按 q 退出，本户（${e.householdId}）不保存`,
          `press q again to quit without saving ${e.householdId}`,
        );
        continue;
      }
      confirmQuit = false;
      const back = key.kind === 'backspace' || key.kind === 'left';
      if (step.kind === 'disposition') {
        if (ch === 's' && !correcting) return 'skip';
        if (ch === 'c' && !correcting) {
          if (lastSaved) return { correct: lastSaved };
          note = say(lang, '本次还没有保存过住户', 'nothing saved in this session yet');
          continue;
        }
        const disp = DISPOSITIONS.find((x) => x.key === ch);
        if (disp) form.chooseDisposition(disp.token);
        else if (key.kind !== 'enter' && !back)
          note = say(lang, '请按访问结果对应的键', 'press the key of an outcome');
        continue;
      }
      if (step.kind === 'question') {
        const q = step.question;
        if (back) {
          form.back();
          continue;
        }
        if (key.kind === 'enter') {
          const cur = form.answers[q.id];
          if (cur !== undefined) form.answer(cur);
          else if (form.mayLeaveUnanswered(q)) form.answer(undefined);
          else
            note = say(
              lang,
              '完成的访问每题都要回答（可选"不清楚"）',
              'a complete interview needs an answer (not sure is one)',
            );
          continue;
        }
        const i = optionKeys(q).indexOf(ch);
        if (i >= 0) form.answer(q.options[i]!.code);
        else
          note = say(
            lang,
            `请按选项键（${optionKeys(q).join('/')}）`,
            `press an option key (${optionKeys(q).join('/')})`,
          );
        continue;
      }
      // review
      if (key.kind === 'enter' || ch === 'y') {
        const missing = form.missingRequired();
        if (missing.length === 0) return 'save';
        note = say(
          lang,
          `还有未回答的题：${missing.map((x) => x.id).join('、')}`,
          `unanswered: ${missing.map((x) => x.id).join(', ')}`,
        );
        continue;
      }
      if (back) form.back();
      else if (ch === 'd') form.editDisposition();
      else if (/^[1-9]$/.test(ch)) form.edit(Number(ch) - 1);
      continue;
    }
  };

  /** The screen or prompt when nothing is left to visit. */
  const finished = async (allDone: boolean): Promise<'end' | 'interrupted' | { correct: string }> => {
    const what = allDone
      ? say(lang, '全部住户已完成。', 'Every household is done.')
      : say(lang, '其余待访住户都已跳过。', 'The other households due were skipped.');
    for (;;) {
      if (!d.tty) {
        d.write(
          `\n${what}\n${say(lang, '> correct <户编号> 更正，或 quit 退出：', '> correct <household_id>, or quit:')}\n`,
        );
        const line = await d.input.line();
        if (line === undefined || line.trim() === 'quit') return 'end';
        const m = /^correct\s+(\S+)$/.exec(line.trim());
        if (m) return { correct: m[1]! };
        invalid(say(lang, `"${line.trim()}" 无法识别`, `"${line.trim()}" is not understood`));
        continue;
      }
      d.write(
        CLEAR +
          [
            ...messages,
            '',
            d.color.bold(what),
            '',
            d.color.dim(
              say(lang, 'c 更正上一户   q 或 Enter 退出', 'c correct the last one   q or Enter quit'),
            ),
          ].join('\n') +
          '\n',
      );
      messages = [];
      const key = await d.input.key();
      if (key === undefined || key.kind === 'ctrl-d' || key.kind === 'enter') return 'end';
      if (key.kind === 'ctrl-c') return 'interrupted';
      if (key.kind === 'char' && key.char.toLowerCase() === 'q') return 'end';
      if (key.kind === 'char' && key.char.toLowerCase() === 'c' && lastSaved) return { correct: lastSaved };
    }
  };

  let end: SessionEnd;
  let correction: string | undefined;
  for (;;) {
    const p = plan();
    let entry: SampleEntry;
    let item: DueItem<SampleEntry> | undefined;
    let correcting: ResponseRow | undefined;
    let form: HouseholdForm;
    if (correction !== undefined) {
      const id = correction;
      correction = undefined;
      const e = byId.get(id);
      const last = latestRow(id);
      if (!e || !last) {
        tell(
          d.color.yellow(
            say(
              lang,
              `  ${id} 不在本次样本中或还没有记录，无法更正`,
              `  ${id} is not in this sample or has no record yet: nothing to correct`,
            ),
          ),
        );
        continue;
      }
      entry = e;
      correcting = last;
      form = new HouseholdForm(
        d.standard,
        d.tty ? { disposition: last.disposition, answers: last.answers } : undefined,
      );
    } else {
      item = p.due.find((x) => !skipped.has(x.entry.householdId));
      if (!item) {
        end = p.due.length > 0 ? 'all-skipped' : 'done';
        // Nothing left to visit: a correction is still possible before leaving.
        const then = await finished(end === 'done');
        if (typeof then === 'object') {
          correction = then.correct;
          continue;
        }
        if (then === 'interrupted') end = then;
        break;
      }
      entry = item.entry;
      form = new HouseholdForm(d.standard);
    }
    const c = card(entry, item, correcting);
    const r = d.tty
      ? await ttyEntry(p, entry, c, form, !!correcting)
      : await pipedEntry(c, form, !!correcting);
    if (r === 'save') {
      const visit = correcting ? correcting.visit : item!.visit;
      const note = correcting ? 'correction' : item?.replaces ? `replaces ${item.replaces}` : '';
      saveForm(entry, form, visit, note);
      continue;
    }
    if (r === 'skip') {
      skipped.add(entry.householdId);
      tell(
        say(
          lang,
          `  已跳过 ${entry.householdId}（下次启动仍待访）`,
          `  skipped ${entry.householdId} (still due next time)`,
        ),
      );
      continue;
    }
    if (typeof r === 'object') {
      correction = r.correct;
      continue;
    }
    if (form.disposition !== undefined || correcting)
      tell(
        d.color.yellow(say(lang, `  ${entry.householdId} 未保存`, `  ${entry.householdId} was not saved`)),
      );
    end = r;
    break;
  }
  const due = plan().due.length;
  if (d.tty) d.write(CLEAR + messages.join('\n') + (messages.length ? '\n' : ''));
  messages = [];
  return { saved, due, skipped: skipped.size, end };
}

/** The message that ends a session (stderr). */
export function sessionSummary(lang: Lang, r: SessionResult, label: string): string {
  const why: Record<SessionEnd, string> = {
    done: say(lang, '全部住户已完成', 'every household is done'),
    quit: say(lang, '已退出', 'quit'),
    interrupted: say(lang, '已中断（Ctrl+C）', 'interrupted (Ctrl+C)'),
    'end-of-input': say(lang, '输入结束', 'end of input'),
    'all-skipped': say(
      lang,
      `其余待访住户都已跳过（${r.skipped} 户）`,
      `the other households due were skipped (${r.skipped})`,
    ),
  };
  return say(
    lang,
    `${why[r.end]}：本次保存 ${r.saved} 户，已全部写入 ${label}；仍待访 ${r.due} 户。`,
    `${why[r.end]}: ${r.saved} household${r.saved === 1 ? '' : 's'} saved this session, all on disk in ${label}; ${r.due} still due.`,
  );
}

export type { DispositionToken };
