import { open as openFile } from 'node:fs/promises';
import { csvInputPath } from './inputs.js';
import { extname, posix } from 'node:path';
import { StringDecoder } from 'node:string_decoder';
import type { Readable } from 'node:stream';
import type yauzl from 'yauzl';
import { UserError, fileError } from '../core/errors.js';
import type { Lang } from '../core/i18n.js';
import { t } from '../core/messages.js';
import { m } from './xlsx.messages.js';

/**
 * A streaming reader for .xlsx workbooks (Office Open XML spreadsheets), written for rosters of a
 * million rows: the zip is read with yauzl (random access to the parts, inflated as a stream), and
 * the sheet's XML is scanned with a few patterns for the handful of elements a table needs (rows,
 * cells, merged ranges) rather than with a general XML parser, so memory holds one chunk of the
 * sheet, the shared strings (packed into large strings) and nothing per row. The README's design
 * notes give the measurements behind the choice.
 *
 * Values are read as a person sees them in Excel: text stays text (leading zeros kept); numbers
 * become plain decimal text without exponent or binary-float noise (15 significant digits, as
 * Excel shows them); a number formatted `000000` keeps its zeros; dates become ISO dates;
 * formulas give their cached value; a merged range gives its top-left value in every cell.
 */

export interface SheetInfo {
  name: string;
  /** 1-based position in the workbook. */
  index: number;
  hidden: boolean;
  /** Path of the sheet's part inside the zip. */
  path: string;
}

export interface XlsxRowsOptions {
  /** A sheet's name, or its 1-based position; default: the first visible sheet. */
  sheet?: string;
  label?: string;
  lang?: Lang;
  onProgress?: (done: number, total: number) => void;
}

export interface XlsxRowsInfo {
  file: string;
  sheet: SheetInfo;
  sheets: SheetInfo[];
  /** Rows given to the callback (rows holding at least one non-empty cell). */
  rows: number;
  /** Merged ranges applied. */
  merges: number;
}

/** What the first bytes of a file say it is. */
export type FileKind = 'zip' | 'cfb' | 'other';

export function sniffKind(head: Uint8Array): FileKind {
  if (head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04) return 'zip';
  if (head[0] === 0xd0 && head[1] === 0xcf && head[2] === 0x11 && head[3] === 0xe0) return 'cfb';
  return 'other';
}

/** The first bytes of a file (fewer when it is shorter). */
export async function readHead(file: string, label: string, n = 8): Promise<Uint8Array> {
  let fh;
  // Through the input check: a pipe is copied once (reading its head here would lose it), a
  // named pipe or a device is refused before anything blocks on it.
  const path = await csvInputPath(file, label);
  try {
    fh = await openFile(path, 'r');
  } catch (err) {
    throw fileError(label, err);
  }
  try {
    const buf = Buffer.alloc(n);
    const { bytesRead } = await fh.read(buf, 0, n, 0);
    return buf.subarray(0, bytesRead);
  } catch (err) {
    throw fileError(label, err);
  } finally {
    await fh.close();
  }
}

/** True when the file is a zip container (an .xlsx workbook, whatever its name). */
export async function isZipFile(file: string, label = file): Promise<boolean> {
  return sniffKind(await readHead(file, label, 4)) === 'zip';
}

const ENCRYPTED_MARK = Buffer.from('EncryptedPackage', 'utf16le');

/**
 * A compound (OLE) file is never readable here: an .xls workbook, a WPS .et spreadsheet, or an
 * .xlsx with a password (Office encrypts those into an `EncryptedPackage` stream). One line says
 * which and how to save it as .xlsx.
 */
export async function refuseCompoundFile(file: string, label: string, lang: Lang): Promise<never> {
  let encrypted = false;
  const fh = await openFile(file, 'r');
  try {
    // The directory sector naming the streams is small and near the start or the end: scanning
    // the whole file in chunks is simple and cheap for workbooks of a few MB.
    const buf = Buffer.alloc(1 << 20);
    let pos = 0;
    for (;;) {
      const { bytesRead } = await fh.read(buf, 0, buf.length, pos);
      if (bytesRead === 0) break;
      if (buf.subarray(0, bytesRead).includes(ENCRYPTED_MARK)) {
        encrypted = true;
        break;
      }
      if (bytesRead < buf.length) break;
      pos += bytesRead - ENCRYPTED_MARK.length;
    }
  } finally {
    await fh.close();
  }
  if (encrypted) throw new UserError(t(lang, m.encrypted, { file: label }));
  if (extname(file).toLowerCase() === '.et') throw new UserError(t(lang, m.wpsEt, { file: label }));
  throw new UserError(t(lang, m.oldXls, { file: label }));
}

