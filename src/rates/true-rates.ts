import type { Problem } from '../core/errors.js';
import type { Lang } from '../core/i18n.js';
import { t } from '../core/messages.js';
import { parseRate } from '../core/rate.js';
import type { CsvTable } from '../io/csv-read.js';
import { m } from './messages.js';
import { boundedHeader } from '../core/safe-text.js';

/**
 * True rates of the indicators, the one grammar of `simulate`, `synth responses` and drill files:
 * one rate for every indicator (`--rate 0.9`), a rate per indicator (`--rate awareness=93%`), and
 * rates per stratum and indicator (a CSV of stratum, indicator, rate, English or Chinese headers)
 * that override them. A stratum is named as the sample names it (`全福街道 / 和平社区`, the slash
 * with or without spaces) or by its community alone when only one stratum has that name. Rate
 * values follow src/core/rate.ts. Pure: the caller reads the files.
 */
export interface TrueRates {
  /** The rate of every indicator not named otherwise (`--rate 0.9`). */
  all?: number;
  /** Indicator id → rate, in every stratum. */
  overall: Map<string, number>;
  /** Stratum (as written) → indicator id → rate. */
  byStratum: Map<string, Map<string, number>>;
  /** Where each per-stratum rate came from, for messages: `stratum\0indicator` → problem location. */
  origin: Map<string, Pick<Problem, 'file' | 'line'>>;
}

export function emptyRates(): TrueRates {
  return { overall: new Map(), byStratum: new Map(), origin: new Map() };
}

/**
 * `--rate awareness=0.93` (one indicator) or `--rate 0.9` (every indicator not named). An
 * indicator given twice is a problem. Problems name the flag.
 */
export function parseRateFlags(
  values: readonly string[],
  into: TrueRates = emptyRates(),
  lang: Lang = 'en',
): Problem[] {
  const problems: Problem[] = [];
  const given = new Set<string>();
  for (const v of values) {
    const eq = v.indexOf('=');
    const id = eq === -1 ? '*' : v.slice(0, eq).trim();
    const rate = parseRate(eq === -1 ? v : v.slice(eq + 1));
    if (id === '') {
      problems.push({ field: '--rate', message: t(lang, m.flagNeedsIndicator, { value: v }) });
      continue;
    }
    if (rate === undefined) {
      problems.push({ field: '--rate', message: t(lang, m.flagBadRate, { value: v }) });
      continue;
    }
    if (given.has(id)) {
      problems.push({ field: '--rate', message: t(lang, m.flagTwice, { id }) });
      continue;
    }
    given.add(id);
    if (id === '*') into.all = rate;
    else into.overall.set(id, rate);
  }
  return problems;
}

/** Rates written as a mapping (a drill file): a number for all, or indicator → rate. */
export function addRateMapping(into: TrueRates, rates: number | Readonly<Record<string, number>>): void {
  if (typeof rates === 'number') into.all = rates;
  else for (const [id, r] of Object.entries(rates)) into.overall.set(id, r);
}

/** Per-stratum rates written as a mapping (a drill file's `strata:`), stratum → indicator → rate. */
export function addStratumMapping(
  into: TrueRates,
  strata: Readonly<Record<string, Readonly<Record<string, number>>>>,
  at: Pick<Problem, 'file' | 'line'> = {},
): void {
  for (const [stratum, rates] of Object.entries(strata)) {
    let t = into.byStratum.get(stratum);
    if (!t) into.byStratum.set(stratum, (t = new Map<string, number>()));
    for (const [id, r] of Object.entries(rates)) {
      t.set(id, r);
      into.origin.set(`${stratum}\u0000${id}`, at);
    }
  }
}

const STRATUM_HEADERS = ['stratum', '抽样层', 'community', '社区'];
const INDICATOR_HEADERS = ['indicator', '指标'];
const RATE_HEADERS = ['rate', 'true_rate', '率', '真实率', '比率', '真实比率'];

const normHeader = (h: string) =>
  h
    .replace(/^\uFEFF/, '')
    .replace(/\s+/g, '')
    .toLowerCase();

