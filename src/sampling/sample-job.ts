import { basename } from 'node:path';
import { t } from '../core/messages.js';
import { parseRate } from '../core/rate.js';
import { sj } from './sample-job.messages.js';
import { am } from './allocate.messages.js';
import { UserError, type Problem } from '../core/errors.js';
import { chinaIso } from '../core/clock.js';
import { VERSION } from '../core/version.js';
import type { EncodingChoice } from '../io/encoding.js';
import { readCsvTable } from '../io/csv-read.js';
import { scopeLang, shownPath } from '../io/run-scope.js';
import { m } from '../io/messages.js';
import { findColumn, mapColumns } from '../roster/columns.js';
import type { Lang } from '../core/i18n.js';
import {
  assertValid,
  householdId,
  readHouseholds,
  readRoster,
  type RosterFrame,
  type RosterInput,
} from '../roster/read-roster.js';
import { ALGORITHM, drawSample, type Draw } from './draw.js';
import { DEFAULT_ORDER, type SamplingDesign } from './design.js';
import { manifestParameters, type SampleManifest } from './manifest.js';
import { RNG_NAME } from './rng.js';
import { assertNoStratumClash } from './strata.js';
import { buildSampleRows, sampleDigest, type SampleRow } from './sample-file.js';

/** A design and the roster to draw it from: what `sample`, `verify`, `drill` and `simulate --roster` run. */
export interface SampleJobOptions extends SamplingDesign {
  roster: string;
  rosterLabel?: string;
  encoding: EncodingChoice;
  /** Language of refusals (strata pooling same-named communities). */
  lang?: Lang;
  /** Re-drawing a recorded design (verify): strata as recorded, even if they pool communities. */
  allowClash?: boolean;
  /** Excluded households: from files (recorded with their digest) or ids given directly (verify). */
  excludeFiles?: string[];
  excludeIds?: string[];
  maxProblems?: number;
  onProgress?: (done: number, total: number) => void;
  /** How to read the roster (sheet, separator, columns, built ids, fill-down). */
  input?: RosterInput;
}

export interface SampleJobResult {
  frame: RosterFrame;
  draw: Draw;
  rows: SampleRow[];
  manifest: SampleManifest;
  warnings: string[];
}

/**
 * A sampling design as a person gives it, paths resolved: the flags of `sample` and
 * `simulate --roster`, or a drill file's sampling section. designJobOptions turns either into the
 * sample job, so that a drill and `hhsurvey sample` with the same design draw the same list.
 */
export interface DesignRequest {
  roster: string;
  rosterLabel: string;
  seed: string;
  lang: Lang;
  by?: string[];
  size?: number;
  total?: number;
  allocation: SamplingDesign['allocation'];
  minPerStratum: number;
  reserve?: number;
  method: SamplingDesign['method'];
  order?: string[];
  only?: string[];
  /** Exclusion lists and the prior file (absolute paths). */
  exclude?: string[];
  prior?: string;
  priorIndicator?: string;
  encoding: EncodingChoice;
  input: RosterInput;
  maxProblems?: number;
  onProgress?: (done: number, total: number) => void;
}

export async function designJobOptions(req: DesignRequest): Promise<SampleJobOptions> {
  return {
    roster: req.roster,
    rosterLabel: req.rosterLabel,
    encoding: req.encoding,
    ...(req.by ? { by: req.by } : {}),
    lang: req.lang,
    method: req.method,
    ...(req.size !== undefined ? { size: req.size } : {}),
    ...(req.total !== undefined ? { total: req.total } : {}),
    allocation: req.allocation,
    minPerStratum: req.minPerStratum,
    reserve: req.reserve ?? 0,
    order: req.order ?? DEFAULT_ORDER,
    ...(req.only ? { only: req.only } : {}),
    seed: req.seed,
    excludeFiles: req.exclude ?? [],
    ...(req.prior !== undefined ? { priors: await readPriors(req.prior, req.priorIndicator) } : {}),
    ...(req.maxProblems !== undefined ? { maxProblems: req.maxProblems } : {}),
    ...(req.onProgress ? { onProgress: req.onProgress } : {}),
    input: req.input,
  };
}

/** Household ids listed in a CSV file (a household_id / 户编号 column): a sample list, responses, or a plain list. */
export async function readIdList(file: string): Promise<{ ids: string[]; sha256: string }> {
  const table = await readCsvTable(file, { sha256: true, label: shownPath(file) });
  const map = mapColumns(table.header);
  const col = map.index.household_id ?? findColumn(map, 'household_id');
  if (col === undefined) throw new UserError(t(scopeLang(), sj.noIdColumn, { file: shownPath(file) }));
  const ids = table.rows.map((r) => (r.fields[col] ?? '').trim()).filter((x) => x !== '');
  return { ids, sha256: table.sha256! };
}