// ---------------------------------------------------------------------------------------------
// XML helpers (the subset SpreadsheetML uses)

const ENTITY = /&(?:(amp|lt|gt|quot|apos)|#(\d+)|#x([0-9a-fA-F]+));/g;
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

export function unescapeXml(s: string): string {
  if (s.indexOf('&') === -1) return s;
  return s.replace(
    ENTITY,
    (_all, name: string | undefined, dec: string | undefined, hex: string | undefined) =>
      name !== undefined
        ? NAMED[name]!
        : String.fromCodePoint(dec !== undefined ? Number(dec) : parseInt(hex!, 16)),
  );
}

/** Excel writes control characters in text as _xHHHH_ (and a literal "_x" as _x005F_x). */
const OOXML_ESCAPE = /_x([0-9A-Fa-f]{4})_/g;
function unescapeText(s: string): string {
  const u = unescapeXml(s);
  return u.indexOf('_x') === -1
    ? u
    : u.replace(OOXML_ESCAPE, (_a, h: string) => String.fromCharCode(parseInt(h, 16)));
}

function attr(attrs: string, name: string): string | undefined {
  const re = new RegExp(`(?:^|\\s)(?:[\\w]+:)?${name}\\s*=\\s*("([^"]*)"|'([^']*)')`);
  const r = re.exec(attrs);
  return r ? unescapeXml(r[2] ?? r[3] ?? '') : undefined;
}

/** Text of every <t> in an <si> or <is>, phonetic runs (<rPh>) left out. */
const RPH = /<(?:\w+:)?rPh\b[\s\S]*?<\/(?:\w+:)?rPh>/g;
const T_TEXT = /<(?:\w+:)?t(?:\s[^>]*)?>([^<]*)<\/(?:\w+:)?t>/g;
function richText(xml: string): string {
  if (xml.indexOf('rPh') !== -1) xml = xml.replace(RPH, '');
  let out = '';
  T_TEXT.lastIndex = 0;
  for (let r = T_TEXT.exec(xml); r !== null; r = T_TEXT.exec(xml)) out += r[1];
  return unescapeText(out);
}

// ---------------------------------------------------------------------------------------------
// Zip access

interface Workbook {
  zip: yauzl.ZipFile;
  entries: Map<string, yauzl.Entry>;
}

async function openZip(file: string, label: string, lang: Lang): Promise<Workbook> {
  let zip: yauzl.ZipFile;
  // Loaded on first use: commands given a CSV file never pay for the zip reader.
  const { default: zipReader } = await import('yauzl');
  try {
    zip = await zipReader.openPromise(file, { lazyEntries: true, autoClose: false });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code) throw fileError(label, err);
    throw new UserError(t(lang, m.notWorkbook, { file: label, reason: t(lang, m.reasonZipDamaged) }));
  }
  const entries = new Map<string, yauzl.Entry>();
  try {
    for await (const e of zip.eachEntry()) entries.set(e.fileName.replace(/^\/+/, ''), e);
  } catch {
    zip.close();
    throw new UserError(t(lang, m.notWorkbook, { file: label, reason: t(lang, m.reasonZipDamaged) }));
  }
  return { zip, entries };
}

function entryOf(wb: Workbook, path: string): yauzl.Entry | undefined {
  const e = wb.entries.get(path);
  if (e) return e;
  // Part names are case-insensitive in OPC.
  const lower = path.toLowerCase();
  for (const [k, v] of wb.entries) if (k.toLowerCase() === lower) return v;
  return undefined;
}

async function streamOf(wb: Workbook, entry: yauzl.Entry): Promise<Readable> {
  return wb.zip.openReadStreamPromise(entry);
}

async function readPart(wb: Workbook, path: string): Promise<string | undefined> {
  const e = entryOf(wb, path);
  if (!e) return undefined;
  const parts: Buffer[] = [];
  for await (const c of await streamOf(wb, e)) parts.push(c as Buffer);
  return Buffer.concat(parts)
    .toString('utf8')
    .replace(/^\uFEFF/, '');
}

