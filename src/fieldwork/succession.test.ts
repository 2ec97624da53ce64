import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DispositionToken } from './dispositions.js';
import { planFieldwork, visitQueue, type EntryLike, type RowLike } from './succession.js';

function sample(strata: Record<string, [number, number]>): EntryLike[] {
  const out: EntryLike[] = [];
  for (const [s, [p, r]] of Object.entries(strata)) {
    for (let i = 1; i <= p; i++)
      out.push({ stratum: s, role: 'primary', rank: i, householdId: `${s}-P${i}` });
    for (let i = 1; i <= r; i++)
      out.push({ stratum: s, role: 'reserve', rank: i, householdId: `${s}-R${i}` });
  }
  return out;
}

let clock = 0;
function row(householdId: string, disposition: DispositionToken, visit = 1, time = ++clock): RowLike {
  return { householdId, disposition, visit, time, file: 'r.csv', line: time + 1, interviewer: '王' };
}
const ids = (plan: { due: { entry: EntryLike }[] }) => plan.due.map((d) => d.entry.householdId);

describe('planFieldwork: due order and reserve succession', () => {
  const entries = sample({ A: [3, 2], B: [2, 1] });

  it('with nothing recorded: stratum by stratum, primaries by rank; reserves not due', () => {
    const p = planFieldwork(entries, [], 1);
    expect(ids(p)).toEqual(['A-P1', 'A-P2', 'A-P3', 'B-P1', 'B-P2']);
    expect(p.strata[0]).toMatchObject({ target: 3, completes: 0, reservesUsed: 0, reservesLeft: 2 });
  });

  it('a refusal activates the next reserve, due right after the household it replaces', () => {
    const p = planFieldwork(entries, [row('A-P1', 'refused')], 1);
    expect(ids(p)).toEqual(['A-R1', 'A-P2', 'A-P3', 'B-P1', 'B-P2']);
    expect(p.due[0]).toMatchObject({ visit: 1, replaces: 'A-P1' });
    const p2 = planFieldwork(entries, [row('A-P1', 'complete'), row('A-P2', 'vacant')], 1);
    expect(ids(p2)).toEqual(['A-R1', 'A-P3', 'B-P1', 'B-P2']);
  });

  it('a failed reserve activates the next one; when reserves run out the stratum stays short', () => {
    const rows = [row('A-P1', 'refused'), row('A-R1', 'refused'), row('A-P2', 'not_found')];
    const p = planFieldwork(entries, rows, 1);
    const a = p.strata[0]!;
    expect(a.households.find((h) => h.entry.householdId === 'A-R1')!.replaces).toBe('A-P1');
    expect(a.households.find((h) => h.entry.householdId === 'A-R2')!.replaces).toBe('A-R1');
    // A-P2 failed after both reserves were taken
    expect(a.unreplaced).toBe(1);
    expect(ids(p)).toEqual(['A-R2', 'A-P3', 'B-P1', 'B-P2']);
  });

  it('reserves go to failures in the order they became final', () => {
    // P3 refused first, then P1: P3 gets reserve 1.
    const p = planFieldwork(entries, [row('A-P3', 'refused'), row('A-P1', 'break_off')], 1);
    const a = p.strata[0]!;
    expect(a.households.find((h) => h.entry.householdId === 'A-R1')!.replaces).toBe('A-P3');
    expect(a.households.find((h) => h.entry.householdId === 'A-R2')!.replaces).toBe('A-P1');
    // due order follows the sample: R2 (after P1), P2, R1 (after P3)
    expect(ids(p).slice(0, 3)).toEqual(['A-R2', 'A-P2', 'A-R1']);
  });

  it('nobody home with visits left comes due again after the stratum’s other households', () => {
    const p = planFieldwork(entries, [row('A-P1', 'not_home')], 3);
    expect(ids(p)).toEqual(['A-P2', 'A-P3', 'A-P1', 'B-P1', 'B-P2']);
    expect(p.due[2]!.visit).toBe(2);
    // after the third visit it is final and a reserve replaces it
    const rows = [row('A-P1', 'not_home', 1), row('A-P1', 'not_home', 2), row('A-P1', 'not_home', 3)];
    expect(ids(planFieldwork(entries, rows, 3))).toEqual(['A-R1', 'A-P2', 'A-P3', 'B-P1', 'B-P2']);
    // with the default of one visit, nobody home is final at once
    expect(ids(planFieldwork(entries, [row('A-P1', 'not_home')], 1))[0]).toBe('A-R1');
    // a revisit that completes: done, no reserve
    const done = planFieldwork(entries, [row('A-P1', 'not_home', 1), row('A-P1', 'complete', 2)], 3);
    expect(ids(done)).toEqual(['A-P2', 'A-P3', 'B-P1', 'B-P2']);
  });

  it('corrections: the newest row wins, and a corrected refusal releases nothing already used', () => {
    const rows = [row('A-P1', 'refused'), row('A-P1', 'complete')];
    const p = planFieldwork(entries, rows, 1);
    expect(ids(p)).toEqual(['A-P2', 'A-P3', 'B-P1', 'B-P2']);
    expect(p.strata[0]!.completes).toBe(1);
    // A reserve visited for the refusal that was then corrected: a warning, not an error.
    const p2 = planFieldwork(
      entries,
      [row('A-P1', 'refused'), row('A-R1', 'complete'), row('A-P1', 'complete')],
      1,
    );
    expect(p2.problems).toEqual([
      expect.objectContaining({
        severity: 'warning',
        message: expect.stringMatching(/no household needed replacing/),
      }),
    ]);
  });

  it('reports reserves used out of order (error) and before they were needed (warning)', () => {
    const p = planFieldwork(entries, [row('A-P1', 'refused'), row('A-R2', 'complete')], 1);
    expect(p.problems).toEqual([
      expect.objectContaining({
        severity: 'error',
        message: 'reserves used out of order in A: reserve 2 (A-R2) was visited before reserve 1 (A-R1)',
      }),
    ]);
    const early = planFieldwork(
      entries,
      [row('A-R1', 'complete', 1, 100), row('A-P1', 'refused', 1, 200)],
      1,
    );
    expect(early.problems).toEqual([
      expect.objectContaining({
        severity: 'warning',
        message: expect.stringMatching(/visited before primary 1 \(A-P1\), which it replaces, was final/),
      }),
    ]);
  });

  it('a whole community: 22 primaries, 5 reserves, 3 refusals replaced in order', () => {
    const big = sample({ C: [22, 5] });
    const rows: RowLike[] = [];
    for (let i = 1; i <= 22; i++) rows.push(row(`C-P${i}`, i % 7 === 0 ? 'refused' : 'complete'));
    const mid = planFieldwork(big, rows, 1);
    expect(ids(mid)).toEqual(['C-R1', 'C-R2', 'C-R3']);
    expect(mid.due.map((d) => d.replaces)).toEqual(['C-P7', 'C-P14', 'C-P21']);
    rows.push(row('C-R1', 'complete'), row('C-R2', 'complete'), row('C-R3', 'complete'));
    const end = planFieldwork(big, rows, 1);
    expect(end.due).toEqual([]);
    expect(end.strata[0]).toMatchObject({ completes: 22, reservesUsed: 3, reservesLeft: 2, unreplaced: 0 });
  });
});

