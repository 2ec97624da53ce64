import type { Problem } from '../core/errors.js';
import { parseRate } from '../core/rate.js';
import type { CsvTable } from '../io/csv-read.js';

/**
 * True rates of the indicators, as a drill or a synthetic data set assumes them: one rate for every
 * indicator, a rate per indicator, and rates per stratum and indicator (a CSV of stratum,
 * indicator, rate) that override them. Pure: the caller reads the files.
 */
export interface TrueRates {
  /** The rate of every indicator not named otherwise (`--rate 0.9`). */
  all?: number;
  /** Indicator id → rate, in every stratum. */
  overall: Map<string, number>;
  /** Stratum (as written) → indicator id → rate. */
  byStratum: Map<string, Map<string, number>>;
  /** Where each per-stratum rate came from, for messages: `stratum\0indicator` → problem location. */
  origin?: Map<string, Pick<Problem, 'file' | 'line'>>;
}

export function emptyRates(): TrueRates {
  return { overall: new Map(), byStratum: new Map() };
}

/**
 * `--rate awareness=0.93` (one indicator) or `--rate 0.9` (every indicator not named). Later flags
 * win. Problems name the flag.
 */
export function parseRateFlags(values: readonly string[], into: TrueRates = emptyRates()): Problem[] {
  const problems: Problem[] = [];
  for (const v of values) {
    const eq = v.indexOf('=');
    const id = eq === -1 ? '' : v.slice(0, eq).trim();
    const rateText = eq === -1 ? v : v.slice(eq + 1);
    const rate = parseRate(rateText);
    if (eq !== -1 && id === '') {
      problems.push({
        field: '--rate',
        message: `"${v}": give it as <indicator>=<rate>, e.g. awareness=0.93`,
      });
      continue;
    }
    if (rate === undefined) {
      problems.push({
        field: '--rate',
        message: `"${v}": the rate must be between 0 and 1 (0.93 or 93%), e.g. awareness=0.93`,
      });
      continue;
    }
    if (id === '' || id === '*') into.all = rate;
    else into.overall.set(id, rate);
  }
  return problems;
}

const STRATUM_HEADERS = ['stratum', '抽样层', 'community', '社区'];
const INDICATOR_HEADERS = ['indicator', '指标'];
const RATE_HEADERS = ['rate', 'true_rate', '率', '真实率', '比率'];

const norm = (h: string) =>
  h
    .replace(/^\uFEFF/, '')
    .replace(/\s+/g, '')
    .toLowerCase();

/**
 * A rates file (CSV: stratum, indicator, rate; Chinese headers 抽样层/社区, 指标, 率 accepted).
 * A stratum of `*` sets the indicator's rate in every stratum.
 */
export function parseRatesTable(
  table: Pick<CsvTable, 'file' | 'header' | 'rows'>,
  into: TrueRates = emptyRates(),
): Problem[] {
  const problems: Problem[] = [];
  const find = (names: string[]) => table.header.findIndex((h) => names.some((n) => norm(n) === norm(h)));
  const sc = find(STRATUM_HEADERS);
  const ic = find(INDICATOR_HEADERS);
  const rc = find(RATE_HEADERS);
  const missing = [sc === -1 ? 'stratum' : '', ic === -1 ? 'indicator' : '', rc === -1 ? 'rate' : ''].filter(
    (x) => x !== '',
  );
  if (missing.length > 0) {
    problems.push({
      file: table.file,
      line: 1,
      message: `a rates file needs the columns stratum, indicator, rate (missing: ${missing.join(', ')})`,
    });
    return problems;
  }
  into.origin ??= new Map();
  const seen = new Map<string, number>();
  for (const { line, fields } of table.rows) {
    const stratum = (fields[sc] ?? '').trim();
    const indicator = (fields[ic] ?? '').trim();
    const rawRate = fields[rc] ?? '';
    const at = { file: table.file, line };
    if (stratum === '') problems.push({ ...at, field: table.header[sc], message: 'empty' });
    if (indicator === '') problems.push({ ...at, field: table.header[ic], message: 'empty' });
    const rate = parseRate(rawRate);
    if (rate === undefined)
      problems.push({
        ...at,
        field: table.header[rc],
        message: `must be a rate between 0 and 1 (0.93 or 93%), got "${rawRate.trim()}"`,
      });
    if (stratum === '' || indicator === '' || rate === undefined) continue;
    const key = `${stratum}\u0000${indicator}`;
    const prev = seen.get(key);
    if (prev !== undefined) {
      problems.push({ ...at, message: `${stratum} / ${indicator} given twice (also line ${prev})` });
      continue;
    }
    seen.set(key, line);
    if (stratum === '*') {
      into.overall.set(indicator, rate);
      continue;
    }
    let m = into.byStratum.get(stratum);
    if (!m) into.byStratum.set(stratum, (m = new Map<string, number>()));
    m.set(indicator, rate);
    into.origin.set(key, at);
  }
  return problems;
}

