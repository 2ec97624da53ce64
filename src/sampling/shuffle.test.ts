import { describe, expect, it } from 'vitest';
import { createRng, uniformInt } from './rng.js';
import { shuffleFirst } from './shuffle.js';

describe('shuffleFirst: the one Fisher–Yates shuffle', () => {
  it('draws uniformInt(n - i) for i = 0, 1, ... and swaps forwards (the order the sample draw is pinned to)', () => {
    const a = Array.from({ length: 10 }, (_, i) => i);
    shuffleFirst(a, 4, createRng('s', 'x'));
    const rng = createRng('s', 'x');
    const b = Array.from({ length: 10 }, (_, i) => i);
    for (let i = 0; i < 4; i++) {
      const j = i + uniformInt(rng, 10 - i);
      [b[i], b[j]] = [b[j]!, b[i]!];
    }
    expect(a).toEqual(b);
  });

  it('keeps every entry (typed arrays too), and take beyond the length shuffles all', () => {
    const a = Int32Array.from([5, 6, 7, 8, 9]);
    shuffleFirst(a, 99, createRng('t'));
    expect([...a].sort()).toEqual([5, 6, 7, 8, 9]);
  });

  it('every ordering of 3 equally likely (seeded chi-square, 5 df)', () => {
    const runs = 60_000;
    const counts = new Map<string, number>();
    const rng = createRng('uniform');
    for (let k = 0; k < runs; k++) {
      const a = ['a', 'b', 'c'];
      shuffleFirst(a, 3, rng);
      counts.set(a.join(''), (counts.get(a.join('')) ?? 0) + 1);
    }
    expect(counts.size).toBe(6);
    const e = runs / 6;
    const chi2 = [...counts.values()].reduce((s, c) => s + (c - e) ** 2 / e, 0);
    // 20.52 is the 0.999 quantile of chi-square with 5 degrees of freedom (qchisq(0.999, 5) in R).
    expect(chi2).toBeLessThan(20.52);
  });
});
