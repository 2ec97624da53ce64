import { describe, expect, it } from 'vitest';
import { ByteArena, GrowInt32, findDuplicates, hashBytes } from './byte-table.js';
import { createRng } from '../sampling/rng.js';

/** Ids pushed into an arena as readRoster does, with their hashes. */
function arenaOf(ids: string[]) {
  const arena = new ByteArena(16);
  const start = new GrowInt32(4);
  const hashes = new GrowInt32(4);
  for (const id of ids) {
    start.push(arena.pushString(id));
    hashes.push(hashBytes(arena.bytes, start.data[start.length - 1]!, arena.used));
  }
  return { arena, start: start.view(), hashes: hashes.view() };
}

/** The reference: a Map from id to its first row, row by row. */
function naive(ids: string[]): number[] {
  const first = new Map<string, number>();
  const out: number[] = [];
  ids.forEach((id, r) => {
    const f = first.get(id);
    if (f === undefined) first.set(id, r);
    else out.push(f, r);
  });
  return out;
}

describe('findDuplicates', () => {
  it('finds every repeated id with its first row, in row order, at every size (seeded)', () => {
    const rng = createRng('byte-table', 'duplicates');
    // Sizes below, at and well above one partition (2,048 rows), and a single row.
    for (const n of [0, 1, 2, 3, 2047, 2049, 5000, 70_000]) {
      const pool = Math.max(1, Math.floor(n * 0.9));
      const ids = Array.from({ length: n }, () => {
        const k = Math.floor(rng.next() * pool);
        // Ids of different lengths and scripts, some sharing prefixes.
        return k % 3 === 0 ? `H${String(k).padStart(7, '0')}` : k % 3 === 1 ? `社区-${k}` : `${k}`;
      });
      const { arena, start, hashes } = arenaOf(ids);
      const got = Array.from(findDuplicates(arena, start, hashes));
      expect(got).toEqual(naive(ids));
      if (n >= 2049) expect(got.length).toBeGreaterThan(0);
    }
  });

  it('handles one id repeated on every row, and ids that differ only in their last byte', () => {
    const same = Array.from({ length: 5000 }, () => '3.70102E+17');
    const a = arenaOf(same);
    const got = findDuplicates(a.arena, a.start, a.hashes);
    expect(got.length).toBe(2 * 4999);
    expect(Array.from(got.subarray(0, 6))).toEqual([0, 1, 0, 2, 0, 3]);
    const near = Array.from({ length: 4096 }, (_, i) => `A${String.fromCharCode(0x21 + (i % 90))}${i >> 7}`);
    const b = arenaOf(near);
    expect(Array.from(findDuplicates(b.arena, b.start, b.hashes))).toEqual(naive(near));
  });
});
