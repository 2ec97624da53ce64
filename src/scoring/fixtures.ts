import type { ScoreInput } from './score-assessment.js';
import type { DispositionToken, HouseholdOutcome, ScoringSampleEntry, ScoringStandard } from './inputs.js';
import { computeResponseRates } from './response-rates.js';

/**
 * Small, hand-checkable scoring inputs: strata with given counts, built into a sample list and
 * household outcomes. Awareness counts follow the R survey reference data in src/stats/stratified.test.ts.
 */
export const standard: ScoringStandard = {
  id: 'test',
  name: { zh: '测试', en: 'Test' },
  confidence: 0.95,
  pass_rule: 'point',
  indicators: [
    { id: 'awareness', name: { zh: '知晓率', en: 'Awareness' }, threshold: 0.9, points: 60 },
    { id: 'participation', name: { zh: '参与率', en: 'Participation' }, threshold: 0.5, points: 40 },
  ],
};

/** awareness: a = 1 favourable; participation: b = 1 favourable, b = 9 (not sure) excluded. */
export const classify: ScoreInput['classify'] = (ind, answers) => {
  if (ind.id === 'awareness') return answers.a === 1 ? 'favourable' : 'unfavourable';
  if (answers.b === 9) return 'excluded';
  return answers.b === 1 ? 'favourable' : 'unfavourable';
};

export interface StratumSpec {
  key: string;
  street: string;
  population: number;
  completes: number;
  aware: number;
  /** participation: favourable, not sure (the rest unfavourable) */
  part: [number, number];
  /** dispositions of primaries that did not complete; each is replaced by a reserve that completes */
  nonResponse?: DispositionToken[];
  /** primaries with no record yet */
  open?: number;
  reserves?: number;
}

export function buildScoreInput(specs: StratumSpec[], over: Partial<ScoreInput> = {}): ScoreInput {
  const entries: ScoringSampleEntry[] = [];
  const outcomes = new Map<string, HouseholdOutcome>();
  const strata = specs.map((s) => {
    const nonResponse = s.nonResponse ?? [];
    const open = s.open ?? 0;
    const primaries = s.completes + open;
    const reserves = s.reserves ?? nonResponse.length;
    let n = 0;
    const id = () => `${s.key}-${++n}`;
    // completes: primaries first, then the reserves that replaced the non-responses
    const completeIds: string[] = [];
    for (let i = 0; i < primaries; i++) {
      const hid = id();
      entries.push({ stratum: s.key, role: 'primary', rank: i + 1, householdId: hid, street: s.street });
      if (i < s.completes - nonResponse.length) completeIds.push(hid);
      else if (i < s.completes) {
        outcomes.set(hid, {
          householdId: hid,
          disposition: nonResponse[i - (s.completes - nonResponse.length)]!,
          answers: {},
        });
      }
    }
    for (let i = 0; i < reserves; i++) {
      const hid = id();
      entries.push({ stratum: s.key, role: 'reserve', rank: i + 1, householdId: hid, street: s.street });
      if (i < nonResponse.length) completeIds.push(hid);
    }
    completeIds.forEach((hid, k) => {
      const b = k < s.part[0] ? 1 : k < s.part[0] + s.part[1] ? 9 : 2;
      outcomes.set(hid, {
        householdId: hid,
        disposition: 'complete',
        answers: { a: k < s.aware ? 1 : 2, b },
      });
    });
    return { key: s.key, population: s.population, primaries, reserves };
  });
  return {
    standard,
    classify,
    sample: { entries, strata },
    outcomes,
    responseRates: computeResponseRates,
    ciMethod: 'wilson',
    meta: { version: '0.0.0', generatedAt: '2026-01-01T00:00:00Z' },
    ...over,
  };
}

// Awareness counts as in the R survey reference data of src/stats/stratified.test.ts.
export const SPECS: StratumSpec[] = [
  {
    key: 'A',
    street: 'S1',
    population: 300,
    completes: 22,
    aware: 20,
    part: [12, 2],
    nonResponse: ['refused', 'not_home'],
  },
  { key: 'B', street: 'S1', population: 150, completes: 20, aware: 15, part: [10, 0] },
  { key: 'C', street: 'S2', population: 500, completes: 22, aware: 22, part: [11, 0] },
  { key: 'D', street: 'S2', population: 80, completes: 10, aware: 6, part: [5, 5] },
];
