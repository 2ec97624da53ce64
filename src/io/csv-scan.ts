import { isUtf8 } from 'node:buffer';
import { createHash } from 'node:crypto';
import { TextDecoder } from 'node:util';
import { crc32 } from 'node:zlib';
import { readSync } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import type { Stats } from 'node:fs';
import { UserError, fileError } from '../core/errors.js';
import { t } from '../core/messages.js';
import {
  DETECT_BYTES,
  detectEncoding,
  utf8Evidence,
  type Encoding,
  type EncodingChoice,
} from './encoding.js';
import { assertUnchanged, changedError, csvInputPath, noteInput } from './inputs.js';
import { kindOf } from './atomic.js';
import { m } from './messages.js';
import { currentScope, scopeLang } from './run-scope.js';

/**
 * The CSV engine behind every reader. It scans bytes, not decoded text: in UTF-8 and in GB18030
 * the bytes of `,` `"` CR and LF never occur inside a multi-byte character, so records and fields
 * can be found on the raw bytes and only the fields a caller asks for are decoded. That keeps a
 * million-row roster to one streaming pass with little garbage (see the README's design notes for
 * the measurements behind this choice), and it gives every record its byte offset so that a
 * handful of records can be read again later without a second pass.
 */

export interface CsvRecordView {
  /** Physical line (1-based) on which the record starts. */
  readonly line: number;
  /** Number of fields. */
  readonly count: number;
  /** Byte offset of the record in the file, and its length including the line end. */
  readonly offset: number;
  readonly length: number;
  /** Field i decoded ('' when the record has fewer fields). */
  text(i: number): string;
  /** True when field i is missing or empty (after trimming nothing: raw emptiness). */
  isEmpty(i: number): boolean;
  /** The raw bytes of field i as a binary string: an exact, cheap key for interning values. */
  rawKey(i: number): string;
  /** True when field i is missing or only spaces and tabs. */
  isBlank(i: number): boolean;
  /** All fields decoded. */
  all(): string[];
  /** Raw access for byte-level consumers: the buffer and field i's byte range in it. */
  readonly buffer: Uint8Array;
  start(i: number): number;
  end(i: number): number;
  /** True when field i holds doubled quotes that decoding turns into one. */
  escaped(i: number): boolean;
  readonly encoding: Encoding;
}

export interface ScanOptions {
  encoding?: EncodingChoice;
  /** Name of the file in messages (defaults to the path). */
  label?: string;
  onProgress?: (bytesDone: number, bytesTotal: number) => void;
  chunkSize?: number;
  /** Also compute the SHA-256 of the file's bytes (for manifests). */
  sha256?: boolean;
  /** Field separator; 'auto' picks comma, tab or semicolon from the file's first lines. Default comma. */
  delimiter?: Delimiter | 'auto';
  /** Also digest the file in blocks, so that records read again later can be checked (see BlockDigests). */
  digests?: boolean;
}

/**
 * CRC-32 of every DIGEST_BLOCK bytes of a file (the last block shorter), computed while scanning.
 * Records read again by offset are checked against them: a roster edited while a command ran,
 * even with its size and modification time kept, is refused instead of giving households another
 * household's address and phone. Blocks, not records, because the scan does not know which records
 * will be read again; zlib's CRC-32 digests a 100 MB roster in about 25 ms, a JavaScript hash per
 * record would cost ten times that.
 */
export interface BlockDigests {
  blockSize: number;
  /** The file's size when digested. */
  bytes: number;
  crc: Uint32Array;
}

const DIGEST_BLOCK = 4096;

class BlockHasher {
  private readonly crc: Uint32Array;
  private block = 0;
  private fill = 0;
  private cur = 0;
  constructor(private readonly bytes: number) {
    this.crc = new Uint32Array(Math.ceil(bytes / DIGEST_BLOCK));
  }
  /** Digest the next bytes of the file (consecutive with the previous ones). */
  update(b: Uint8Array): void {
    let i = 0;
    while (i < b.length && this.block < this.crc.length) {
      const take = Math.min(DIGEST_BLOCK - this.fill, b.length - i);
      this.cur = crc32(b.subarray(i, i + take), this.cur);
      this.fill += take;
      i += take;
      if (this.fill === DIGEST_BLOCK) {
        this.crc[this.block++] = this.cur;
        this.cur = 0;
        this.fill = 0;
      }
    }
  }
  finish(): BlockDigests {
    if (this.fill > 0 && this.block < this.crc.length) this.crc[this.block++] = this.cur;
    return { blockSize: DIGEST_BLOCK, bytes: this.bytes, crc: this.crc };
  }
}

