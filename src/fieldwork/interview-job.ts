import { existsSync, readFileSync, statSync } from 'node:fs';
import type { ChalkInstance } from 'chalk';
import { chinaIso } from '../core/clock.js';
import type { InStream } from '../core/context.js';
import { groupProblems, UserError } from '../core/errors.js';
import type { Lang } from '../core/i18n.js';
import { t } from '../core/messages.js';
import { csvLine } from '../io/csv-write.js';
import { firstNonUtf8 } from '../io/inputs.js';
import { m as io } from '../io/messages.js';
import { readSampleList, type SampleEntry } from '../sampling/sample-file.js';
import { assertNotExcelResaved } from '../sampling/excel-ids.js';
import { findStratum } from '../sampling/strata.js';
import { loadStandard } from '../standard/load.js';
import type { Standard } from '../standard/schema.js';
import { InputQueue } from './input.js';
import { m } from './messages.js';
import { errorsOf, readResponses } from './responses-file.js';
import {
  FIXED_COLUMNS,
  mapColumns,
  parseRecordedAt,
  responseCells,
  responsesHeader,
  type ResponseRow,
} from './responses.js';
import { runSession, sessionSummary, type NewRow } from './session.js';
import type { Notice } from './session-state.js';
import {
  acquireLock,
  keepReplaced,
  lineEndOf,
  openAppendLog,
  ReplacedError,
  setAsideTornLine,
  type AppendLog,
} from './store.js';
import { planFieldwork } from './succession.js';

/**
 * `hhsurvey interview` as a job: read the sample and the standard, take the lock, check the whole
 * responses file before changing anything, recover a line cut off by a crash, then run the session
 * with a store that appends each household durably and stops if the file is replaced.
 */

export interface InterviewJob {
  samplePath: string;
  sampleLabel: string;
  responsesPath: string;
  responsesLabel: string;
  standard?: string;
  cwd: string;
  interviewer?: string;
  stratum?: string;
  maxVisits: number;
  bom: boolean;
  lang: Lang;
  now: () => Date;
  stdin: InStream;
  /** stderr: screens, prompts and messages. */
  write: (s: string) => void;
  color: ChalkInstance;
}

type RawStdin = InStream & { setRawMode?: (on: boolean) => unknown };

const oneLine = (s: string) => s.replace(/[\r\n]+/g, ' ').trim();

/** The responses file as checked before the session: nothing in it has been changed yet. */
interface CheckedResponses {
  rows: ResponseRow[];
  /** Column order to write rows in. */
  header: string[];
  torn?: { line: number };
  unterminated: boolean;
  warnings: string[];
}

async function checkResponsesFile(
  path: string,
  label: string,
  standard: Standard,
  lang: Lang,
): Promise<CheckedResponses | undefined> {
  if (!existsSync(path)) return undefined;
  const st = statSync(path);
  if (st.isDirectory()) throw new UserError(t(lang, m.isDirectory, { label }));
  if (!st.isFile()) throw new UserError(t(lang, m.notRegular, { label }));
  if (st.size === 0) return undefined;
  const bytes = readFileSync(path);
  if (
    (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) ||
    (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0)
  )
    throw new UserError(t(lang, m.workbook, { label }));
  // The encoding of every complete line (a line cut off by a crash may end inside a character).
  const cut = Math.max(bytes.lastIndexOf(0x0a), bytes.lastIndexOf(0x0d)) + 1;
  if (firstNonUtf8(bytes.subarray(0, cut > 0 ? cut : bytes.length)) >= 0)
    throw new UserError(t(lang, m.gb18030, { label }));
  const existing = await readResponses(path, standard, { label, encoding: 'utf8', lang });
  const cols = mapColumns(existing.header, standard);
  const missing = [
    ...FIXED_COLUMNS.filter((c) => cols.fixed[c] === undefined),
    ...standard.questions.map((q) => q.id).filter((id) => cols.questions[id] === undefined),
  ];
  if (missing.length > 0) throw new UserError(t(lang, m.headerLacks, { label, missing }));
  const errors = errorsOf(existing.problems);
  if (errors.length > 0) throw new UserError(t(lang, m.fileErrors, { label, n: errors.length }), errors);
  // Write in the file's own column order.
  const header = existing.header.map((_, i) => {
    const fixed = (Object.keys(cols.fixed) as (keyof typeof cols.fixed)[]).find((k) => cols.fixed[k] === i);
    if (fixed) return fixed;
    return Object.keys(cols.questions).find((k) => cols.questions[k] === i) ?? '';
  });
  return {
    rows: existing.rows,
    header,
    ...(existing.torn ? { torn: existing.torn } : {}),
    unterminated: existing.unterminated,
    // The torn line's own warning is replaced by the message of setting it aside.
    // A few lines per kind of warning with a count, never one per column or row.
    warnings: groupProblems(
      existing.problems.filter((p) => p.line !== existing.torn?.line),
      (n) => t(lang, io.moreLikeThis, { n }),
    ),
  };
}

function selectEntries(job: InterviewJob, entries: SampleEntry[], strata: { key: string }[]): SampleEntry[] {
  if (job.stratum === undefined) return entries;
  // The community's name is enough when only one sub-district has it.
  const key =
    findStratum(
      job.stratum,
      strata.map((s) => s.key),
    ) ?? job.stratum;
  const chosen = entries.filter((e) => e.stratum === key);
  if (chosen.length === 0) {
    const names = strata.map((s) => s.key);
    throw new UserError(
      t(job.lang, m.notAStratum, {
        stratum: job.stratum,
        sample: job.sampleLabel,
        names: `${names.slice(0, 8).join(', ')}${names.length > 8 ? ', …' : ''}`,
      }),
    );
  }
  return chosen;
}

