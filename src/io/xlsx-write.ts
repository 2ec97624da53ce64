import { crc32, deflateRawSync } from 'node:zlib';
import { displayWidth } from '../core/width.js';

/**
 * hhsurvey's one .xlsx writer: sample lists people print and hand out, field packs, and forms
 * filled in by hand (the responses template). SpreadsheetML parts in a zip, written without a
 * library (exceljs would bring dozens of packages for what is a few hundred lines of XML).
 *
 * Text is written as inline strings with the text number format, so ids, phones and room numbers
 * stay text (000123 keeps its zeros, 13800001111 never becomes 1.38E+10), and no cell is ever a
 * formula. The zip carries a fixed date, so the same input gives the same bytes. Excel, WPS and
 * LibreOffice open it; hhsurvey's own reader (xlsx-read.ts) reads it back cell for cell.
 */

/** A cell: text, a number, or empty. */
export type XlsxCell = string | number | null | undefined;

/** Look of a row: header (bold), shaded (reserves), or plain. */
export type XlsxStyle = 'header' | 'shaded' | 'plain';

/** A row: its cells, or its cells with a style. An empty row is left blank. */
export type XlsxRow = readonly XlsxCell[] | { cells: readonly XlsxCell[]; style?: XlsxStyle };

/** A drop-down list of allowed values (data validation). */
export interface XlsxList {
  /** Cells the list applies to, e.g. "F2:F200". */
  sqref: string;
  /** The allowed values (Excel limits an inline list to 255 characters in all). */
  values: string[];
}

export interface XlsxSheet {
  name: string;
  /** Rows from row 1. */
  rows: readonly XlsxRow[];
  /** Column widths in characters; fitted to the text when absent. */
  widths?: readonly number[];
  /** Header rows kept in view while scrolling; they are bold unless styled otherwise. */
  freezeRows?: number;
  /**
   * A list to filter and print: a filter on the header row, A4 landscape one page wide, the
   * header repeated on every page, grid lines and a page footer.
   */
  printList?: boolean;
  lists?: readonly XlsxList[];
}

const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const RNS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';

