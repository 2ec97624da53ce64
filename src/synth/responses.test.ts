import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { errorsOf, readResponses } from '../fieldwork/responses-file.js';
import { checkAgainstSample } from '../fieldwork/progress.js';
import { isInterview } from '../fieldwork/dispositions.js';
import { builtinStandardText } from '../standard/load.js';
import { loadStandardSync } from '../standard/parse.js';
import { parseStandard } from '../standard/parse.js';
import { askedQuestions, classifyIndicator } from '../standard/logic.js';
import type { Standard } from '../standard/schema.js';
import {
  AnswerModel,
  checkSynthOptions,
  DEFAULT_NONRESPONSE_MIX,
  fieldworkStart,
  responsesCsv,
  responsesCsvWriter,
  synthesizeResponses,
  type SynthEntry,
  type SynthResponsesOptions,
  type SynthRow,
} from './responses.js';
import { createRng } from '../sampling/rng.js';

const standard = loadStandardSync(undefined);
const START = new Date('2026-01-01T00:00:00Z');

function sample(strata: number, primaries: number, reserves: number, prefix = 'C'): SynthEntry[] {
  const out: SynthEntry[] = [];
  for (let s = 1; s <= strata; s++) {
    const stratum = `${prefix}${String(s).padStart(3, '0')}社区`;
    for (let i = 1; i <= primaries; i++)
      out.push({ stratum, role: 'primary', rank: i, householdId: `${prefix}${s}-P${i}` });
    for (let i = 1; i <= reserves; i++)
      out.push({ stratum, role: 'reserve', rank: i, householdId: `${prefix}${s}-R${i}` });
  }
  return out;
}

const RATES: Record<string, number> = {
  awareness: 0.93,
  support: 0.88,
  participation: 0.7,
  satisfaction: 0.85,
  core_values: 0.8,
};

function options(over: Partial<SynthResponsesOptions> = {}): SynthResponsesOptions {
  return {
    seed: 'test-seed',
    rate: (_s, id) => RATES[id]!,
    responseRate: 0.8,
    notSure: 0,
    maxVisits: 1,
    start: START,
    ...over,
  };
}

async function validate(std: Standard, entries: SynthEntry[], rows: SynthRow[], maxVisits = 1) {
  const dir = mkdtempSync(join(tmpdir(), 'hhsurvey-'));
  const file = join(dir, 'responses.csv');
  writeFileSync(file, responsesCsv(std, rows));
  const read = await readResponses(file, std, { label: 'responses.csv' });
  // The checks of `hhsurvey status`: the file against the standard, then against the sample.
  const { plan, problems } = checkAgainstSample(entries, read.rows, { maxVisits, sampleLabel: 'sample.csv' });
  return { read, plan, problems: [...read.problems, ...problems] };
}

/** A binomial proportion's tolerance: 4 standard errors (a false alarm about once in 16,000 checks). */
function within(observed: number, expected: number, n: number): void {
  const se = Math.sqrt((expected * (1 - expected)) / n);
  expect(
    Math.abs(observed - expected),
    `observed ${observed}, expected ${expected} ± ${4 * se} (n ${n})`,
  ).toBeLessThanOrEqual(4 * se + 1e-12);
}