/** Prior rates per stratum for Neyman allocation: a CSV of stratum,rate or a score report (JSON). */
export async function readPriors(file: string, indicator?: string): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  if (/\.json$/i.test(file)) {
    // A score report, validated with its schema: any other JSON is refused, never half read.
    const { readScoreReport } = await import('../scoring/report-file.js');
    for (const s of readScoreReport(file, shownPath(file)).strata) {
      const rates = s.indicators
        .filter((i) => (indicator ? i.id === indicator : true))
        .map((i) => i.rate)
        .filter((r): r is number => r !== null);
      // The stratum's most variable indicator decides how many households it needs.
      if (rates.length)
        out.set(
          s.stratum,
          rates.reduce((a, b) => (Math.abs(a - 0.5) < Math.abs(b - 0.5) ? a : b)),
        );
    }
    return out;
  }
  const table = await readCsvTable(file, { requireRows: true, label: shownPath(file) });
  const sc = table.header.findIndex((h) => /^(stratum|抽样层|社区|community)$/i.test(h.trim()));
  const rc = table.header.findIndex((h) => /^(rate|prior|率|.*率)$/i.test(h.trim()));
  const shown = shownPath(file);
  if (sc === -1 || rc === -1) throw new UserError(t(scopeLang(), sj.priorColumns, { file: shown }));
  const problems: Problem[] = [];
  for (const r of table.rows) {
    // The rates grammar of every command (src/core/rate.ts): 0.9 or 90%, decimal digits only.
    const rate = parseRate(r.fields[rc] ?? '');
    if (rate === undefined)
      problems.push({
        file: shown,
        line: r.line,
        field: table.header[rc],
        message: t(scopeLang(), sj.priorRate, { value: r.fields[rc] ?? '' }),
      });
    else out.set((r.fields[sc] ?? '').trim(), rate);
  }
  if (problems.length)
    throw new UserError(t(scopeLang(), sj.priorProblems, { file: shown, n: problems.length }), problems);
  return out;
}

/** What reading a roster and drawing from it needs: the sampling options of `hhsurvey sample`. */
export type DrawDesignOptions = SampleJobOptions;

export interface DrawnDesign {
  frame: RosterFrame;
  draw: Draw;
  warnings: string[];
  /** The exclusion files as the manifest records them, and every excluded id. */
  excludeRecords: SampleManifest['parameters']['exclude'];
  exclude: Set<string>;
}

/**
 * Read the exclusions and the roster, refuse an invalid roster, and draw: the steps `sample`,
 * `verify`, `simulate --roster` and `drill` share, so that they cannot drift apart.
 */
export async function drawDesign(opts: DrawDesignOptions): Promise<DrawnDesign> {
  const exclude = new Set<string>(opts.excludeIds ?? []);
  const excludeRecords: SampleManifest['parameters']['exclude'] = [];
  for (const f of opts.excludeFiles ?? []) {
    const list = await readIdList(f);
    for (const id of list.ids) exclude.add(id);
    excludeRecords.push({ file: basename(f), sha256: list.sha256, households: list.ids.length });
  }
  const frame = await readRoster(opts.roster, {
    label: opts.rosterLabel,
    encoding: opts.encoding,
    by: opts.by,
    order: opts.order,
    keepOrderKeys: opts.method === 'systematic',
    maxProblems: opts.maxProblems,
    onProgress: opts.onProgress,
    ...(opts.lang ? { lang: opts.lang } : {}),
    ...opts.input,
  });
  try {
    assertValid(frame);
    if (!opts.allowClash) assertNoStratumClash(frame, opts.lang ?? 'en');
    if (opts.only !== undefined && opts.only.length === 0) throw new UserError(t(scopeLang(), m.onlyEmpty));
  } catch (err) {
    frame.release();
    throw err;
  }
  const draw = drawSample(frame, opts.method, {
    seed: opts.seed,
    method: opts.method,
    size: opts.size,
    total: opts.total,
    allocation: opts.allocation,
    minPerStratum: opts.minPerStratum,
    reserve: opts.reserve,
    only: opts.only,
    exclude,
    priors: opts.priors,
  });
  if (draw.unknownOnly.length)
    throw new UserError(t(scopeLang(), sj.unknownOnly, { file: frame.file, strata: draw.unknownOnly }));
  if (draw.belowMinimum)
    throw new UserError(
      t(opts.lang ?? 'en', am.belowMinimum, { ...draw.belowMinimum, min: opts.minPerStratum }),
    );
  return { frame, draw, warnings: [...frame.warnings], excludeRecords, exclude };
}

export async function runSampleJob(opts: SampleJobOptions, now: Date): Promise<SampleJobResult> {
  const { frame, draw, warnings, excludeRecords, exclude } = await drawDesign(opts);

  const wanted = draw.strata.flatMap((s) => [...s.primaries, ...s.reserves]);
  const records = await readHouseholds(frame, opts.roster, wanted).finally(() => frame.release());
  const byRow = new Map<number, string[]>();
  wanted.forEach((row, i) => byRow.set(row, records[i]!));
  const rows = buildSampleRows(draw, byRow, frame.orderIndex, (r) => householdId(frame, r));

  const usedExcluded = [...exclude].filter((id) => id !== '').sort();
  const manifest: SampleManifest = {
    tool: 'hhsurvey',
    version: VERSION,
    algorithm: ALGORITHM,
    rng: RNG_NAME,
    seed: opts.seed,
    created_at: chinaIso(now),
    parameters: manifestParameters(opts, {
      by: frame.by,
      stratumColumns: frame.byIndex.map((i) => frame.columns.header[i]!),
      exclude: excludeRecords,
      excludedIds: usedExcluded,
      encoding: opts.encoding,
      input: opts.input,
    }),
    roster: {
      file: basename(opts.rosterLabel ?? opts.roster),
      sha256: frame.sha256,
      bytes: frame.bytes,
      households: frame.households,
      encoding: frame.encoding,
      ...(frame.format === 'xlsx' ? { format: 'xlsx' as const, sheet: frame.sheet } : {}),
    },
    strata: draw.strata.map((s) => ({
      stratum: s.stratum.key,
      population: s.population,
      excluded: s.excluded,
      eligible: s.eligible,
      sample: s.n,
      reserves: s.r,
      takes_all: s.takesAll,
    })),
    sample: { file: '', households: rows.length, digest: sampleDigest(rows) },
  };
  return { frame, draw, rows, manifest, warnings };
}
