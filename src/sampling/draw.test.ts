import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { householdId, readRoster } from '../roster/read-roster.js';
import { drawSample, sortById } from './draw.js';
import { createRng } from './rng.js';

const dir = mkdtempSync(join(tmpdir(), 'hhsurvey-draw-'));
let n = 0;

describe('sortById', () => {
  it('puts households in the UTF-8 byte order of their ids, whatever their lengths and prefixes (property)', async () => {
    // Few letters, so that ids share long prefixes and tie on the six bytes after them.
    const id = fc.string({
      unit: fc.constantFrom('H', '0', '1', '9', 'a', '-', '社', '𠀀'),
      minLength: 1,
      maxLength: 14,
    });
    const prefix = fc.constantFrom('', 'H00', '南全福社区-0001-');
    await fc.assert(
      fc.asyncProperty(prefix, fc.uniqueArray(id, { minLength: 1, maxLength: 120 }), async (p, tails) => {
        const ids = tails.map((t) => p + t);
        const file = join(dir, `r${++n}.csv`);
        writeFileSync(file, 'household_id,community\n' + ids.map((x) => `${x},甲\n`).join(''));
        const frame = await readRoster(file, { by: ['community'] });
        expect(frame.problemCount).toBe(0);
        const rows = Array.from({ length: frame.households }, (_, i) => i);
        const got = Array.from(sortById(frame, rows), (r) => householdId(frame, r));
        const want = [...ids].sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
        expect(got).toEqual(want);
      }),
      { numRuns: 150 },
    );
  });

  it('gives the same order for rows already in id order, nearly in order and in reverse (property)', async () => {
    const id = fc.string({ unit: fc.constantFrom('H', '0', '1', '9', '社'), minLength: 1, maxLength: 10 });
    await fc.assert(
      fc.asyncProperty(fc.uniqueArray(id, { minLength: 2, maxLength: 80 }), fc.nat(), async (ids, at) => {
        const want = [...ids].sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
        const swapped = [...want];
        const k = at % (want.length - 1);
        [swapped[k], swapped[k + 1]] = [swapped[k + 1]!, swapped[k]!];
        for (const order of [want, swapped, [...want].reverse()]) {
          const file = join(dir, `r${++n}.csv`);
          writeFileSync(file, 'household_id,community\n' + order.map((x) => `${x},甲\n`).join(''));
          const frame = await readRoster(file, { by: ['community'] });
          const rows = Array.from({ length: frame.households }, (_, i) => i);
          expect(Array.from(sortById(frame, rows), (r) => householdId(frame, r))).toEqual(want);
        }
      }),
      { numRuns: 40 },
    );
  });

  it('sorts with the keys read ahead for the whole roster exactly as household by household (property)', async () => {
    // An exclusion that matches nobody makes the draw read each stratum's keys itself.
    const id = fc.string({
      unit: fc.constantFrom('H', '0', '1', '7', '9', '社'),
      minLength: 1,
      maxLength: 9,
    });
    await fc.assert(
      fc.asyncProperty(
        fc.uniqueArray(id, { minLength: 1, maxLength: 150 }),
        fc.array(fc.constantFrom('甲', '乙', '丙'), { minLength: 150, maxLength: 150 }),
        async (ids, strata) => {
          const file = join(dir, `r${++n}.csv`);
          writeFileSync(file, 'household_id,community\n' + ids.map((x, i) => `${x},${strata[i]}\n`).join(''));
          const frame = await readRoster(file, { by: ['community'] });
          const design = {
            method: 'random',
            size: 5,
            allocation: 'proportional',
            minPerStratum: 0,
            reserve: 3,
          } as const;
          const ahead = drawSample(frame, 'random', { ...design, seed: 's' });
          const own = drawSample(frame, 'random', {
            ...design,
            seed: 's',
            exclude: new Set(['-']),
          });
          expect(ahead.strata.map((s) => [s.primaries, s.reserves])).toEqual(
            own.strata.map((s) => [s.primaries, s.reserves]),
          );
        },
      ),
      { numRuns: 50 },
    );
  });

  it('sorts a large stratum (70,000 households in random order, some ids longer than the key) exactly', async () => {
    const rng = createRng('draw-test', 'large');
    const ids = Array.from(
      { length: 70_000 },
      (_, i) => `H${String(i * 7 + 3).padStart(6, '0')}${i % 11 === 0 ? '-1' : ''}`,
    );
    for (let i = ids.length - 1; i > 0; i--) {
      const j = Math.floor(rng.next() * (i + 1));
      [ids[i], ids[j]] = [ids[j]!, ids[i]!];
    }
    const file = join(dir, `r${++n}.csv`);
    writeFileSync(file, 'household_id,community\n' + ids.map((x) => `${x},甲\n`).join(''));
    const frame = await readRoster(file, { by: ['community'] });
    const rows = Array.from({ length: frame.households }, (_, i) => i);
    const got = Array.from(sortById(frame, rows), (r) => householdId(frame, r));
    expect(got).toEqual([...ids].sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b))));
  });
});
