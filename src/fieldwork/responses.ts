import type { Problem } from '../core/errors.js';
import { m as core } from '../core/core.messages.js';
import type { Lang } from '../core/i18n.js';
import { t } from '../core/messages.js';
import { r } from './responses.messages.js';
import type { CsvTable } from '../io/csv-read.js';
import { askedQuestions, parseAnswer } from '../standard/logic.js';
import type { Standard } from '../standard/schema.js';
import {
  disposition,
  DISPOSITIONS,
  isInterview,
  parseDisposition,
  type DispositionToken,
} from './dispositions.js';
import { CODES_ROW_MARKS } from './template.js';
import { dict } from '../core/dict.js';

/**
 * The responses file: one row per visit (and per correction) of a sampled household. Columns:
 * household_id, stratum, role, visit, disposition, interviewer, recorded_at, one column per
 * question id (option codes; labels accepted when typed by hand), note. Corrections append a new
 * row; the newest row for a household wins, so the file is its own audit trail.
 */

export const FIXED_COLUMNS = [
  'household_id',
  'stratum',
  'role',
  'visit',
  'disposition',
  'interviewer',
  'recorded_at',
] as const;
export type FixedColumn = (typeof FIXED_COLUMNS)[number] | 'note';

/** Header names accepted for the fixed columns (files typed in Chinese spreadsheets). */
const ALIASES: Record<FixedColumn, string[]> = {
  household_id: ['household_id', '户编号', '户号'],
  stratum: ['stratum', '抽样层', '社区'],
  role: ['role', '样本类型'],
  visit: ['visit', '走访次数', '访问次数', '第几次访问'],
  disposition: ['disposition', '访问结果', '结果'],
  interviewer: ['interviewer', '调查员', '访问员'],
  recorded_at: ['recorded_at', '记录时间', '时间'],
  note: ['note', '备注'],
};

export type Role = 'primary' | 'reserve';

export interface ResponseRow {
  file: string;
  line: number;
  householdId: string;
  /** As written; empty when the file leaves it out (the sample knows it). */
  stratum: string;
  role?: Role;
  visit: number;
  disposition: DispositionToken;
  interviewer: string;
  /** As written (ISO 8601). */
  recordedAt: string;
  /** Milliseconds since the epoch. */
  time: number;
  /** Question id → option code, for the questions answered. */
  answers: Record<string, number>;
  note: string;
}

export interface ResponsesFile {
  file: string;
  header: string[];
  rows: ResponseRow[];
  /** Errors and warnings, each located `file:line: field: message`. */
  problems: Problem[];
}

const normHeader = (h: string) =>
  h
    .replace(/^\uFEFF/, '')
    .replace(/\s+/g, '')
    .toLowerCase();

export function parseRole(raw: string): Role | undefined {
  const t = raw.trim().toLowerCase();
  if (t === 'primary' || t === '正式' || t === '正式样本') return 'primary';
  if (t === 'reserve' || t === '备用' || t === '备用样本') return 'reserve';
  return undefined;
}

/**
 * A time as written: ISO 8601 with Z or an offset, or a spreadsheet-style local time
 * (2026-11-28 14:05, 2026/11/28 14:05:30, 2026-11-28), which is read as China Standard Time
 * (UTC+08:00) so that every machine reads a hand-typed file the same way.
 */
export function parseRecordedAt(raw: string): number | undefined {
  const t = raw.trim();
  const m =
    /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(\.\d+)?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i.exec(
      t,
    );
  if (!m) return undefined;
  const [, y, mo, d, h = '0', mi = '0', s = '0', frac = '', zone] = m;
  const pad = (x: string) => x.padStart(2, '0');
  let offset = '+08:00';
  if (zone)
    offset =
      zone.toUpperCase() === 'Z' ? 'Z' : zone.includes(':') ? zone : `${zone.slice(0, 3)}:${zone.slice(3)}`;
  const iso = `${y}-${pad(mo!)}-${pad(d!)}T${pad(h)}:${pad(mi)}:${pad(s)}${frac}${offset}`;
  const ms = Date.parse(iso);
  if (!Number.isFinite(ms)) return undefined;
  // Reject dates JavaScript silently rolls over (2026-02-30).
  const check = new Date(ms + (offset === 'Z' ? 0 : offsetMinutes(offset) * 60_000));
  if (check.getUTCDate() !== Number(d) || check.getUTCMonth() + 1 !== Number(mo)) return undefined;
  return ms;
}