/**
 * A rates file (CSV: stratum, indicator, rate; Chinese headers 社区/抽样层, 指标, 比率/率/真实率).
 * A stratum of `*` sets the indicator's rate in every stratum.
 */
export function parseRatesTable(
  table: Pick<CsvTable, 'file' | 'header' | 'rows'>,
  into: TrueRates = emptyRates(),
  lang: Lang = 'en',
): Problem[] {
  const problems: Problem[] = [];
  const find = (names: string[]) =>
    table.header.findIndex((h) => names.some((n) => normHeader(n) === normHeader(h)));
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
      message: t(lang, m.missingColumns, {
        missing: missing.join(', '),
        header: boundedHeader(table.header),
      }),
    });
    return problems;
  }
  const seen = new Map<string, number>();
  for (const { line, fields } of table.rows) {
    const stratum = (fields[sc] ?? '').trim();
    const indicator = (fields[ic] ?? '').trim();
    const rawRate = fields[rc] ?? '';
    const at = { file: table.file, line };
    if (stratum === '') problems.push({ ...at, field: table.header[sc], message: t(lang, m.empty) });
    if (indicator === '') problems.push({ ...at, field: table.header[ic], message: t(lang, m.empty) });
    const rate = parseRate(rawRate);
    if (rate === undefined)
      problems.push({
        ...at,
        field: table.header[rc],
        message: t(lang, m.badRate, { value: rawRate.trim() }),
      });
    if (stratum === '' || indicator === '' || rate === undefined) continue;
    const key = `${stratumParts(stratum).join('/')}\u0000${indicator}`;
    const prev = seen.get(key);
    if (prev !== undefined) {
      problems.push({ ...at, message: t(lang, m.givenTwice, { stratum, indicator, line: prev }) });
      continue;
    }
    seen.set(key, line);
    if (stratum === '*') {
      into.overall.set(indicator, rate);
      continue;
    }
    let r = into.byStratum.get(stratum);
    if (!r) into.byStratum.set(stratum, (r = new Map<string, number>()));
    r.set(indicator, rate);
    into.origin.set(`${stratum}\u0000${indicator}`, at);
  }
  return problems;
}

/** A stratum of the sample: its key (`全福街道 / 和平社区`) and, when known, its sub-district. */
export interface StratumRef {
  key: string;
  street?: string | null;
}

/** The parts of a stratum name: `全福街道/和平社区`, `全福街道 / 和平社区` and `全福街道／和平社区` agree. */
function stratumParts(name: string): string[] {
  return name.split(/[/／]/).map((s) => s.trim());
}

const sameParts = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((x, i) => x === b[i]);

/**
 * Which strata of the sample a name given in a rates file or drill file means: the stratum whose
 * key it is (spaces around the slashes aside); the stratum's key with its sub-district in front
 * (`全福街道/和平社区` for a stratum `和平社区` in 全福街道); or the last parts of a key
 * (`和平社区` for `全福街道 / 和平社区`). More than one stratum: the name is ambiguous.
 */
export function matchStratum(name: string, strata: readonly (StratumRef | string)[]): string[] {
  const parts = stratumParts(name);
  const refs = strata.map((s) => (typeof s === 'string' ? { key: s } : s));
  const exact = refs.filter((s) => sameParts(stratumParts(s.key), parts));
  if (exact.length > 0) return exact.map((s) => s.key);
  return refs
    .filter((s) => {
      const key = stratumParts(s.key);
      if (parts.length < key.length) return sameParts(key.slice(key.length - parts.length), parts);
      return (
        s.street !== undefined &&
        s.street !== null &&
        parts.length === key.length + 1 &&
        sameParts(parts, [s.street, ...key])
      );
    })
    .map((s) => s.key);
}

export interface ResolvedRates {
  /** The indicators with a rate, in the order given (every indicator with `require: 'all'`). */
  indicators: string[];
  /** Rate of an indicator in a stratum of the sample (when there are no problems). */
  rate: (stratum: string, indicator: string) => number;
  problems: Problem[];
}

