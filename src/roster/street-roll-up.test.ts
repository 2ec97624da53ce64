import { describe, expect, it } from 'vitest';
import { commonStreet, streetRollUp } from './street-roll-up.js';

describe('commonStreet', () => {
  it('is the one street the households share, blanks and spaces ignored', () => {
    expect(commonStreet(['全福街道', ' 全福街道 ', '', undefined, null])).toBe('全福街道');
  });
  it('is null for no street or two streets', () => {
    expect(commonStreet(['', undefined, '  '])).toBeNull();
    expect(commonStreet([])).toBeNull();
    expect(commonStreet(['东街道', '西街道', '东街道'])).toBeNull();
  });
});

describe('streetRollUp', () => {
  it('groups strata by street in order of first appearance, leaving out strata without one', () => {
    const got = streetRollUp([
      { key: '西 / a', street: '西' },
      { key: 'b', street: null },
      { key: '东 / a', street: '东' },
      { key: '西 / c', street: '西' },
    ]);
    expect(got && [...got]).toEqual([
      ['西', ['西 / a', '西 / c']],
      ['东', ['东 / a']],
    ]);
  });
  it('has no street level without streets, or when the strata are the streets', () => {
    expect(streetRollUp([{ key: 'a', street: null }])).toBeUndefined();
    expect(
      streetRollUp([
        { key: '东', street: '东' },
        { key: '西', street: '西' },
      ]),
    ).toBeUndefined();
    // One street that is also a stratum beside one that groups communities: a level.
    expect(
      streetRollUp([
        { key: '东', street: '东' },
        { key: '西 / a', street: '西' },
      ]),
    ).toBeDefined();
  });
});
