import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvLine } from '../io/csv-write.js';
import {
  chineseNumber,
  DEFAULT_STREETS,
  generateRoster,
  householdCells,
  planRoster,
  rosterCsvChunks,
  rosterHeader,
  splitByWeights,
  TYPICAL_SAMPLE,
  validateRosterSpec,
  type RosterSpec,
  type SynthHousehold,
} from './roster.js';

const csv = (spec: RosterSpec, opts: Parameters<typeof rosterCsvChunks>[1] = {}): string =>
  [...rosterCsvChunks(generateRoster(spec), opts)].join('');
const sha = (s: string): string => createHash('sha256').update(s).digest('hex');

describe('synthetic roster: determinism', () => {
  it('gives the same bytes for the same seed and different bytes for another seed', () => {
    const spec = { households: 5000, communities: 20, seed: 'same' };
    const a = csv(spec);
    expect(csv(spec)).toBe(a);
    expect(csv({ ...spec, seed: 'other' })).not.toBe(a);
    // The plan alone depends on the seed too.
    expect(planRoster({ ...spec, seed: 'other' })).not.toEqual(planRoster(spec));
  });

  it('does not depend on the chunk size or the optional rental column', () => {
    const spec = { households: 3000, communities: 9, seed: 'chunks' };
    expect(csv(spec, { chunkSize: 1 })).toBe(csv(spec));
    const withRental = csv(spec, { rental: true }).split('\r\n');
    const without = csv(spec).split('\r\n');
    expect(withRental.map((l) => l.replace(/,(是|否|是否出租)$/, ''))).toEqual(without);
  });

  it('pins the output of a small roster (a change here changes every committed roster)', () => {
    // Guards the generator against accidental change across platforms and Node versions; the demo
    // data test (test/synth-roster.test.ts) guards the full-size case.
    expect(sha(csv({ households: 2000, communities: 7, seed: 'pin' }))).toMatchInlineSnapshot(
      `"2e98a4c5c59fe1a4809c238d1146187c5b54875c63930bb1add6826cc1128688"`,
    );
  });
});