export type Delimiter = ',' | '\t' | ';';

export interface ScanInfo {
  file: string;
  encoding: Encoding;
  bomLength: number;
  bytes: number;
  records: number;
  sha256?: string;
  delimiter: Delimiter;
  /** With `digests`: the file's block digests (only when the whole file was scanned). */
  digests?: BlockDigests;
}

/** A record larger than this is a runaway quoted field, not data (Excel cells hold 32,767 chars). */
const MAX_RECORD_BYTES = 8 * 1024 * 1024;
/** More columns than this is no roster or list (Excel's own limit is 16,384). */
export const MAX_COLUMNS = 10_000;

const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;
const ESCAPED = 2;

class FastView implements CsvRecordView {
  buf: Buffer = Buffer.alloc(0);
  starts = new Int32Array(64);
  ends = new Int32Array(64);
  flags = new Uint8Array(64);
  count = 0;
  line = 0;
  offset = 0;
  length = 0;
  private readonly gb: TextDecoder | undefined;
  constructor(readonly encoding: Encoding) {
    this.gb = encoding === 'gb18030' ? new TextDecoder('gb18030') : undefined;
  }
  grow(): void {
    const n = this.starts.length * 2;
    const s = new Int32Array(n);
    s.set(this.starts);
    const e = new Int32Array(n);
    e.set(this.ends);
    const f = new Uint8Array(n);
    f.set(this.flags);
    this.starts = s;
    this.ends = e;
    this.flags = f;
  }
  text(i: number): string {
    if (i >= this.count) return '';
    const s = this.starts[i]!;
    const e = this.ends[i]!;
    if (s === e) return '';
    let out: string;
    if (this.gb === undefined) out = this.buf.toString('utf8', s, e);
    else {
      let ascii = true;
      for (let k = s; k < e; k++)
        if (this.buf[k]! >= 0x80) {
          ascii = false;
          break;
        }
      out = ascii ? this.buf.toString('latin1', s, e) : this.gb.decode(this.buf.subarray(s, e));
    }
    return this.flags[i]! & ESCAPED ? out.replace(/""/g, '"') : out;
  }
  isEmpty(i: number): boolean {
    return i >= this.count || this.starts[i] === this.ends[i];
  }
  isBlank(i: number): boolean {
    if (i >= this.count) return true;
    for (let k = this.starts[i]!, e = this.ends[i]!; k < e; k++) {
      const c = this.buf[k];
      if (c !== 0x20 && c !== 0x09) return false;
    }
    return true;
  }
  get buffer(): Uint8Array {
    return this.buf;
  }
  start(i: number): number {
    return this.starts[i]!;
  }
  end(i: number): number {
    return this.ends[i]!;
  }
  escaped(i: number): boolean {
    return i < this.count && (this.flags[i]! & ESCAPED) !== 0;
  }
  rawKey(i: number): string {
    if (i >= this.count) return '';
    return this.buf.toString('latin1', this.starts[i], this.ends[i]);
  }
  all(): string[] {
    const out: string[] = new Array<string>(this.count);
    for (let i = 0; i < this.count; i++) out[i] = this.text(i);
    return out;
  }
}

interface ParseState {
  line: number;
  records: number;
  /** Byte offset in the file of buf[0]. */
  base: number;
}

const NEED_MORE = -1;

/**
 * Parse complete records in buf[from..]; returns the index of the first unconsumed byte.
 * `eof` says no more bytes will come, so every decision is final.
 */
