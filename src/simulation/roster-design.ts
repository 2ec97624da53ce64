import type { Problem } from '../core/errors.js';
import type { Lang } from '../core/i18n.js';
import { resolveRates, type TrueRates } from '../rates/true-rates.js';
import type { Standard } from '../standard/index.js';
import type { CiMethod } from '../stats/index.js';
import type { SimulationDesign, StratumSpec } from './simulate-design.js';
import { indicatorPopulation } from './model.js';
import { kornGraubardLowerBound, makePassRule } from './rules.js';
import { streetRollUp } from '../roster/street-roll-up.js';

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

export interface RosterDesignInput {
  strata: RosterStratum[];
  standard: Standard;
  rates: TrueRates;
  notSure: number;
  responseRate: number;
  ciMethod: CiMethod;
  lang?: Lang;
}

/**
 * The design of a roster-form run: the standard's indicators that have a true rate (in the
 * standard's order), judged by the standard's rule; a stratum's rate from `--rates` when given
 * there, else the indicator's `--rate`. Returns every problem instead of the first.
 */
export function buildRosterDesign(input: RosterDesignInput): {
  design: SimulationDesign;
  problems: Problem[];
  warnings: Problem[];
  /** True rates that no whole number of households gives within half a percentage point. */
  rounded: RoundedRate[];
} {
  const { strata, standard } = input;
  // The indicators with a true rate (in the standard's order), each stratum's rate: the one grammar
  // of rates, shared with synth responses and drill files.
  const resolved = resolveRates(
    input.rates,
    standard.indicators.map((i) => i.id),
    strata.map((s) => ({ key: s.key, street: s.street })),
    { require: 'named', lang: input.lang },
  );
  const problems: Problem[] = [...resolved.problems.filter((p) => p.severity !== 'warning')];
  const warnings = resolved.problems.filter((p) => p.severity === 'warning');
  const rounded: RoundedRate[] = [];
  const wanted = new Set(resolved.indicators);
  const indicators = problems.length > 0 ? [] : standard.indicators.filter((i) => wanted.has(i.id));

  const specs: StratumSpec[] = strata.map((s): StratumSpec => {
    const pops = indicators.map((ind) => {
      const rate = resolved.rate(s.key, ind.id);
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
  const design: SimulationDesign = {
    strata: specs,
    indicators: indicators.map((ind) => ({
      id: ind.id,
      rule: makePassRule(standard.pass_rule, ind.threshold, standard.confidence, input.ciMethod),
    })),
    responseRate: input.responseRate,
    // The street level exactly when `score` has one (src/roster/street-roll-up.ts).
    levels: streetRollUp(strata) ? ['street'] : [],
    levelLowerBound: kornGraubardLowerBound(),
  };
  return { design, problems, warnings, rounded };
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
