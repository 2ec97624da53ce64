import { resolve } from 'node:path';
import type { Command } from 'commander';
import { chinaIso } from '../../core/clock.js';
import type { Context } from '../../core/context.js';
import { formatProblem, UserError, type Problem } from '../../core/errors.js';
import { say, type Lang } from '../../core/i18n.js';
import { type Rate } from '../../fieldwork/dispositions.js';
import type { StratumProgress } from '../../fieldwork/progress.js';
import type { ResponseRow } from '../../fieldwork/responses.js';
import { addCommonOptions, commandContext, intArg } from '../common.js';
import { emit, note, warn } from '../output.js';

// Loaded when the command runs, not when its help is shown (start-up time).
let csvTable!: (typeof import('../../io/csv-write.js'))['csvTable'];
let checkAgainstSample!: (typeof import('../../fieldwork/progress.js'))['checkAgainstSample'];
let nonResponseGroups!: (typeof import('../../fieldwork/progress.js'))['nonResponseGroups'];
let progressOf!: (typeof import('../../fieldwork/progress.js'))['progressOf'];
let errorsOf!: (typeof import('../../fieldwork/responses-file.js'))['errorsOf'];
let readResponses!: (typeof import('../../fieldwork/responses-file.js'))['readResponses'];
let acquireLock!: (typeof import('../../fieldwork/store.js'))['acquireLock'];
let orderRows!: (typeof import('../../fieldwork/responses.js'))['orderRows'];
let responseCells!: (typeof import('../../fieldwork/responses.js'))['responseCells'];
let responsesHeader!: (typeof import('../../fieldwork/responses.js'))['responsesHeader'];
let readSampleList!: (typeof import('../../sampling/sample-file.js'))['readSampleList'];
let assertNotExcelResaved!: (typeof import('../../sampling/excel-ids.js'))['assertNotExcelResaved'];
let loadStandard!: (typeof import('../../standard/load.js'))['loadStandard'];
let renderTable!: (typeof import('../table.js'))['renderTable'];
async function loadModules(): Promise<void> {
  ({ csvTable } = await import('../../io/csv-write.js'));
  ({ checkAgainstSample, nonResponseGroups, progressOf } = await import('../../fieldwork/progress.js'));
  ({ errorsOf, readResponses } = await import('../../fieldwork/responses-file.js'));
  ({ acquireLock } = await import('../../fieldwork/store.js'));
  ({ orderRows, responseCells, responsesHeader } = await import('../../fieldwork/responses.js'));
  ({ readSampleList } = await import('../../sampling/sample-file.js'));
  ({ assertNotExcelResaved } = await import('../../sampling/excel-ids.js'));
  ({ loadStandard } = await import('../../standard/load.js'));
  ({ renderTable } = await import('../table.js'));
}

interface StatusOptions {
  responses: string[];
  standard?: string;
  maxVisits: number;
  merge?: boolean;
  output?: string;
  bom?: boolean;
  json?: boolean;
  lang?: string;
}

export function register(program: Command, ctx0: Context): void {
  const cmd = program
    .command('status')
    .description(
      'check responses files against the sample and the standard, merge them, and show fieldwork progress',
    )
    .argument('<sample>', 'the sample list (from hhsurvey sample)')
    .requiredOption('--responses <files...>', 'responses files (one per interviewer team); read together')
    .option('--standard <file>', 'the evaluation standard (default: the built-in national-mock)')
    .option('--max-visits <k>', 'visits allowed to a nobody-home household', intArg(1, 20), 1)
    .option('--merge', 'write every row of every file into one file, in time order (needs -o)')
    .option('-o, --output <file>', 'the merged responses file (with --merge)')
    .option('--bom', 'start the merged CSV with a UTF-8 byte-order mark (for Excel)')
    .option('--json', 'print progress and problems as JSON');
  addCommonOptions(cmd);
  cmd.addHelpText(
    'after',
    `
Examples:
  hhsurvey status sample.csv --responses responses.csv
  hhsurvey status sample.csv --responses team1.csv team2.csv --merge -o merged.csv
  hhsurvey status sample.csv --responses responses.csv --max-visits 3 --json

Checks: unknown households, answers that are not options, complete interviews with missing
answers, answers where a skip rule says none, reserves used out of order, a household recorded
as complete twice with different answers by different interviewers. Each is printed as
file:line: message; errors exit 2, warnings do not.
Rates: AAPOR RR1 and COOP1 on the original sample (primaries visited so far; reserves that
replace non-responses do not raise them).`,
  );
  cmd.action(async (sampleArg: string, opts: StatusOptions) => {
    await loadModules();
    const ctx = commandContext(ctx0, opts);
    if (opts.merge && !opts.output) throw new UserError('--merge needs -o <file> for the merged responses');
    if (opts.output && !opts.merge) throw new UserError('-o is for the merged file: add --merge');
    await loadModules();
    // Rewriting a responses file: hold its lock from reading to writing, as interview does, so no
    // household saved in between is lost and no interview appends to a file being replaced.
    const lock =
      opts.merge && opts.output
        ? acquireLock(
            resolve(ctx.cwd, opts.output),
            opts.output,
            { interviewer: '', since: chinaIso(ctx.now()), command: 'status --merge' },
            (line) => warn(ctx, line),
            ctx.lang,
          )
        : undefined;
    try {
      await runStatus(ctx, sampleArg, opts);
    } finally {
      lock?.release();
    }
  });
}