function offsetMinutes(off: string): number {
  const sign = off.startsWith('-') ? -1 : 1;
  const [hh, mm] = off.slice(1).split(':');
  return sign * (Number(hh) * 60 + Number(mm));
}

/** The header the interview command writes for a standard. */
export function responsesHeader(standard: Standard): string[] {
  return [...FIXED_COLUMNS, ...standard.questions.map((q) => q.id), 'note'];
}

/** Where each column of a header is: fixed columns by name or alias, questions by id. */
export interface ColumnMap {
  fixed: Partial<Record<FixedColumn, number>>;
  questions: Record<string, number>;
  unknown: { index: number; name: string }[];
}

/**
 * Columns of the sample list that a responses template carries for the interviewer's eyes (the
 * address); read past without a warning.
 */
const INFO_COLUMNS = new Set(['地址', 'address', '序号', 'rank', '网格', 'grid'].map((h) => normHeader(h)));

export function mapColumns(header: string[], standard: Standard): ColumnMap {
  const map: ColumnMap = { fixed: {}, questions: dict<number>(), unknown: [] };
  // A question's column is headed by its id, or by its text in either language (a template).
  const qIds = new Map<string, string>();
  for (const q of standard.questions) {
    qIds.set(q.id.toLowerCase(), q.id);
    for (const text of [q.text.zh, q.text.en])
      if (!qIds.has(normHeader(text))) qIds.set(normHeader(text), q.id);
  }
  header.forEach((h, i) => {
    const n = normHeader(h);
    if (n === '') return;
    const fixed = (Object.keys(ALIASES) as FixedColumn[]).find((k) =>
      ALIASES[k].some((a) => normHeader(a) === n),
    );
    if (fixed && map.fixed[fixed] === undefined) map.fixed[fixed] = i;
    else if (qIds.has(n) && map.questions[qIds.get(n)!] === undefined) map.questions[qIds.get(n)!] = i;
    else if (!INFO_COLUMNS.has(n)) map.unknown.push({ index: i, name: h });
  });
  return map;
}

/** An answer as typed: a code, a label, or both as the template's codes show them ("1 知道"). */
function parseAnswerCell(q: Standard['questions'][number], raw: string) {
  const direct = parseAnswer(q, raw);
  if (direct) return direct;
  const m = /^(\d+)\s+(.+)$/.exec(raw.trim());
  if (!m) return undefined;
  const byCode = parseAnswer(q, m[1]!);
  return byCode && parseAnswer(q, m[2]!) === byCode ? byCode : undefined;
}

function optionList(q: Standard['questions'][number], lang: Lang): string {
  return q.options.map((o) => `${o.code} ${o.zh}`).join(t(lang, core.listSep));
}

/**
 * Turn a responses table into typed rows, checking each row against the standard: a valid
 * disposition, visit and time; answers that are options of their question; no answers for a
 * household that was not interviewed; for a complete interview every required question asked
 * answered; no answer where a skip condition says the question is not asked. Rows whose household,
 * disposition, visit or time cannot be read are left out (and reported).
 */