function parseRecords(
  buf: Buffer,
  from: number,
  eof: boolean,
  view: FastView,
  st: ParseState,
  label: string,
  onRecord: (r: CsvRecordView) => void | false,
  COMMA = 0x2c,
): number | 'stop' {
  const n = buf.length;
  view.buf = buf;
  let pos = from;
  while (pos < n) {
    const recStart = pos;
    let p = pos;
    let fc = 0;
    let innerLines = 0;
    let end = NEED_MORE;
    for (;;) {
      if (fc >= view.starts.length) {
        if (fc >= MAX_COLUMNS)
          throw new UserError(
            t(scopeLang(), m.tooManyColumns, { file: label, line: st.line, limit: MAX_COLUMNS }),
          );
        view.grow();
      }
      if (p < n && buf[p] === QUOTE) {
        let q = p + 1;
        let flag = 1;
        let close = NEED_MORE;
        for (;;) {
          const c = buf.indexOf(QUOTE, q);
          if (c === -1) break;
          if (c + 1 < n && buf[c + 1] === QUOTE) {
            flag |= ESCAPED;
            q = c + 2;
            continue;
          }
          if (c + 1 >= n && !eof) break;
          close = c;
          break;
        }
        if (close === NEED_MORE) {
          if (!eof) break;
          const message = t(scopeLang(), m.unclosedQuote);
          throw new UserError(`${label}:${st.line}: ${message}`, [{ file: label, line: st.line, message }]);
        }
        for (let k = buf.indexOf(LF, p + 1); k !== -1 && k < close; k = buf.indexOf(LF, k + 1)) innerLines++;
        view.starts[fc] = p + 1;
        view.ends[fc] = close;
        view.flags[fc] = flag;
        p = close + 1;
        // Lenient, like Excel: stray bytes after a closing quote belong to the field's tail.
        while (p < n) {
          const c = buf[p];
          if (c === COMMA || c === LF || c === CR) break;
          p++;
        }
        if (p > close + 1) view.ends[fc] = p;
      } else {
        let q = p;
        while (q < n) {
          const c = buf[q];
          if (c === COMMA || c === LF || c === CR) break;
          q++;
        }
        view.starts[fc] = p;
        view.ends[fc] = q;
        view.flags[fc] = 0;
        p = q;
      }
      fc++;
      if (p >= n) {
        if (eof) end = p;
        break;
      }
      const c = buf[p];
      if (c === COMMA) {
        p++;
        continue;
      }
      if (c === LF) {
        end = p + 1;
        break;
      }
      // CR: CRLF, or a lone CR (old Mac line ends).
      if (p + 1 < n) end = buf[p + 1] === LF ? p + 2 : p + 1;
      else if (eof) end = p + 1;
      break;
    }
    if (end === NEED_MORE) {
      if (n - recStart > MAX_RECORD_BYTES)
        throw new UserError(t(scopeLang(), m.recordTooLong, { file: label, line: st.line }));
      return recStart;
    }
    view.count = fc;
    view.line = st.line;
    view.offset = st.base + recStart;
    view.length = end - recStart;
    st.line += 1 + innerLines;
    pos = end;
    // A blank line is no record.
    if (fc === 1 && view.starts[0] === view.ends[0] && view.flags[0] === 0) continue;
    st.records++;
    if (onRecord(view) === false) return 'stop';
  }
  return pos;
}

async function openFile(file: string, label: string): Promise<{ fh: FileHandle; size: number; st: Stats }> {
  const path = await csvInputPath(file, label);
  let fh: FileHandle;
  try {
    fh = await open(path, 'r');
  } catch (err) {
    throw fileError(label, err);
  }
  const st = await fh.stat();
  if (!st.isFile()) {
    await fh.close();
    throw new UserError(t(scopeLang(), m.inputNotFile, { file: label, kind: kindOf(st) }));
  }
  // A second scan of the same input in one run (check, then draw) must see the same file.
  if (currentScope()?.inputs.has(file)) {
    try {
      assertUnchanged(file, st);
    } catch (err) {
      await fh.close();
      throw err;
    }
  } else noteInput(file, label, st);
  return { fh, size: st.size, st };
}

/** The line (1-based) of byte `at` in `buf`, counting from `firstLine` at buf[0]. */
function lineAt(buf: Uint8Array, at: number, firstLine: number): number {
  let line = firstLine;
  for (let k = buf.indexOf(LF); k !== -1 && k < at; k = buf.indexOf(LF, k + 1)) line++;
  return line;
}

/**
 * Stream a CSV file record by record. `onRecord` gets a view that is valid only during the call;
 * return false to stop early.
 */
