import { statSync } from 'node:fs';
import { TextDecoder } from 'node:util';
import { UserError, type Problem } from '../core/errors.js';
import type { Encoding, EncodingChoice } from '../io/encoding.js';
import { readRecordsAt, scanCsv, type CsvRecordView } from '../io/csv-scan.js';
import { ByteArena, GrowArray, GrowInt32, IdIndex, KeyInterner } from './byte-table.js';
import { canonicalColumn, defaultStratumColumns, findColumn, mapColumns, type ColumnMap } from './columns.js';

/**
 * A roster held for sampling: per household only what the draw needs (its id as UTF-8 bytes, its
 * stratum, where its record sits in the file), so millions of rows fit in little memory. The full
 * records of the few households drawn are read again by offset.
 */
export interface RosterFrame {
  file: string;
  encoding: Encoding;
  bom: boolean;
  sha256: string;
  bytes: number;
  columns: ColumnMap;
  /** The stratum columns (--by, or the roster's default), and their indices, in order. */
  by: string[];
  byIndex: number[];
  /**
   * Strata whose values occur under more than one sub-district (--by community on a roster where
   * two sub-districts each have a 和平社区): the households of different communities pooled.
   */
  clashes: StratumClash[];
  /** Column indices of the systematic order columns that exist in this roster. */
  orderIndex: number[];
  households: number;
  ids: ByteArena;
  /** Where each household's id starts in the arena; it ends where the next one starts. */
  idStart: Int32Array;
  stratumOf: Int32Array;
  /** Byte offset of each household's record (32-bit when the file is under 4 GiB). */
  offset: Uint32Array | Float64Array;
  /** The order columns' values per household joined by U+001F (systematic sampling only). */
  orderKeys?: string[];
  strata: StratumInfo[];
  problems: Problem[];
  problemCount: number;
  warnings: string[];
}

export interface StratumInfo {
  /** The stratum's values joined by " / " (the sample list's `stratum` column). */
  key: string;
  values: string[];
  size: number;
}

export interface StratumClash {
  key: string;
  /** The sub-districts the stratum's households are in. */
  parents: string[];
}

export interface ReadRosterOptions {
  encoding?: EncodingChoice;
  label?: string;
  /** Stratum columns; by default sub-district and community (community alone without a sub-district column). */
  by?: string[];
  /** Address order columns (for ranking, and the sort of systematic sampling). */
  order?: string[];
  /** Keep every household's order-column values (systematic sampling needs them). */
  keepOrderKeys?: boolean;
  maxProblems?: number;
  onProgress?: (done: number, total: number) => void;
}

export const STRATUM_JOIN = ' / ';

const utf8 = new TextDecoder('utf-8');

function trimRange(b: Uint8Array, s: number, e: number): [number, number] {
  while (s < e && (b[s] === 0x20 || b[s] === 0x09)) s++;
  while (e > s && (b[e - 1] === 0x20 || b[e - 1] === 0x09)) e--;
  return [s, e];
}

function isAscii(b: Uint8Array, s: number, e: number): boolean {
  for (let k = s; k < e; k++) if (b[k]! >= 0x80) return false;
  return true;
}

function isWholeNumber(b: Uint8Array, s: number, e: number): boolean {
  [s, e] = trimRange(b, s, e);
  if (s === e) return true; // empty is allowed: unknown size
  // Excel writes 3 as "3" and sometimes "3.0".
  let k = s;
  while (k < e && b[k]! >= 0x30 && b[k]! <= 0x39) k++;
  if (k === s) return false;
  if (k < e && b[k] === 0x2e) {
    k++;
    while (k < e && b[k] === 0x30) k++;
  }
  return k === e;
}

/**
 * Line numbers of households without a number per household: a household's line is its row + 2
 * (after the header) plus a shift that changes only at blank lines, multi-line records and rows
 * set aside as invalid, so only the rows where the shift changes are kept.
 */
class LineIndex {
  private rows = new GrowInt32(64);
  private shifts = new GrowInt32(64);
  add(row: number, line: number): void {
    const shift = line - (row + 2);
    const n = this.shifts.length;
    if (n === 0 || this.shifts.data[n - 1] !== shift) {
      this.rows.push(row);
      this.shifts.push(shift);
    }
  }
  lineOf(row: number): number {
    let lo = 0;
    let hi = this.rows.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.rows.data[mid]! <= row) lo = mid;
      else hi = mid - 1;
    }
    return row + 2 + (this.shifts.data[lo] ?? 0);
  }
}