describe('synthesizeResponses: valid fieldwork', () => {
  it('passes the responses-file checks and the succession checks, with every reserve used in rank order', async () => {
    const entries = sample(12, 22, 5);
    const res = synthesizeResponses(entries, standard, options({ notSure: 0.05, responseRate: 0.7 }));
    const v = await validate(standard, entries, res.rows);
    expect(v.problems).toEqual([]);
    // Rows read back are the rows written.
    expect(v.read.rows.length).toBe(res.rows.length);
    for (const s of v.plan.strata) {
      const sum = res.strata.find((x) => x.stratum === s.stratum)!;
      expect(s.due).toEqual([]); // fieldwork finished
      expect(sum).toMatchObject({
        completes: s.completes,
        reservesUsed: s.reservesUsed,
        unreplaced: s.unreplaced,
      });
      // Short of the target only when the reserves ran out.
      if (s.completes < s.target) expect(s.reservesLeft).toBe(0);
      else expect(s.completes).toBe(s.target);
      const used = s.households.filter((h) => h.entry.role === 'reserve' && h.rows.length > 0);
      expect(used.map((h) => h.entry.rank)).toEqual(used.map((_, i) => i + 1));
    }
    // A realistic mix: completes and several kinds of non-response.
    const kinds = new Set(res.rows.map((r) => r.disposition));
    expect(kinds.has('complete')).toBe(true);
    expect(kinds.has('not_home')).toBe(true);
    expect(kinds.has('refused')).toBe(true);
    expect(res.relaxed).toBe(0);
  });

  it('honours skip rules: core_values_know only when core_values_heard is 1; answers only for interviews', () => {
    const res = synthesizeResponses(sample(10, 22, 5), standard, options({ notSure: 0.1 }));
    let heardNo = 0;
    for (const r of res.rows) {
      if (!isInterview(r.disposition)) expect(r.answers).toEqual({});
      if (r.disposition !== 'complete') continue;
      expect(Object.keys(r.answers).length).toBeGreaterThanOrEqual(5);
      if (r.answers.core_values_heard !== 1) {
        heardNo++;
        expect(r.answers.core_values_know).toBeUndefined();
      } else expect(r.answers.core_values_know).toBeDefined();
    }
    expect(heardNo).toBeGreaterThan(0);
  });

  it('revisits nobody-home households up to --max-visits, and the file still validates', async () => {
    const entries = sample(8, 22, 5);
    const res = synthesizeResponses(entries, standard, options({ maxVisits: 3, responseRate: 0.6 }));
    expect(Math.max(...res.rows.map((r) => r.visit))).toBe(3);
    // Some households were out at the first visit and completed later.
    const late = res.rows.filter((r) => r.disposition === 'complete' && r.visit > 1);
    expect(late.length).toBeGreaterThan(0);
    const v = await validate(standard, entries, res.rows, 3);
    expect(errorsOf(v.problems)).toEqual([]);
    expect(v.problems).toEqual([]);
  });

  it('partial interviews answer a prefix of the questions asked', async () => {
    const entries = sample(20, 22, 5);
    const res = synthesizeResponses(entries, standard, options({ responseRate: 0.3 }));
    const partials = res.rows.filter((r) => r.disposition === 'partial');
    expect(partials.length).toBeGreaterThan(0);
    for (const p of partials) {
      const asked = askedQuestions(standard, p.answers);
      const answered = asked.filter((q) => p.answers[q.id] !== undefined);
      expect(answered).toEqual(asked.slice(0, answered.length));
      expect(answered.length).toBeLessThan(asked.length);
      expect(Object.keys(p.answers).length).toBe(answered.length);
    }
    expect((await validate(standard, entries, res.rows)).problems).toEqual([]);
  });

  it('times start at 09:00 China time on the fieldwork day and increase within a stratum', () => {
    expect(fieldworkStart(new Date('2026-01-01T00:00:00Z')).toISOString()).toBe('2026-01-01T01:00:00.000Z');
    expect(fieldworkStart(new Date('2026-01-01T17:00:00Z')).toISOString()).toBe('2026-01-02T01:00:00.000Z');
    const res = synthesizeResponses(sample(2, 22, 5), standard, options());
    for (const s of res.strata) {
      const times = res.rows.filter((r) => r.stratum === s.stratum).map((r) => Date.parse(r.recordedAt));
      expect(times[0]).toBeGreaterThan(Date.parse('2026-01-01T01:00:00Z'));
      for (let i = 1; i < times.length; i++) expect(times[i]).toBeGreaterThan(times[i - 1]!);
    }
  });
});