export async function scanCsv(
  file: string,
  onRecord: (r: CsvRecordView) => void | false,
  opts: ScanOptions = {},
): Promise<ScanInfo> {
  const label = opts.label ?? file;
  const { fh, size, st: before } = await openFile(file, label);
  try {
    const chunkSize = opts.chunkSize ?? 1024 * 1024;
    const head = Buffer.alloc(Math.min(DETECT_BYTES, Math.max(size, 1)));
    const { bytesRead } = await fh.read(head, 0, head.length, 0);
    const detected = detectEncoding(head.subarray(0, bytesRead), label, opts.encoding ?? 'auto');
    const view = new FastView(detected.encoding);
    const delimiter =
      opts.delimiter === 'auto' ? detectDelimiter(head.subarray(0, bytesRead)) : (opts.delimiter ?? ',');
    const st: ParseState = { line: 1, records: 0, base: detected.bomLength };
    let position = detected.bomLength;
    let eof = false;
    const hash = opts.sha256 ? createHash('sha256') : undefined;
    hash?.update(head.subarray(0, detected.bomLength));
    const blocks = opts.digests ? new BlockHasher(size) : undefined;
    blocks?.update(head.subarray(0, detected.bomLength));
    let complete = true;
    // One reusable buffer: the unfinished record at its front, new bytes copied in after it. The
    // next chunk is read (on libuv's thread pool) while this one is parsed, into the other of two
    // landing buffers: the scan then waits for the disk only when the disk is the slower of the two.
    let work = Buffer.allocUnsafe(chunkSize * 2);
    let carry = 0;
    const landing = [Buffer.allocUnsafe(chunkSize), Buffer.allocUnsafe(chunkSize)];
    let which = 0;
    const readAt = (into: Buffer, at: number) => {
      const r = fh.read(into, 0, chunkSize, at);
      r.catch(() => undefined); // awaited below; this only keeps an abandoned read from going unhandled
      return r;
    };
    let pending = readAt(landing[0]!, position);
    while (!eof) {
      const { bytesRead: got } = await pending;
      const fresh = landing[which]!.subarray(0, got);
      position += got;
      eof = got === 0 || position >= size;
      which ^= 1;
      if (!eof) pending = readAt(landing[which]!, position);
      hash?.update(fresh);
      blocks?.update(fresh);
      if (carry + got > work.length) {
        const bigger = Buffer.allocUnsafe(Math.max(work.length * 2, carry + got));
        work.copy(bigger, 0, 0, carry);
        work = bigger;
      }
      fresh.copy(work, carry);
      const buf = work.subarray(0, carry + got);
      const firstLine = st.line;
      const consumed = parseRecords(buf, 0, eof, view, st, label, onRecord, delimiter.charCodeAt(0));
      if (consumed === 'stop') {
        complete = false;
        break;
      }
      // The whole file is checked, chunk by chunk, not only the head that chose the encoding.
      if (detected.encoding === 'utf8' && !isUtf8(buf.subarray(0, consumed)))
        badUtf8(buf, consumed, firstLine, label);
      st.base += consumed;
      carry = buf.length - consumed;
      if (carry > 0) buf.copy(work, 0, consumed, buf.length);
      opts.onProgress?.(position, size);
    }
    const after = await fh.stat();
    if (after.size !== before.size || after.mtimeMs !== before.mtimeMs) throw changedError(label);
    return {
      file: label,
      encoding: detected.encoding,
      bomLength: detected.bomLength,
      bytes: size,
      records: st.records,
      delimiter,
      ...(hash ? { sha256: hash.digest('hex') } : {}),
      ...(blocks && complete ? { digests: blocks.finish() } : {}),
    };
  } finally {
    await fh.close();
  }
}

/** Throw the one-line error for the first invalid UTF-8 byte in buf[0..end). */
function badUtf8(buf: Uint8Array, end: number, firstLine: number, label: string): never {
  const ev = utf8Evidence(buf.subarray(0, end));
  const at = ev.firstBad < 0 ? 0 : ev.firstBad;
  const p = {
    file: label,
    line: lineAt(buf, at, firstLine),
    byte: (buf[at] ?? 0).toString(16).toUpperCase().padStart(2, '0'),
  };
  throw new UserError(t(scopeLang(), ev.mostlyUtf8 ? m.badUtf8 : m.badUtf8Later, p), [
    {
      file: label,
      line: p.line,
      message: t(scopeLang(), ev.mostlyUtf8 ? m.badUtf8 : m.badUtf8Later, p).slice(
        `${label}:${p.line}: `.length,
      ),
    },
  ]);
}

/** Records read again are read in runs of whole digest blocks of at most this many bytes. */
const REREAD_SPAN = 256 * 1024;

export interface RereadOptions {
  delimiter?: Delimiter;
  /** The digests of the scan that found the records: every block read again is checked against them. */
  digests?: BlockDigests;
}

/**
 * Read a few records again by their byte offsets (from an earlier scan of the same file). The file
 * must be the one scanned: the same file, size and modification time, and with `digests`, the same
 * bytes in every block that holds a record read (anything else is "the file changed while it was
 * read", exit 2). Records are read in file order, neighbours in one read; `onRecord` gets each
 * record with its index in `refs`.
 */