describe('planFieldwork with one clock (SOURCE_DATE_EPOCH): ties keep the recorded order', () => {
  it('assigns reserves by row order when times are equal', () => {
    const entries = sample({ A: [3, 2] });
    const p = planFieldwork(entries, [row('A-P3', 'refused', 1, 0), row('A-P1', 'refused', 1, 0)], 1);
    const a = p.strata[0]!;
    expect(a.households.find((h) => h.entry.householdId === 'A-R1')!.replaces).toBe('A-P3');
    expect(a.households.find((h) => h.entry.householdId === 'A-R2')!.replaces).toBe('A-P1');
  });
});

describe('visitQueue', () => {
  const DISPOSITIONS: DispositionToken[] = ['complete', 'not_home', 'refused', 'partial', 'vacant'];

  it("gives planFieldwork's due[0] at every visit, whatever the dispositions", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 8 }),
        fc.integer({ min: 0, max: 6 }),
        fc.integer({ min: 1, max: 4 }),
        fc.array(fc.constantFrom(...DISPOSITIONS), { minLength: 60, maxLength: 60 }),
        (p, r, maxVisits, outcomes) => {
          const entries = sample({ S: [p, r] });
          const queue = visitQueue(entries, maxVisits);
          const rows: RowLike[] = [];
          for (let k = 0; ; k++) {
            const planned = planFieldwork(entries, rows, maxVisits).due[0];
            const item = queue.next();
            expect(item && { id: item.entry.householdId, visit: item.visit }).toEqual(
              planned && { id: planned.entry.householdId, visit: planned.visit },
            );
            if (!item) break;
            // Not home is the only disposition that may come back; past the last visit it is final.
            const d = outcomes[k % outcomes.length]!;
            rows.push(row(item.entry.householdId, d, item.visit));
            queue.record(d);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
