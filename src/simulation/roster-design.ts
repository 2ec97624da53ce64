import type { Problem } from '../core/errors.js';
import { parseRate } from '../core/rate.js';
import type { CsvTable } from '../io/csv-read.js';
import type { Standard } from '../standard/index.js';
import type { CiMethod } from '../stats/index.js';
import type { SimulationDesign, StratumSpec } from './engine.js';
import { indicatorPopulation } from './model.js';
import { kornGraubardLowerBound, makePassRule } from './rules.js';

/** One stratum of a drawn design: the frame it is drawn from and what is drawn. */
export interface RosterStratum {
  key: string;
  /** The stratum's column values (the last one is the community for `--by street,community`). */
  values: string[];
  /** The sub-district (街道) common to the stratum's drawn households, if any. */
  street: string | null;
  /** Households that can be drawn (N_h: the roster's, less exclusions). */
  population: number;
  size: number;
  reserves: number;
}

/** True rates: overall per indicator (`--rate id=p`), and per stratum (`--rates file`). */
export interface TrueRates {
  overall: Map<string, number>;
  byStratum: { stratum: string; indicator: string; rate: number; line: number }[];
  file?: string;
}

/** `--rate awareness=0.93` flags, every problem reported. */
export function parseRateFlags(flags: readonly string[]): {
  rates: Map<string, number>;
  problems: Problem[];
} {
  const rates = new Map<string, number>();
  const problems: Problem[] = [];
  for (const f of flags) {
    const m = /^\s*([^=\s]+)\s*=\s*(.+)$/.exec(f);
    const rate = m ? parseRate(m[2]!) : undefined;
    if (!m || rate === undefined) {
      problems.push({
        field: '--rate',
        message: `expected indicator=rate with a rate between 0 and 1 (e.g. awareness=0.93), got "${f}"`,
      });
      continue;
    }
    if (rates.has(m[1]!)) problems.push({ field: '--rate', message: `${m[1]!} is given twice` });
    rates.set(m[1]!, rate);
  }
  return { rates, problems };
}

const STRATUM_HEADERS = /^(stratum|抽样层|community|社区)$/i;
const INDICATOR_HEADERS = /^(indicator|指标)$/i;
const RATE_HEADERS = /^(rate|true_rate|真实率|率)$/i;

/** A `--rates` CSV: stratum, indicator, rate (English or Chinese headers), every problem reported. */
export function parseRatesTable(table: CsvTable): { entries: TrueRates['byStratum']; problems: Problem[] } {
  const problems: Problem[] = [];
  const col = (re: RegExp) => table.header.findIndex((h) => re.test(h.trim()));
  const sc = col(STRATUM_HEADERS);
  const ic = col(INDICATOR_HEADERS);
  const rc = col(RATE_HEADERS);
  const missing = [
    [sc, 'stratum'],
    [ic, 'indicator'],
    [rc, 'rate'],
  ]
    .filter(([c]) => c === -1)
    .map(([, n]) => n as string);
  if (missing.length) {
    return {
      entries: [],
      problems: [
        {
          file: table.file,
          line: 1,
          message: `missing column${missing.length > 1 ? 's' : ''} ${missing.join(', ')} (header: ${table.header.join(', ')})`,
        },
      ],
    };
  }
  const entries: TrueRates['byStratum'] = [];
  const seen = new Map<string, number>();
  for (const row of table.rows) {
    const stratum = (row.fields[sc] ?? '').trim();
    const indicator = (row.fields[ic] ?? '').trim();
    const raw = row.fields[rc] ?? '';
    const rate = parseRate(raw);
    if (stratum === '')
      problems.push({ file: table.file, line: row.line, field: table.header[sc], message: 'empty stratum' });
    if (indicator === '')
      problems.push({
        file: table.file,
        line: row.line,
        field: table.header[ic],
        message: 'empty indicator',
      });
    if (rate === undefined) {
      problems.push({
        file: table.file,
        line: row.line,
        field: table.header[rc],
        message: `rate must be between 0 and 1 (or 0%–100%), got "${raw}"`,
      });
    }
    if (stratum === '' || indicator === '' || rate === undefined) continue;
    const k = JSON.stringify([stratum, indicator]);
    const prev = seen.get(k);
    if (prev !== undefined) {
      problems.push({
        file: table.file,
        line: row.line,
        message: `${stratum} / ${indicator} already given on line ${prev}`,
      });
      continue;
    }
    seen.set(k, row.line);
    entries.push({ stratum, indicator, rate, line: row.line });
  }
  return { entries, problems };
}

function matchesStratum(s: RosterStratum, name: string): boolean {
  return name === s.key || name === s.values[s.values.length - 1];
}

/**
 * Streets as a roll-up level when they group communities (as `hhsurvey score` does): not when the
 * strata are the streets themselves. Strata without a common street stay out of the street level.
 */