describe('synthetic roster: structure', () => {
  const spec: RosterSpec = { households: 20_000, communities: 60, small: 3, seed: 'structure' };
  const rows: SynthHousehold[] = [...generateRoster(spec)];
  const plan = planRoster(spec);

  it('has exactly the households and communities asked for, as planned', () => {
    expect(rows).toHaveLength(20_000);
    expect(plan).toHaveLength(60);
    expect(plan.reduce((a, c) => a + c.households, 0)).toBe(20_000);
    const counts = new Map<string, number>();
    for (const h of rows) counts.set(h.community, (counts.get(h.community) ?? 0) + 1);
    expect([...counts]).toEqual(plan.map((c) => [c.community, c.households]));
  });

  it('gives unique household ids H0000001… in file order', () => {
    expect(new Set(rows.map((h) => h.householdId)).size).toBe(rows.length);
    expect(rows.filter((h, i) => h.householdId !== `H${String(i + 1).padStart(7, '0')}`)).toEqual([]);
  });

  it('covers the nine sub-districts in order, with 南全福社区 and 利农社区 in 全福街道', () => {
    const streets = [...new Set(rows.map((h) => h.street))];
    expect(streets).toEqual([...DEFAULT_STREETS]);
    expect(streets).toHaveLength(9);
    const quanfu = plan.filter((c) => c.street === '全福街道').map((c) => c.community);
    expect(quanfu.slice(0, 2)).toEqual(['南全福社区', '利农社区']);
    expect(new Set(plan.map((c) => c.community)).size).toBe(plan.length);
    for (const c of plan) expect(c.community).toMatch(/^[\u4e00-\u9fff]{2,8}社区$/);
  });

  it('makes community sizes uneven, with exactly the small communities asked for', () => {
    const sizes = plan.map((c) => c.households);
    expect(sizes.filter((n) => n < TYPICAL_SAMPLE)).toHaveLength(3);
    const regular = sizes.filter((n) => n >= TYPICAL_SAMPLE);
    const mean = regular.reduce((a, b) => a + b, 0) / regular.length;
    const sd = Math.sqrt(regular.reduce((a, b) => a + (b - mean) ** 2, 0) / (regular.length - 1));
    // Log-normal with σ = 0.6 has a coefficient of variation of sqrt(e^0.36 − 1) ≈ 0.66; equal
    // sizes would give 0. Over 57 communities the sample value falls below 0.3 with negligible odds.
    expect(sd / mean).toBeGreaterThan(0.3);
    expect(Math.max(...regular) / Math.min(...regular)).toBeGreaterThan(2.5);
  });

  it('writes phones that cannot be real: 11 digits starting with 100, a few missing', () => {
    const phones = rows.map((h) => h.phone);
    expect(phones.filter((p) => !/^(100\d{8})?$/.test(p))).toEqual([]);
    const missing = phones.filter((p) => p === '').length;
    // 1.5% missing: binomial sd over 20,000 is about 17, so 300 ± 120 is beyond 7 sd either way.
    expect(missing).toBeGreaterThan(180);
    expect(missing).toBeLessThan(420);
  });

  it('numbers buildings, entrances and floors from 1, and rooms as floor + two digits', () => {
    const odd = rows.filter(
      (h) =>
        !(Number.isInteger(h.building) && h.building >= 1) ||
        !(Number.isInteger(h.unit) && h.unit >= 1) ||
        !(Number.isInteger(h.floor) && h.floor >= 1 && h.floor <= 33) ||
        !new RegExp(`^${h.floor}0[1-4]$`).test(h.room) ||
        !/^第\d+网格$/.test(h.grid),
    );
    expect(odd).toEqual([]);
    // Estates with ten or more buildings exist, so text order (1, 10, 2) and numeric order differ.
    expect(rows.some((h) => h.building >= 10)).toBe(true);
  });

  it('gives every household its own address, in roster order within a community', () => {
    const addresses = new Set(
      rows.map((h) => `${h.community}|${h.estate}|${h.building}|${h.unit}|${h.room}`),
    );
    expect(addresses.size).toBe(rows.length);
    const gridJumps = rows.filter((b, i) => {
      const a = rows[i - 1];
      if (a === undefined || a.community !== b.community) return false;
      const step = Number(/\d+/.exec(b.grid)![0]) - Number(/\d+/.exec(a.grid)![0]);
      return step !== 0 && step !== 1;
    });
    expect(gridJumps).toEqual([]);
  });

  it('generates plausible names and household sizes', () => {
    expect(rows.filter((h) => !/^[\u3400-\u4dbf\u4e00-\u9fff]{2,4}$/.test(h.headName))).toEqual([]);
    expect(rows.filter((h) => !(Number.isInteger(h.size) && h.size >= 1 && h.size <= 8))).toEqual([]);
    const mean = rows.reduce((a, h) => a + h.size, 0) / rows.length;
    // The census-like shares (25/30/21/12/7/3/1/1 %) have mean 2.64 and sd 1.5, so the mean of
    // 20,000 households has sd 0.0106: ±0.06 is more than 5 sd.
    expect(mean).toBeGreaterThan(2.58);
    expect(mean).toBeLessThan(2.7);
    expect(new Set(rows.map((h) => h.headName)).size).toBeGreaterThan(5000);
  });
});

describe('synthetic roster: CSV text', () => {
  it('writes what csvLine writes, in chunks of whole lines, with a BOM only at the start', () => {
    const spec = { households: 4000, communities: 12, seed: 'lines', streets: ['北区, "老城"', '=南区'] };
    const rows = [...generateRoster(spec)];
    const chunks = [...rosterCsvChunks(rows, { bom: true, rental: true, chunkSize: 5000 })];
    expect(chunks.length).toBeGreaterThan(10);
    for (const c of chunks) expect(c.endsWith('\r\n')).toBe(true);
    expect(chunks[0]!.startsWith('\uFEFF户编号,')).toBe(true);
    expect(chunks.slice(1).some((c) => c.includes('\uFEFF'))).toBe(false);
    const expected =
      csvLine(rosterHeader('zh', true)) + rows.map((h) => csvLine(householdCells(h, true))).join('');
    expect(chunks.join('')).toBe(`\uFEFF${expected}`);
    // Sub-district names from the user are quoted and neutralised like any other cell.
    expect(expected).toContain(`,"北区, ""老城""",`);
    expect(expected).toContain(`,'=南区,`);
  });

  it('writes LF line ends and English ids on request', () => {
    const text = [
      ...rosterCsvChunks(generateRoster({ households: 50, communities: 2, seed: 'en' }), {
        lang: 'en',
        eol: 'lf',
      }),
    ].join('');
    expect(text.split('\n')[0]).toBe(
      'household_id,street,community,grid,estate,building,unit,floor,room,head_name,phone,size',
    );
    expect(text).not.toContain('\r');
    expect(text.split('\n')).toHaveLength(52);
  });
});

