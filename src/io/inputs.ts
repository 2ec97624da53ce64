import { createHash, randomBytes } from 'node:crypto';
import {
  closeSync,
  createReadStream,
  createWriteStream,
  fstatSync,
  openSync,
  readSync,
  realpathSync,
  statSync,
  unlinkSync,
  type Stats,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { isUtf8 } from 'node:buffer';
import { fileError, UserError } from '../core/errors.js';
import { t } from '../core/messages.js';
import { kindOf, trackTemp, untrackTemp } from './atomic.js';
import { m } from './messages.js';
import { currentScope, scopeLang } from './run-scope.js';

/**
 * Inputs are bounded and typed. A command reads regular files; a pipe that the shell made for it
 * (`<(...)`, /dev/stdin) is accepted deliberately (a CSV file through a pipe is copied to a
 * temporary file first, since rosters are read twice); folders, devices and named pipes get one
 * clear line (a named pipe without a writer would block forever). YAML and JSON inputs are read
 * whole, up to a limit said in the message.
 */
export const TEXT_LIMIT = 10 * 1024 * 1024;

/** Pipes a shell hands a command: process substitution and standard input. */
const PROCESS_PIPE = /^\/(dev\/fd|proc\/(self|\d+)\/fd)\/\d+$|^\/dev\/stdin$/;

function notFile(label: string, st: Stats): UserError {
  if (st.isDirectory()) return fileError(label, { code: 'EISDIR' });
  return new UserError(t(scopeLang(), m.inputNotFile, { file: label, kind: kindOf(st) }));
}

/** A regular file, or a pipe the shell opened for this process; never opens the path. */
function classify(path: string, label: string): 'file' | 'pipe' {
  let st: Stats;
  try {
    st = statSync(path);
  } catch (err) {
    throw fileError(label, err);
  }
  if (st.isFile()) return 'file';
  if (st.isFIFO() || st.isSocket()) {
    if (PROCESS_PIPE.test(path)) return 'pipe';
    if (st.isFIFO()) throw new UserError(t(scopeLang(), m.inputNamedPipe, { file: label }));
  }
  throw notFile(label, st);
}

/** Remember an input of the running command (what it is, and when it was last changed). */
export function noteInput(path: string, label: string, st: Stats): void {
  const scope = currentScope();
  if (!scope) return;
  let real = path;
  try {
    real = realpathSync(path);
  } catch {
    // a pipe has no real path
  }
  scope.inputs.set(path, {
    label,
    realpath: real,
    dev: st.dev,
    ino: st.ino,
    size: st.size,
    mtimeMs: st.mtimeMs,
  });
}

/** Did the input change since the command first read it? */
export function assertUnchanged(path: string, st: Stats): void {
  const rec = currentScope()?.inputs.get(path);
  if (!rec) return;
  if (rec.dev !== st.dev || rec.ino !== st.ino || rec.size !== st.size || rec.mtimeMs !== st.mtimeMs)
    throw new UserError(t(scopeLang(), m.changedWhileRead, { file: rec.label }));
}

export function changedError(label: string): UserError {
  return new UserError(t(scopeLang(), m.changedWhileRead, { file: label }));
}

/** The regular file to read for a CSV input: the file itself, or a temporary copy of a pipe. */
export async function csvInputPath(path: string, label: string): Promise<string> {
  const scope = currentScope();
  const copy = scope?.buffered.get(path);
  if (copy !== undefined) return copy;
  if (classify(path, label) === 'file') return path;
  if (!scope)
    throw new UserError(t(scopeLang(), m.inputNotFile, { file: label, kind: t(scopeLang(), m.kindPipe) }));
  const tmp = join(tmpdir(), `hhsurvey-pipe-${process.pid}-${randomBytes(6).toString('hex')}.csv`);
  trackTemp(tmp, 'file');
  scope.buffered.set(path, tmp);
  try {
    await pipeline(createReadStream(path), createWriteStream(tmp, { flags: 'wx', mode: 0o600 }));
  } catch (err) {
    throw fileError(label, err);
  }
  return tmp;
}

/** Remove the copies of piped inputs at the end of a run. */
export function removeBufferedInputs(): void {
  const scope = currentScope();
  if (!scope) return;
  for (const tmp of scope.buffered.values()) {
    try {
      unlinkSync(tmp);
    } catch {
      // already gone
    }
    untrackTemp(tmp);
  }
  scope.buffered.clear();
}

/** A whole text input (YAML, JSON) of at most `limit` bytes, from a file or a shell's pipe. */
export function readInputBytes(path: string, label: string, limit = TEXT_LIMIT): Buffer {
  const kind = classify(path, label);
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (err) {
    throw fileError(label, err);
  }
  try {
    const st = fstatSync(fd);
    const tooLarge = () => new UserError(t(scopeLang(), m.inputTooLarge, { file: label, limit }));
    if (kind === 'file') {
      if (!st.isFile()) throw notFile(label, st);
      if (st.size > limit) throw tooLarge();
      noteInput(path, label, st);
    }
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const buf = Buffer.allocUnsafe(Math.min(1 << 20, limit + 1 - total));
      let got: number;
      try {
        got = readSync(fd, buf, 0, buf.length, null);
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'EAGAIN') continue;
        throw fileError(label, err);
      }
      if (got === 0) break;
      total += got;
      chunks.push(buf.subarray(0, got));
      if (total > limit) throw tooLarge();
    }
    return Buffer.concat(chunks, total);
  } finally {
    closeSync(fd);
  }
}