/** Feed a part's text to `onText` chunk by chunk (UTF-8 decoded across chunk boundaries). */
async function streamPart(
  wb: Workbook,
  entry: yauzl.Entry,
  onText: (text: string) => void,
  onBytes?: (n: number) => void,
): Promise<void> {
  const dec = new StringDecoder('utf8');
  for await (const c of await streamOf(wb, entry)) {
    const b = c as Buffer;
    onBytes?.(b.length);
    onText(dec.write(b));
  }
  const rest = dec.end();
  if (rest) onText(rest);
}

// ---------------------------------------------------------------------------------------------
// Workbook structure

/** A relationship's target, relative to the folder of the part that names it. */
function resolveTarget(baseDir: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  return posix.normalize(posix.join(baseDir, target));
}

interface Relationship {
  id: string;
  target: string;
  type: string;
}
function parseRels(xml: string | undefined, baseDir: string): Relationship[] {
  if (!xml) return [];
  const out: Relationship[] = [];
  for (const r of xml.matchAll(/<(?:\w+:)?Relationship\b([^>]*?)\/?>/g)) {
    const a = r[1]!;
    const target = attr(a, 'Target');
    if (target === undefined || attr(a, 'TargetMode') === 'External') continue;
    out.push({
      id: attr(a, 'Id') ?? '',
      type: attr(a, 'Type') ?? '',
      target: resolveTarget(baseDir, target),
    });
  }
  return out;
}

function relsPathOf(part: string): string {
  return posix.join(posix.dirname(part), '_rels', `${posix.basename(part)}.rels`);
}

interface WorkbookInfo {
  sheets: SheetInfo[];
  date1904: boolean;
  sharedStrings?: string;
  styles?: string;
}

async function readStructure(wb: Workbook, label: string, lang: Lang): Promise<WorkbookInfo> {
  const root = parseRels(await readPart(wb, '_rels/.rels'), '');
  const wbPath =
    root.find((r) => r.type.endsWith('/officeDocument'))?.target ??
    (entryOf(wb, 'xl/workbook.xml') ? 'xl/workbook.xml' : undefined);
  const wbXml = wbPath ? await readPart(wb, wbPath) : undefined;
  if (!wbPath || wbXml === undefined)
    throw new UserError(t(lang, m.notWorkbook, { file: label, reason: t(lang, m.reasonNoWorkbookPart) }));
  const rels = parseRels(await readPart(wb, relsPathOf(wbPath)), posix.dirname(wbPath));
  const byId = new Map(rels.map((r) => [r.id, r]));
  const sheets: SheetInfo[] = [];
  for (const s of wbXml.matchAll(/<(?:\w+:)?sheet\b([^>]*?)\/?>/g)) {
    const a = s[1]!;
    const rid = attr(a, 'id'); // r:id, whatever the prefix
    const rel = rid !== undefined ? byId.get(rid) : undefined;
    sheets.push({
      name: attr(a, 'name') ?? `Sheet${sheets.length + 1}`,
      index: sheets.length + 1,
      hidden: /hidden/i.test(attr(a, 'state') ?? ''),
      path: rel?.target ?? `xl/worksheets/sheet${sheets.length + 1}.xml`,
    });
  }
  const pr = /<(?:\w+:)?workbookPr\b([^>]*)>/.exec(wbXml);
  const d1904 = pr ? attr(pr[1]!, 'date1904') : undefined;
  return {
    sheets,
    date1904: d1904 === '1' || d1904 === 'true',
    sharedStrings:
      rels.find((r) => r.type.endsWith('/sharedStrings'))?.target ??
      (entryOf(wb, 'xl/sharedStrings.xml') ? 'xl/sharedStrings.xml' : undefined),
    styles:
      rels.find((r) => r.type.endsWith('/styles'))?.target ??
      (entryOf(wb, 'xl/styles.xml') ? 'xl/styles.xml' : undefined),
  };
}

