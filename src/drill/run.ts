import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { Chalk } from 'chalk';
import { chinaDate, chinaInstant, chinaIso } from '../core/clock.js';
import { fileError, formatProblem, UserError, type Problem } from '../core/errors.js';
import type { Lang } from '../core/i18n.js';
import { VERSION } from '../core/version.js';
import { readUtf8File } from '../io/inputs.js';
import { writeFileAtomic } from '../io/atomic.js';
import { readResponses } from '../fieldwork/responses-file.js';
import { orderRows, responseCells, responsesHeader, type ResponseRow } from '../fieldwork/responses.js';
import { csvTable } from '../io/csv-write.js';
import { writeReportFiles } from '../report/write-files.js';
import type { ScoreReport } from '../scoring/report-types.js';
import { runScoreJob } from '../scoring/score-job.js';
import { manifestPathFor } from '../sampling/manifest.js';
import { readSampleList } from '../sampling/sample-file.js';
import { sampleCsv, sampleXlsx } from '../sampling/sample-file.js';
import { planMask } from '../sampling/mask.js';
import { designJobOptions, runSampleJob } from '../sampling/sample-job.js';
import { BUILTIN_STANDARDS, loadStandard } from '../standard/load.js';
import {
  responsesCsv,
  synthesizeResponses,
  SYNTH_RESPONSES_ALGORITHM,
  type SynthResponsesResult,
} from '../synth/responses.js';
import { checkSynthOptions } from '../synth/responses.js';
import {
  addRateMapping,
  addStratumMapping,
  emptyRates,
  resolveRates,
  type TrueRates,
} from '../rates/true-rates.js';
import { readRatesFile } from '../rates/rates-file.js';
import { m as rm } from '../rates/messages.js';
import { both, t } from '../core/messages.js';
import { formatPercent } from '../core/percent.js';
import { scopeLang } from '../io/run-scope.js';
import { d } from './messages.js';
import { parseDrill, type Drill } from './schema.js';
import { beginDrillOutput } from './transaction.js';

/**
 * One mock assessment from a drill file: check the roster and draw the sample, make synthetic
 * fieldwork (or read the real responses), score, and write every artifact into one folder. This is
 * the orchestration (it reads and writes files); each step is the same code the single commands
 * run. A rerun with the same inputs and clock writes byte-identical files.
 */

/** The files a drill writes, in this order. */
export const DRILL_FILES = {
  sample: 'sample.csv',
  workbook: 'sample.xlsx',
  manifest: 'sample.manifest.json',
  responses: 'responses.csv',
  json: 'report.json',
  md: 'report.md',
  html: 'report.html',
  junit: 'junit.xml',
  record: 'drill.json',
} as const;

export const DRILL_RECORD_FORMAT = 'hhsurvey-drill';

export interface DrillRunOptions {
  /** The drill file (absolute) and its name in messages. */
  drillFile: string;
  drillLabel: string;
  /** The output folder (absolute) and its name in messages. */
  out: string;
  outLabel: string;
  /** Overrides the drill file's seed. */
  seed?: string;
  /** The reports' title; default the drill's name. */
  title?: string;
  now: Date;
  lang: Lang;
  onNote?: (line: string) => void;
  onWarning?: (line: string) => void;
  onProgress?: (done: number, total: number) => void;
}

export interface DrillResult {
  drill: Drill;
  /** The drill date (YYYY-MM-DD). */
  date: string;
  seed: string;
  report: ScoreReport;
  synthetic?: SynthResponsesResult;
  primaries: number;
  reserves: number;
  strata: number;
  /** File names written into the output folder. */
  files: string[];
}

/** The seed of the draw: --seed, else the drill's seed, where `date` stands for the drill date. */
export function drillSeed(drill: Pick<Drill, 'seed'>, date: string, override?: string): string {
  if (override !== undefined) return override;
  return drill.seed.trim().toLowerCase() === 'date' ? date : drill.seed;
}

const sha256 = (buf: Buffer | string) => createHash('sha256').update(buf).digest('hex');

export function readDrill(file: string, label: string): { drill: Drill; sha256: string } {
  const text = readUtf8File(file, label);
  return { drill: parseDrill(text, label), sha256: sha256(text) };
}

/**
 * The output folder must be new, a previous drill's (it has drill.json), or hold only files a drill
 * writes: a drill never overwrites files it did not write.
 */