/** The newest interviewer name recorded in the file. */
function lastInterviewer(rows: readonly ResponseRow[]): string | undefined {
  let last: ResponseRow | undefined;
  for (const r of rows) if (r.interviewer !== '' && (!last || r.time >= last.time)) last = r;
  return last?.interviewer;
}

export async function runInterview(job: InterviewJob): Promise<void> {
  const { lang } = job;
  const standard = await loadStandard(job.standard, job.cwd);
  const sample = await readSampleList(job.samplePath, { label: job.sampleLabel });
  const entries = selectEntries(job, sample.entries, sample.strata);
  const stdin = job.stdin as RawStdin;
  const tty = !!stdin.isTTY && typeof stdin.setRawMode === 'function';
  const input = new InputQueue(job.stdin);
  const label = job.responsesLabel;
  const path = job.responsesPath;
  if (existsSync(path) && statSync(path).isDirectory())
    throw new UserError(t(lang, m.isDirectory, { label }));

  const start: Notice[] = [];
  const warnings: string[] = [];
  const flagName = job.interviewer !== undefined ? oneLine(job.interviewer) : '';
  const lock = acquireLock(
    path,
    label,
    { interviewer: flagName, since: chinaIso(job.now()) },
    (line) => warnings.push(line),
    lang,
  );
  let log: AppendLog | undefined;
  try {
    // Check everything first; only then change the file (set aside a torn line, end the last line).
    const checked = await checkResponsesFile(path, label, standard, lang);
    const rows = checked?.rows ?? [];
    assertNotExcelResaved(
      rows,
      sample.entries.map((e) => e.householdId),
      lang,
      label,
    );
    warnings.push(...(checked?.warnings ?? []));

    let interviewer = flagName;
    const remembered = lastInterviewer(rows);
    if (interviewer === '' && remembered !== undefined) {
      interviewer = remembered;
      start.push({ tone: 'plain', text: t(lang, m.interviewerRemembered, { name: remembered, label }) });
    }
    if (interviewer === '') {
      if (!tty) throw new UserError(t(lang, m.interviewerRequired));
      job.write(t(lang, m.interviewerPrompt));
      interviewer = oneLine((await input.line()) ?? '');
      if (interviewer === '') throw new UserError(t(lang, m.interviewerEmpty));
    }
    if (interviewer !== flagName) lock.update({ interviewer });

    const header = checked?.header ?? responsesHeader(standard);
    const eol = lineEndOf(path);
    if (checked?.torn) {
      const torn = setAsideTornLine(path, job.now());
      if (torn) warnings.push(t(lang, m.torn, { label, line: torn.line, savedTo: torn.savedTo }));
    }
    const opened = openAppendLog(
      path,
      label,
      (job.bom ? '\uFEFF' : '') + csvLine(header).replace(/\r\n$/, eol),
    );
    log = opened.log;
    if (checked?.unterminated && !checked.torn) {
      log.append(eol);
      warnings.push(t(lang, m.lineEndAdded, { label, line: checked.rows.at(-1)?.line ?? 1 }));
    }
    let lines = opened.created
      ? 1
      : readFileSync(path)
          .toString('utf8')
          .split(/\r\n|\n|\r/).length - 1;

    const known = new Set(sample.entries.map((e) => e.householdId));
    const strangers = rows.filter((r) => !known.has(r.householdId)).length;
    if (strangers > 0) warnings.push(t(lang, m.strangers, { label, n: strangers, sample: job.sampleLabel }));
    const plan = planFieldwork(entries, rows, job.maxVisits, lang);
    warnings.push(...groupProblems(plan.problems, (n) => t(lang, io.moreLikeThis, { n })));
    start.unshift(...warnings.map((text): Notice => ({ tone: 'warn', text })));
    if (rows.length > 0) start.push({ tone: 'plain', text: t(lang, m.resuming, { label, n: rows.length }) });

    const appendLog = log;
    const save = (row: NewRow): ResponseRow => {
      const recordedAt = chinaIso(job.now());
      const clean = { ...row, interviewer: oneLine(row.interviewer), note: oneLine(row.note), recordedAt };
      try {
        appendLog.append(csvLine(responseCells(clean, header)).replace(/\r\n$/, eol));
      } catch (err) {
        if (!(err instanceof ReplacedError)) throw err;
        const keptIn = keepReplaced(path, appendLog.contents(), job.now());
        throw new UserError(t(lang, m.replacedFile, { label, keptIn, id: row.householdId }));
      }
      lines++;
      return { ...clean, file: label, line: lines, time: parseRecordedAt(recordedAt)! };
    };

    if (tty) stdin.setRawMode!(true);
    let result;
    try {
      result = await runSession(
        { standard, entries, maxVisits: job.maxVisits, interviewer, lang, mode: tty ? 'tty' : 'piped' },
        rows,
        { input, write: job.write, color: job.color, save },
        start,
      );
    } finally {
      if (tty) stdin.setRawMode!(false);
      await input.close();
    }
    job.write(`${sessionSummary(lang, result, label)}\n`);
  } finally {
    log?.close();
    lock.release();
  }
}