export interface ResolveOptions {
  /**
   * `all`: every indicator needs a rate (synthetic answers to the whole questionnaire);
   * `named`: only the indicators given a rate somewhere are used (a simulation of some indicators).
   */
  require: 'all' | 'named';
  lang?: Lang;
  /** Field of problems that are not located in a file (default `--rate`). */
  field?: string;
}

/**
 * Check the rates against the standard's indicators and the sample's strata, and give the rate of
 * every (stratum, indicator): per-stratum rate, else the indicator's rate, else the rate for all.
 * Unknown indicators, ambiguous stratum names and indicators without a rate are errors; strata not
 * in the sample are warnings (a rates file may cover more communities than one draw). With no
 * strata yet (a check before the draw) only the indicators are checked.
 */
export function resolveRates(
  rates: TrueRates,
  indicators: readonly string[],
  strata: readonly (StratumRef | string)[],
  opts: ResolveOptions = { require: 'all' },
): ResolvedRates {
  const lang = opts.lang ?? 'en';
  const field = opts.field ?? '--rate';
  const problems: Problem[] = [];
  const known = new Set(indicators);
  const list = indicators;
  const keys = strata.map((s) => (typeof s === 'string' ? s : s.key));
  for (const id of rates.overall.keys())
    if (!known.has(id)) problems.push({ field, message: t(lang, m.unknownIndicator, { id, list }) });
  const table = new Map<string, Map<string, number>>();
  for (const [name, byIndicator] of rates.byStratum) {
    const hits = strata.length > 0 ? matchStratum(name, strata) : [];
    const firstAt = rates.origin.get(`${name}\u0000${[...byIndicator.keys()][0] ?? ''}`) ?? {};
    if (hits.length > 1) {
      problems.push({ ...firstAt, message: t(lang, m.ambiguousStratum, { name, strata: hits }) });
      continue;
    }
    if (strata.length > 0 && hits.length === 0)
      problems.push({ ...firstAt, message: t(lang, m.strataNotInSample, { name }), severity: 'warning' });
    for (const [id, r] of byIndicator) {
      if (!known.has(id)) {
        const at = rates.origin.get(`${name}\u0000${id}`) ?? {};
        problems.push({ ...at, message: t(lang, m.unknownIndicator, { id, list }) });
        continue;
      }
      const key = hits[0];
      if (key === undefined) continue;
      let row = table.get(key);
      if (!row) table.set(key, (row = new Map<string, number>()));
      row.set(id, r);
    }
  }
  const named = new Set<string>([
    ...rates.overall.keys(),
    ...[...rates.byStratum.values()].flatMap((r) => [...r.keys()]),
  ]);
  const used = indicators.filter((id) => opts.require === 'all' || rates.all !== undefined || named.has(id));
  const rate = (stratum: string, id: string): number | undefined =>
    table.get(stratum)?.get(id) ?? rates.overall.get(id) ?? rates.all;
  // With no strata yet, per-stratum rates might cover every stratum.
  const uncovered = (id: string) =>
    keys.length > 0
      ? keys.filter((s) => rate(s, id) === undefined)
      : rate('', id) !== undefined || named.has(id)
        ? []
        : [''];
  const missing = used.map((id) => [id, uncovered(id)] as const).filter(([, s]) => s.length > 0);
  if (opts.require === 'all' && missing.length > 0)
    problems.push({ field, message: t(lang, m.noRate, { ids: missing.map(([id]) => id) }) });
  if (opts.require === 'named') {
    if (used.length === 0 && problems.length === 0)
      problems.push({ field, message: t(lang, m.noRates, { list }) });
    for (const [id, s] of missing) {
      problems.push({ field, message: t(lang, m.noRateIn, { id, count: s.length, strata: s.slice(0, 5) }) });
    }
  }
  return {
    indicators: used,
    problems,
    rate: (stratum, id) => {
      const r = rate(stratum, id);
      if (r === undefined) throw new Error(`no rate for ${stratum} / ${id}`);
      return r;
    },
  };
}
