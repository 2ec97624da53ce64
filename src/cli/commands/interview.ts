import { existsSync, readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { isoSeconds } from '../../core/clock.js';
import type { Context, InStream } from '../../core/context.js';
import { formatProblem, UserError } from '../../core/errors.js';
import { say } from '../../core/i18n.js';
import { csvLine } from '../../io/csv-write.js';
import { InputQueue } from '../../fieldwork/input.js';
import { errorsOf, readResponses } from '../../fieldwork/responses-file.js';
import {
  FIXED_COLUMNS,
  mapColumns,
  parseRecordedAt,
  responseCells,
  responsesHeader,
  type ResponseRow,
} from '../../fieldwork/responses.js';
import { runSession, sessionSummary, type NewRow } from '../../fieldwork/session.js';
import { acquireLock, openAppendLog, setAsideTornLine } from '../../fieldwork/store.js';
import { planFieldwork } from '../../fieldwork/succession.js';
import { readSampleList } from '../../sampling/sample-file.js';
import { loadStandard } from '../../standard/load.js';
import { addCommonOptions, commandContext, intArg } from '../common.js';
import { note, warn } from '../output.js';

interface InterviewOptions {
  responses: string;
  standard?: string;
  interviewer?: string;
  stratum?: string;
  maxVisits: number;
  bom?: boolean;
  lang?: string;
}

type RawStdin = InStream & {
  setRawMode?: (on: boolean) => unknown;
  pause?: () => unknown;
  resume?: () => unknown;
};

const oneLine = (s: string) => s.replace(/[\r\n]+/g, ' ').trim();

export function register(program: Command, ctx0: Context): void {
  const cmd = program
    .command('interview')
    .description(
      'record door-to-door visits and answers, household by household, saving each one to disk at once',
    )
    .argument('<sample>', 'the sample list (from hhsurvey sample)')
    .requiredOption('--responses <file>', 'the responses file to append to (created when missing)')
    .option('--standard <file>', 'the evaluation standard (default: the built-in national-mock)')
    .option(
      '--interviewer <name>',
      'who is interviewing (asked once in a terminal; required when input is piped)',
    )
    .option('--stratum <name>', 'work one stratum (community) only')
    .option(
      '--max-visits <k>',
      'visits to a nobody-home household before it counts as final',
      intArg(1, 20),
      1,
    )
    .option('--bom', 'start a new responses file with a UTF-8 byte-order mark (for Excel)');
  addCommonOptions(cmd);
  cmd.addHelpText(
    'after',
    `
Examples:
  hhsurvey interview sample.csv --responses responses.csv --interviewer 王芳 --lang zh
  hhsurvey interview sample.csv --responses team2.csv --stratum 南全福社区 --max-visits 3
  printf 'complete\\n1\\n1\\n1\\n2\\n2\\nrefused\\nquit\\n' | hhsurvey interview sample.csv --responses r.csv --interviewer 王芳

In a terminal: one key per answer. Outcome keys 1-9, a, b (完成, 部分完成, 拒访, 中途拒绝, 无人在家,
无法应答, 语言障碍, 地址未找到, 非住宅, 空置, 无合格受访者); option keys as shown; Backspace goes back one
question; the review screen saves (Enter) or changes an answer (its number); s skips a household,
c corrects the last one saved, q quits; Ctrl+C quits too. Every household saved is on disk at once.
Piped input: per household due, a line with the outcome (token such as complete, not_home, or the
Chinese label), then for an interview one line per question asked (option code or label; an empty
line leaves it unanswered in a partial interview; back goes back). Also: skip, quit,
correct <household_id>. Prompts go to stderr.
Restarting resumes at the next household due; a line cut off by a crash is set aside with a
message; a lock file keeps two interviews from writing the same responses file.`,
  );
  cmd.action(async (sampleArg: string, opts: InterviewOptions) => {
    const ctx = commandContext(ctx0, opts);
    const lang = ctx.lang;
    const standard = await loadStandard(opts.standard, ctx.cwd);
    const sample = await readSampleList(resolve(ctx.cwd, sampleArg), { label: sampleArg });
    let entries = sample.entries;
    if (opts.stratum !== undefined) {
      entries = entries.filter((e) => e.stratum === opts.stratum);
      if (entries.length === 0) {
        const names = sample.strata.map((s) => s.key);
        throw new UserError(
          `--stratum: "${opts.stratum}" is not a stratum of ${sampleArg} (${names.slice(0, 8).join(', ')}${names.length > 8 ? ', …' : ''})`,
        );
      }
    }
    const stdin = ctx.stdin as RawStdin;
    const tty = !!stdin.isTTY && typeof stdin.setRawMode === 'function';
    const input = new InputQueue(ctx.stdin);

    let interviewer = opts.interviewer !== undefined ? oneLine(opts.interviewer) : undefined;
    if (interviewer === undefined || interviewer === '') {
      if (!tty) throw new UserError('--interviewer <name> is required when input is piped');
      ctx.stderr.write(say(lang, '调查员姓名：', 'Interviewer name: '));
      interviewer = oneLine((await input.line()) ?? '');
      if (interviewer === '') throw new UserError('an interviewer name is required');
    }

    const label = opts.responses;
    const path = resolve(ctx.cwd, opts.responses);
    if (existsSync(path) && statSync(path).isDirectory())
      throw new UserError(`${label}: is a directory, not a file`);
    const lock = acquireLock(path, label, { interviewer, since: isoSeconds(ctx.now()) }, (line) =>
      warn(ctx, line),
    );
    let closeLog: (() => void) | undefined;
    try {
      // Recover from a crash: a cut-off last line is set aside, not parsed.
      let rows: ResponseRow[] = [];
      let header = responsesHeader(standard);
      let lines = 0;
      if (existsSync(path)) {
        const torn = setAsideTornLine(path, ctx.now());
        if (torn)
          warn(
            ctx,
            say(
              lang,
              `${label}:${torn.line}: 最后一行不完整（上次写入时程序中断），已移到 ${torn.savedTo}；该户仍待访`,
              `${label}:${torn.line}: the last line was cut off (the program stopped while writing it); set aside in ${torn.savedTo}; that household is due again`,
            ),
          );
        if (statSync(path).size > 0) {
          const existing = await readResponses(path, standard, { label });
          if (existing.encoding !== 'utf8')
            throw new UserError(
              `${label}: this file is GB18030-encoded; interview appends UTF-8 only: save it as "CSV UTF-8" or use a new responses file`,
            );
          const cols = mapColumns(existing.header, standard);
          const missing = [
            ...FIXED_COLUMNS.filter((c) => cols.fixed[c] === undefined),
            ...standard.questions.map((q) => q.id).filter((id) => cols.questions[id] === undefined),
          ];
          if (missing.length > 0)
            throw new UserError(
              `${label}:1: the header lacks column${missing.length > 1 ? 's' : ''} ${missing.join(', ')} (a file for another standard?); use a new responses file`,
            );
          const errors = errorsOf(existing.problems);
          if (errors.length > 0)
            throw new UserError(
              `${label}: ${errors.length} error${errors.length === 1 ? '' : 's'}; fix ${errors.length === 1 ? 'it' : 'them'} before recording more (hhsurvey status checks the file)`,
              errors,
            );
          for (const p of existing.problems) warn(ctx, formatProblem(p));
          rows = existing.rows;
          // Write in the file's own column order.
          header = existing.header.map((_, i) => {
            const fixed = (Object.keys(cols.fixed) as (keyof typeof cols.fixed)[]).find(
              (k) => cols.fixed[k] === i,
            );
            if (fixed) return fixed;
            return Object.keys(cols.questions).find((k) => cols.questions[k] === i) ?? '';
          });
          const known = new Set(sample.entries.map((e) => e.householdId));
          const strangers = rows.filter((r) => !known.has(r.householdId)).length;
          if (strangers > 0)
            warn(
              ctx,
              say(
                lang,
                `${label}：有 ${strangers} 行的住户不在 ${sampleArg} 中`,
                `${label}: ${strangers} row(s) for households not in ${sampleArg}`,
              ),
            );
          lines = readFileSync(path).toString('utf8').split('\n').length - 1;
        }
      }
      const { log, created } = openAppendLog(path, label, (opts.bom ? '\uFEFF' : '') + csvLine(header));
      closeLog = () => log.close();
      if (created) lines = 1;
      const plan = planFieldwork(entries, rows, opts.maxVisits);
      for (const p of plan.problems) warn(ctx, formatProblem(p));
      if (rows.length > 0)
        note(
          ctx,
          say(
            lang,
            `继续：${label} 已有 ${rows.length} 条记录，从下一户待访住户开始`,
            `resuming: ${label} holds ${rows.length} row${rows.length === 1 ? '' : 's'}; continuing with the next household due`,
          ),
        );

      const save = (row: NewRow): ResponseRow => {
        const recordedAt = isoSeconds(ctx.now());
        const clean = { ...row, interviewer: oneLine(row.interviewer), note: oneLine(row.note), recordedAt };
        log.append(csvLine(responseCells(clean, header)));
        lines++;
        return { ...clean, file: label, line: lines, time: parseRecordedAt(recordedAt)! };
      };

      if (tty) stdin.setRawMode!(true);
      let result;
      try {
        result = await runSession({
          standard,
          entries,
          rows,
          maxVisits: opts.maxVisits,
          interviewer,
          lang,
          input,
          write: (s) => void ctx.stderr.write(s),
          color: ctx.color.err,
          tty,
          save,
          label,
        });
      } finally {
        if (tty) stdin.setRawMode!(false);
        await input.close();
      }
      note(ctx, sessionSummary(lang, result, label));
    } finally {
      closeLog?.();
      lock.release();
    }
  });
}