export function checkOutFolder(out: string, label: string): void {
  if (!existsSync(out)) return;
  if (!statSync(out).isDirectory()) throw new UserError(t(scopeLang(), d.notFolder, { file: label }));
  const entries = readdirSync(out);
  const ours = new Set<string>(Object.values(DRILL_FILES));
  if (entries.includes(DRILL_FILES.record) || entries.every((e) => ours.has(e))) return;
  throw new UserError(
    t(scopeLang(), d.folderBusy, {
      folder: label,
      files: entries.slice(0, 3),
      more: entries.length > 3,
      record: DRILL_FILES.record,
    }),
  );
}

/** The drill's true rates, from the synthetic section and its rates file. */
async function syntheticRates(
  syn: NonNullable<Drill['synthetic']>,
  base: string,
  label: (p: string) => string,
  lang: Lang,
): Promise<{ rates: TrueRates; problems: Problem[] }> {
  const rates = emptyRates();
  const problems: Problem[] = [];
  addRateMapping(rates, syn.rates);
  if (syn.rates_file !== undefined)
    problems.push(
      ...(await readRatesFile(resolve(base, syn.rates_file), label(syn.rates_file), rates, lang)),
    );
  addStratumMapping(rates, syn.strata ?? {});
  return { rates, problems };
}

function throwSyntheticProblems(problems: readonly Problem[], drillLabel: string): void {
  const errors = problems.filter((p) => p.severity !== 'warning');
  if (errors.length > 0)
    throw new UserError(both(rm.drillSyntheticProblems, { file: drillLabel, n: errors.length }), [
      ...problems,
    ]);
}