describe('synthetic roster: spec validation', () => {
  it('reports every problem at once', () => {
    const problems = validateRosterSpec({
      households: 10,
      communities: 50,
      seed: 's',
      streets: ['A', 'A', ' '],
    });
    expect(problems.map((p) => p.field)).toEqual(['--communities', '--streets', '--streets']);
    expect(problems[0]!.message).toBe('50 communities need at least 50 households, got 10');
  });

  it('checks that small and regular communities fit the households', () => {
    expect(validateRosterSpec({ households: 100, communities: 5, small: 2, seed: 's' })[0]?.message).toBe(
      '2 small and 3 regular communities need at least 108 households, got 100',
    );
    expect(validateRosterSpec({ households: 108, communities: 5, small: 2, seed: 's' })).toEqual([]);
    expect(validateRosterSpec({ households: 100, communities: 4, small: 4, seed: 's' })[0]?.message).toBe(
      '4 communities all smaller than 22 hold at most 84 households, got 100',
    );
    expect(validateRosterSpec({ households: 10, communities: 2, small: 3, seed: 's' })[0]?.field).toBe(
      '--small',
    );
    expect(() => planRoster({ households: 0, seed: 's' })).toThrow(/--households/);
  });

  it('keeps the small-community count exact at the edges', () => {
    for (const spec of [
      { households: 108, communities: 5, small: 2, seed: 'edge' },
      { households: 84, communities: 4, small: 4, seed: 'edge' },
      { households: 4, communities: 4, small: 4, seed: 'edge' },
      { households: 7, communities: 3, seed: 'edge' },
    ]) {
      const plan = planRoster(spec);
      expect(plan.reduce((a, c) => a + c.households, 0)).toBe(spec.households);
      expect(plan.every((c) => c.households >= 1)).toBe(true);
      if (spec.small) expect(plan.filter((c) => c.households < TYPICAL_SAMPLE)).toHaveLength(spec.small);
      expect([...generateRoster(spec)]).toHaveLength(spec.households);
    }
  });

  it('uses only the first sub-districts when there are fewer communities than sub-districts', () => {
    const plan = planRoster({ households: 100, communities: 4, seed: 'few' });
    expect(plan.map((c) => c.street)).toEqual(DEFAULT_STREETS.slice(0, 4));
  });
});

describe('helpers', () => {
  it('splits a total by weights exactly (largest remainder)', () => {
    expect(splitByWeights(10, [1, 1, 1])).toEqual([4, 3, 3]);
    expect(splitByWeights(7, [0, 0])).toEqual([4, 3]);
    fc.assert(
      fc.property(
        fc.nat({ max: 1_000_000 }),
        fc.array(fc.double({ min: 0.01, max: 100, noNaN: true }), { minLength: 1, maxLength: 50 }),
        (total, weights) => {
          const parts = splitByWeights(total, weights);
          const sum = weights.reduce((a, b) => a + b, 0);
          expect(parts.reduce((a, b) => a + b, 0)).toBe(total);
          parts.forEach((p, i) => {
            const exact = (total * weights[i]!) / sum;
            expect(p).toBeGreaterThanOrEqual(Math.floor(exact));
            expect(p).toBeLessThanOrEqual(Math.ceil(exact));
          });
        },
      ),
    );
  });

  it('writes Chinese numerals', () => {
    expect([1, 2, 10, 12, 20, 35, 99, 100].map(chineseNumber)).toEqual([
      '一',
      '二',
      '十',
      '十二',
      '二十',
      '三十五',
      '九十九',
      '100',
    ]);
  });
});
