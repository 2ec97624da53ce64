import { resolve } from 'node:path';
import type { Command } from 'commander';
import { chinaIso } from '../../core/clock.js';
import type { Context } from '../../core/context.js';
import { groupProblems, UserError, type Problem } from '../../core/errors.js';
import type { Lang } from '../../core/i18n.js';
import { num, t } from '../../core/messages.js';
import { type Rate } from '../../fieldwork/dispositions.js';
import type { StratumProgress } from '../../fieldwork/progress.js';
import type { ResponseRow } from '../../fieldwork/responses.js';
import { addCommonOptions, commandContext, intArg } from '../common.js';
import { emit, note, warn } from '../output.js';
import { h } from './status.messages.js';
import { ls } from './listing.messages.js';
import { m as io } from '../../io/messages.js';
import { formatPercent } from '../../core/percent.js';
import { bomByDefault } from '../../core/lang-formats.js';

// Loaded when the command runs, not when its help is shown (start-up time).
let csvTable!: (typeof import('../../io/csv-write.js'))['csvTable'];
let checkAgainstSample!: (typeof import('../../fieldwork/progress.js'))['checkAgainstSample'];
let nonResponseGroups!: (typeof import('../../fieldwork/progress.js'))['nonResponseGroups'];
let progressOf!: (typeof import('../../fieldwork/progress.js'))['progressOf'];
let errorsOf!: (typeof import('../../fieldwork/responses-file.js'))['errorsOf'];
let readResponses!: (typeof import('../../fieldwork/responses-file.js'))['readResponses'];
let acquireLock!: (typeof import('../../fieldwork/store.js'))['acquireLock'];
let checkOutputPath!: (typeof import('../../io/atomic.js'))['checkOutputPath'];
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
  ({ checkOutputPath } = await import('../../io/atomic.js'));
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
  const l = ctx0.lang;
  const cmd = program
    .command('status')
    .description(t(l, ls.status))
    .argument('<sample>', t(l, h.sample))
    .requiredOption('--responses <files...>', t(l, h.responses))
    .option('--standard <file>', t(l, h.standard))
    .option('--max-visits <k>', t(l, h.maxVisits), intArg(1, 20), 1)
    .option('--merge', t(l, h.merge))
    .option('-o, --output <file>', t(l, h.output))
    .option('--bom', t(l, h.bom))
    .option('--no-bom', t(l, h.noBom))
    .option('--json', t(l, h.json));
  addCommonOptions(cmd);
  cmd.addHelpText('after', t(l, h.after));
  cmd.action(async (sampleArg: string, opts: StatusOptions) => {
    await loadModules();
    const ctx = commandContext(ctx0, opts);
    if (opts.merge && !opts.output) throw new UserError(t(ctx.lang, h.mergeNeedsOutput));
    if (opts.output && !opts.merge) throw new UserError(t(ctx.lang, h.outputNeedsMerge));
    await loadModules();
    // Rewriting a responses file: hold its lock from reading to writing, as interview does, so no
    // household saved in between is lost and no interview appends to a file being replaced.
    // The output is checked before its lock is made beside it (a missing folder, a device).
    if (opts.merge && opts.output) checkOutputPath(resolve(ctx.cwd, opts.output), opts.output);
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
      const r = await readResponses(resolve(ctx.cwd, f), standard, { label: f, lang: ctx.lang });
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
      lang: ctx.lang,
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
      // At most three lines of each kind of problem, then a count: a damaged file gives a few lines.
      for (const line of groupProblems(problems, (n) => t(ctx.lang, io.moreLikeThis, { n }))) note(ctx, line);
      emit(ctx, undefined, renderProgress(progress, ctx.lang, terminalWidth(ctx)));
    }
    if (errors.length > 0)
      throw new UserError(t(ctx.lang, h.errors, { n: errors.length, merge: !!opts.merge }));
    if (opts.merge && opts.output) {
      const header = responsesHeader(standard);
      emit(
        ctx,
        resolve(ctx.cwd, opts.output),
        csvTable(
          header,
          ordered.map((r) => responseCells(r, header)),
          { bom: opts.bom ?? bomByDefault(ctx.lang) },
        ),
      );
      note(
        ctx,
        t(ctx.lang, h.merged, { rows: ordered.length, files: opts.responses.length, output: opts.output }),
      );
    }
  }
}

function pct(r: Rate): string {
  return formatPercent(r);
}

/** The terminal's width when stdout is one (COLUMNS otherwise); undefined for files and pipes. */
function terminalWidth(ctx: Context): number | undefined {
  if (ctx.stdout.isTTY && ctx.stdout.columns) return ctx.stdout.columns;
  const env = Number(ctx.env.COLUMNS);
  return Number.isInteger(env) && env > 0 ? env : undefined;
}

/** Fewer, shorter columns for a narrow terminal (80 columns): the full table's essentials. */
function compactProgress(progress: ReturnType<typeof progressOf>, lang: Lang): string {
  const head = t(lang, h.compactHead).split(',');
  // A community's own name when no other sub-district has one like it.
  const last = (k: string) => k.split(' / ').pop()!;
  const counts = new Map<string, number>();
  for (const p of progress.strata) counts.set(last(p.stratum), (counts.get(last(p.stratum)) ?? 0) + 1);
  const name = (k: string) => (counts.get(last(k)) === 1 ? last(k) : k);
  const row = (p: StratumProgress, name: string) => {
    const g = nonResponseGroups(p);
    return [
      name,
      `${num(p.completes)}/${num(p.target)}`,
      g.refused,
      g.notHome,
      g.other + g.ineligible + p.partials,
      p.due,
      `${num(p.reservesUsed)}/${num(p.reservesUsed + p.reservesLeft)}`,
      pct(p.rr1),
    ];
  };
  const rows = progress.strata.map((p) => row(p, name(p.stratum)));
  if (progress.strata.length > 1) rows.push(row(progress.total, t(lang, h.total)));
  const legend = `${t(lang, h.compactLegend)}\n${t(lang, h.rr1Legend)}`;
  return renderTable(head, rows, ['left', ...Array<'right'>(7).fill('right')]) + legend + '\n';
}

function renderProgress(progress: ReturnType<typeof progressOf>, lang: Lang, width?: number): string {
  const head = t(lang, h.fullHead).split(',');
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
      p.next.length === 0 ? t(lang, h.none) : p.next.join(' ') + (p.due > p.next.length ? ' …' : ''),
    ];
  };
  const rows = progress.strata.map((p) => row(p, p.stratum));
  if (progress.strata.length > 1) rows.push(row(progress.total, t(lang, h.total)));
  const align: ('left' | 'right')[] = ['left', ...Array<'right'>(13).fill('right'), 'left'];
  const tot = progress.total;
  const short = progress.strata.filter((p) => p.unreplaced > 0);
  const foot = [
    t(lang, h.summary, { completes: tot.completes, target: tot.target, due: tot.due }),
    ...short.map((p) => t(lang, h.exhausted, { stratum: p.stratum, n: p.unreplaced })),
  ];
  const full = renderTable(head, rows, align);
  if (width === undefined || full.indexOf('\n') <= width)
    return full + [t(lang, h.rateLegend), ...foot].join('\n') + '\n';
  const t2 = progress.total;
  const next =
    t2.next.length === 0
      ? []
      : [t(lang, h.nextDue, { list: `${t2.next.join(' ')}${t2.due > t2.next.length ? ' …' : ''}` })];
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
