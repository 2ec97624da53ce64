import seedrandom from 'seedrandom';
import { describe, expect, it } from 'vitest';
import { createRng } from './rng.js';

describe('createRng', () => {
  it("gives seedrandom's xor4096 numbers exactly: next() as double(), uint32() as int32() >>> 0, fill() as next()", () => {
    for (const [seed, stream] of [
      ['s1', ''],
      ['2026-12-01', 'hhsurvey-simulate\u0000["indicator","全福街道 / 南全福社区","awareness"]'],
      ['', 'x'.repeat(300)], // a key longer than the state
    ] as const) {
      const lib = seedrandom.xor4096(`${seed}\u0000${stream}`);
      const ours = createRng(seed, stream);
      for (let k = 0; k < 2000; k++) {
        expect(ours.next()).toBe(lib.double());
        expect(ours.uint32()).toBe(lib.int32() >>> 0);
      }
      const block = new Float64Array(5000);
      ours.fill(block);
      for (let k = 0; k < block.length; k++)
        if (block[k] !== lib.double()) expect.fail(`fill differs at ${k}`);
      expect(ours.next()).toBe(lib.double());
    }
  });
});
