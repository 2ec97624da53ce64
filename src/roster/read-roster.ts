import { statSync } from 'node:fs';
import { TextDecoder } from 'node:util';
import { UserError, type Problem } from '../core/errors.js';
import type { Lang } from '../core/i18n.js';
import { m as core } from '../core/core.messages.js';
import { both, t } from '../core/messages.js';
import type { Encoding, EncodingChoice } from '../io/encoding.js';
import {
  readRecordsAt,
  scanCsv,
  type BlockDigests,
  type CsvRecordView,
  type Delimiter,
} from '../io/csv-scan.js';
import { changedError } from '../io/inputs.js';
import { m as io } from '../io/messages.js';
import { impersonalValue } from '../core/safe-text.js';
import { xlsxToCsv } from '../io/xlsx-csv.js';
import { isZipFile, readHead, refuseCompoundFile, sniffKind } from '../io/xlsx-read.js';
import { ByteArena, GrowArray, GrowInt32, KeyInterner, findDuplicates, hashBytes } from './byte-table.js';
import {
  canonicalColumn,
  CANONICAL_COLUMNS,
  COLUMN_ALIASES,
  defaultStratumColumns,
  findColumn,
  mapColumns,
  normaliseHeader,
  type CanonicalColumn,
  type ColumnMap,
} from './columns.js';
import { m } from './messages.js';

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
  /**
   * Household ids that are numbers with leading zeros (lost when Excel re-saves a CSV): the advice
   * to hand field teams the .xlsx list, for commands that write a CSV list or check a roster.
   */
  leadingZeroWarning?: string;
  /** What the reader did that a person should know (header row, sheet, fills, ignored columns). */
  notes: string[];
  format: 'csv' | 'xlsx';
  /** The sheet read, for a workbook. */
  sheet?: string;
  delimiter: Delimiter;
  /** Line (sheet row for a workbook) of the header. */
  headerLine: number;
  /** The file the records are read again from (a CSV copy of a workbook's sheet), and its size. */
  dataFile: string;
  dataBytes: number;
  /** Block digests of the data file from the scan: records read again are checked against them. */
  digests?: BlockDigests;
  /** Columns filled down from the row above: column index → per household the value's index. */
  fills: { column: number; values: string[]; of: Int32Array }[];
  /** Household ids built from address columns (--id-from): the id is appended to each record. */
  idFrom?: number[];
  /** Remove temporary files (a workbook's CSV copy); the frame cannot read households after it. */
  release(): void;
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
  /** Language of the reader's messages (default English). */
  lang?: Lang;
  /** For a workbook: the sheet's name or 1-based position (default the first visible sheet). */
  sheet?: string;
  /** Field separator of a text roster (default: found from the first lines). */
  delimiter?: Delimiter | 'auto';
  /** Headers for canonical fields the aliases do not know: household_id → 门牌编码. */
  columns?: Partial<Record<CanonicalColumn, string>>;
  /** Build household ids from these address columns (joined by "-"). */
  idFrom?: string[];
  /** Columns whose blank cells take the value above (what merged cells leave). */
  fillDown?: string[];
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

/** 计 as its last bytes in UTF-8 (E8 AE A1) or GB18030 (BC C6): a cheap gate before decoding a cell. */
function endsWithJi(b: Uint8Array, s: number, e: number): boolean {
  return (
    (e - s >= 3 && b[e - 3] === 0xe8 && b[e - 2] === 0xae && b[e - 1] === 0xa1) ||
    (e - s >= 2 && b[e - 2] === 0xbc && b[e - 1] === 0xc6)
  );
}

/**
 * The labels of the total and subtotal rows offices put below a roster or under each community
 * (合计, 小计, 总计, 共计; with spaces between the characters or a colon after them): such a row is
 * a sum, not a household.
 */
const SUMMARY_LABEL = /^(?:合计|小计|总计|共计|总合计|累计)[:：]?$/;

/**
 * A note an office writes below a roster, in a row of its own: a label and a colon (制表人：,
 * 审 核 人：, 填报日期：) or a remark (注：, 注1., 说明：, 备注：).
 */
