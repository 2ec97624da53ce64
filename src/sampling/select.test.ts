import { describe, expect, it } from 'vitest';
import { createRng, uniformInt } from './rng.js';
import { selectRandom, selectSystematic } from './select.js';

/**
 * Seeded frequency checks. Over T independent draws a unit with inclusion probability π is drawn
 * X ~ Binomial(T, π) times; the tolerance is 4.5 standard deviations, sqrt(T·π(1−π)), so a correct
 * sampler fails a cell with probability < 7e-6 (and the seeds are fixed, so the test is repeatable).
 */
function within(count: number, T: number, p: number): boolean {
  return Math.abs(count - T * p) <= 4.5 * Math.sqrt(T * p * (1 - p));
}

describe('uniformInt', () => {
  it('is uniform over a range that does not divide 2^32', () => {
    const rng = createRng('uniform-test');
    const m = 7;
    const T = 70_000;
    const counts = new Array<number>(m).fill(0);
    for (let i = 0; i < T; i++) counts[uniformInt(rng, m)]!++;
    for (const c of counts) expect(within(c, T, 1 / m)).toBe(true);
  });
});

describe('selectRandom', () => {
  it('gives every unit the inclusion probability n/N, and every pair n(n−1)/(N(N−1))', () => {
    const N = 12;
    const n = 4;
    const T = 30_000;
    const single = new Array<number>(N).fill(0);
    const pair = new Array<number>(N * N).fill(0);
    for (let t = 0; t < T; t++) {
      const { primaries, reserves } = selectRandom(N, n, 2, createRng('srs', String(t)));
      expect(new Set([...primaries, ...reserves]).size).toBe(n + 2);
      for (const a of primaries) {
        single[a]!++;
        for (const b of primaries) if (a < b) pair[a * N + b]!++;
      }
    }
    for (const c of single) expect(within(c, T, n / N)).toBe(true);
    const pp = (n * (n - 1)) / (N * (N - 1));
    for (let a = 0; a < N; a++)
      for (let b = a + 1; b < N; b++) expect(within(pair[a * N + b]!, T, pp)).toBe(true);
  });

  it('orders reserves uniformly: the first reserve is any non-sampled unit with equal chance', () => {
    const N = 10;
    const T = 20_000;
    const first = new Array<number>(N).fill(0);
    for (let t = 0; t < T; t++) first[selectRandom(N, 3, 3, createRng('reserve', String(t))).reserves[0]!]!++;
    // P(unit is the first reserve) = P(not primary) · 1/(N−n) = 1/N
    for (const c of first) expect(within(c, T, 1 / N)).toBe(true);
  });

  it('takes every unit when the stratum is smaller than the sample', () => {
    const s = selectRandom(5, 22, 3, createRng('small'));
    expect([...s.primaries].sort()).toEqual([0, 1, 2, 3, 4]);
    expect(s.reserves).toEqual([]);
  });
});

describe('selectSystematic', () => {
  it('gives inclusion probability exactly n/N with a fractional interval', () => {
    const N = 23;
    const n = 5; // k = 4.6
    const T = 30_000;
    const counts = new Array<number>(N).fill(0);
    for (let t = 0; t < T; t++) {
      const s = selectSystematic(N, n, 0, createRng('sys', String(t)));
      expect(new Set(s.primaries).size).toBe(n);
      for (const p of s.primaries) counts[p]!++;
    }
    for (const c of counts) expect(within(c, T, n / N)).toBe(true);
  });

  it('spreads the sample: one unit in each interval of length N/n', () => {
    const s = selectSystematic(100, 10, 0, createRng('spread'));
    const sorted = [...s.primaries].sort((a, b) => a - b);
    sorted.forEach((p, i) => expect(Math.floor(p / 10)).toBe(i));
  });

  it('draws reserves from the units not sampled', () => {
    const s = selectSystematic(30, 6, 5, createRng('sys-res'));
    expect(s.reserves).toHaveLength(5);
    for (const r of s.reserves) expect(s.primaries).not.toContain(r);
  });
});
