import { describe, expect, it } from 'vitest';
import { formatPercent } from './percent.js';

describe('formatPercent', () => {
  it('writes shares as percentages, fixed or trimmed, and no data as –', () => {
    expect([formatPercent(0.934), formatPercent(0.9), formatPercent(1), formatPercent(0)]).toEqual([
      '93.4%',
      '90.0%',
      '100.0%',
      '0.0%',
    ]);
    expect([
      formatPercent(0.9, 2, true),
      formatPercent(0.935, 2, true),
      formatPercent(0.123456, 4, true),
    ]).toEqual(['90%', '93.5%', '12.3456%']);
    expect([formatPercent(null), formatPercent(undefined), formatPercent(NaN)]).toEqual(['–', '–', '–']);
  });
});