/** Read and validate a roster. Problems are collected (up to maxProblems, then counted). */
export async function readRoster(file: string, opts: ReadRosterOptions): Promise<RosterFrame> {
  const label = opts.label ?? file;
  const maxProblems = opts.maxProblems ?? 20;
  const problems: Problem[] = [];
  let problemCount = 0;
  const problem = (p: Problem) => {
    problemCount++;
    if (problems.length < maxProblems) problems.push({ file: label, ...p });
  };

  let columns: ColumnMap | undefined;
  let idCol = -1;
  let sizeCol = -1;
  let by: string[] = [];
  let byIndex: number[] = [];
  // The sub-district column when the strata do not include it, to find communities it would tell apart.
  let parentCol = -1;
  let orderIndex: number[] = [];
  let width = 0;
  // Size the columns from the file size (rosters run 60 bytes a household and more) so that they
  // rarely grow: growing copies, and for a moment holds both copies.
  let fileSize = 0;
  try {
    fileSize = statSync(file).size;
  } catch {
    // scanCsv reports a missing file
  }
  const expected = Math.max(1 << 16, Math.ceil(fileSize / 64));
  const ids = new ByteArena(expected * 10);
  const idStart = new GrowInt32(expected);
  const stratumOf = new GrowInt32(expected);
  const lines = new LineIndex();
  const offsets: GrowArray<Uint32Array | Float64Array> =
    fileSize < 2 ** 32
      ? new GrowArray<Uint32Array>(Uint32Array, expected)
      : new GrowArray<Float64Array>(Float64Array, expected);
  const orderKeys: string[] | undefined = opts.keepOrderKeys ? [] : undefined;
  const index = new IdIndex(ids, idStart, expected);
  const strataIndex = new KeyInterner();
  const rawStratumValues: string[][] = [];
  const rawParents: string[] = [];
  const warnings: string[] = [];

  const onHeader = (r: CsvRecordView) => {
    const header = r.all().map((h) => h.replace(/^\uFEFF/, '').trim());
    width = header.length;
    columns = mapColumns(header);
    const seen = new Map<string, number>();
    header.forEach((h, i) => {
      const c = canonicalColumn(h);
      if (c === undefined || h === '') return;
      const prev = seen.get(c);
      if (prev !== undefined)
        problem({
          line: 1,
          field: h,
          message: `column "${h}" means ${c}, like column "${header[prev]}"; keep one`,
        });
      else seen.set(c, i);
    });
    const idx = columns.index.household_id;
    if (idx === undefined)
      throw new UserError(
        `${label}:1: no household id column: expected one of household_id, 户编号, 户号 (header: ${header.join(', ')})`,
      );
    idCol = idx;
    sizeCol = columns.index.size ?? -1;
    const missing: string[] = [];
    by = opts.by ?? defaultStratumColumns(columns);
    byIndex = by.map((b) => {
      const i = findColumn(columns!, b);
      if (i === undefined) missing.push(b);
      return i ?? -1;
    });
    if (missing.length)
      throw new UserError(
        `${label}:1: no stratum column ${missing.map((m) => `"${m}"`).join(', ')} (--by); header: ${header.join(', ')}`,
      );
    const street = columns.index.street;
    const community = columns.index.community;
    if (
      street !== undefined &&
      community !== undefined &&
      byIndex.includes(community) &&
      !byIndex.includes(street)
    )
      parentCol = street;
    if (opts.order) {
      const absent: string[] = [];
      orderIndex = [];
      for (const o of opts.order) {
        const i = findColumn(columns, o);
        if (i === undefined) absent.push(o);
        else orderIndex.push(i);
      }
      if (absent.length)
        warnings.push(
          `${label}: order columns not in the roster, left out of the sort: ${absent.join(', ')}`,
        );
    }
  };

  const onRow = (r: CsvRecordView) => {
    const b = r.buffer;
    // Excel leaves rows of empty cells below the data: they are no households.
    let blank = true;
    for (let i = 0; i < r.count && blank; i++) if (!r.isBlank(i)) blank = false;
    if (blank) return;
    if (r.count !== width) {
      // Trailing empty cells beyond the header are harmless (Excel writes them).
      let extraEmpty = r.count > width;
      for (let i = width; i < r.count && extraEmpty; i++) if (!r.isBlank(i)) extraEmpty = false;
      if (!extraEmpty) {
        problem({ line: r.line, message: `ragged row: ${r.count} fields, the header has ${width}` });
        return;
      }
    }
    if (r.isBlank(idCol)) {
      problem({ line: r.line, field: columns!.header[idCol], message: 'empty household id' });
      return;
    }
    strataIndex.reset();
    for (let k = 0; k < byIndex.length; k++) {
      const c = byIndex[k]!;
      if (r.isBlank(c)) {
        problem({ line: r.line, field: columns!.header[c], message: 'empty stratum value' });
        return;
      }
      strataIndex.append(b, r.start(c), r.end(c));
    }
    if (parentCol >= 0) strataIndex.append(b, r.start(parentCol), r.end(parentCol));
    if (sizeCol >= 0 && !isWholeNumber(b, r.start(sizeCol), r.end(sizeCol)))
      problem({
        line: r.line,
        field: columns!.header[sizeCol],
        message: `not a whole number: "${r.text(sizeCol).slice(0, 20)}"`,
      });

    const row = idStart.length;
    let [s, e] = trimRange(b, r.start(idCol), r.end(idCol));
    if (r.escaped(idCol) || (r.encoding === 'gb18030' && !isAscii(b, s, e)))
      idStart.push(ids.pushString(r.text(idCol).trim()));
    else idStart.push(ids.push(b, s, e));
    const st = strataIndex.intern();
    if (st.isNew) {
      rawStratumValues.push(byIndex.map((c) => r.text(c).trim()));
      rawParents.push(parentCol >= 0 ? r.text(parentCol).trim() : '');
    }
    stratumOf.push(st.id);
    lines.add(row, r.line);
    offsets.push(r.offset);
    if (orderKeys) orderKeys.push(orderIndex.map((c) => r.text(c).trim()).join('\u001f'));
    const dup = index.insert(row);
    if (dup >= 0) {
      [s, e] = [idStart.data[row]!, ids.used];
      problem({
        line: r.line,
        field: columns!.header[idCol],
        message: `duplicate household id "${utf8.decode(ids.bytes.subarray(s, e))}" (first on line ${lines.lineOf(dup)})`,
      });
    }
  };

  let first = true;
  const info = await scanCsv(
    file,
    (r) => {
      if (first) {
        first = false;
        onHeader(r);
      } else onRow(r);
    },
    { encoding: opts.encoding, label, onProgress: opts.onProgress, sha256: true },
  );
  if (columns === undefined) throw new UserError(`${label}: the file is empty`);
  if (idStart.length === 0 && problemCount === 0)
    throw new UserError(`${label}: the roster has a header but no households`);

  // Raw stratum keys differ when the same value is written differently (spaces, quotes, encoding):
  // merge them by their decoded, trimmed values, and number strata in code-point order of their key.
  const byKey = new Map<string, { values: string[]; raw: number[]; parents: Set<string> }>();
  rawStratumValues.forEach((values, raw) => {
    const key = values.join(STRATUM_JOIN);
    let e = byKey.get(key);
    if (e) e.raw.push(raw);
    else byKey.set(key, (e = { values, raw: [raw], parents: new Set() }));
    if (rawParents[raw] !== '') e.parents.add(rawParents[raw]!);
  });
  const keys = [...byKey.keys()].sort(compareCodePoints);
  const clashes: StratumClash[] = keys
    .filter((k) => byKey.get(k)!.parents.size > 1)
    .map((key) => ({ key, parents: [...byKey.get(key)!.parents].sort(compareCodePoints) }));
  const rawToFinal = new Int32Array(rawStratumValues.length);
  const strata: StratumInfo[] = keys.map((key, i) => {
    const e = byKey.get(key)!;
    for (const raw of e.raw) rawToFinal[raw] = i;
    return { key, values: e.values, size: 0 };
  });
  const so = stratumOf.view();
  for (let i = 0; i < so.length; i++) {
    const f = rawToFinal[so[i]!]!;
    so[i] = f;
    strata[f]!.size++;
  }

  return {
    file: label,
    encoding: info.encoding,
    bom: info.bomLength > 0,
    sha256: info.sha256!,
    bytes: info.bytes,
    columns,
    by,
    byIndex,
    clashes,
    orderIndex,
    households: idStart.length,
    ids,
    idStart: idStart.view(),
    stratumOf: so,
    offset: offsets.view(),
    ...(orderKeys ? { orderKeys } : {}),
    strata,
    problems,
    problemCount,
    warnings,
  };
}