export function streetGroups(strata: readonly RosterStratum[]): boolean {
  const groups = new Map<string, string[]>();
  for (const s of strata) {
    if (s.street === null) continue;
    const list = groups.get(s.street);
    if (list) list.push(s.key);
    else groups.set(s.street, [s.key]);
  }
  if (groups.size === 0) return false;
  return ![...groups.entries()].every(([street, keys]) => keys.length === 1 && keys[0] === street);
}

export interface RosterDesignInput {
  strata: RosterStratum[];
  standard: Standard;
  rates: TrueRates;
  notSure: number;
  responseRate: number;
  ciMethod: CiMethod;
}

/**
 * The design of a roster-form run: the standard's indicators that have a true rate (in the
 * standard's order), judged by the standard's rule; a stratum's rate from `--rates` when given
 * there, else the indicator's `--rate`. Returns every problem instead of the first.
 */
export function buildRosterDesign(input: RosterDesignInput): {
  design: SimulationDesign;
  problems: Problem[];
  /** True rates that no whole number of households gives within half a percentage point. */
  rounded: RoundedRate[];
} {
  const { strata, standard, rates } = input;
  const problems: Problem[] = [];
  const rounded: RoundedRate[] = [];
  const known = new Set(standard.indicators.map((i) => i.id));
  const knownList = standard.indicators.map((i) => i.id).join(', ');
  for (const id of rates.overall.keys()) {
    if (!known.has(id))
      problems.push({
        field: '--rate',
        message: `no indicator "${id}" in standard ${standard.id} (it has ${knownList})`,
      });
  }
  for (const e of rates.byStratum) {
    if (!known.has(e.indicator)) {
      problems.push({
        file: rates.file,
        line: e.line,
        message: `no indicator "${e.indicator}" in standard ${standard.id} (it has ${knownList})`,
      });
    }
    if (!strata.some((s) => matchesStratum(s, e.stratum))) {
      problems.push({ file: rates.file, line: e.line, message: `no stratum "${e.stratum}" in the design` });
    }
  }
  const wanted = new Set([...rates.overall.keys(), ...rates.byStratum.map((e) => e.indicator)]);
  const indicators = standard.indicators.filter((i) => wanted.has(i.id));
  if (indicators.length === 0 && problems.length === 0) {
    problems.push({
      field: '--rate',
      message: `give true rates with --rate id=p or --rates file (indicators: ${knownList})`,
    });
  }

  const missing = new Map<string, string[]>();
  const specs: StratumSpec[] = strata.map((s): StratumSpec => {
    const pops = indicators.map((ind) => {
      const own = rates.byStratum.find((e) => e.indicator === ind.id && matchesStratum(s, e.stratum));
      const rate = own?.rate ?? rates.overall.get(ind.id);
      if (rate === undefined) {
        const list = missing.get(ind.id) ?? [];
        list.push(s.key);
        missing.set(ind.id, list);
        return indicatorPopulation(s.population, 0, 0, 'not_favourable');
      }
      try {
        const pop = indicatorPopulation(s.population, rate, input.notSure, ind.not_sure);
        const base = pop.notSureRule === 'exclude' ? pop.population - pop.notSure : pop.population;
        if (base > 0 && Math.abs(pop.favourable / base - rate) >= 0.005)
          rounded.push({
            stratum: s.key,
            indicator: ind.id,
            rate,
            favourable: pop.favourable,
            households: base,
          });
        return pop;
      } catch (err) {
        problems.push({ field: '--not-sure', message: `${s.key} / ${ind.id}: ${(err as Error).message}` });
        return indicatorPopulation(s.population, 0, 0, 'not_favourable');
      }
    });
    return {
      key: s.key,
      groups: s.street !== null ? { street: s.street } : {},
      population: s.population,
      size: s.size,
      reserves: s.reserves,
      indicators: pops,
    };
  });
  for (const [id, keys] of missing) {
    const shown = keys.slice(0, 5).join(', ');
    problems.push({
      field: '--rate',
      message: `no true rate for ${id} in ${keys.length} strat${keys.length === 1 ? 'um' : 'a'} (${shown}${keys.length > 5 ? ', ...' : ''}): add --rate ${id}=p or rows to --rates`,
    });
  }
  const design: SimulationDesign = {
    strata: specs,
    indicators: indicators.map((ind) => ({
      id: ind.id,
      rule: makePassRule(standard.pass_rule, ind.threshold, standard.confidence, input.ciMethod),
    })),
    responseRate: input.responseRate,
    levels: streetGroups(strata) ? ['street'] : [],
    levelLowerBound: kornGraubardLowerBound(),
  };
  return { design, problems, rounded };
}

/**
 * A true rate applied to a small community: round(p·N) households (half up, as the README says)
 * can be far from p (93% of 7 households is 6.51: 7, i.e. 100%); the simulation says so.
 */
export interface RoundedRate {
  stratum: string;
  indicator: string;
  rate: number;
  favourable: number;
  households: number;
}