describe('synthesizeResponses: deterministic', () => {
  it('the same seed gives the same file; another seed another file', () => {
    const entries = sample(5, 22, 5);
    const a = responsesCsv(standard, synthesizeResponses(entries, standard, options()).rows);
    const b = responsesCsv(standard, synthesizeResponses(entries, standard, options()).rows);
    const c = responsesCsv(standard, synthesizeResponses(entries, standard, options({ seed: 'other' })).rows);
    expect(a).toBe(b);
    expect(c).not.toBe(a);
  });

  it('rows handed to a sink and written piece by piece give the same file, with several visits', () => {
    const entries = sample(40, 22, 5);
    const o = options({ maxVisits: 3, responseRate: 0.7 });
    const whole = synthesizeResponses(entries, standard, o);
    const pieces: string[] = [];
    const csv = responsesCsvWriter(standard, (text) => pieces.push(text), { bom: true });
    const streamed = synthesizeResponses(entries, standard, o, (row) => csv.row(row));
    csv.end();
    expect(streamed.rows).toEqual([]);
    expect(streamed.count).toBe(whole.rows.length);
    expect(whole.rows.some((r) => r.visit === 3)).toBe(true);
    expect(streamed.strata).toEqual(whole.strata);
    expect(pieces.join('')).toBe(responsesCsv(standard, whole.rows, { bom: true }));
  });

  it('a stratum’s responses do not depend on the other strata', () => {
    const all = sample(6, 22, 5);
    const one = all.filter((e) => e.stratum === 'C004社区');
    const rowsAll = synthesizeResponses(all, standard, options()).rows.filter(
      (r) => r.stratum === 'C004社区',
    );
    const rowsOne = synthesizeResponses(one, standard, options()).rows;
    expect(rowsOne.map((r) => ({ ...r, interviewer: '' }))).toEqual(
      rowsAll.map((r) => ({ ...r, interviewer: '' })),
    );
  });

  it('a household’s answers do not depend on the response rate', () => {
    const entries = sample(4, 22, 5);
    const hi = synthesizeResponses(entries, standard, options({ responseRate: 0.9 })).rows;
    const lo = synthesizeResponses(entries, standard, options({ responseRate: 0.6 })).rows;
    const answersOf = (rows: SynthRow[]) =>
      new Map(rows.filter((r) => r.disposition === 'complete').map((r) => [r.householdId, r.answers]));
    const a = answersOf(hi);
    const b = answersOf(lo);
    let shared = 0;
    for (const [id, ans] of b)
      if (a.has(id)) {
        shared++;
        expect(ans).toEqual(a.get(id));
      }
    expect(shared).toBeGreaterThan(20);
  });
});

describe('synthesizeResponses: rates converge to the requested ones (seeded, 4 binomial SE)', () => {
  // participation counts "not sure" as excluded here: its rate is among those with an opinion.
  const variant = parseStandard(
    builtinStandardText().replace(
      /(id: participation[\s\S]*?)not_sure: not_favourable/,
      '$1not_sure: exclude',
    ),
    'variant.yaml',
  );
  const perStratum = (s: string) => (Number(s.slice(1, 4)) % 2 === 0 ? 0.6 : 0.95);
  const rateOf = (s: string, id: string) => (id === 'support' ? perStratum(s) : RATES[id]!);
  const entries = sample(120, 22, 8);
  const q = 0.05;
  const res = synthesizeResponses(entries, variant, options({ seed: 'converge', notSure: q, rate: rateOf }));
  const completes = res.rows.filter((r) => r.disposition === 'complete');

  it('uses the standard with participation: exclude', () => {
    expect(variant.indicators.find((i) => i.id === 'participation')!.not_sure).toBe('exclude');
    expect(completes.length).toBeGreaterThan(2500);
  });

  for (const ind of ['awareness', 'participation', 'satisfaction', 'core_values'])
    it(`${ind}: favourable ÷ eligible → ${RATES[ind]}`, () => {
      const indicator = variant.indicators.find((i) => i.id === ind)!;
      let fav = 0;
      let eligible = 0;
      for (const r of completes) {
        const c = classifyIndicator(indicator, r.answers, variant);
        if (c !== 'excluded') eligible++;
        if (c === 'favourable') fav++;
      }
      within(fav / eligible, RATES[ind]!, eligible);
    });

  it('support: per-stratum rates 0.6 and 0.95 are met in their own strata', () => {
    const indicator = variant.indicators.find((i) => i.id === 'support')!;
    for (const p of [0.6, 0.95]) {
      const rows = completes.filter((r) => perStratum(r.stratum) === p);
      const fav = rows.filter(
        (r) => classifyIndicator(indicator, r.answers, variant) === 'favourable',
      ).length;
      within(fav / rows.length, p, rows.length);
    }
  });

  it(`"not sure" answers make up the requested share ${q} of a question`, () => {
    const ns = completes.filter((r) => r.answers.aware_campaign === 9).length;
    within(ns / completes.length, q, completes.length);
    const nsP = completes.filter((r) => r.answers.participate === 9).length;
    within(nsP / completes.length, q, completes.length);
  });

  it('each visited household completes with the response rate', () => {
    const visited = new Set(res.rows.map((r) => r.householdId)).size;
    const done = new Set(completes.map((r) => r.householdId)).size;
    within(done / visited, 0.8, visited);
  });

  it('non-responses follow the disposition mix', () => {
    const non = res.rows.filter((r) => r.disposition !== 'complete');
    const total = Object.values(DEFAULT_NONRESPONSE_MIX).reduce((a, b) => a + b, 0);
    for (const d of ['not_home', 'refused', 'vacant'] as const) {
      const k = non.filter((r) => r.disposition === d).length;
      within(k / non.length, DEFAULT_NONRESPONSE_MIX[d] / total, non.length);
    }
  });
});

