import { describe, expect, it } from 'vitest';
import { defineMessages, registeredMessages, t, both, num } from './messages.js';
import { chinaDate, chinaDisplay, chinaInstant, chinaIso } from './clock.js';

describe('message catalogue', () => {
  it('gives each language its text, with parameters', () => {
    const m = defineMessages('test-area', {
      hello: { zh: '你好', en: 'hello' },
      count: { zh: (p: { n: number }) => `共 ${p.n} 户`, en: (p: { n: number }) => `${p.n} households` },
    });
    expect(t('zh', m.hello)).toBe('你好');
    expect(t('en', m.count, { n: 3 })).toBe('3 households');
    expect(both(m.count, { n: 2 })).toEqual({ zh: '共 2 户', en: '2 households' });
    expect(registeredMessages().get('test-area')).toBe(m);
  });

  it('refuses one area defined twice', () => {
    defineMessages('twice', { a: { zh: '甲', en: 'a' } });
    expect(() => defineMessages('twice', { a: { zh: '甲', en: 'a' } })).toThrow(/twice/);
  });
});

describe('China time', () => {
  // 2026-12-01T00:00:22Z is 08:00:22 in Jinan.
  const d = new Date(Date.UTC(2026, 11, 1, 0, 0, 22));
  it('writes ISO stamps with +08:00 and display times in China', () => {
    expect(chinaIso(d)).toBe('2026-12-01T08:00:22+08:00');
    expect(chinaDisplay(d)).toBe('2026-12-01 08:00');
    expect(chinaDate(new Date(Date.UTC(2026, 10, 30, 16, 30)))).toBe('2026-12-01');
    expect(chinaInstant('2026-12-01', 8, 0).toISOString()).toBe('2026-12-01T00:00:00.000Z');
    expect(Date.parse(chinaIso(d))).toBe(d.getTime());
  });

  it("groups thousands exactly as toLocaleString('en-US') does", () => {
    const values = [
      0,
      -0,
      1,
      -1,
      0.5,
      -1234.5,
      Number.MAX_SAFE_INTEGER,
      -Number.MAX_SAFE_INTEGER,
      2 ** 60,
      NaN,
      Infinity,
    ];
    for (let p = 1; p <= 1e15; p *= 10) values.push(p - 1, p, p + 1, -p, 7 * p + 3);
    // Seeded spread over every length of a safe integer.
    let x = 12345;
    for (let i = 0; i < 2000; i++) {
      x = (x * 1103515245 + 12345) % 2147483648;
      values.push(Math.floor((x / 2147483648) * 10 ** (i % 16)) * (i % 2 ? -1 : 1));
    }
    for (const v of values) {
      const expected = Number.isInteger(v) ? v.toLocaleString('en-US') : String(v);
      expect(num(v), String(v)).toBe(expected);
    }
    expect(num(1296)).toBe('1,296');
  });
});