export async function runDrill(opts: DrillRunOptions): Promise<DrillResult> {
  const note = opts.onNote ?? (() => {});
  const warn = opts.onWarning ?? (() => {});
  const warnProblem = (p: Problem) =>
    warn(formatProblem({ ...p, message: p.message.replace(/^(warning: |警告：)/, '') }));
  // Problems without a file come from the drill file's synthetic section.
  const inDrill = (p: Problem, field: string): Problem =>
    p.file !== undefined
      ? p
      : p.severity === 'warning'
        ? { ...p, file: opts.drillLabel }
        : { ...p, file: opts.drillLabel, field };
  const { drill, sha256: drillSha } = readDrill(opts.drillFile, opts.drillLabel);
  const base = dirname(opts.drillFile);
  const date = drill.date ?? chinaDate(opts.now);
  const seed = drillSeed(drill, date, opts.seed);
  // Paths in messages: as written in the drill file, next to the drill file's own name.
  const shownDir = dirname(opts.drillLabel);
  const label = (p: string) => (isAbsolute(p) || shownDir === '.' ? p : join(shownDir, p));
  const at = (p: string) => resolve(base, p);

  // Inputs first, so a typo fails before anything is drawn or written.
  // A built-in standard by id, or a file next to the drill file.
  const standardArg =
    drill.standard === undefined || (BUILTIN_STANDARDS as readonly string[]).includes(drill.standard)
      ? drill.standard
      : at(drill.standard);
  const standard = await loadStandard(drill.standard, base);
  const roster = at(drill.roster);
  const responsesIn = (drill.responses ?? []).map((f) => ({ path: at(f), label: label(f) }));
  const out = opts.out;
  const outPaths = Object.values(DRILL_FILES).map((f) => join(out, f));
  const inputs = [
    roster,
    ...responsesIn.map((r) => r.path),
    ...(drill.sampling.exclude ?? []).map(at),
    ...(drill.synthetic?.rates_file !== undefined ? [at(drill.synthetic.rates_file)] : []),
    ...(standardArg !== undefined && isAbsolute(standardArg) ? [standardArg] : []),
  ];
  for (const i of inputs)
    if (outPaths.includes(i))
      throw new UserError(t(opts.lang, d.inputIsOutput, { file: label(relative(base, i)) }));
  for (const r of responsesIn) if (!existsSync(r.path)) throw fileError(r.label, { code: 'ENOENT' });
  let synthInput: { rates: TrueRates; problems: Problem[] } | undefined;
  if (drill.synthetic) {
    synthInput = await syntheticRates(drill.synthetic, base, label, opts.lang);
    // Unknown indicators and a bad rates file need no sample: report them before the roster is read.
    const early = [
      ...synthInput.problems,
      ...resolveRates(
        synthInput.rates,
        standard.indicators.map((i) => i.id),
        [],
        {
          require: 'all',
          lang: opts.lang,
          field: 'synthetic.rates',
        },
      ).problems.map((p) => inDrill(p, 'synthetic.rates')),
    ];
    throwSyntheticProblems(early, opts.drillLabel);
  }
  checkOutFolder(out, opts.outLabel);
  const tx = beginDrillOutput(out, opts.outLabel);
  const work = tx.work;
  try {
    // 1. Check the roster and draw the sample.
    const s = drill.sampling;
    // The same design → job step as `hhsurvey sample`: the same design draws the same list.
    const job = await runSampleJob(
      await designJobOptions({
        roster,
        rosterLabel: label(drill.roster),
        seed,
        lang: opts.lang,
        ...(s.by ? { by: s.by } : {}),
        ...(s.size !== undefined ? { size: s.size } : {}),
        ...(s.total !== undefined ? { total: s.total } : {}),
        allocation: s.allocation,
        minPerStratum: s.min_per_stratum,
        reserve: s.reserve,
        method: s.method,
        order: s.order,
        ...(s.only ? { only: s.only } : {}),
        exclude: (s.exclude ?? []).map(at),
        ...(s.prior !== undefined ? { prior: at(s.prior) } : {}),
        ...(s.prior_indicator !== undefined ? { priorIndicator: s.prior_indicator } : {}),
        encoding: s.encoding,
        input: {
          ...(s.sheet !== undefined ? { sheet: s.sheet } : {}),
          ...(s.columns ? { columns: s.columns } : {}),
          ...(s.id_from ? { idFrom: s.id_from } : {}),
          ...(s.fill_down ? { fillDown: s.fill_down } : {}),
        },
        ...(opts.onProgress ? { onProgress: opts.onProgress } : {}),
      }),
      opts.now,
    );
    for (const l of job.frame.notes) note(l);
    for (const w of job.warnings) warn(w);
    if (job.frame.leadingZeroWarning) warn(job.frame.leadingZeroWarning);
    for (const st of job.draw.strata.filter((x) => x.takesAll))
      warn(t(opts.lang, d.takesAll, { stratum: st.stratum.key, eligible: st.eligible, target: st.target }));
    const primaries = job.draw.strata.reduce((a, x) => a + x.n, 0);
    const reserves = job.draw.strata.reduce((a, x) => a + x.r, 0);
    note(
      t(opts.lang, d.drew, {
        roster: label(drill.roster),
        households: job.frame.households,
        strata: job.draw.strata.length,
        primaries,
        reserves,
        seed,
      }),
    );
    const samplePath = join(work, DRILL_FILES.sample);
    const frame = job.frame;
    const masking = planMask(
      frame.columns.header,
      frame.columns.index.household_id,
      s.mask ?? [],
      job.rows.map((r) => r.record),
      opts.lang,
      label(drill.roster),
    );
    for (const w of masking.warnings) warn(w);
    const listOptions = {
      lang: opts.lang,
      header: frame.columns.header,
      idColumn: frame.columns.index.household_id!,
      mask: masking.columns,
      bom: true,
      escapeFormulas: true,
    };
    writeFileAtomic(samplePath, sampleCsv(job.rows, listOptions));
    // The same list as a workbook for field teams (ids and phones as text): verify accepts either.
    writeFileAtomic(join(work, DRILL_FILES.workbook), sampleXlsx(job.rows, listOptions));
    writeFileAtomic(
      manifestPathFor(samplePath),
      JSON.stringify(
        { ...job.manifest, sample: { ...job.manifest.sample, file: DRILL_FILES.sample } },
        null,
        2,
      ) + '\n',
    );
    const sample = await readSampleList(samplePath, { label: DRILL_FILES.sample });

    // 2. Fieldwork: synthetic, or the real responses merged in time order.
    const responsesPath = join(work, DRILL_FILES.responses);
    let synthetic: SynthResponsesResult | undefined;
    let responsesRecord: Record<string, unknown>;
    let scored: { cwd: string; sample: string; responses: string[] };
    if (drill.synthetic && synthInput) {
      const syn = drill.synthetic;
      const strata = sample.strata.map((x) => x.key);
      const resolved = resolveRates(
        synthInput.rates,
        standard.indicators.map((i) => i.id),
        strata,
        {
          require: 'all',
          lang: opts.lang,
          field: 'synthetic.rates',
        },
      );
      const synSeed = syn.seed ?? `${seed}/responses`;
      const o = {
        seed: synSeed,
        rate: resolved.rate,
        responseRate: syn.response_rate,
        notSure: syn.not_sure,
        maxVisits: drill.max_visits,
        ...(syn.non_response ? { nonResponse: syn.non_response } : {}),
        start: chinaInstant(date, 9),
      };
      const problems = [...synthInput.problems, ...resolved.problems].map((p) =>
        inDrill(p, 'synthetic.rates'),
      );
      if (problems.every((p) => p.severity === 'warning'))
        problems.push(
          ...checkSynthOptions(standard, strata, o, opts.lang).map((p) =>
            inDrill(p, `synthetic: ${p.field ?? ''}`),
          ),
        );
      throwSyntheticProblems(problems, opts.drillLabel);
      for (const w of problems) warnProblem(w);
      synthetic = synthesizeResponses(sample.entries, standard, o);
      writeFileAtomic(responsesPath, responsesCsv(standard, synthetic.rows));
      const completes = synthetic.strata.reduce((a, x) => a + x.completes, 0);
      const visited = synthetic.strata.reduce((a, x) => a + x.visited, 0);
      const used = synthetic.strata.reduce((a, x) => a + x.reservesUsed, 0);
      note(
        t(opts.lang, d.synthetic, {
          visited,
          completes,
          used,
          rate: formatPercent(syn.response_rate, 1, true),
        }),
      );
      responsesRecord = {
        source: 'synthetic',
        algorithm: SYNTH_RESPONSES_ALGORITHM,
        seed: synSeed,
        response_rate: syn.response_rate,
        not_sure: syn.not_sure,
        max_visits: drill.max_visits,
        rows: synthetic.rows.length,
      };
      scored = { cwd: work, sample: DRILL_FILES.sample, responses: [DRILL_FILES.responses] };
    } else {
      scored = {
        cwd: base,
        sample: relative(base, samplePath),
        responses: responsesIn.map((r) => relative(base, r.path)),
      };
      responsesRecord = {
        source: 'fieldwork',
        files: responsesIn.map((r) => ({ file: r.label, sha256: sha256(readFileSync(r.path)) })),
      };
    }

    // 3. Score.
    const { report, warnings } = await runScoreJob({
      sample: scored.sample,
      responses: scored.responses,
      ...(standardArg !== undefined ? { standard: standardArg } : {}),
      cwd: scored.cwd,
      ciMethod: drill.ci,
      ...(drill.risk_level !== undefined ? { risk: { level: drill.risk_level } } : {}),
      maxVisits: drill.max_visits,
      ...(drill.confidence !== undefined ? { confidence: drill.confidence } : {}),
      ...((opts.title ?? drill.name) !== undefined ? { title: opts.title ?? drill.name } : {}),
      now: opts.now,
      lang: opts.lang,
    }).catch((err: unknown) => {
      // Real responses recorded against another draw: say why that happens.
      if (
        err instanceof UserError &&
        !drill.synthetic &&
        err.problems.some(
          (p) => p.field === 'household_id' && /is not in the sample|不在样本/.test(p.message),
        )
      )
        throw new UserError(
          t(opts.lang, d.otherDraw, { message: err.messageIn(opts.lang), seed }),
          err.problems,
        );
      throw err;
    });
    for (const w of warnings) warnProblem(w);
    if (!drill.synthetic) {
      // The real responses, merged in time order, beside the sample they belong to.
      const rows: ResponseRow[] = [];
      for (const r of responsesIn)
        rows.push(...(await readResponses(r.path, standard, { label: r.label, lang: opts.lang })).rows);
      const header = responsesHeader(standard);
      writeFileAtomic(
        responsesPath,
        csvTable(
          header,
          orderRows(rows).map((r) => responseCells(r, header)),
        ),
      );
    }
    writeReportFiles(report, ['json', 'md', 'html', 'junit'], work, {
      lang: opts.lang,
      color: new Chalk({ level: 0 }),
    });

    const files = Object.values(DRILL_FILES);
    const record = {
      format: DRILL_RECORD_FORMAT,
      format_version: 1,
      tool: { name: 'hhsurvey', version: VERSION },
      created_at: chinaIso(opts.now),
      drill: { file: basename(opts.drillFile), sha256: drillSha, name: drill.name ?? null },
      date,
      seed,
      seed_from:
        opts.seed !== undefined
          ? '--seed'
          : drill.seed.trim().toLowerCase() === 'date'
            ? 'date'
            : 'drill file',
      roster: { file: drill.roster, sha256: job.frame.sha256, households: job.frame.households },
      standard: { id: standard.id, version: standard.version ?? null },
      responses: responsesRecord,
      result: {
        pass: report.pass,
        strata: report.summary.strata,
        strata_failed: report.summary.strata_failed,
        indicators_failed: report.summary.indicators_failed,
        indicators_too_close: report.summary.indicators_too_close,
      },
      files: files.filter((f) => f !== DRILL_FILES.record),
    };
    writeFileAtomic(join(work, DRILL_FILES.record), JSON.stringify(record, null, 2) + '\n');
    tx.publish();
    note(t(opts.lang, d.wrote, { out: opts.outLabel, files }));
    return {
      drill,
      date,
      seed,
      report,
      ...(synthetic ? { synthetic } : {}),
      primaries,
      reserves,
      strata: job.draw.strata.length,
      files,
    };
  } finally {
    tx.close();
  }
}