/**
 * A whole text input that must be UTF-8 (standards, drill files, manifests, reports): its text,
 * a BOM dropped. An empty file, a binary file or bytes that are not UTF-8 are refused with one
 * located line (rosters and responses are another idea: they may be GB18030, see encoding.ts).
 */
export function readUtf8File(path: string, label: string, limit = TEXT_LIMIT): string {
  return decodeUtf8(readInputBytes(path, label, limit), label);
}

/** The text of bytes that must be UTF-8, or a user error at the first byte that is not. */
export function decodeUtf8(bytes: Uint8Array, label: string): string {
  if (bytes.length === 0) throw new UserError(t(scopeLang(), m.fileEmpty, { file: label }));
  if (bytes.includes(0)) throw new UserError(t(scopeLang(), m.notText, { file: label }));
  const bad = firstNonUtf8(bytes);
  if (bad >= 0) {
    let line = 1;
    for (let k = bytes.indexOf(0x0a); k !== -1 && k < bad; k = bytes.indexOf(0x0a, k + 1)) line++;
    throw new UserError(t(scopeLang(), m.notUtf8Text, { file: label, line, byte: bad + 1 }));
  }
  return new TextDecoder('utf-8').decode(bytes).replace(/^\uFEFF/, '');
}

/**
 * Index of the first byte of `bytes` that starts no well-formed UTF-8 character (a character cut off
 * by the end counts as bad), or -1 when all of it is UTF-8.
 */
export function firstNonUtf8(b: Uint8Array): number {
  if (isUtf8(b)) return -1;
  const n = b.length;
  for (let i = 0; i < n;) {
    const c = b[i]!;
    if (c < 0x80) {
      i++;
      continue;
    }
    // RFC 3629's table: the second byte's range depends on the lead byte (no overlongs, no surrogates).
    let len: number;
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
    } else return i;
    for (let k = 1; k < len; k++) {
      const x = b[i + k];
      if (x === undefined || x < (k === 1 ? lo : 0x80) || x > (k === 1 ? hi : 0xbf)) return i;
    }
    i += len;
  }
  return -1;
}

/** SHA-256 of a file's bytes (a piped input: of its copy). */
export async function fileSha256(path: string, label: string): Promise<string> {
  const hash = createHash('sha256');
  try {
    await pipeline(createReadStream(await csvInputPath(path, label)), hash);
  } catch (err) {
    throw fileError(label, err);
  }
  return hash.digest('hex');
}