async function runStatus(ctx: Context, sampleArg: string, opts: StatusOptions): Promise<void> {
  {
    const standard = await loadStandard(opts.standard, ctx.cwd);
    const sample = await readSampleList(resolve(ctx.cwd, sampleArg), { label: sampleArg });
    const problems: Problem[] = [];
    const rows: ResponseRow[] = [];
    for (const f of opts.responses) {
      const r = await readResponses(resolve(ctx.cwd, f), standard, { label: f });
      problems.push(...r.problems);
      rows.push(...r.rows);
    }
    assertNotExcelResaved(
      rows,
      sample.entries.map((e) => e.householdId),
      ctx.lang,
      sampleArg,
    );
    const ordered = orderRows(rows);
    const checked = checkAgainstSample(sample.entries, ordered, {
      maxVisits: opts.maxVisits,
      sampleLabel: sampleArg,
    });
    problems.push(...checked.problems);
    const progress = progressOf(checked.plan);
    const errors = errorsOf(problems);

    if (opts.json) {
      emit(
        ctx,
        undefined,
        `${JSON.stringify(statusJson(sampleArg, opts, standard.id, rows.length, problems, progress), null, 2)}\n`,
      );
    } else {
      for (const p of problems) note(ctx, formatProblem(p));
      emit(ctx, undefined, renderProgress(progress, ctx.lang, terminalWidth(ctx)));
    }
    if (errors.length > 0)
      throw new UserError(
        `${errors.length} error${errors.length === 1 ? '' : 's'} in the responses${opts.merge ? '; nothing merged' : ''}`,
      );
    if (opts.merge && opts.output) {
      const header = responsesHeader(standard);
      emit(
        ctx,
        resolve(ctx.cwd, opts.output),
        csvTable(
          header,
          ordered.map((r) => responseCells(r, header)),
          { bom: !!opts.bom },
        ),
      );
      note(
        ctx,
        say(
          ctx.lang,
          `已合并 ${opts.responses.length} 个文件共 ${ordered.length} 行，按时间排序，写入 ${opts.output}`,
          `merged ${ordered.length} rows from ${opts.responses.length} file${opts.responses.length === 1 ? '' : 's'} in time order into ${opts.output}`,
        ),
      );
    }
  }
}

function pct(r: Rate): string {
  return r === null ? '–' : `${(r * 100).toFixed(1)}%`;
}

/** The terminal's width when stdout is one (COLUMNS otherwise); undefined for files and pipes. */
function terminalWidth(ctx: Context): number | undefined {
  if (ctx.stdout.isTTY && ctx.stdout.columns) return ctx.stdout.columns;
  const env = Number(ctx.env.COLUMNS);
  return Number.isInteger(env) && env > 0 ? env : undefined;
}

/** Fewer, shorter columns for a narrow terminal (80 columns): the full table's essentials. */
function compactProgress(progress: ReturnType<typeof progressOf>, lang: Lang): string {
  const head =
    lang === 'zh'
      ? ['抽样层', '完成', '拒访', '无人', '其他', '待访', '备用', 'RR1']
      : ['stratum', 'done', 'refused', 'away', 'other', 'due', 'reserves', 'RR1'];
  // A community's own name when no other sub-district has one like it.
  const last = (k: string) => k.split(' / ').pop()!;
  const counts = new Map<string, number>();
  for (const p of progress.strata) counts.set(last(p.stratum), (counts.get(last(p.stratum)) ?? 0) + 1);
  const name = (k: string) => (counts.get(last(k)) === 1 ? last(k) : k);
  const row = (p: StratumProgress, name: string) => {
    const g = nonResponseGroups(p);
    return [
      name,
      `${p.completes}/${p.target}`,
      g.refused,
      g.notHome,
      g.other + g.ineligible + p.partials,
      p.due,
      `${p.reservesUsed}/${p.reservesUsed + p.reservesLeft}`,
      pct(p.rr1),
    ];
  };
  const rows = progress.strata.map((p) => row(p, name(p.stratum)));
  if (progress.strata.length > 1) rows.push(row(progress.total, say(lang, '合计', 'total')));
  const legend = say(
    lang,
    '完成：完成/目标；无人：无人在家；备用：已用/共有；\n其他：部分完成、无法应答、不合格等。',
    'done: completes/target; away: nobody home; reserves: used/all;\nother: partial, unable, ineligible and the like.',
  );
  return renderTable(head, rows, ['left', ...Array<'right'>(7).fill('right')]) + legend + '\n';
}