// Cell styles (cellXfs): 0 general, 1 text, 2 text bold (header), 3 text shaded, 4 number shaded.
const STYLES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="${NS}"><fonts count="2"><font><sz val="11"/><name val="等线"/><family val="2"/><charset val="134"/></font><font><b/><sz val="11"/><name val="等线"/><family val="2"/><charset val="134"/></font></fonts><fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill><fill><patternFill patternType="solid"><fgColor rgb="FFEDEDED"/><bgColor indexed="64"/></patternFill></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="5"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="49" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="49" fontId="1" fillId="0" borderId="0" xfId="0" applyNumberFormat="1" applyFont="1"/><xf numFmtId="49" fontId="0" fillId="2" borderId="0" xfId="0" applyNumberFormat="1" applyFill="1"/><xf numFmtId="0" fontId="0" fillId="2" borderId="0" xfId="0" applyFill="1"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>
`;

function escapeXml(s: string): string {
  return (
    s
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
      // A literal "_x0041_" would read back as "A": Excel escapes its underscore (_x005F_).
      .replace(/_(?=x[0-9A-Fa-f]{4}_)/g, '_x005F_')
      .replace(
        // eslint-disable-next-line no-control-regex -- control characters are not allowed in XML
        /[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g,
        (c) => `_x${c.charCodeAt(0).toString(16).padStart(4, '0').toUpperCase()}_`,
      )
  );
}

/** Excel's column letters: 0 → A, 25 → Z, 26 → AA. */
export function columnLetter(index: number): string {
  let s = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26))
    s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** A sheet name Excel accepts: at most 31 characters, none of []:*?/\, unique in the workbook. */
export function sheetName(wanted: string, taken: Set<string>): string {
  const base =
    [...wanted.replace(/[[\]:*?/\\]/g, '_').replace(/^'|'$/g, '_')].slice(0, 31).join('') || 'Sheet';
  let name = base;
  for (let k = 2; taken.has(name.toLowerCase()); k++) {
    const suffix = ` (${k})`;
    name = [...base].slice(0, 31 - suffix.length).join('') + suffix;
  }
  taken.add(name.toLowerCase());
  return name;
}

/** Whether a list fits Excel's inline limit (255 characters, commas included). */
function listFits(values: readonly string[]): boolean {
  return values.join(',').length <= 255 && values.every((v) => !v.includes(',') && !v.includes('"'));
}

function rowOf(r: XlsxRow): { cells: readonly XlsxCell[]; style?: XlsxStyle } {
  return Array.isArray(r) ? { cells: r as readonly XlsxCell[] } : (r as { cells: readonly XlsxCell[] });
}

function cellXml(ref: string, v: XlsxCell, style: XlsxStyle): string {
  if (v === null || v === undefined || v === '') return '';
  if (typeof v === 'number') {
    const s = style === 'shaded' ? ' s="4"' : '';
    return Number.isFinite(v) ? `<c r="${ref}"${s}><v>${v}</v></c>` : '';
  }
  const s = style === 'header' ? 2 : style === 'shaded' ? 3 : 1;
  return `<c r="${ref}" s="${s}" t="inlineStr"><is><t xml:space="preserve">${escapeXml(v)}</t></is></c>`;
}

function sheetXml(sheet: XlsxSheet, first: boolean): string {
  const rows = sheet.rows.map(rowOf);
  const frozen = sheet.freezeRows ?? 0;
  const width = Math.max(1, ...rows.map((r) => r.cells.length));
  const lastCol = columnLetter(width - 1);
  const lastRow = Math.max(1, rows.length);
  let widths: string[];
  if (sheet.widths) widths = sheet.widths.map(String);
  else {
    const fitted = new Array<number>(width).fill(4);
    for (const r of rows)
      r.cells.forEach((c, i) => {
        if (c === null || c === undefined) return;
        fitted[i] = Math.max(fitted[i]!, displayWidth(typeof c === 'number' ? String(c) : c));
      });
    widths = fitted.map((w) => Math.min(60, w + 2.7).toFixed(2));
  }
  const cols = widths.length
    ? `<cols>${widths.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`).join('')}</cols>`
    : '';
  const data = rows
    .map((r, i) => {
      if (r.cells.every((c) => c === null || c === undefined || c === '')) return '';
      const style = r.style ?? (i < frozen ? 'header' : 'plain');
      const cells = r.cells.map((c, j) => cellXml(`${columnLetter(j)}${i + 1}`, c, style)).join('');
      return `<row r="${i + 1}">${cells}</row>`;
    })
    .join('');
  const view =
    `<sheetViews><sheetView workbookViewId="0"${first ? ' tabSelected="1"' : ''}>` +
    (frozen
      ? `<pane ySplit="${frozen}" topLeftCell="A${frozen + 1}" activePane="bottomLeft" state="frozen"/>` +
        `<selection pane="bottomLeft" activeCell="A${frozen + 1}" sqref="A${frozen + 1}"/>`
      : '') +
    `</sheetView></sheetViews>`;
  const lists = sheet.lists?.filter((l) => listFits(l.values)) ?? [];
  const validations = lists.length
    ? `<dataValidations count="${lists.length}">${lists
        .map(
          (l) =>
            `<dataValidation type="list" allowBlank="1" showErrorMessage="1" sqref="${l.sqref}"><formula1>"${escapeXml(l.values.join(','))}"</formula1></dataValidation>`,
        )
        .join('')}</dataValidations>`
    : '';
  const print = sheet.printList
    ? {
        pr: `<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>`,
        filter: `<autoFilter ref="A1:${lastCol}${lastRow}"/>`,
        page:
          `<printOptions gridLines="1"/>` +
          `<pageMargins left="0.4" right="0.4" top="0.6" bottom="0.6" header="0.3" footer="0.3"/>` +
          // A4 (paperSize 9), landscape, as wide as one page, as many pages down as it takes.
          `<pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/>` +
          `<headerFooter><oddFooter>&amp;C&amp;A  &amp;P / &amp;N</oddFooter></headerFooter>`,
      }
    : { pr: '', filter: '', page: '' };
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<worksheet xmlns="${NS}" xmlns:r="${RNS}">` +
    print.pr +
    `<dimension ref="A1:${lastCol}${lastRow}"/>` +
    view +
    `<sheetFormatPr defaultRowHeight="15"/>` +
    cols +
    `<sheetData>${data}</sheetData>` +
    print.filter +
    validations +
    print.page +
    `</worksheet>`
  );
}

function quoteSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

function workbookParts(sheets: readonly XlsxSheet[]): [string, string][] {
  const n = sheets.length;
  const defined = sheets.flatMap((s, i) => {
    if (!s.printList) return [];
    const width = Math.max(1, ...s.rows.map((r) => rowOf(r).cells.length));
    const ref = `${quoteSheet(s.name)}!$A$1:$${columnLetter(width - 1)}$${Math.max(1, s.rows.length)}`;
    return [
      `<definedName name="_xlnm._FilterDatabase" localSheetId="${i}" hidden="1">${escapeXml(ref)}</definedName>`,
      // The header row printed at the top of every page.
      `<definedName name="_xlnm.Print_Titles" localSheetId="${i}">${escapeXml(`${quoteSheet(s.name)}!$1:$1`)}</definedName>`,
    ];
  });
  return [
    [
      '[Content_Types].xml',
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>${sheets.map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join('')}<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>`,
    ],
    [
      '_rels/.rels',
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${RNS}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    ],
    [
      'xl/workbook.xml',
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="${NS}" xmlns:r="${RNS}"><bookViews><workbookView activeTab="0"/></bookViews><sheets>${sheets.map((s, i) => `<sheet name="${escapeXml(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('')}</sheets>${defined.length ? `<definedNames>${defined.join('')}</definedNames>` : ''}<calcPr calcId="0"/></workbook>`,
    ],
    [
      'xl/_rels/workbook.xml.rels',
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${PKG_REL}">${sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${RNS}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('')}<Relationship Id="rId${n + 1}" Type="${RNS}/styles" Target="styles.xml"/></Relationships>`,
    ],
    ['xl/styles.xml', STYLES],
    ...sheets.map((s, i): [string, string] => [`xl/worksheets/sheet${i + 1}.xml`, sheetXml(s, i === 0)]),
  ];
}