export function chooseSheet(
  sheets: SheetInfo[],
  want: string | undefined,
  label: string,
  lang: Lang,
): SheetInfo {
  const list = () =>
    sheets.map((s) => (s.hidden ? t(lang, m.hiddenSheet, { sheet: s.name }) : s.name)).join(', ');
  if (want === undefined) {
    const s = sheets.find((x) => !x.hidden);
    if (!s) throw new UserError(t(lang, m.noVisibleSheet, { file: label }));
    return s;
  }
  const byName = sheets.find((s) => s.name === want) ?? sheets.find((s) => s.name.trim() === want.trim());
  if (byName) return byName;
  if (/^\s*\d+\s*$/.test(want)) {
    const s = sheets[Number(want) - 1];
    if (s) return s;
  }
  throw new UserError(t(lang, m.noSheet, { file: label, sheet: want, sheets: list() }));
}

// ---------------------------------------------------------------------------------------------
// Styles: which cells hold dates, which numbers are zero-padded

/** Built-in number formats that are dates or times (ECMA-376 18.8.30, with the CJK ones). */
const BUILTIN_DATE = new Set([
  14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54,
  55, 56, 57, 58,
]);

type CellFormat = { kind: 'general' } | { kind: 'date' } | { kind: 'time' } | { kind: 'pad'; width: number };

export function classifyFormat(code: string): CellFormat {
  // Keep the first section (positive numbers); drop quoted text, escapes and [colour]/[$-locale].
  const first = code.split(';')[0] ?? '';
  const bare = first
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/\[(?!h\]|m\]|s\]|hh\]|mm\]|ss\])[^\]]*\]/gi, '');
  if (/^0+$/.test(bare.trim())) return { kind: 'pad', width: bare.trim().length };
  if (/general/i.test(bare)) return { kind: 'general' };
  if (/[yde]/i.test(bare) || /[年月日]/.test(first)) return { kind: 'date' };
  if (/[hs]/i.test(bare) || /\bm+\b/i.test(bare))
    return /[hs]/i.test(bare) ? { kind: 'time' } : { kind: 'date' };
  return { kind: 'general' };
}