export function parseResponses(
  table: Pick<CsvTable, 'file' | 'header' | 'rows'>,
  standard: Standard,
  lang: Lang = 'en',
): ResponsesFile {
  const file = table.file;
  const problems: Problem[] = [];
  const err = (line: number, field: string | undefined, message: string) =>
    problems.push({ file, line, ...(field !== undefined ? { field } : {}), message, severity: 'error' });
  // Warnings carry the field inside the message: `r.csv:12: warning: interviewer: empty`.
  const warn = (line: number, field: string | undefined, message: string) =>
    problems.push({
      file,
      line,
      message: t(lang, r.warning, { field, text: message }),
      severity: 'warning',
    });

  const cols = mapColumns(table.header, standard);
  for (const need of ['household_id', 'disposition'] as const)
    if (cols.fixed[need] === undefined) err(1, undefined, t(lang, r.noFixedColumn, { column: need }));
  if (cols.fixed.household_id === undefined || cols.fixed.disposition === undefined)
    return { file, header: table.header, rows: [], problems };
  // Stratum, role and visit come from the sample and the row order when a file leaves them out
  // (a hand-typed template); without times, rows count in file order.
  if (cols.fixed.interviewer === undefined) warn(1, undefined, t(lang, r.noInterviewerColumn));
  const missingQ = standard.questions.filter((q) => cols.questions[q.id] === undefined).map((q) => q.id);
  if (missingQ.length > 0)
    warn(1, undefined, t(lang, r.noQuestionColumns, { ids: missingQ, standard: standard.id }));
  for (const u of cols.unknown) warn(1, u.name, t(lang, r.unknownColumn, { standard: standard.id }));

  const rows: ResponseRow[] = [];
  const get = (fields: string[], i: number | undefined) => (i === undefined ? '' : (fields[i] ?? '').trim());

  for (const { line, fields } of table.rows) {
    // A template's codes row, and households nobody has filled in yet (not visited).
    if ((CODES_ROW_MARKS as readonly string[]).includes(get(fields, cols.fixed.household_id))) continue;
    if (
      get(fields, cols.fixed.disposition) === '' &&
      get(fields, cols.fixed.interviewer) === '' &&
      get(fields, cols.fixed.recorded_at) === '' &&
      get(fields, cols.fixed.note) === '' &&
      standard.questions.every((q) => get(fields, cols.questions[q.id]) === '')
    )
      continue;
    if (fields.length > table.header.length && fields.slice(table.header.length).some((f) => f.trim() !== ''))
      err(line, undefined, t(lang, r.cellCount, { cells: fields.length, header: table.header.length }));
    let ok = true;
    const householdId = get(fields, cols.fixed.household_id);
    if (householdId === '') {
      err(line, 'household_id', t(lang, r.empty));
      ok = false;
    }
    const dRaw = get(fields, cols.fixed.disposition);
    const d = parseDisposition(dRaw);
    if (!d) {
      err(
        line,
        'disposition',
        dRaw === ''
          ? t(lang, r.empty)
          : t(lang, r.notDisposition, {
              value: dRaw,
              list: DISPOSITIONS.map((x) => `${x.token} ${x.zh}`).join(t(lang, core.listSep)),
            }),
      );
      ok = false;
    }
    const vRaw = get(fields, cols.fixed.visit);
    let visit = 1;
    if (vRaw !== '') {
      if (/^\d+$/.test(vRaw) && Number(vRaw) >= 1) visit = Number(vRaw);
      else {
        err(line, 'visit', t(lang, r.badVisit, { value: vRaw }));
        ok = false;
      }
    }
    const rRaw = get(fields, cols.fixed.role);
    const role = rRaw === '' ? undefined : parseRole(rRaw);
    if (rRaw !== '' && !role) err(line, 'role', t(lang, r.badRole, { value: rRaw }));
    const tRaw = get(fields, cols.fixed.recorded_at);
    let time = Number.NaN;
    if (cols.fixed.recorded_at !== undefined) {
      const at = tRaw === '' ? undefined : parseRecordedAt(tRaw);
      if (at === undefined) {
        err(line, 'recorded_at', tRaw === '' ? t(lang, r.empty) : t(lang, r.badTime, { value: tRaw }));
        ok = false;
      } else time = at;
    }
    const interviewer = get(fields, cols.fixed.interviewer);
    if (cols.fixed.interviewer !== undefined && interviewer === '')
      warn(line, 'interviewer', t(lang, r.empty));

    // Answers.
    const answers = dict<number>();
    const given: string[] = [];
    for (const q of standard.questions) {
      const raw = get(fields, cols.questions[q.id]);
      if (raw === '') continue;
      given.push(q.id);
      const o = parseAnswerCell(q, raw);
      if (!o) err(line, q.id, t(lang, r.notOption, { value: raw, list: optionList(q, lang) }));
      else answers[q.id] = o.code;
    }
    if (d && !isInterview(d.token) && given.length > 0)
      err(line, given[0], t(lang, r.answersNotInterviewed, { outcome: `${d.token} ${d.zh}` }));
    if (d && isInterview(d.token)) {
      const asked = askedQuestions(standard, answers);
      const askedIds = new Set(asked.map((q) => q.id));
      for (const id of given) {
        const q = standard.questions.find((x) => x.id === id)!;
        if (!askedIds.has(id) && q.ask_if && answers[id] !== undefined) {
          const dep = standard.questions.find((x) => x.id === q.ask_if!.question)!;
          err(
            line,
            id,
            t(lang, r.skipRule, {
              question: dep.id,
              codes: q.ask_if.in.map((c) => `${c} ${dep.options.find((o) => o.code === c)?.zh ?? ''}`.trim()),
            }),
          );
        }
      }
      if (d.token === 'complete')
        for (const q of asked)
          if (q.required && answers[q.id] === undefined && !given.includes(q.id))
            err(line, q.id, t(lang, r.noAnswerInComplete));
    }
    if (!ok || !d) continue;
    rows.push({
      file,
      line,
      householdId,
      stratum: get(fields, cols.fixed.stratum),
      ...(role ? { role } : {}),
      visit,
      disposition: d.token,
      interviewer,
      recordedAt: tRaw,
      time,
      answers,
      note: get(fields, cols.fixed.note),
    });
  }
  return { file, header: table.header, rows, problems };
}