// 1980-01-01 00:00 in MS-DOS form: a fixed date keeps the bytes the same from run to run.
const DOS_DATE = (0 << 9) | (1 << 5) | 1;

/** A zip of deflated entries (the container of an .xlsx), UTF-8 names, a fixed date. */
function zipFiles(files: readonly [string, Uint8Array][]): Buffer {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const [name, data] of files) {
    const nameBytes = Buffer.from(name, 'utf8');
    const packed = deflateRawSync(data, { level: 6 });
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4); // version needed
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(8, 8); // deflate
    local.writeUInt16LE(0, 10);
    local.writeUInt16LE(DOS_DATE, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    local.writeUInt16LE(0, 28);
    locals.push(local, nameBytes, packed);
    const c = Buffer.alloc(46);
    c.writeUInt32LE(0x02014b50, 0);
    c.writeUInt16LE(20, 4);
    c.writeUInt16LE(20, 6);
    c.writeUInt16LE(0x0800, 8);
    c.writeUInt16LE(8, 10);
    c.writeUInt16LE(0, 12);
    c.writeUInt16LE(DOS_DATE, 14);
    c.writeUInt32LE(crc, 16);
    c.writeUInt32LE(packed.length, 20);
    c.writeUInt32LE(data.length, 24);
    c.writeUInt16LE(nameBytes.length, 28);
    c.writeUInt32LE(offset, 42);
    central.push(c, nameBytes);
    offset += 30 + nameBytes.length + packed.length;
  }
  const centralSize = central.reduce((a, b) => a + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(files.length, 8);
  end.writeUInt16LE(files.length, 10);
  end.writeUInt32LE(centralSize, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, ...central, end]);
}

/** A whole workbook's bytes. */
export function buildXlsx(sheets: readonly XlsxSheet[]): Buffer {
  return zipFiles(workbookParts(sheets).map(([n, text]) => [n, Buffer.from(text, 'utf8')]));
}