function parseStyles(xml: string | undefined): CellFormat[] {
  if (!xml) return [];
  const custom = new Map<number, string>();
  for (const f of xml.matchAll(/<(?:\w+:)?numFmt\b([^>]*?)\/?>/g)) {
    const id = Number(attr(f[1]!, 'numFmtId'));
    const code = attr(f[1]!, 'formatCode');
    if (Number.isInteger(id) && code !== undefined) custom.set(id, code);
  }
  const xfs = /<(?:\w+:)?cellXfs\b[^>]*>([\s\S]*?)<\/(?:\w+:)?cellXfs>/.exec(xml);
  if (!xfs) return [];
  const out: CellFormat[] = [];
  for (const x of xfs[1]!.matchAll(/<(?:\w+:)?xf\b([^>]*?)\/?>/g)) {
    const id = Number(attr(x[1]!, 'numFmtId') ?? 0);
    const code = custom.get(id);
    if (code !== undefined) out.push(classifyFormat(code));
    else if (BUILTIN_DATE.has(id))
      out.push(
        id >= 18 && id <= 21
          ? { kind: 'time' }
          : id === 45 || id === 46 || id === 47
            ? { kind: 'time' }
            : { kind: 'date' },
      );
    else out.push({ kind: 'general' });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Values

/**
 * A number as plain decimal text: at most 15 significant digits (what Excel stores and shows, so
 * 0.1+0.2 reads 0.3), shortest round-trip digits, never an exponent (1E+21 → 1 followed by zeros,
 * 1E-7 → 0.0000001).
 */
export function formatNumber(raw: string): string {
  const s = raw.trim();
  const n = Number(s);
  if (s === '' || !Number.isFinite(n)) return s;
  if (n === 0) return '0';
  const r = Number(n.toPrecision(15));
  return plainDecimal(String(r));
}

function plainDecimal(s: string): string {
  const e = s.search(/e/i);
  if (e === -1) return s;
  const neg = s.startsWith('-');
  const mant = s.slice(neg ? 1 : 0, e);
  const exp = Number(s.slice(e + 1));
  const dot = mant.indexOf('.');
  const digits = mant.replace('.', '');
  const intLen = (dot === -1 ? mant.length : dot) + exp;
  let out: string;
  if (intLen <= 0) out = `0.${'0'.repeat(-intLen)}${digits}`;
  else if (intLen >= digits.length) out = digits + '0'.repeat(intLen - digits.length);
  else out = `${digits.slice(0, intLen)}.${digits.slice(intLen)}`;
  return (neg ? '-' : '') + out;
}

const DAY_MS = 86_400_000;

/** An Excel date serial as an ISO date (with the time when it has one). */
export function serialToIso(serial: number, date1904: boolean, kind: 'date' | 'time'): string {
  let days = serial;
  // The 1900 system counts a 29 February 1900 that never was (serial 60).
  const epoch = date1904 ? Date.UTC(1904, 0, 1) : days < 60 ? Date.UTC(1899, 11, 31) : Date.UTC(1899, 11, 30);
  if (!date1904 && days < 61 && days >= 60) days = 60; // the phantom day reads as 1900-02-28
  const ms = Math.round((days * DAY_MS) / 1000) * 1000;
  const d = new Date(epoch + ms);
  const iso = d.toISOString();
  const date = iso.slice(0, 10);
  const time = iso.slice(11, 19);
  if (kind === 'time' && serial < 1) return time;
  return time === '00:00:00' ? date : `${date} ${time}`;
}

/** "AB12" → column 27 (0-based) and row 12. */
function cellColumn(ref: string): number {
  let col = 0;
  let i = 0;
  for (; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c >= 65 && c <= 90) col = col * 26 + (c - 64);
    else if (c >= 97 && c <= 122) col = col * 26 + (c - 96);
    else break;
  }
  return col - 1;
}
function cellRow(ref: string): number {
  const r = /\d+/.exec(ref);
  return r ? Number(r[0]) : 0;
}

/**
 * Shared strings packed into large strings (a few MB each) and addressed by (chunk, start, end):
 * a million short strings held one by one would cost ten times the memory.
 */
class StringPool {
  private chunks: string[] = [];
  private current: string[] = [];
  private currentLength = 0;
  private chunk = new Int32Array(1024);
  private start = new Int32Array(1024);
  private end = new Int32Array(1024);
  size = 0;
  push(s: string): void {
    if (this.size === this.chunk.length) {
      const grow = (a: Int32Array) => {
        const b = new Int32Array(a.length * 2);
        b.set(a);
        return b;
      };
      this.chunk = grow(this.chunk);
      this.start = grow(this.start);
      this.end = grow(this.end);
    }
    this.chunk[this.size] = this.chunks.length;
    this.start[this.size] = this.currentLength;
    this.current.push(s);
    this.currentLength += s.length;
    this.end[this.size] = this.currentLength;
    this.size++;
    if (this.currentLength > 4_000_000) this.seal();
  }
  seal(): void {
    if (this.current.length === 0) return;
    this.chunks.push(this.current.join(''));
    this.current = [];
    this.currentLength = 0;
  }
  get(i: number): string {
    if (i < 0 || i >= this.size) return '';
    const c = this.chunk[i]!;
    if (c === this.chunks.length) this.seal();
    return this.chunks[c]!.slice(this.start[i], this.end[i]);
  }
}

const SI = /<(?:\w+:)?si\b[^>]*?(?:\/>|>([\s\S]*?)<\/(?:\w+:)?si>)/g;

async function readSharedStrings(wb: Workbook, path: string | undefined): Promise<StringPool> {
  const pool = new StringPool();
  const e = path ? entryOf(wb, path) : undefined;
  if (!e) return pool;
  let buf = '';
  await streamPart(wb, e, (text) => {
    buf += text;
    let consumed = 0;
    SI.lastIndex = 0;
    for (let r = SI.exec(buf); r !== null; r = SI.exec(buf)) {
      pool.push(r[1] === undefined ? '' : richText(r[1]));
      consumed = SI.lastIndex;
    }
    buf = buf.slice(consumed);
  });
  pool.seal();
  return pool;
}

// ---------------------------------------------------------------------------------------------
// The sheet

/** Rows, cells and merged ranges; other elements are passed over. */
const TOKEN =
  /<(?:\w+:)?(?:(row)\b([^>]*?)(\/?)>|(c)\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:\w+:)?c>)|(mergeCell)\b([^>]*?)\/?>)|<\/(?:\w+:)?(row)>/g;
const V = /<(?:\w+:)?v(?:\s[^>]*)?>([^<]*)<\/(?:\w+:)?v>/;
const CELL_ATTRS = /(?:^|\s)(r|t|s)="([^"]*)"/g;