export async function readRecordsAt(
  file: string,
  encoding: Encoding,
  refs: readonly { offset: number; length: number }[],
  onRecord: (index: number, r: CsvRecordView) => void,
  opts: RereadOptions = {},
): Promise<void> {
  const scope = currentScope();
  const path = scope?.buffered.get(file) ?? file;
  const label = scope?.inputs.get(file)?.label ?? file;
  const comma = (opts.delimiter ?? ',').charCodeAt(0);
  const digests = opts.digests;
  let fh: FileHandle;
  try {
    fh = await open(path, 'r');
  } catch (err) {
    throw err instanceof Error && (err as NodeJS.ErrnoException).code === 'ENOENT'
      ? changedError(label)
      : err;
  }
  try {
    const stat = await fh.stat();
    assertUnchanged(file, stat);
    if (digests && stat.size !== digests.bytes) throw changedError(label);
    const view = new FastView(encoding);
    const order = Array.from(refs.keys()).sort((a, b) => refs[a]!.offset - refs[b]!.offset);
    const B = digests?.blockSize ?? 1;
    let buf = Buffer.allocUnsafe(REREAD_SPAN);
    for (let k = 0; k < order.length;) {
      // One run: the blocks of this record and of the following ones that share or adjoin them.
      const first = refs[order[k]!]!;
      const from = digests ? Math.floor(first.offset / B) * B : first.offset;
      let to = first.offset + first.length;
      let j = k + 1;
      for (; j < order.length; j++) {
        const r = refs[order[j]!]!;
        const end = r.offset + r.length;
        if (!digests || r.offset > Math.ceil(to / B) * B || Math.max(to, end) - from > REREAD_SPAN) break;
        to = Math.max(to, end);
      }
      if (digests) to = Math.min(digests.bytes, Math.ceil(to / B) * B);
      if (to - from > buf.length) buf = Buffer.allocUnsafe(to - from);
      const span = buf.subarray(0, to - from);
      let got = 0;
      while (got < span.length) {
        const n = readSync(fh.fd, span, got, span.length - got, from + got);
        if (n === 0) throw changedError(label);
        got += n;
      }
      if (digests)
        for (let b = from; b < to; b += B) {
          const crc = crc32(span.subarray(b - from, Math.min(to, b + B) - from));
          if (crc !== digests.crc[b / B]) throw changedError(label);
        }
      for (; k < j; k++) {
        const i = order[k]!;
        const ref = refs[i]!;
        const st: ParseState = { line: 0, records: 0, base: ref.offset };
        // The span may hold more than the record (blank lines after it): take the first record only.
        parseRecords(
          span.subarray(ref.offset - from, ref.offset - from + ref.length),
          0,
          true,
          view,
          st,
          file,
          (r) => {
            onRecord(i, r);
            return false;
          },
          comma,
        );
      }
    }
  } finally {
    await fh.close();
  }
}

const CANDIDATES: readonly Delimiter[] = [',', '\t', ';'];

/**
 * The field separator of a delimited text file from its first lines: for each candidate, the
 * number of separators most lines share (outside quotes), weighted by how many lines share it.
 * Title rows and blank lines do not disturb it; a tie goes to the comma.
 */
export function detectDelimiter(head: Uint8Array): Delimiter {
  const counts = CANDIDATES.map(() => [] as number[]);
  let lines = 0;
  let inQuote = false;
  let cur = CANDIDATES.map(() => 0);
  for (let i = 0; i < head.length && lines < 30; i++) {
    const c = head[i]!;
    if (c === 0x22) inQuote = !inQuote;
    else if (!inQuote && (c === 0x0a || c === 0x0d)) {
      if (cur.some((n) => n > 0)) cur.forEach((n, k) => counts[k]!.push(n));
      cur = CANDIDATES.map(() => 0);
      lines++;
    } else if (!inQuote) {
      for (let k = 0; k < CANDIDATES.length; k++) if (c === CANDIDATES[k]!.charCodeAt(0)) cur[k]!++;
    }
  }
  if (cur.some((n) => n > 0)) cur.forEach((n, k) => counts[k]!.push(n));
  let best: Delimiter = ',';
  let bestScore = 0;
  CANDIDATES.forEach((d, k) => {
    const freq = new Map<number, number>();
    for (const n of counts[k]!) if (n > 0) freq.set(n, (freq.get(n) ?? 0) + 1);
    let score = 0;
    for (const [n, f] of freq) score = Math.max(score, n * f);
    if (score > bestScore) {
      best = d;
      bestScore = score;
    }
  });
  return best;
}
