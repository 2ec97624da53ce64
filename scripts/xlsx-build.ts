/**
 * A minimal .xlsx writer for fixtures, tests and benchmarks: hand-built SpreadsheetML in a zip,
 * written the way Excel lays a workbook out (shared strings, a styles part, merged ranges, hidden
 * sheets). `buildXlsx` stores its parts uncompressed with a fixed date, so the same input gives the
 * same bytes on every machine (the fixtures test depends on that); `writeXlsxFile` streams a large
 * sheet through deflate, as Excel does, for the benchmark's million-household workbook.
 */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { createDeflateRaw, crc32 } from 'node:zlib';

/** A cell: text (shared string), a number, or a fuller description. */
export type CellInput =
  | string
  | number
  | null
  | undefined
  | {
      /** Text, a number, or a formula's cached result. */
      v: string | number | boolean;
      /** s: shared string (default for text), inline: inline string, n: number, b: boolean, str: formula text. */
      t?: 's' | 'inline' | 'n' | 'b' | 'str' | 'd';
      /** A formula (stored with v as its cached value). */
      f?: string;
      /** Index into the styles below (0 general, 1 text "@", 2 date yyyy-mm-dd, 3 "000000", 4 m/d/yyyy builtin 14). */
      s?: number;
    };

export interface SheetInput {
  name: string;
  hidden?: boolean;
  /** Rows from row 1; a row may be empty. */
  rows: CellInput[][];
  /** Merged ranges such as "C3:C6". */
  merges?: string[];
}

const STYLES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="2"><numFmt numFmtId="164" formatCode="yyyy\\-mm\\-dd"/><numFmt numFmtId="165" formatCode="000000"/></numFmts><fonts count="1"><font><sz val="11"/><name val="等线"/></font></fonts><fills count="1"><fill><patternFill patternType="none"/></fill></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="5"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="49" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs></styleSheet>
`;

const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const RNS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

export function escapeXml(s: string): string {
  return s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(
      // eslint-disable-next-line no-control-regex -- Excel's _xHHHH_ escape of control characters
      /[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g,
      (c) => `_x${c.charCodeAt(0).toString(16).padStart(4, '0').toUpperCase()}_`,
    );
}

export function columnName(i: number): string {
  let s = '';
  let n = i + 1;
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** Shared strings, numbered in order of first use. */
export class SharedStrings {
  private readonly index = new Map<string, number>();
  readonly list: string[] = [];
  uses = 0;
  id(s: string): number {
    this.uses++;
    let i = this.index.get(s);
    if (i === undefined) {
      i = this.list.length;
      this.index.set(s, i);
      this.list.push(s);
    }
    return i;
  }
  *xml(): Generator<string> {
    yield `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="${NS}" count="${this.uses}" uniqueCount="${this.list.length}">`;
    let part = '';
    for (const s of this.list) {
      const space = /^\s|\s$|\n/.test(s) ? ' xml:space="preserve"' : '';
      part += `<si><t${space}>${escapeXml(s)}</t></si>`;
      if (part.length > 65536) {
        yield part;
        part = '';
      }
    }
    yield `${part}</sst>`;
  }
}

export function cellXml(ref: string, cell: CellInput, sst: SharedStrings): string {
  if (cell === null || cell === undefined || cell === '') return '';
  if (typeof cell === 'string') return `<c r="${ref}" t="s"><v>${sst.id(cell)}</v></c>`;
  if (typeof cell === 'number') return `<c r="${ref}"><v>${cell}</v></c>`;
  const s = cell.s ? ` s="${cell.s}"` : '';
  const f = cell.f !== undefined ? `<f>${escapeXml(cell.f)}</f>` : '';
  const t = cell.t ?? (typeof cell.v === 'number' ? 'n' : typeof cell.v === 'boolean' ? 'b' : 's');
  const v = cell.v;
  switch (t) {
    case 'inline':
      return `<c r="${ref}"${s} t="inlineStr"><is><t>${escapeXml(String(v))}</t></is></c>`;
    case 'b':
      return `<c r="${ref}"${s} t="b">${f}<v>${v === true || v === 1 ? 1 : 0}</v></c>`;
    case 'str':
      return `<c r="${ref}"${s} t="str">${f}<v>${escapeXml(String(v))}</v></c>`;
    case 'd':
      return `<c r="${ref}"${s} t="d"><v>${escapeXml(String(v))}</v></c>`;
    case 'n':
      return `<c r="${ref}"${s}>${f}<v>${String(v)}</v></c>`;
    default:
      return `<c r="${ref}"${s} t="s">${f}<v>${sst.id(String(v))}</v></c>`;
  }
}

export function rowXml(r: number, cells: readonly CellInput[], sst: SharedStrings): string {
  let inner = '';
  cells.forEach((c, i) => (inner += cellXml(`${columnName(i)}${r}`, c, sst)));
  return inner === '' ? '' : `<row r="${r}">${inner}</row>`;
}

function sheetHead(): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${NS}" xmlns:r="${RNS}"><sheetData>`;
}
function sheetTail(merges: readonly string[] = []): string {
  const m = merges.length
    ? `<mergeCells count="${merges.length}">${merges.map((r) => `<mergeCell ref="${r}"/>`).join('')}</mergeCells>`
    : '';
  return `</sheetData>${m}</worksheet>`;
}