function renderProgress(progress: ReturnType<typeof progressOf>, lang: Lang, width?: number): string {
  const head =
    lang === 'zh'
      ? [
          '抽样层',
          '目标',
          '完成',
          '部分完成',
          '拒访',
          '无人在家',
          '其他',
          '不合格',
          '待回访',
          '未访',
          '备用已用',
          '备用剩余',
          'RR1',
          'COOP1',
          '下一户',
        ]
      : [
          'stratum',
          'target',
          'complete',
          'partial',
          'refused',
          'not home',
          'other',
          'ineligible',
          'revisit',
          'unvisited',
          'reserves used',
          'left',
          'RR1',
          'COOP1',
          'next due',
        ];
  const row = (p: StratumProgress, name: string) => {
    const g = nonResponseGroups(p);
    return [
      name,
      p.target,
      p.completes,
      p.partials,
      g.refused,
      g.notHome,
      g.other,
      g.ineligible,
      p.revisits,
      p.unvisited,
      p.reservesUsed,
      p.reservesLeft,
      pct(p.rr1),
      pct(p.coop1),
      p.next.length === 0
        ? say(lang, '（无）', '(none)')
        : p.next.join(' ') + (p.due > p.next.length ? ' …' : ''),
    ];
  };
  const rows = progress.strata.map((p) => row(p, p.stratum));
  if (progress.strata.length > 1) rows.push(row(progress.total, say(lang, '合计', 'total')));
  const align: ('left' | 'right')[] = ['left', ...Array<'right'>(13).fill('right'), 'left'];
  const t = progress.total;
  const short = progress.strata.filter((p) => p.unreplaced > 0);
  const foot = [
    say(
      lang,
      `完成 ${t.completes}/${t.target}；待访 ${t.due} 户；RR1、COOP1 按原始样本（正式样本）计算。`,
      `${t.completes} of ${t.target} completes; ${t.due} household${t.due === 1 ? '' : 's'} due; RR1 and COOP1 on the original sample (primaries).`,
    ),
    ...short.map((p) =>
      say(
        lang,
        `${p.stratum}：备用样本已用完，缺 ${p.unreplaced} 户`,
        `${p.stratum}: reserves exhausted, ${p.unreplaced} short`,
      ),
    ),
  ];
  const full = renderTable(head, rows, align);
  if (width === undefined || full.indexOf('\n') <= width) return full + foot.join('\n') + '\n';
  const t2 = progress.total;
  const next =
    t2.next.length === 0
      ? []
      : [
          say(
            lang,
            `下一户：${t2.next.join(' ')}${t2.due > t2.next.length ? ' …' : ''}`,
            `next due: ${t2.next.join(' ')}${t2.due > t2.next.length ? ' …' : ''}`,
          ),
        ];
  return compactProgress(progress, lang) + [...foot, ...next].join('\n') + '\n';
}

function progressJson(p: StratumProgress) {
  return {
    target: p.target,
    completes: p.completes,
    partials: p.partials,
    non_response: p.nonResponse,
    revisits: p.revisits,
    unvisited: p.unvisited,
    reserves_used: p.reservesUsed,
    reserves_left: p.reservesLeft,
    unreplaced: p.unreplaced,
    original_sample: p.original,
    rr1: p.rr1,
    coop1: p.coop1,
    due: p.due,
    next_due: p.next,
  };
}

function statusJson(
  sample: string,
  opts: StatusOptions,
  standard: string,
  rows: number,
  problems: Problem[],
  progress: ReturnType<typeof progressOf>,
) {
  return {
    sample,
    responses: opts.responses,
    standard,
    max_visits: opts.maxVisits,
    rows,
    errors: errorsOf(problems).length,
    problems: problems.map((p) => ({
      file: p.file ?? null,
      line: p.line ?? null,
      field: p.field ?? null,
      severity: p.severity ?? 'error',
      message: p.message.replace(/^warning: /, ''),
    })),
    strata: progress.strata.map((p) => ({ stratum: p.stratum, ...progressJson(p) })),
    total: progressJson(progress.total),
  };
}
