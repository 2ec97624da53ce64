import type { Problem } from '../core/errors.js';
import type { SimulationDesign } from './simulate-design.js';
import type { Lang } from '../core/i18n.js';
import { t } from '../core/messages.js';
import { indicatorPopulation, roundHalfUp, type NotSureRule } from './model.js';
import { sp } from './simple.messages.js';
import type { PassRule } from './pass-rule.js';

/** One community, as `hhsurvey simulate --population N --true-rate p --size n --threshold t`. */
export interface SimpleInput {
  population: number;
  trueRate: number;
  size: number;
  reserves: number;
  responseRate: number;
  notSure: number;
  notSureRule: NotSureRule;
  indicator: string;
  stratum: string;
  rule: PassRule;
}

/** Every problem with the simple form's values, located at their flags. */
export function checkSimpleInput(v: SimpleInput, lang: Lang = 'en'): Problem[] {
  const problems: Problem[] = [];
  if (v.size > v.population) {
    problems.push({
      field: '--size',
      message: t(lang, sp.sampleExceeds, { size: v.size, population: v.population }),
    });
  } else if (v.size + v.reserves > v.population) {
    problems.push({
      field: '--reserves',
      message: t(lang, sp.reservesExceed, { size: v.size, reserves: v.reserves, population: v.population }),
    });
  }
  if (v.size === 0) problems.push({ field: '--size', message: t(lang, sp.atLeastOne) });
  try {
    indicatorPopulation(v.population, v.trueRate, v.notSure, v.notSureRule);
  } catch (err) {
    // The one way valid flags fail here: more favourable and not-sure answers than households.
    const notSure = roundHalfUp(v.notSure * v.population);
    const favourable = roundHalfUp(
      v.trueRate * (v.notSureRule === 'exclude' ? v.population - notSure : v.population),
    );
    problems.push({
      field: '--not-sure',
      message:
        favourable + notSure > v.population
          ? t(lang, sp.noRoom, {
              rate: v.trueRate,
              share: v.notSure,
              favourable,
              notSure,
              population: v.population,
            })
          : (err as Error).message,
    });
  }
  return problems;
}

export function simpleDesign(v: SimpleInput): SimulationDesign {
  return {
    strata: [
      {
        key: v.stratum,
        groups: {},
        population: v.population,
        size: v.size,
        reserves: v.reserves,
        indicators: [indicatorPopulation(v.population, v.trueRate, v.notSure, v.notSureRule)],
      },
    ],
    indicators: [{ id: v.indicator, rule: v.rule }],
    responseRate: v.responseRate,
    levels: false,
  };
}