/** Code-point order of two strings (what UTF-8 byte order gives), independent of locale. */
export function compareCodePoints(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.codePointAt(i)!;
    const y = b.codePointAt(i)!;
    if (x !== y) return x - y;
    if (x > 0xffff) i++;
  }
  return a.length - b.length;
}

/** End of a household's id in the arena: where the next one starts. */
export function idEnd(frame: RosterFrame, row: number): number {
  return row + 1 < frame.households ? frame.idStart[row + 1]! : frame.ids.used;
}

export function householdId(frame: RosterFrame, row: number): string {
  return utf8.decode(frame.ids.bytes.subarray(frame.idStart[row], idEnd(frame, row)));
}

/** A record's bytes run at most to the next household's record (blank lines may sit between). */
function recordSpan(frame: RosterFrame, row: number): number {
  return (row + 1 < frame.households ? frame.offset[row + 1]! : frame.bytes) - frame.offset[row]!;
}

/** Read the full records of some households again, by offset. */
export async function readHouseholds(
  frame: RosterFrame,
  file: string,
  rows: readonly number[],
): Promise<string[][]> {
  const out: string[][] = new Array<string[]>(rows.length);
  await readRecordsAt(
    file,
    frame.encoding,
    rows.map((r) => ({ offset: frame.offset[r]!, length: recordSpan(frame, r) })),
    (i, rec) => {
      const fields = rec.all();
      while (fields.length < frame.columns.header.length) fields.push('');
      out[i] = fields.slice(0, frame.columns.header.length);
    },
  );
  return out;
}

/** Throw the collected problems as one user error (exit 2). */
export function assertValid(frame: RosterFrame): void {
  if (frame.problemCount === 0) return;
  const more = frame.problemCount - frame.problems.length;
  throw new UserError(
    `${frame.file}: invalid roster: ${frame.problemCount} problem${frame.problemCount === 1 ? '' : 's'}` +
      (more > 0 ? ` (${more} more not shown; --max-errors to see more)` : ''),
    frame.problems,
  );
}