interface Merge {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

function parseRange(ref: string): Merge | undefined {
  const [a, b] = ref.split(':');
  if (!a) return undefined;
  const top = cellRow(a);
  const left = cellColumn(a);
  const bottom = b ? cellRow(b) : top;
  const right = b ? cellColumn(b) : left;
  if (top < 1 || left < 0 || bottom < top || right < left) return undefined;
  return { top, left, bottom, right };
}

/** The merged ranges of a sheet: they come after the cells, so they are found in a pass of their own. */
async function readMerges(wb: Workbook, entry: yauzl.Entry): Promise<Merge[]> {
  const out: Merge[] = [];
  let tail = '';
  let seen = false;
  await streamPart(wb, entry, (text) => {
    // Cheap: only look at text once <mergeCells has appeared.
    const buf = tail + text;
    if (!seen) {
      const at = buf.indexOf('mergeCells');
      if (at === -1) {
        tail = buf.slice(-32);
        return;
      }
      seen = true;
      tail = buf.slice(Math.max(0, at - 16));
    } else tail = buf;
    let consumed = 0;
    const re = /<(?:\w+:)?mergeCell\b([^>]*?)\/?>/g;
    for (let r = re.exec(tail); r !== null; r = re.exec(tail)) {
      const ref = attr(r[1]!, 'ref');
      const g = ref ? parseRange(ref) : undefined;
      if (g && (g.bottom > g.top || g.right > g.left)) out.push(g);
      consumed = re.lastIndex;
    }
    tail = tail.slice(consumed);
  });
  return out;
}

/**
 * Stream a sheet's rows: `onRow(rowNumber, cells)` for every row holding a non-empty cell, with
 * cells as text (index = column, '' for empty, trailing empties cut). Return false to stop.
 */
export async function readXlsxRows(
  file: string,
  onRow: (row: number, cells: string[]) => void | false,
  opts: XlsxRowsOptions = {},
): Promise<XlsxRowsInfo> {
  const label = opts.label ?? file;
  const lang = opts.lang ?? 'en';
  const head = await readHead(file, label, 8);
  const kind = sniffKind(head);
  if (kind === 'cfb') await refuseCompoundFile(file, label, lang);
  if (kind !== 'zip')
    throw new UserError(t(lang, m.notWorkbook, { file: label, reason: t(lang, m.reasonNotZip) }));
  const wb = await openZip(file, label, lang);
  try {
    const info = await readStructure(wb, label, lang);
    const sheet = chooseSheet(info.sheets, opts.sheet, label, lang);
    const entry = entryOf(wb, sheet.path);
    if (!entry)
      throw new UserError(
        t(lang, m.notWorkbook, { file: label, reason: t(lang, m.reasonNoPart, { part: sheet.path }) }),
      );
    const formats = parseStyles(info.styles ? await readPart(wb, info.styles) : undefined);
    const strings = await readSharedStrings(wb, info.sharedStrings);
    const merges = await readMerges(wb, entry);
    merges.sort((a, b) => a.top - b.top || a.left - b.left);
    const date1904 = info.date1904;

    // Merged ranges: the top-left value is taken when its row passes and given to the rest.
    let nextMerge = 0;
    let active: { g: Merge; value: string }[] = [];

    let rowNumber = 0;
    let cells: string[] = [];
    let count = 0;
    let stopped = false;
    let col = -1;

    const value = (attrs: string, inner: string | undefined): [number, string] => {
      let ref: string | undefined;
      let type = 'n';
      let style = 0;
      CELL_ATTRS.lastIndex = 0;
      for (let a = CELL_ATTRS.exec(attrs); a !== null; a = CELL_ATTRS.exec(attrs)) {
        if (a[1] === 'r') ref = a[2];
        else if (a[1] === 't') type = a[2]!;
        else style = Number(a[2]);
      }
      const c = ref !== undefined ? cellColumn(ref) : col + 1;
      if (inner === undefined || inner === '') return [c, ''];
      if (type === 'inlineStr') return [c, richText(inner)];
      const v = V.exec(inner);
      if (v === null) return [c, type === 'str' ? richText(inner) : ''];
      const raw = v[1]!;
      switch (type) {
        case 's':
          return [c, strings.get(Number(raw))];
        case 'str':
        case 'e':
          return [c, unescapeText(raw)];
        case 'b':
          return [c, raw.trim() === '1' ? 'TRUE' : 'FALSE'];
        case 'd': {
          const d = unescapeXml(raw).trim();
          return [
            c,
            d
              .replace(/T00:00:00(\.0+)?Z?$/, '')
              .replace('T', ' ')
              .replace(/Z$/, ''),
          ];
        }
        default: {
          const f = formats[style];
          if (f && f.kind !== 'general') {
            const n = Number(raw);
            if (Number.isFinite(n)) {
              if (f.kind === 'pad' && Number.isInteger(n) && n >= 0)
                return [c, String(n).padStart(f.width, '0')];
              if (f.kind === 'date' || f.kind === 'time') return [c, serialToIso(n, date1904, f.kind)];
            }
          }
          return [c, formatNumber(unescapeXml(raw))];
        }
      }
    };

    const applyMerges = (r: number) => {
      while (nextMerge < merges.length && merges[nextMerge]!.top <= r) {
        const g = merges[nextMerge++]!;
        if (g.top === r) active.push({ g, value: cells[g.left] ?? '' });
      }
      if (active.length === 0) return;
      for (const a of active) {
        if (a.g.top === r) a.value = cells[a.g.left] ?? '';
        for (let c = a.g.left; c <= a.g.right; c++) {
          if (c === a.g.left && r === a.g.top) continue;
          while (cells.length <= c) cells.push('');
          cells[c] = a.value;
        }
      }
      active = active.filter((a) => a.g.bottom > r);
    };

    const endRow = () => {
      applyMerges(rowNumber);
      let n = cells.length;
      while (n > 0 && cells[n - 1] === '') n--;
      if (n > 0) {
        cells.length = n;
        count++;
        if (onRow(rowNumber, cells) === false) stopped = true;
      }
      cells = [];
      col = -1;
    };

    /** Rows that hold no cell but sit inside a merged range still get its values. */
    const fillMergedGap = (upTo: number) => {
      for (let r = rowNumber + 1; r < upTo && !stopped && active.length > 0; r++) {
        rowNumber = r;
        cells = [];
        endRow();
      }
    };

    let buf = '';
    let done = 0;
    await streamPart(
      wb,
      entry,
      (text) => {
        if (stopped) return;
        buf += text;
        let consumed = 0;
        TOKEN.lastIndex = 0;
        for (let r = TOKEN.exec(buf); r !== null && !stopped; r = TOKEN.exec(buf)) {
          if (r[1] !== undefined) {
            const rAttr = /(?:^|\s)r="(\d+)"/.exec(r[2]!);
            const next = rAttr ? Number(rAttr[1]) : rowNumber + 1;
            fillMergedGap(next);
            rowNumber = next;
            cells = [];
            col = -1;
            if (r[3] === '/') endRow();
          } else if (r[4] !== undefined) {
            const [c, v] = value(r[5]!, r[6]);
            col = c;
            if (c >= 0 && c < 16_384) {
              while (cells.length < c) cells.push('');
              cells[c] = v;
            }
          } else if (r[9] !== undefined) {
            endRow();
          }
          consumed = TOKEN.lastIndex;
        }
        buf = buf.slice(consumed);
      },
      (n) => {
        done += n;
        opts.onProgress?.(Math.min(done, entry.uncompressedSize), entry.uncompressedSize);
      },
    );
    if (!stopped) {
      const last = merges.reduce((a, g) => Math.max(a, g.bottom), 0);
      fillMergedGap(last + 1);
    }
    return { file: label, sheet, sheets: info.sheets, rows: count, merges: merges.length };
  } finally {
    wb.zip.close();
  }
}

export interface XlsxTable {
  file: string;
  sheet: SheetInfo;
  header: string[];
  rows: { line: number; fields: string[] }[];
}

/**
 * A whole (small) sheet as a table: the first non-empty row is the header, `line` is the Excel row
 * number. For sample lists, responses and id lists saved as .xlsx.
 */
export async function readXlsxTable(file: string, opts: XlsxRowsOptions = {}): Promise<XlsxTable> {
  let header: string[] | undefined;
  const rows: { line: number; fields: string[] }[] = [];
  const info = await readXlsxRows(
    file,
    (row, cells) => {
      if (header === undefined) header = cells.map((h) => h.trim());
      else rows.push({ line: row, fields: [...cells] });
    },
    opts,
  );
  return { file: info.file, sheet: info.sheet, header: header ?? [], rows };
}
