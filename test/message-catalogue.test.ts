import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { registeredMessages } from '../src/core/messages.js';

/** Every `messages.ts` under src/: the catalogue's areas. */
function catalogueFiles(dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...catalogueFiles(p));
    else if (e.name === 'messages.ts' || e.name.endsWith('.messages.ts')) out.push(p);
  }
  return out.sort();
}

/** Parameters for a message function: any field reads as a sample value. */
const sampleParams: unknown = new Proxy(
  {},
  {
    get: (_t, key) =>
      key === Symbol.toPrimitive ? () => '1' : typeof key === 'string' && /s$/.test(key) ? ['甲', '乙'] : 1,
  },
);

describe('message catalogue', () => {
  it('has a Chinese and an English text for every message', async () => {
    const root = join(import.meta.dirname, '..', 'src');
    for (const f of catalogueFiles(root)) await import(pathToFileURL(f).href);
    const missing: string[] = [];
    for (const [area, messages] of registeredMessages()) {
      if (area.startsWith('test')) continue;
      for (const [key, m] of Object.entries(messages)) {
        for (const lang of ['zh', 'en'] as const) {
          const tpl = m[lang] as unknown;
          let text: string;
          try {
            text =
              typeof tpl === 'function'
                ? String((tpl as (p: unknown) => unknown)(sampleParams))
                : typeof tpl === 'string'
                  ? tpl
                  : '';
          } catch {
            text = typeof tpl === 'function' ? 'function' : '';
          }
          if (text.trim() === '') missing.push(`${area}.${key}: ${lang}`);
        }
      }
    }
    expect(missing, 'messages lacking a language').toEqual([]);
  });
});
