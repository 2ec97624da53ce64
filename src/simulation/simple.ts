import type { Problem } from '../core/errors.js';
import type { SimulationDesign } from './simulate-design.js';
import { indicatorPopulation, type NotSureRule } from './model.js';
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
export function checkSimpleInput(v: SimpleInput): Problem[] {
  const problems: Problem[] = [];
  if (v.size > v.population) {
    problems.push({
      field: '--size',
      message: `the sample (${v.size}) cannot exceed the population (${v.population})`,
    });
  } else if (v.size + v.reserves > v.population) {
    problems.push({
      field: '--reserves',
      message: `sample ${v.size} + reserves ${v.reserves} exceed the population (${v.population})`,
    });
  }
  if (v.size === 0) problems.push({ field: '--size', message: 'must be at least 1' });
  try {
    indicatorPopulation(v.population, v.trueRate, v.notSure, v.notSureRule);
  } catch (err) {
    problems.push({ field: '--not-sure', message: (err as Error).message });
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
