import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readResponses } from '../src/fieldwork/responses-file.js';
import { readSampleList } from '../src/sampling/sample-file.js';
import { loadStandardSync } from '../src/standard/parse.js';
import { runCli } from './helpers/run-cli.js';

/**
 * Round trip of identifiers (defect 1), as a property: any household id, head's name and community
 * name (starting with = + - @, with tabs, quotes, CJK, leading zeros) comes back unchanged through
 * sample → verify → --exclude → interview (piped) → score. 20 cases, seeded.
 */
const standard = loadStandardSync(undefined);
const COMPLETE = ['complete', '1', '1', '1', '2', '1', '2'];

const piece = fc.constantFrom(
  '=',
  '+',
  '-',
  '@',
  '\t',
  '"',
  "'",
  '0',
  '00',
  '社区',
  '张',
  ',',
  ' ',
  'H',
  '1',
);
const tricky = fc.array(piece, { minLength: 1, maxLength: 4 }).map((p) => p.join(''));
/** Text a roster cell may hold: no line ends, not blank at either end (cells are trimmed). */
const cell = tricky.filter((s) => s.trim() === s && s.trim() !== '');

describe('ids and names survive every command unchanged (defect 1)', () => {
  it('sample → verify → exclude → interview → score, for 20 generated rosters', async () => {
    await fc.assert(
      fc.asyncProperty(cell, cell, cell, async (idPrefix, name, community) => {
        const dir = mkdtempSync(join(tmpdir(), 'hhsurvey-harden-rt-'));
        const households = Array.from({ length: 6 }, (_, i) => ({
          id: `${idPrefix}${String(i).padStart(3, '0')}`,
          name: `${name}${i}`,
        }));
        // Written as a person's spreadsheet would: every cell as it is, quoted, no apostrophe added.
        const quote = (c: string) => `"${c.replace(/"/g, '""')}"`;
        writeFileSync(
          join(dir, 'roster.csv'),
          [
            'household_id,community,building,room,head_name',
            ...households.map((h, i) => [h.id, community, '1', `${101 + i}`, h.name].map(quote).join(',')),
          ].join('\r\n') + '\r\n',
        );
        const byId = new Map(households.map((h) => [h.id, h.name]));
        const s = await runCli(['sample', 'roster.csv', '--seed', 'rt', '--size', '3', '-o', 's.csv'], {
          cwd: dir,
        });
        expect(s.code, s.stderr).toBe(0);
        const v = await runCli(['verify', 's.csv', '--roster', 'roster.csv'], { cwd: dir });
        expect(v.code, v.stderr + v.stdout).toBe(0);
        const list = await readSampleList(join(dir, 's.csv'));
        expect(list.entries).toHaveLength(3);
        for (const e of list.entries) {
          expect(byId.get(e.householdId), JSON.stringify(e.householdId)).toBe(e.headName);
          expect(e.stratum).toBe(community);
        }
        const drawn = new Set(list.entries.map((e) => e.householdId));
        const x = await runCli(
          ['sample', 'roster.csv', '--seed', 'rt2', '--size', '3', '--exclude', 's.csv', '-o', 's2.csv'],
          { cwd: dir },
        );
        expect(x.code, x.stderr).toBe(0);
        const rest = (await readSampleList(join(dir, 's2.csv'))).entries.map((e) => e.householdId);
        expect(rest.sort()).toEqual(
          households
            .map((h) => h.id)
            .filter((id) => !drawn.has(id))
            .sort(),
        );
        const input = [...COMPLETE, ...COMPLETE, ...COMPLETE, 'quit'].map((l) => `${l}\n`).join('');
        const i = await runCli(['interview', 's.csv', '--responses', 'r.csv', '--interviewer', '王芳'], {
          cwd: dir,
          stdin: input,
        });
        expect(i.code, i.stderr).toBe(0);
        const rows = (await readResponses(join(dir, 'r.csv'), standard)).rows;
        expect(rows.map((r) => r.householdId).sort()).toEqual([...drawn].sort());
        for (const r of rows) expect(r.stratum).toBe(community);
        const sc = await runCli(['score', 's.csv', '--responses', 'r.csv', '--format', 'json', '--no-fail'], {
          cwd: dir,
        });
        expect(sc.code, sc.stderr).toBe(0);
        const report = JSON.parse(sc.stdout) as { strata: { stratum: string; completes: number }[] };
        expect(report.strata.map((x) => [x.stratum, x.completes])).toEqual([[community, 3]]);
      }),
      { numRuns: 20, seed: 20261201 },
    );
  }, 120_000);
});
