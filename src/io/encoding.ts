import { TextDecoder } from 'node:util';
import { UserError } from '../core/errors.js';
import { t } from '../core/messages.js';
import { m } from './messages.js';
import { scopeLang } from './run-scope.js';

export type Encoding = 'utf8' | 'gb18030';
export type EncodingChoice = Encoding | 'auto';

export interface DetectedEncoding {
  encoding: Encoding;
  /** Bytes of byte-order mark at the start of the file (3 for UTF-8 with BOM, else 0). */
  bomLength: number;
}

/** How many bytes of the file's head decide the encoding. */
export const DETECT_BYTES = 64 * 1024;

/**
 * Decide a file's encoding from its first bytes: a UTF-8 BOM means UTF-8; bytes that decode as
 * UTF-8 mean UTF-8; anything else is GB18030 (what Excel writes in China; GBK is its subset).
 * Workbooks, UTF-16 text and binary files are refused with a one-line reason.
 */
export function detectEncoding(
  head: Uint8Array,
  file: string,
  choice: EncodingChoice = 'auto',
): DetectedEncoding {
  if (head.length === 0) throw new UserError(t(scopeLang(), m.fileEmpty, { file }));
  if (head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04)
    throw new UserError(t(scopeLang(), m.isWorkbook, { file }));
  if (head[0] === 0xd0 && head[1] === 0xcf && head[2] === 0x11 && head[3] === 0xe0)
    throw new UserError(t(scopeLang(), m.isOldWorkbook, { file }));
  if ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff))
    throw new UserError(t(scopeLang(), m.isUtf16, { file }));
  if (head.indexOf(0) !== -1) throw new UserError(t(scopeLang(), m.isBinary, { file }));
  const bom = head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf ? 3 : 0;
  if (choice !== 'auto') return { encoding: choice, bomLength: choice === 'utf8' ? bom : 0 };
  if (bom) return { encoding: 'utf8', bomLength: 3 };
  try {
    // stream: true lets a multi-byte character cut at the end of the head pass.
    new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: true });
    return { encoding: 'utf8', bomLength: 0 };
  } catch {
    // UTF-8 text with a few broken bytes is not GB18030: decoding it so would garble every name.
    const ev = utf8Evidence(head);
    if (ev.mostlyUtf8) {
      let line = 1;
      for (let k = head.indexOf(0x0a); k !== -1 && k < ev.firstBad; k = head.indexOf(0x0a, k + 1)) line++;
      const p = { file, line, byte: head[ev.firstBad]!.toString(16).toUpperCase().padStart(2, '0') };
      throw new UserError(t(scopeLang(), m.badUtf8, p), [
        { file, line, message: t(scopeLang(), m.badUtf8, p).slice(`${file}:${line}: `.length) },
      ]);
    }
    return { encoding: 'gb18030', bomLength: 0 };
  }
}

export interface Utf8Evidence {
  /** Well-formed multi-byte UTF-8 sequences, and bytes that start no well-formed sequence. */
  valid: number;
  invalid: number;
  /** Index of the first invalid byte, or -1. */
  firstBad: number;
  /** Text that is UTF-8 but for a few bytes: four well-formed sequences or more for each bad byte. */
  mostlyUtf8: boolean;
}

/**
 * Count UTF-8 evidence in bytes (a sequence cut by the end of the buffer counts as neither). In
 * GB18030 text most two-byte characters are no UTF-8 sequence, so invalid bytes outnumber valid
 * sequences; in UTF-8 text with a damaged byte or two, valid sequences far outnumber them.
 */
export function utf8Evidence(b: Uint8Array): Utf8Evidence {
  let valid = 0;
  let invalid = 0;
  let firstBad = -1;
  const n = b.length;
  const cont = (k: number, lo = 0x80, hi = 0xbf) => k < n && b[k]! >= lo && b[k]! <= hi;
  for (let i = 0; i < n;) {
    const c = b[i]!;
    if (c < 0x80) {
      i++;
      continue;
    }
    let len = 0;
    let lo = 0x80;
    let hi = 0xbf;
    if (c >= 0xc2 && c <= 0xdf) len = 2;
    else if (c >= 0xe0 && c <= 0xef) {
      len = 3;
      if (c === 0xe0) lo = 0xa0;
      if (c === 0xed) hi = 0x9f;
    } else if (c >= 0xf0 && c <= 0xf4) {
      len = 4;
      if (c === 0xf0) lo = 0x90;
      if (c === 0xf4) hi = 0x8f;
    }
    let ok = len > 0 && cont(i + 1, lo, hi);
    for (let k = 2; ok && k < len; k++) ok = cont(i + k);
    if (ok) {
      valid++;
      i += len;
      continue;
    }
    if (len > 0 && i + len > n) break; // cut at the end
    invalid++;
    if (firstBad < 0) firstBad = i;
    i++;
  }
  return { valid, invalid, firstBad, mostlyUtf8: invalid > 0 && valid >= 4 * invalid };
}