const NOTE_CELL = /^(?:\p{Script=Han}[\p{Script=Han}\s\u3000]{0,11}[:：]|(?:注|说明|备注)[\s\d:：、.．（(])/u;

/**
 * A header of two rows, as offices group columns: a title merged over several columns (住址 over
 * 楼栋, 单元, 房号; 户主信息 over 姓名, 联系电话) with the column names in the row below, and the
 * other columns' names merged over both rows. `upper` is the row named as a header, `lower` the
 * next one: the combined names when `lower` completes a grouped `upper`, else undefined.
 *
 * A group in `upper` is a name repeated over adjacent columns (a workbook fills a merged range with
 * its value) or followed by empty cells (a CSV export leaves them empty). `lower` completes it when
 * every column under a group has a name there, different from the group's, and every other column
 * is empty in `lower` or repeats `upper`'s name (a name merged over both rows); a row of households
 * has values in the columns outside groups, so it is never taken for the second row.
 */
export function twoRowHeader(upper: readonly string[], lower: readonly string[]): string[] | undefined {
  const width = Math.max(upper.length, lower.length);
  const up = (i: number) => upper[i] ?? '';
  const low = (i: number) => lower[i] ?? '';
  const grouped: boolean[] = new Array<boolean>(width).fill(false);
  let groups = 0;
  for (let i = 0; i < width;) {
    const name = up(i);
    let j = i + 1;
    if (name !== '') while (j < width && (up(j) === name || (up(j) === '' && low(j) !== ''))) j++;
    if (j - i >= 2) {
      for (let k = i; k < j; k++) {
        const sub = low(k);
        // A column's name: text, not the group's again, not a number (a household's value).
        if (sub === '' || sub === name || /^[\d.,\s-]+$/.test(sub)) return undefined;
        grouped[k] = true;
      }
      groups++;
    }
    i = j;
  }
  if (groups === 0) return undefined;
  for (let i = 0; i < width; i++) if (!grouped[i] && low(i) !== '' && low(i) !== up(i)) return undefined;
  return Array.from({ length: width }, (_, i) => (grouped[i] ? low(i) : up(i)));
}

/**
 * A long number as Excel leaves it once stored as a number: 16 or more digits ending in zeros (a
 * workbook keeps 15 significant digits), or scientific notation in a CSV export (3.70102E+17).
 */
const EXCEL_LONG_NUMBER = /^(?:\d{15,}0|\d(?:\.\d+)?e\+\d+)$/i;

/** Whether a row's cell (its first non-blank one, as the callers use it) is a total or subtotal label. */
function isSummaryRow(r: CsvRecordView, first: number): boolean {
  // Trimmed in place: a pair returned per household, destructured, was most of the garbage a
  // million-household roster made.
  const b = r.buffer;
  let s = r.start(first);
  let e = r.end(first);
  while (s < e && (b[s] === 0x20 || b[s] === 0x09)) s++;
  while (e > s && (b[e - 1] === 0x20 || b[e - 1] === 0x09)) e--;
  // The longest label with spaces and a colon fits in 24 bytes; most cells fail here, undecoded.
  if (e - s > 24) return false;
  let end = e;
  // A trailing colon (ASCII, or full-width ： in UTF-8 EF BC 9A / GB18030 A3 BA).
  if (end > s && b[end - 1] === 0x3a) end--;
  else if (end - s >= 3 && b[end - 3] === 0xef && b[end - 2] === 0xbc && b[end - 1] === 0x9a) end -= 3;
  else if (end - s >= 2 && b[end - 2] === 0xa3 && b[end - 1] === 0xba) end -= 2;
  if (!endsWithJi(b, s, end)) return false;
  return SUMMARY_LABEL.test(r.text(first).replace(/[\s\u3000]/g, ''));
}

function isDigits(b: Uint8Array, s: number, e: number): boolean {
  for (let k = s; k < e; k++) if (b[k]! < 0x30 || b[k]! > 0x39) return false;
  return true;
}

function isWholeNumber(b: Uint8Array, s: number, e: number): boolean {
  while (s < e && (b[s] === 0x20 || b[s] === 0x09)) s++;
  while (e > s && (b[e - 1] === 0x20 || b[e - 1] === 0x09)) e--;
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

/** Headers that number rows, not households: never taken as a household id. */
const SERIAL_HEADERS = new Set(['序号', '编号序号', '行号', 'no', 'no.', '#', 'seq'].map(normaliseHeader));
/** The address columns offered for --id-from, in address order. */
const ADDRESS_FIELDS: CanonicalColumn[] = ['street', 'community', 'building', 'unit', 'room'];
/** The header must be among the first rows: title rows and blank rows above it are skipped. */
const HEADER_SEARCH_ROWS = 20;
const DELIMITER_NAMES: Record<Delimiter, { zh: string; en: string }> = {
  ',': { zh: '逗号', en: 'commas' },
  '\t': { zh: '制表符', en: 'tabs' },
  ';': { zh: '分号', en: 'semicolons' },
};

/** How a roster file is read: the options `check`, `sample` and every roster-reading command share. */
export type RosterInput = Pick<ReadRosterOptions, 'sheet' | 'delimiter' | 'columns' | 'idFrom' | 'fillDown'>;

/** Read and validate a roster (CSV in any of its forms, or an .xlsx workbook). */
export async function readRoster(file: string, opts: ReadRosterOptions): Promise<RosterFrame> {
  const label = opts.label ?? file;
  const lang = opts.lang ?? 'en';
  const head = await readHead(file, label, 8);
  if (sniffKind(head) === 'cfb') await refuseCompoundFile(file, label, lang);
  if (!(await isZipFile(file, label))) return readRosterCsv(file, file, opts);
  const x = await xlsxToCsv(file, { label, sheet: opts.sheet, lang, onProgress: opts.onProgress });
  try {
    const frame = await readRosterCsv(x.csvPath, file, opts, {
      rowOfLine: x.rowOfLine,
      sha256: x.sha256,
      bytes: x.bytes,
      release: () => x.release(),
    });
    frame.format = 'xlsx';
    frame.sheet = x.sheet.name;
    const hidden = x.sheets.filter((s) => s.hidden && s !== x.sheet).length;
    frame.notes.unshift(t(lang, m.sheetUsed, { sheet: x.sheet.name, hidden }));
    // Offices often keep one sheet per 街道: reading the first alone would drop the others' households
    // without a word. Named with --sheet, the choice is the user's.
    const others = x.sheets.filter((s) => !s.hidden && s !== x.sheet).map((s) => s.name);
    if (opts.sheet === undefined && others.length > 0)
      frame.warnings.push(t(lang, m.otherSheets, { file: label, sheet: x.sheet.name, others }));
    if (x.merges > 0) frame.notes.push(t(lang, m.merged, { n: x.merges }));
    return frame;
  } catch (err) {
    x.release();
    throw err;
  }
}

interface WorkbookSource {
  rowOfLine: Int32Array;
  sha256: string;
  bytes: number;
  release: () => void;
}

async function readRosterCsv(
  file: string,
  original: string,
  opts: ReadRosterOptions,
  workbook?: WorkbookSource,
): Promise<RosterFrame> {
  const label = opts.label ?? original;
  const lang = opts.lang ?? 'en';
  const maxProblems = opts.maxProblems ?? 20;
  const problems: Problem[] = [];
  let problemCount = 0;
  const lineOf = (line: number) => (workbook ? (workbook.rowOfLine[line] ?? line) : line);
  const problem = (p: Problem) => {
    problemCount++;
    if (problems.length < maxProblems)
      problems.push({ file: label, ...p, ...(p.line !== undefined ? { line: lineOf(p.line) } : {}) });
  };

  let columns: ColumnMap | undefined;
  let headerLine = 1;
  let firstRecord: { line: number; cells: string[] } | undefined;
  // The row that named the columns, until the next row says whether the header has a second row.
  let pendingHeader: { line: number; cells: string[] } | undefined;
  // The header's second row, when it has one (twoRowHeader).
  let secondHeaderLine: number | undefined;
  let idCol = -1;
  let idFrom: number[] | undefined;
  let sizeCol = -1;
  let phoneCol = -1;
  let by: string[] = [];
  let byIndex: number[] = [];
  // The sub-district column when the strata do not include it, to find communities it would tell apart.
  let parentCol = -1;
  let orderIndex: number[] = [];
  let width = 0;
  let emptyRows = 0;
  let excelIdsSaid = false;
  // Total and subtotal rows (合计, 小计) skipped: their count and first lines.
  const summary = { count: 0, lines: [] as number[] };
  // Rows holding only notes (制表人：…, 注：…), held back: skipped when no household follows them
  // (notes below the roster), each a problem when one does.
  const notesBelow: number[] = [];
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
  const idHash = new GrowInt32(expected);
  const strataIndex = new KeyInterner();
  const rawStratumValues: string[][] = [];
  const rawParents: string[] = [];
  const warnings: string[] = [];
  const notes: string[] = [];

  // --fill-down: per column the last non-blank value (text and raw bytes) and each household's value.
  interface Fill {
    column: number;
    name: string;
    last?: { text: string; bytes: Buffer };
    values: string[];
    ids: Map<string, number>;
    of: GrowInt32;
    filled: number;
  }
  let fills: Fill[] = [];
  const fillOf = new Map<number, Fill>();
  // Blank stratum values, one report per column.
  const blanks = new Map<number, { count: number; lines: number[]; belowValue: boolean }>();
  // Per column: a value was seen in it (a blank below a value is what --fill-down mends).
  const seenValue: boolean[] = [];
  // Damage: phones in scientific notation or short of digits; ids with leading zeros.
  const sci = { count: 0, lines: [] as number[] };
  const shortPhone = { count: 0, lines: [] as number[] };
  const zeros = { count: 0, line: 0, example: '' };

  // A header echoed in a message shows only the names hhsurvey knows (or the options name): the
  // first line of a roster without a header, or of a foreign file, is a household's or a person's
  // record (a name, a phone), and a header may be a hundred thousand bytes.
  const headerText = (h: string[]) => {
    const named = new Set(
      [...(opts.by ?? []), ...(opts.idFrom ?? []), ...Object.values(opts.columns ?? {})].map(normaliseHeader),
    );
    const known = h.filter((c) => c.length <= 40 && (canonicalColumn(c) || named.has(normaliseHeader(c))));
    const others = h.length - known.length;
    return [...known, ...(others > 0 ? [t(lang, io.columnsNotShown, { n: others })] : [])].join(
      t(lang, core.listSep),
    );
  };

  /** True when a record names a household id or stratum column: the header. */
  const looksLikeHeader = (cells: string[]): boolean => {
    const named = new Set(
      [...(opts.by ?? []), ...(opts.idFrom ?? []), ...Object.values(opts.columns ?? {})].map(normaliseHeader),
    );
    return cells.some((h) => {
      const c = canonicalColumn(h);
      return c === 'household_id' || c === 'community' || c === 'street' || named.has(normaliseHeader(h));
    });
  };

  const onHeader = (line: number, cells: string[]) => {
    headerLine = line;
    let header = cells;
    let n = header.length;
    while (n > 0 && header[n - 1] === '') n--;
    if (n < header.length) {
      notes.push(t(lang, m.emptyColumns, { n: header.length - n }));
      header = header.slice(0, n);
    }
    width = header.length;
    columns = mapColumns(header);
    const map = columns;
    const resolve = (option: string, name: string): number => {
      const i = findColumn(map, name);
      if (i === undefined)
        throw new UserError(
          `${label}:${lineOf(headerLine)}: ` +
            t(lang, m.noColumnFor, { option, name, header: headerText(header) }),
        );
      return i;
    };
    for (const [field, name] of Object.entries(opts.columns ?? {}) as [CanonicalColumn, string][]) {
      const want = normaliseHeader(name);
      const i = header.indexOf(name);
      const j = i >= 0 ? i : header.findIndex((h) => normaliseHeader(h) === want);
      if (j < 0)
        throw new UserError(
          `${label}:${lineOf(headerLine)}: ` +
            t(lang, m.noColumnFor, { option: `--column ${field}`, name, header: headerText(header) }),
        );
      map.index[field] = j;
    }
    const seen = new Map<string, number>();
    header.forEach((h, i) => {
      const c = canonicalColumn(h);
      if (c === undefined || h === '' || opts.columns?.[c] !== undefined) return;
      const prev = seen.get(c);
      if (prev !== undefined)
        problem({
          line,
          field: h,
          message: t(lang, m.sameMeaning, { column: h, field: c, other: header[prev]! }),
        });
      else seen.set(c, i);
    });
    if (opts.idFrom && opts.idFrom.length) {
      idFrom = opts.idFrom.map((c) => resolve('--id-from', c));
      // The built id becomes a column of its own after the roster's.
      idCol = header.length;
      map.header = [...header, 'household_id'];
      map.index.household_id = idCol;
      notes.push(t(lang, m.idFrom, { columns: opts.idFrom.join(', ') }));
    } else {
      const idx = map.index.household_id;
      if (idx === undefined) {
        const serial = header.find((h) => SERIAL_HEADERS.has(normaliseHeader(h)));
        if (serial !== undefined) {
          const address = ADDRESS_FIELDS.map((f) => map.index[f])
            .filter((i): i is number => i !== undefined)
            .map((i) => header[i]!);
          throw new UserError(
            `${label}:${lineOf(headerLine)}: ` +
              t(lang, m.serialOnly, {
                serial,
                address: (address.length ? address : ['街道', '社区', '楼栋', '单元', '房号']).join(','),
              }),
          );
        }
        throw new UserError(
          `${label}:${lineOf(headerLine)}: ` + t(lang, m.noIdColumn, { header: headerText(header) }),
        );
      }
      idCol = idx;
    }
    sizeCol = map.index.size ?? -1;
    phoneCol = map.index.phone ?? -1;
    const missing: string[] = [];
    by = opts.by ?? defaultStratumColumns(map);
    byIndex = by.map((b) => {
      const i = findColumn(map, b);
      if (i === undefined) missing.push(b);
      return i ?? -1;
    });
    if (missing.length)
      throw new UserError(
        `${label}:${lineOf(headerLine)}: ` +
          t(lang, m.noStratumColumn, {
            missing: missing.map((x) => `"${x}"`).join(', '),
            header: headerText(header),
          }),
      );
    const street = map.index.street;
    const community = map.index.community;
    if (
      street !== undefined &&
      community !== undefined &&
      byIndex.includes(community) &&
      !byIndex.includes(street)
    )
      parentCol = street;
    fills = (opts.fillDown ?? []).map((name) => {
      const column = resolve('--fill-down', name);
      return {
        column,
        name: header[column]!,
        values: [],
        ids: new Map(),
        of: new GrowInt32(expected),
        filled: 0,
      };
    });
    for (const f of fills) fillOf.set(f.column, f);
    if (opts.order) {
      const absent: string[] = [];
      orderIndex = [];
      for (const o of opts.order) {
        const i = findColumn(map, o);
        if (i === undefined) absent.push(o);
        else orderIndex.push(i);
      }
      // A roster with none of the order columns but one free-text 住址 column walks in address
      // order (digit runs compared as numbers: 2号楼 before 10号楼), as the office lists it.
      const address = map.index.address;
      if (orderIndex.length === 0 && address !== undefined) {
        orderIndex.push(address);
        notes.push(t(lang, m.orderByAddress, { column: header[address]! }));
      } else if (absent.length)
        warnings.push(
          t(lang, m.orderAbsent, {
            file: label,
            columns: absent,
            // Chinese names of the standard columns (网格、楼栋…), other names as given.
            names: absent.map((o) =>
              (CANONICAL_COLUMNS as readonly string[]).includes(o)
                ? COLUMN_ALIASES[o as CanonicalColumn][0]!
                : o,
            ),
          }),
        );
    }
  };

  /** Whether the row has no household id: its id cell blank, or every --id-from cell blank. */
  const idBlank = (r: CsvRecordView): boolean => {
    if (idFrom === undefined) return r.isBlank(idCol);
    for (const c of idFrom) if (!r.isBlank(c)) return false;
    return true;
  };

  /** A cell after the first filled one that is a total or subtotal label. */
  const labelledSummary = (r: CsvRecordView, first: number): boolean => {
    for (let c = first + 1; c < r.count; c++) if (!r.isBlank(c) && isSummaryRow(r, c)) return true;
    return false;
  };

  /** Whether a stratum cell of the row is blank (before --fill-down). */
  const stratumBlank = (r: CsvRecordView): boolean => {
    for (let k = 0; k < byIndex.length; k++) if (r.isBlank(byIndex[k]!)) return true;
    return false;
  };

  /** Whether every filled cell of a row (from its first) is a note (NOTE_CELL). */
  const onlyNotes = (r: CsvRecordView, first: number): boolean => {
    // A note starts with a Chinese character: a first cell starting with an ASCII byte (a row
    // number, an id) is refused undecoded (with --fill-down every household's strata are blank).
    const b = r.buffer;
    let k = r.start(first);
    while (k < r.end(first) && (b[k] === 0x20 || b[k] === 0x09)) k++;
    if (b[k]! < 0x80) return false;
    for (let c = first; c < r.count; c++)
      if (!r.isBlank(c) && !NOTE_CELL.test(r.text(c).trim())) return false;
    return true;
  };

  /** A cell's text, filled down when --fill-down names its column and it is blank. */
  const cellText = (r: CsvRecordView, c: number): string => {
    const f = fillOf.get(c);
    if (f !== undefined && r.isBlank(c)) return f.last?.text ?? '';
    return r.text(c).trim();
  };

  const onRow = (r: CsvRecordView) => {
    const b = r.buffer;
    // Excel leaves rows of empty cells below the data: they are no households.
    let first = -1;
    for (let i = 0; i < r.count; i++)
      if (!r.isBlank(i)) {
        first = i;
        break;
      }
    if (first < 0) {
      emptyRows++;
      return;
    }
    // A total row (合计 under the roster, 小计 under each community) is a sum, not a household: its
    // label in the first filled cell, or, in a row without a household id, in any cell (a 小计
    // inside a merged 街道 column, read as the street, has the street in its first filled cell).
    if (isSummaryRow(r, first) || (idBlank(r) && labelledSummary(r, first))) {
      summary.count++;
      if (summary.lines.length < 5) summary.lines.push(lineOf(r.line));
      return;
    }
    let ragged = false;
    if (r.count !== width) {
      // Trailing empty cells beyond the header are harmless (Excel writes them); a workbook's
      // rows simply end at their last non-empty cell.
      let harmless = r.count > width || workbook !== undefined;
      for (let i = width; i < r.count && harmless; i++) if (!r.isBlank(i)) harmless = false;
      ragged = !harmless;
    }
    // A household has its id and strata: only a row missing one is looked at for notes.
    if ((idBlank(r) || stratumBlank(r)) && onlyNotes(r, first)) {
      notesBelow.push(r.line);
      return;
    }
    // A household after notes: they stand between households, where a note has no place.
    if (notesBelow.length > 0)
      for (const line of notesBelow.splice(0)) problem({ line, message: t(lang, m.noteInside) });
    if (ragged) {
      problem({ line: r.line, message: t(lang, m.raggedRow, { count: r.count, width }) });
      return;
    }
    // Fill-down first: a blank cell takes the last value above it; a filled one becomes the last.
    // Indexed loops over fills: for-of would allocate an iterator per household.
    for (let k = 0; k < fills.length; k++) {
      const f = fills[k]!;
      const c = f.column;
      if (!r.isBlank(c)) {
        const [s, e] = trimRange(b, r.start(c), r.end(c));
        f.last = { text: r.text(c).trim(), bytes: Buffer.from(b.subarray(s, e)) };
      } else if (f.last) f.filled++;
    }
    if (idFrom === undefined && r.isBlank(idCol)) {
      problem({ line: r.line, field: columns!.header[idCol], message: t(lang, m.emptyId) });
      return;
    }
    strataIndex.reset();
    let blankStratum = false;
    for (let k = 0; k < byIndex.length; k++) {
      const c = byIndex[k]!;
      const f = fills.length ? fillOf.get(c) : undefined;
      if (r.isBlank(c) && !(f && f.last)) {
        let e = blanks.get(c);
        if (!e) blanks.set(c, (e = { count: 0, lines: [], belowValue: false }));
        e.count++;
        if (e.lines.length < 5) e.lines.push(lineOf(r.line));
        if (seenValue[c]) e.belowValue = true;
        blankStratum = true;
        continue;
      }
      seenValue[c] = true;
      if (r.isBlank(c)) strataIndex.append(f!.last!.bytes, 0, f!.last!.bytes.length);
      else strataIndex.append(b, r.start(c), r.end(c));
    }
    if (parentCol >= 0) {
      const f = fills.length ? fillOf.get(parentCol) : undefined;
      if (r.isBlank(parentCol) && f?.last) strataIndex.append(f.last.bytes, 0, f.last.bytes.length);
      else strataIndex.append(b, r.start(parentCol), r.end(parentCol));
    }
    if (blankStratum) {
      return; // reported once per column after the scan
    }
    if (sizeCol >= 0 && sizeCol < r.count && !isWholeNumber(b, r.start(sizeCol), r.end(sizeCol)))
      problem({
        line: r.line,
        field: columns!.header[sizeCol],
        message: t(lang, io.notWholeNumber, { value: impersonalValue(r.text(sizeCol)) }),
      });
    if (phoneCol >= 0 && !r.isBlank(phoneCol) && !plainPhone(r, phoneCol))
      checkPhone(r.text(phoneCol).trim(), lineOf(r.line));

    const row = idStart.length;
    let s: number;
    let e: number;
    if (idFrom !== undefined) idStart.push(ids.pushString(idFrom.map((c) => cellText(r, c)).join('-')));
    else {
      // Trimmed in place (no pair allocated per household).
      s = r.start(idCol);
      e = r.end(idCol);
      while (s < e && (b[s] === 0x20 || b[s] === 0x09)) s++;
      while (e > s && (b[e - 1] === 0x20 || b[e - 1] === 0x09)) e--;
      if (r.escaped(idCol) || (r.encoding === 'gb18030' && !isAscii(b, s, e)))
        idStart.push(ids.pushString(r.text(idCol).trim()));
      else idStart.push(ids.push(b, s, e));
      // 000123 in a CSV list survives only until someone opens and saves it in Excel.
      if (b[s] === 0x30 && e - s > 1 && isDigits(b, s, e) && zeros.count++ === 0) {
        zeros.line = lineOf(r.line);
        zeros.example = r.text(idCol).trim();
      }
    }
    const stratum = strataIndex.intern();
    if (strataIndex.isNew) {
      rawStratumValues.push(byIndex.map((c) => cellText(r, c)));
      rawParents.push(parentCol >= 0 ? cellText(r, parentCol) : '');
    }
    stratumOf.push(stratum);
    lines.add(row, r.line);
    offsets.push(r.offset);
    for (let k = 0; k < fills.length; k++) {
      const f = fills[k]!;
      const v = cellText(r, f.column);
      let id = f.ids.get(v);
      if (id === undefined) {
        id = f.values.length;
        f.values.push(v);
        f.ids.set(v, id);
      }
      f.of.push(id);
    }
    if (orderKeys) orderKeys.push(orderIndex.map((c) => cellText(r, c)).join('\u001f'));
    // Duplicates are looked for once the scan is over (findDuplicates): here only the id's hash.
    idHash.push(hashBytes(ids.bytes, idStart.data[row]!, ids.used));
  };

  /**
   * The common case of checkPhone without making a string: a phone of digits only (spaces and tabs
   * around it), which can be neither scientific notation nor, once a leading 86 before a mobile
   * number is dropped, a mobile number of the wrong length. False sends the cell to checkPhone.
   */
  const plainPhone = (r: CsvRecordView, c: number): boolean => {
    if (r.escaped(c)) return false;
    const b = r.buffer;
    let s = r.start(c);
    let e = r.end(c);
    while (s < e && (b[s] === 0x20 || b[s] === 0x09)) s++;
    while (e > s && (b[e - 1] === 0x20 || b[e - 1] === 0x09)) e--;
    if (!isDigits(b, s, e)) return false;
    if (b[s] === 0x38 && b[s + 1] === 0x36 && b[s + 2] === 0x31 && e - s - 2 >= 9) s += 2;
    const n = e - s;
    return !(b[s] === 0x31 && n !== 11 && n >= 8 && n <= 13);
  };

  const checkPhone = (v: string, line: number) => {
    if (/^[+-]?\d+(\.\d+)?[eE][+-]?\d+$/.test(v)) {
      sci.count++;
      if (sci.lines.length < 10) sci.lines.push(line);
      return;
    }
    const digits = v.replace(/[\s-]/g, '').replace(/^(\+?86)(?=1\d{8,})/, '');
    if (/^1\d+$/.test(digits) && digits.length !== 11 && digits.length >= 8 && digits.length <= 13) {
      shortPhone.count++;
      if (shortPhone.lines.length < 10) shortPhone.lines.push(line);
    }
  };

  let records = 0;
  const info = await scanCsv(
    file,
    (r) => {
      if (columns !== undefined) {
        onRow(r);
        return;
      }
      records++;
      const cells = r.all().map((h) => h.replace(/^\uFEFF/, '').trim());
      if (pendingHeader !== undefined) {
        // The row below the header: the second row of a grouped header, or the first household.
        const header = pendingHeader;
        pendingHeader = undefined;
        const combined = twoRowHeader(header.cells, cells);
        if (combined !== undefined && looksLikeHeader(combined)) {
          secondHeaderLine = r.line;
          onHeader(header.line, combined);
        } else {
          onHeader(header.line, header.cells);
          onRow(r);
        }
        return;
      }
      if (firstRecord === undefined) firstRecord = { line: r.line, cells };
      if (looksLikeHeader(cells)) pendingHeader = { line: r.line, cells };
      // No header among the first rows: the first row is taken as the header (and refused).
      else if (records >= HEADER_SEARCH_ROWS) onHeader(firstRecord.line, firstRecord.cells);
    },
    {
      encoding: workbook ? 'utf8' : opts.encoding,
      label,
      onProgress: workbook ? undefined : opts.onProgress,
      sha256: workbook === undefined,
      digests: true,
      delimiter: workbook ? ',' : (opts.delimiter ?? 'auto'),
    },
  );
  // The header was the file's last row.
  if (columns === undefined && pendingHeader !== undefined) onHeader(pendingHeader.line, pendingHeader.cells);
  if (columns === undefined && firstRecord !== undefined) {
    // Fewer rows than the search window and none named a column: the first row is the header.
    onHeader(firstRecord.line, firstRecord.cells);
  }
  if (columns === undefined) throw new UserError(t(lang, m.fileEmpty, { file: label }));
  {
    // Duplicate ids, each with the first line that has it, merged in line order with the problems
    // found while reading (both lists are in line order; the first maxProblems of the two are kept).
    const pairs = findDuplicates(ids, idStart.view(), idHash.view());
    const found: Problem[] = [];
    for (let k = 0; k < pairs.length; k += 2) {
      const [first, row] = [pairs[k]!, pairs[k + 1]!];
      problemCount++;
      const end = row + 1 < idStart.length ? idStart.data[row + 1]! : ids.used;
      const id = utf8.decode(ids.bytes.subarray(idStart.data[row], end));
      // The first duplicate that Excel made explains why; the others just say which lines.
      const excel = !excelIdsSaid && EXCEL_LONG_NUMBER.test(id);
      if (excel) excelIdsSaid = true;
      if (found.length < maxProblems)
        found.push({
          file: label,
          line: lineOf(lines.lineOf(row)),
          field: idFrom === undefined ? columns.header[idCol] : (opts.idFrom ?? []).join('-'),
          message: t(lang, m.duplicateId, { id, first: lineOf(lines.lineOf(first)), excel }),
        });
    }
    if (found.length > 0) {
      const merged: Problem[] = [];
      let i = 0;
      let j = 0;
      while (merged.length < maxProblems && (i < problems.length || j < found.length)) {
        const takeRead = j >= found.length || (i < problems.length && problems[i]!.line! <= found[j]!.line!);
        merged.push(takeRead ? problems[i++]! : found[j++]!);
      }
      problems.splice(0, problems.length, ...merged);
    }
  }
  for (const [c, e] of blanks) {
    if (e.count === 0) continue;
    problemCount++;
    if (problems.length < maxProblems)
      problems.push({
        file: label,
        line: e.lines[0],
        field: columns.header[c],
        message: t(lang, m.blankStratum, {
          count: e.count,
          lines: e.lines,
          // One flag for every column that needs it, so the line can be copied as it is.
          fill: e.belowValue
            ? byIndex
                .filter((k) => blanks.get(k)?.belowValue)
                .map((k) => columns!.header[k])
                .join(',')
            : '',
        }),
      });
  }
  if (idStart.length === 0 && problemCount === 0)
    throw new UserError(t(lang, m.noHouseholds, { file: label }));
  problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));

  if (lineOf(headerLine) > 1)
    notes.push(t(lang, m.headerRow, { line: lineOf(headerLine), skipped: lineOf(headerLine) - 1 }));
  if (secondHeaderLine !== undefined)
    notes.push(t(lang, m.twoRowHeader, { first: lineOf(headerLine), second: lineOf(secondHeaderLine) }));
  if (!workbook && info.delimiter !== ',')
    notes.push(t(lang, m.delimiterUsed, { name: DELIMITER_NAMES[info.delimiter][lang] }));
  if (emptyRows > 0) notes.push(t(lang, m.emptyRows, { n: emptyRows }));
  if (summary.count > 0) notes.push(t(lang, m.summaryRows, { n: summary.count, lines: summary.lines }));
  if (notesBelow.length > 0)
    notes.push(t(lang, m.noteRows, { n: notesBelow.length, lines: notesBelow.slice(0, 5).map(lineOf) }));
  if (fills.length)
    notes.push(
      t(lang, m.filled, {
        total: fills.reduce((a, f) => a + f.filled, 0),
        detail: fills.map((f) => `${f.name} ${f.filled}`).join(t(lang, core.listSep)),
      }),
    );
  if (phoneCol >= 0 && sci.count)
    warnings.push(
      t(lang, m.phoneScientific, { column: columns.header[phoneCol]!, count: sci.count, lines: sci.lines }),
    );
  if (phoneCol >= 0 && shortPhone.count)
    warnings.push(
      t(lang, m.phoneDigits, {
        column: columns.header[phoneCol]!,
        count: shortPhone.count,
        lines: shortPhone.lines,
      }),
    );
  const leadingZeroWarning = zeros.count ? t(lang, m.leadingZeros, zeros) : undefined;

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
    sha256: workbook ? workbook.sha256 : info.sha256!,
    bytes: workbook ? workbook.bytes : info.bytes,
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
    ...(leadingZeroWarning ? { leadingZeroWarning } : {}),
    notes,
    format: 'csv',
    delimiter: info.delimiter,
    headerLine: lineOf(headerLine),
    dataFile: file,
    dataBytes: info.bytes,
    ...(info.digests ? { digests: info.digests } : {}),
    fills: fills.map((f) => ({ column: f.column, values: f.values, of: f.of.view() })),
    ...(idFrom ? { idFrom } : {}),
    release: workbook ? workbook.release : () => undefined,
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
  return (row + 1 < frame.households ? frame.offset[row + 1]! : frame.dataBytes) - frame.offset[row]!;
}