describe('AnswerModel: indicators that share questions', () => {
  const shared = parseStandard(
    `
id: shared
name: { zh: 测试, en: Test }
confidence: 0.95
pass_rule: point
questions:
  - id: q1
    text: { zh: 问1, en: Q1 }
    options:
      - { code: 1, zh: 很好, en: Very good }
      - { code: 2, zh: 好, en: Good }
      - { code: 3, zh: 差, en: Bad }
      - { code: 9, zh: 不清楚, en: Not sure, not_sure: true }
  - id: q2
    text: { zh: 问2, en: Q2 }
    options:
      - { code: 1, zh: 是, en: 'Yes' }
      - { code: 2, zh: 否, en: 'No' }
indicators:
  - id: good
    name: { zh: 好评率, en: Good }
    favourable: { question: q1, in: [1, 2] }
    threshold: 0.8
  - id: both
    name: { zh: 双好, en: Both }
    favourable: { all_of: [{ question: q1, in: [1] }, { question: q2, in: [1] }] }
    threshold: 0.5
`,
    'shared.yaml',
  );

  it('meets the first indicator exactly and relaxes the second when they contradict', () => {
    const model = new AnswerModel(shared);
    const rng = createRng('shared');
    let relaxed = 0;
    let good = 0;
    const n = 4000;
    for (let i = 0; i < n; i++) {
      const d = model.draw(rng, (id) => (id === 'good' ? 0.5 : 0.9), 0);
      if (d.relaxed) relaxed++;
      if (classifyIndicator(shared.indicators[0]!, d.answers, shared) === 'favourable') good++;
      expect(d.answers.q1).toBeDefined();
      expect(d.answers.q2).toBeDefined();
    }
    // "both" favourable needs "good" favourable: with good at 0.5, about 0.5 × 0.9 of the draws conflict.
    expect(relaxed).toBeGreaterThan(0);
    within(good / n, 0.5, n);
  });
});

describe('checkSynthOptions', () => {
  it('reports every problem', () => {
    const p = checkSynthOptions(standard, ['A社区'], {
      rate: (_s, id) => (id === 'awareness' ? 0.99 : id === 'support' ? 1.5 : 0.9),
      responseRate: 1.2,
      notSure: 0.05,
      maxVisits: 0,
      nonResponse: { not_home: -1, bogus: 1 } as never,
    });
    const text = p.map((x) => `${x.field}: ${x.message}`);
    expect(text).toEqual([
      'response rate: must be between 0 and 1, got 1.2',
      'max visits: must be a whole number from 1, got 0',
      'non-response.not_home: must be a weight of 0 or more, got -1',
      'non-response.bogus: not a non-response disposition (one of not_home, refused, vacant, unable, break_off, partial, not_found, language, not_dwelling, no_eligible)',
      'A社区 / awareness: true rate 0.99 and not-sure share 0.05 leave no room (awareness counts "not sure" as not favourable, so the rate can be at most 0.95)',
      'A社区 / support: true rate must be between 0 and 1, got 1.5',
    ]);
  });

  it('accepts sound options', () => {
    expect(checkSynthOptions(standard, ['A社区'], options())).toEqual([]);
  });
});
