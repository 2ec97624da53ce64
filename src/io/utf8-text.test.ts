import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { UserError } from '../core/errors.js';
import { runWithScope } from './run-scope.js';
import { decodeUtf8, firstNonUtf8 } from './inputs.js';

const gb18030 = Buffer.from([0x69, 0x64, 0x3a, 0x20, 0xc4, 0xcf, 0xc8, 0xab, 0xb8, 0xa3, 0x0a]); // "id: 南全福\n"

describe('decodeUtf8: the one reader of text files that must be UTF-8', () => {
  it('returns the text, a BOM dropped', () => {
    expect(decodeUtf8(Buffer.from('\uFEFFid: 南全福\n'), 'a.yaml')).toBe('id: 南全福\n');
  });
  it('refuses GB18030 text at the line and byte of the first bad byte, in the run’s language', async () => {
    const text = Buffer.concat([Buffer.from('name: x\n'), gb18030]);
    expect(() => decodeUtf8(text, 'a.yaml')).toThrow(
      new UserError('a.yaml:2: not UTF-8 text (byte 13); save the file as UTF-8'),
    );
    await runWithScope('zh', '/', () => {
      expect(() => decodeUtf8(text, 'a.yaml')).toThrow(/^a\.yaml:2：不是 UTF-8 文本（第 13 个字节）/);
      return Promise.resolve();
    });
  });
  it('empty and binary files are one line each', () => {
    expect(() => decodeUtf8(Buffer.alloc(0), 'a.yaml')).toThrow('a.yaml: the file is empty');
    expect(() => decodeUtf8(Buffer.from([0x50, 0x4b, 3, 4, 0]), 'a.yaml')).toThrow('a.yaml: not a text file');
  });
});

describe('firstNonUtf8', () => {
  it('is -1 for UTF-8, the index of the first bad byte otherwise (a character cut at the end too)', () => {
    expect(firstNonUtf8(Buffer.from('南全福'))).toBe(-1);
    expect(firstNonUtf8(gb18030)).toBe(4);
    expect(firstNonUtf8(Buffer.from('ab南').subarray(0, 4))).toBe(2);
  });
  it('agrees with a fatal TextDecoder on the prefix before it (property)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 40 }), (bytes) => {
        const k = firstNonUtf8(bytes);
        const fatal = new TextDecoder('utf-8', { fatal: true });
        if (k === -1) {
          expect(() => fatal.decode(bytes)).not.toThrow();
          return;
        }
        expect(() => fatal.decode(bytes)).toThrow();
        // Everything before k decodes, and nothing from k on starts with a well-formed character.
        expect(() => fatal.decode(bytes.subarray(0, k))).not.toThrow();
        for (const len of [1, 2, 3, 4])
          if (k + len <= bytes.length) expect(() => fatal.decode(bytes.subarray(k, k + len))).toThrow();
      }),
    );
  });
});