/**
 * Rows from several files in time order (stable: rows at the same time keep file order). Rows
 * without a time (a file with no recorded_at column) keep their place after the timed rows of
 * the files before them.
 */
export function orderRows(rows: readonly ResponseRow[]): ResponseRow[] {
  return rows
    .map((r, i) => ({ r, i }))
    .sort((a, b) => {
      const ta = Number.isNaN(a.r.time) ? Number.POSITIVE_INFINITY : a.r.time;
      const tb = Number.isNaN(b.r.time) ? Number.POSITIVE_INFINITY : b.r.time;
      return ta - tb || a.i - b.i;
    })
    .map((x) => x.r);
}

/** The newest row for each household (newest time; among equal times, the later row). */
export function latestByHousehold(rows: readonly ResponseRow[]): Map<string, ResponseRow> {
  const out = new Map<string, ResponseRow>();
  for (const r of orderRows(rows)) out.set(r.householdId, r);
  return out;
}

/** Cells for one row under a header written by responsesHeader (codes and tokens, not labels). */
export function responseCells(row: Omit<ResponseRow, 'file' | 'line' | 'time'>, header: string[]): string[] {
  return header.map((h) => {
    switch (h) {
      case 'household_id':
        return row.householdId;
      case 'stratum':
        return row.stratum;
      case 'role':
        return row.role ?? '';
      case 'visit':
        return String(row.visit);
      case 'disposition':
        return disposition(row.disposition).token;
      case 'interviewer':
        return row.interviewer;
      case 'recorded_at':
        return row.recordedAt;
      case 'note':
        return row.note;
      default: {
        const a = row.answers[h];
        return a === undefined ? '' : String(a);
      }
    }
  });
}
