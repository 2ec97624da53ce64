import { both, t } from '../core/messages.js';
import { rm } from './rounding.messages.js';
import { formatProblem, UserError, type Problem } from '../core/errors.js';
import { findColumn } from '../roster/columns.js';
import { commonStreet } from '../roster/street-roll-up.js';
import { readHouseholds } from '../roster/read-roster.js';
import { drawDesign, type SampleJobOptions } from '../sampling/sample-job.js';
import { loadStandard } from '../standard/load.js';
import type { Standard } from '../standard/schema.js';
import type { CiMethod } from '../stats/index.js';
import type { SimulationDesign } from './simulate-design.js';
import { m } from '../rates/messages.js';
import { readRatesFile } from '../rates/rates-file.js';
import { emptyRates, parseRateFlags } from '../rates/true-rates.js';
import { buildRosterDesign, type RosterStratum } from './roster-design.js';

/** The roster form's inputs: the sampling options of `hhsurvey sample`, the rates and the standard. */
export interface RosterJobOptions extends SampleJobOptions {
  rosterLabel: string;
  excludeFiles: string[];
  maxProblems: number;
  standard?: string;
  cwd: string;
  rateFlags: string[];
  ratesFile?: string;
  ratesLabel?: string;
  notSure: number;
  responseRate: number;
  ciMethod: CiMethod;
}

export interface RosterJob {
  design: SimulationDesign;
  standard: Standard;
  strata: RosterStratum[];
  warnings: string[];
  /** Strata smaller than their sample: every household is taken (a census, verdict certain). */
  small: { stratum: string; households: number; target: number }[];
}

/**
 * Read the roster, allocate and draw exactly as `hhsurvey sample` would with these options (the
 * sampling module's own code), and turn the strata into a simulation design. Only the sizes, the
 * reserves and each stratum's sub-district are used: under the model, which households are drawn
 * does not matter, so `--method` changes nothing but is accepted for parity with `sample`.
 */
export async function prepareRosterJob(opts: RosterJobOptions): Promise<RosterJob> {
  const problems: Problem[] = [];
  const lang = opts.lang ?? 'en';
  const rates = emptyRates();
  problems.push(...parseRateFlags(opts.rateFlags, rates, lang));
  if (opts.ratesFile)
    problems.push(...(await readRatesFile(opts.ratesFile, opts.ratesLabel ?? opts.ratesFile, rates, lang)));
  const standard = await loadStandard(opts.standard, opts.cwd);
  if (problems.length) throw new UserError(both(m.invalidRates), problems);

  const { frame, draw, warnings } = await drawDesign(opts);

  // The sub-district of each stratum: the one its drawn households share (what `score` rolls up by).
  const streetCol = frame.columns.index.street ?? findColumn(frame.columns, 'street');
  const streets = new Map<number, string | null>();
  if (streetCol !== undefined) {
    const rows = draw.strata.flatMap((s) => [...s.primaries, ...s.reserves]);
    const records = await readHouseholds(frame, opts.roster, rows);
    let i = 0;
    draw.strata.forEach((s, h) => {
      const values: (string | undefined)[] = [];
      for (let k = 0; k < s.primaries.length + s.reserves.length; k++) values.push(records[i++]?.[streetCol]);
      streets.set(h, commonStreet(values));
    });
  }
  const small: RosterJob['small'] = [];
  const strata: RosterStratum[] = draw.strata.map((s, h) => {
    if (s.takesAll) small.push({ stratum: s.stratum.key, households: s.eligible, target: s.target });
    return {
      key: s.stratum.key,
      values: s.stratum.values,
      street: streets.get(h) ?? null,
      population: s.eligible,
      size: s.n,
      reserves: s.r,
    };
  });
  const built = buildRosterDesign({
    strata,
    standard,
    rates,
    notSure: opts.notSure,
    responseRate: opts.responseRate,
    ciMethod: opts.ciMethod,
    lang,
  });
  if (built.problems.length)
    throw new UserError(both(m.invalidRates), [...built.problems, ...built.warnings]);
  warnings.push(
    ...built.warnings.map((w) =>
      formatProblem({ ...w, message: w.message.replace(/^(warning: |警告：)/, '') }),
    ),
  );
  for (const r of built.rounded.slice(0, 20)) warnings.push(t(lang, rm.rounded, r));
  if (built.rounded.length > 20) warnings.push(`… ${built.rounded.length - 20} more`);
  return { design: built.design, standard, strata, warnings, small };
}