/**
 * Read the full records of some households again, by offset (from the roster's CSV, or the CSV
 * copy of a workbook's sheet), with blanks filled down and built ids appended as when read.
 */
export async function readHouseholds(
  frame: RosterFrame,
  _file: string,
  rows: readonly number[],
): Promise<string[][]> {
  const out: string[][] = new Array<string[]>(rows.length);
  const width = frame.columns.header.length - (frame.idFrom ? 1 : 0);
  await readRecordsAt(
    frame.dataFile,
    frame.encoding,
    rows.map((r) => ({ offset: frame.offset[r]!, length: recordSpan(frame, r) })),
    (i, rec) => {
      const fields = rec.all();
      while (fields.length < width) fields.push('');
      const record = fields.slice(0, width);
      const row = rows[i]!;
      for (const f of frame.fills)
        if (record[f.column]!.trim() === '') record[f.column] = f.values[f.of[row]!] ?? '';
      // The record read again must be the household the scan found there: a roster replaced or
      // edited while the command ran would otherwise give households another's address and phone.
      const want = householdId(frame, row);
      const id = frame.columns.index.household_id;
      const got = frame.idFrom
        ? frame.idFrom.map((c) => (record[c] ?? '').trim()).join('-')
        : id !== undefined
          ? (record[id] ?? '').trim()
          : want;
      if (got !== want && got.replace(/^'(?=')|^'(?=[=+\-@\t\r])/, '') !== want)
        throw changedError(frame.file);
      if (frame.idFrom) record.push(want);
      out[i] = record;
    },
    { delimiter: frame.delimiter, ...(frame.digests ? { digests: frame.digests } : {}) },
  );
  return out;
}

/** Throw the collected problems as one user error (exit 2). */
export function assertValid(frame: RosterFrame): void {
  if (frame.problemCount === 0) return;
  const more = frame.problemCount - frame.problems.length;
  throw new UserError(
    both(m.invalidRoster, { file: frame.file, count: frame.problemCount, more }),
    frame.problems,
  );
}
