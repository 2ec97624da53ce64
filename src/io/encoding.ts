import { TextDecoder } from 'node:util';
import { UserError } from '../core/errors.js';

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
  if (head.length === 0) throw new UserError(`${file}: the file is empty`);
  if (head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04)
    throw new UserError(
      `${file}: this is an Excel workbook (.xlsx), not CSV; save it as CSV first (另存为 CSV)`,
    );
  if (head[0] === 0xd0 && head[1] === 0xcf && head[2] === 0x11 && head[3] === 0xe0)
    throw new UserError(
      `${file}: this is an old Excel workbook (.xls), not CSV; save it as CSV first (另存为 CSV)`,
    );
  if ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff))
    throw new UserError(`${file}: this is UTF-16 text; save it as "CSV UTF-8" or plain CSV instead`);
  if (head.indexOf(0) !== -1) throw new UserError(`${file}: this is a binary file, not CSV text`);
  const bom = head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf ? 3 : 0;
  if (choice !== 'auto') return { encoding: choice, bomLength: choice === 'utf8' ? bom : 0 };
  if (bom) return { encoding: 'utf8', bomLength: 3 };
  try {
    // stream: true lets a multi-byte character cut at the end of the head pass.
    new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: true });
    return { encoding: 'utf8', bomLength: 0 };
  } catch {
    return { encoding: 'gb18030', bomLength: 0 };
  }
}