/**
 * Which sample stratum a name given in a rates file or drill file means: the stratum key itself,
 * or, for strata made of several columns (`全福街道 / 南全福社区`), the last part when only one
 * stratum ends with it.
 */
export function matchStratum(name: string, strata: readonly string[]): string | undefined {
  if (strata.includes(name)) return name;
  const hits = strata.filter((s) => s.split(' / ').pop() === name);
  return hits.length === 1 ? hits[0] : undefined;
}

export interface ResolvedRates {
  /** Rate of an indicator in a stratum of the sample. */
  rate: (stratum: string, indicator: string) => number;
  problems: Problem[];
}

/**
 * Check the rates against the standard's indicators and the sample's strata, and give the rate of
 * every (stratum, indicator): per-stratum rate, else the indicator's rate, else the rate for all.
 * Unknown indicators and indicators without a rate are errors; strata not in the sample are
 * warnings (a rates file may cover more communities than one draw).
 */
export function resolveRates(
  rates: TrueRates,
  indicators: readonly string[],
  strata: readonly string[],
): ResolvedRates {
  const problems: Problem[] = [];
  const known = new Set(indicators);
  const list = indicators.join(', ');
  for (const id of rates.overall.keys())
    if (!known.has(id))
      problems.push({ field: 'rate', message: `unknown indicator "${id}" (the standard has ${list})` });
  const table = new Map<string, Map<string, number>>();
  for (const [name, m] of rates.byStratum) {
    const key = matchStratum(name, strata);
    for (const [id, r] of m) {
      const at = rates.origin?.get(`${name}\u0000${id}`) ?? {};
      if (!known.has(id)) {
        problems.push({ ...at, message: `unknown indicator "${id}" (the standard has ${list})` });
        continue;
      }
      if (key === undefined) {
        if (strata.length === 0) continue; // not drawn yet: nothing to say
        problems.push({
          ...at,
          message: `warning: stratum "${name}" is not in the sample; its rate is not used`,
          severity: 'warning',
        });
        continue;
      }
      let t = table.get(key);
      if (!t) table.set(key, (t = new Map<string, number>()));
      t.set(id, r);
    }
  }
  // With no strata yet (a check before the draw), per-stratum rates might cover every stratum.
  const uncovered = (id: string) =>
    strata.length > 0
      ? strata.some((s) => table.get(s)?.get(id) === undefined)
      : ![...rates.byStratum.values()].some((m) => m.has(id));
  const missing = indicators.filter(
    (id) => rates.all === undefined && !rates.overall.has(id) && uncovered(id),
  );
  if (missing.length > 0)
    problems.push({
      field: 'rate',
      message: `no true rate for ${missing.join(', ')}: give --rate <indicator>=<rate> (or --rate <rate> for every indicator), or list every stratum in --rates`,
    });
  return {
    problems,
    rate: (stratum, indicator) => {
      const r = table.get(stratum)?.get(indicator) ?? rates.overall.get(indicator) ?? rates.all;
      if (r === undefined) throw new Error(`no rate for ${stratum} / ${indicator}`);
      return r;
    },
  };
}