function packageParts(sheets: readonly { name: string; hidden?: boolean }[]): [string, string][] {
  const types = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>${sheets
    .map(
      (_, i) =>
        `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
    )
    .join(
      '',
    )}<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>`;
  const rootRels = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`;
  const workbook = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="${NS}" xmlns:r="${RNS}"><sheets>${sheets
    .map(
      (s, i) =>
        `<sheet name="${escapeXml(s.name)}" sheetId="${i + 1}"${s.hidden ? ' state="hidden"' : ''} r:id="rId${i + 1}"/>`,
    )
    .join('')}</sheets></workbook>`;
  const n = sheets.length;
  const wbRels = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${sheets
    .map(
      (_, i) =>
        `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`,
    )
    .join(
      '',
    )}<Relationship Id="rId${n + 1}" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rId${n + 2}" Type="${REL}/styles" Target="styles.xml"/></Relationships>`;
  return [
    ['[Content_Types].xml', types],
    ['_rels/.rels', rootRels],
    ['xl/workbook.xml', workbook],
    ['xl/_rels/workbook.xml.rels', wbRels],
    ['xl/styles.xml', STYLES],
  ];
}

// ---- zip -------------------------------------------------------------------------------------

/** 1980-01-01 00:00 in DOS format: a fixed stamp keeps the bytes reproducible. */
const DOS_DATE = (0 << 9) | (1 << 5) | 1;
const DOS_TIME = 0;

interface CentralRecord {
  name: Buffer;
  method: number;
  flags: number;
  crc: number;
  csize: number;
  usize: number;
  offset: number;
}

function localHeader(r: Omit<CentralRecord, 'offset'>): Buffer {
  const b = Buffer.alloc(30);
  b.writeUInt32LE(0x04034b50, 0);
  b.writeUInt16LE(20, 4);
  b.writeUInt16LE(r.flags, 6);
  b.writeUInt16LE(r.method, 8);
  b.writeUInt16LE(DOS_TIME, 10);
  b.writeUInt16LE(DOS_DATE, 12);
  b.writeUInt32LE(r.crc >>> 0, 14);
  b.writeUInt32LE(r.csize, 18);
  b.writeUInt32LE(r.usize, 22);
  b.writeUInt16LE(r.name.length, 26);
  b.writeUInt16LE(0, 28);
  return Buffer.concat([b, r.name]);
}

function centralDirectory(records: readonly CentralRecord[], at: number): Buffer {
  const parts: Buffer[] = [];
  for (const r of records) {
    const b = Buffer.alloc(46);
    b.writeUInt32LE(0x02014b50, 0);
    b.writeUInt16LE(20, 4);
    b.writeUInt16LE(20, 6);
    b.writeUInt16LE(r.flags, 8);
    b.writeUInt16LE(r.method, 10);
    b.writeUInt16LE(DOS_TIME, 12);
    b.writeUInt16LE(DOS_DATE, 14);
    b.writeUInt32LE(r.crc >>> 0, 16);
    b.writeUInt32LE(r.csize, 20);
    b.writeUInt32LE(r.usize, 24);
    b.writeUInt16LE(r.name.length, 28);
    b.writeUInt32LE(r.offset, 42);
    parts.push(b, r.name);
  }
  const cd = Buffer.concat(parts);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(records.length, 8);
  end.writeUInt16LE(records.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(at, 16);
  return Buffer.concat([cd, end]);
}

/** A zip of stored (uncompressed) parts, in memory. */
export function storedZip(files: readonly [string, Uint8Array][]): Uint8Array {
  const parts: Buffer[] = [];
  const records: CentralRecord[] = [];
  let at = 0;
  for (const [name, data] of files) {
    const rec = {
      name: Buffer.from(name, 'utf8'),
      method: 0,
      flags: 0x800, // UTF-8 names
      crc: crc32(data),
      csize: data.length,
      usize: data.length,
      offset: at,
    };
    const h = localHeader(rec);
    parts.push(h, Buffer.from(data));
    records.push(rec);
    at += h.length + data.length;
  }
  parts.push(centralDirectory(records, at));
  return new Uint8Array(Buffer.concat(parts));
}

/** A workbook in memory, byte for byte reproducible. */
export function buildXlsx(sheets: readonly SheetInput[]): Uint8Array {
  const sst = new SharedStrings();
  const sheetXml = sheets.map(
    (s) => sheetHead() + s.rows.map((cells, i) => rowXml(i + 1, cells, sst)).join('') + sheetTail(s.merges),
  );
  const utf8 = (s: string) => new Uint8Array(Buffer.from(s, 'utf8'));
  const files: [string, Uint8Array][] = packageParts(sheets).map(([n, x]) => [n, utf8(x)]);
  sheetXml.forEach((x, i) => files.push([`xl/worksheets/sheet${i + 1}.xml`, utf8(x)]));
  files.push(['xl/sharedStrings.xml', utf8([...sst.xml()].join(''))]);
  return storedZip(files);
}

/**
 * A one-sheet workbook streamed to a file with deflate (as Excel writes them), for rows counted in
 * millions: rows come from an iterable, only the shared-string table is held in memory.
 */
export async function writeXlsxFile(
  path: string,
  sheetName: string,
  rows: Iterable<readonly CellInput[]>,
): Promise<void> {
  const out = createWriteStream(path);
  let at = 0;
  const records: CentralRecord[] = [];
  const write = async (b: Buffer) => {
    at += b.length;
    if (!out.write(b)) await once(out, 'drain');
  };
  const entry = async (name: string, chunks: Iterable<string>) => {
    const rec: CentralRecord = {
      name: Buffer.from(name, 'utf8'),
      method: 8,
      flags: 0x808, // UTF-8 names, sizes in a data descriptor
      crc: 0,
      csize: 0,
      usize: 0,
      offset: at,
    };
    await write(localHeader(rec));
    const deflate = createDeflateRaw({ level: 6 });
    const pending: Buffer[] = [];
    deflate.on('data', (c: Buffer) => pending.push(c));
    const flush = async () => {
      while (pending.length) {
        const c = pending.shift()!;
        rec.csize += c.length;
        await write(c);
      }
    };
    for (const s of chunks) {
      const b = Buffer.from(s, 'utf8');
      rec.crc = crc32(b, rec.crc);
      rec.usize += b.length;
      if (!deflate.write(b)) await once(deflate, 'drain');
      await flush();
    }
    deflate.end();
    await once(deflate, 'end');
    await flush();
    const dd = Buffer.alloc(16);
    dd.writeUInt32LE(0x08074b50, 0);
    dd.writeUInt32LE(rec.crc >>> 0, 4);
    dd.writeUInt32LE(rec.csize, 8);
    dd.writeUInt32LE(rec.usize, 12);
    await write(dd);
    records.push(rec);
  };
  for (const [n, x] of packageParts([{ name: sheetName }])) await entry(n, [x]);
  const sst = new SharedStrings();
  function* sheet(): Generator<string> {
    yield sheetHead();
    let part = '';
    let r = 0;
    for (const cells of rows) {
      part += rowXml(++r, cells, sst);
      if (part.length > 1 << 16) {
        yield part;
        part = '';
      }
    }
    yield part + sheetTail();
  }
  await entry('xl/worksheets/sheet1.xml', sheet());
  await entry('xl/sharedStrings.xml', sst.xml());
  const cd = centralDirectory(records, at);
  out.end(cd);
  await once(out, 'finish');
}
