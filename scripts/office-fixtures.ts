/**
 * Office-shaped rosters for fixtures/office/: the same households as a civilization office keeps
 * them in Excel and as Excel exports them. One function per fixture; scripts/make-fixtures.ts
 * collects them. fixtures/README.md says what each one holds and what it must give.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { sampleCsv } from '../src/sampling/sample-file.js';
import { DEFAULT_ORDER } from '../src/sampling/design.js';
import { runSampleJob } from '../src/sampling/sample-job.js';
import { householdCells, rosterHeader, type SynthHousehold } from '../src/synth/roster.js';
import { buildXlsx, type CellInput } from './xlsx-build.js';

export const OFFICE_TITLE = '全福区住户花名册（2026年模拟测评用）';

/** The office's households: the fixture roster with six-digit numeric ids kept as text (000001 …). */
export function officeRows(rows: readonly SynthHousehold[]): string[][] {
  return rows.map((h, i) => {
    const cells = householdCells(h);
    cells[0] = String(i + 1).padStart(6, '0');
    return cells;
  });
}

const ID = 0;
const STREET = 1;
const COMMUNITY = 2;
const PHONE = 10;

/** Runs of equal values in a column (for merged cells): [first row index, last row index]. */
function runs(rows: readonly string[][], col: number): [number, number][] {
  const out: [number, number][] = [];
  let start = 0;
  for (let i = 1; i <= rows.length; i++)
    if (i === rows.length || rows[i]![col] !== rows[start]![col]) {
      out.push([start, i - 1]);
      start = i;
    }
  return out;
}

/** Rows as Excel exports a sheet whose 街道 and 社区 cells are merged: only the first of a run keeps its value. */
function withMergedBlanks(rows: readonly string[][]): string[][] {
  return rows.map((r, i) => {
    const c = [...r];
    for (const col of [STREET, COMMUNITY]) if (i > 0 && rows[i - 1]![col] === r[col]) c[col] = '';
    return c;
  });
}

/** Excel's CSV: a cell with a comma, quote or line end is quoted. */
function csvLine(cells: readonly string[], sep = ','): string {
  return cells.map((c) => (/[",\r\n\t;]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(sep);
}

/**
 * `office/roster.xlsx`: a title row merged across the columns, a blank row, the header on row 3,
 * 街道 and 社区 merged over each community's rows, ids stored as text (leading zeros), phones and
 * household sizes stored as numbers, and a second, hidden sheet (an old list) that must not be read.
 */
export function officeWorkbook(rows: readonly SynthHousehold[]): Uint8Array {
  const data = officeRows(rows);
  const header = rosterHeader('zh');
  const first = 4; // the first household's row
  const sheetRows: CellInput[][] = [
    [OFFICE_TITLE],
    [],
    header,
    ...withMergedBlanks(data).map((r) =>
      r.map((v, c): CellInput => {
        if (v === '') return null;
        if (c === ID) return { v, s: 1 };
        if (c === PHONE || c === header.length - 1 || (c >= 5 && c <= 7)) return Number(v);
        return v;
      }),
    ),
  ];
  const last = String.fromCharCode(64 + header.length);
  const merges = [`A1:${last}1`];
  for (const col of [STREET, COMMUNITY])
    for (const [a, b] of runs(data, col))
      if (b > a)
        merges.push(
          `${String.fromCharCode(65 + col)}${first + a}:${String.fromCharCode(65 + col)}${first + b}`,
        );
  const hidden: CellInput[][] = [header, ...data.slice(0, 5).map((r) => [`OLD${r[0]}`, ...r.slice(1)])];
  return buildXlsx([
    { name: '户册', rows: sheetRows, merges },
    { name: '旧名单', hidden: true, rows: hidden },
  ]);
}

/** The workbook's sheet as Excel exports it: title row, blank row, merged cells left blank. */
function exportLines(rows: readonly SynthHousehold[], sep = ','): string[] {
  const header = rosterHeader('zh');
  const title = [OFFICE_TITLE, ...header.slice(1).map(() => '')];
  return [
    csvLine(title, sep),
    csvLine(
      header.map(() => ''),
      sep,
    ),
    csvLine(header, sep),
    ...withMergedBlanks(officeRows(rows)).map((r) => csvLine(r, sep)),
  ];
}

/** `office/roster-export-utf8.csv`: File → Save As → "CSV UTF-8" (BOM, CRLF). */
export function officeCsvUtf8(rows: readonly SynthHousehold[]): Uint8Array {
  return Buffer.from(
    '\uFEFF' +
      exportLines(rows)
        .map((l) => `${l}\r\n`)
        .join(''),
    'utf8',
  );
}

/** `office/roster-export-gb18030.csv`: File → Save As → "CSV (逗号分隔)" on Chinese Windows (GB18030, CRLF). */
export function officeCsvGb18030(rows: readonly SynthHousehold[]): Uint8Array {
  return iconv.encode(
    exportLines(rows)
      .map((l) => `${l}\r\n`)
      .join(''),
    'gb18030',
  );
}

/** `office/roster.tsv`: tab-separated text with every cell filled (UTF-8, LF), header on line 1. */
export function officeTsv(rows: readonly SynthHousehold[]): Uint8Array {
  const lines = [rosterHeader('zh'), ...officeRows(rows)].map((r) => csvLine(r, '\t'));
  return Buffer.from(lines.map((l) => `${l}\n`).join(''), 'utf8');
}

/**
 * `office/serial-only.csv`: numbered with 序号 and no household id column; 街道, 社区, 楼栋, 单元 and
 * 房号 identify each household.
 */
export function officeSerialOnly(rows: readonly SynthHousehold[]): Uint8Array {
  const header = ['序号', ...rosterHeader('zh').slice(1)];
  const lines = [header, ...officeRows(rows).map((r, i) => [String(i + 1), ...r.slice(1)])].map((r) =>
    csvLine(r),
  );
  return Buffer.from(lines.map((l) => `${l}\n`).join(''), 'utf8');
}

/**
 * `office/same-name.csv`: two sub-districts each with a 和平社区 (南全福社区 of 全福街道 and
 * 洪家楼南社区 of 洪家楼街道 renamed), as in districts where a common name recurs. A community is
 * its sub-district and its name: the default strata keep them apart, `--by community` is refused.
 */
export function officeSameName(rows: readonly SynthHousehold[]): Uint8Array {
  const header = rosterHeader('zh');
  const renamed = officeRows(rows).map((r) =>
    r[COMMUNITY] === '南全福社区' || r[COMMUNITY] === '洪家楼南社区'
      ? r.map((v, c) => (c === COMMUNITY ? '和平社区' : v))
      : r,
  );
  return Buffer.from('\uFEFF' + [header, ...renamed].map((r) => `${csvLine(r)}\r\n`).join(''), 'utf8');
}

/** The seed and reserves of the office sample (README: `sample fixtures/office/roster.xlsx --seed office-1 --reserve 3`). */
export const OFFICE_SAMPLE = { seed: 'office-1', reserve: 3 } as const;

/** What Excel does to a CSV it opens and saves again: numbers lose their leading zeros (000017 → 17). */
function resavedByExcel(csv: string): string {
  return csv
    .split('\r\n')
    .map((line) => line.replace(/(^|,)0+(\d+)(?=,|$)/g, '$1$2'))
    .join('\r\n');
}

/**
 * `office/sample-resaved.csv`: the office sample list (--lang zh, with its BOM) as it comes back
 * after a field team opened it in Excel and saved it: ids 000017 are now 17. Drawn from the
 * workbook with hhsurvey's own sampler, so it changes only when the draw does.
 */
export async function officeResavedSample(rows: readonly SynthHousehold[]): Promise<Uint8Array> {
  const dir = mkdtempSync(join(tmpdir(), 'hhsurvey-fixtures-'));
  try {
    const roster = join(dir, 'roster.xlsx');
    writeFileSync(roster, officeWorkbook(rows));
    const job = await runSampleJob(
      {
        roster,
        encoding: 'auto',
        method: 'random',
        allocation: 'proportional',
        minPerStratum: 1,
        reserve: OFFICE_SAMPLE.reserve,
        order: DEFAULT_ORDER,
        seed: OFFICE_SAMPLE.seed,
      },
      new Date(0),
    );
    const csv = sampleCsv(job.rows, {
      lang: 'zh',
      header: job.frame.columns.header,
      idColumn: job.frame.columns.index.household_id!,
      mask: new Map(),
      bom: true,
      escapeFormulas: true,
    });
    return Buffer.from(resavedByExcel(csv), 'utf8');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The office fixtures drawn by hhsurvey itself (asynchronous: they read a roster): path → bytes. */
export async function buildDrawnOfficeFixtures(
  rows: readonly SynthHousehold[],
): Promise<Map<string, Uint8Array>> {
  return new Map([['office/sample-resaved.csv', await officeResavedSample(rows)]]);
}

/** Every office fixture: relative path → bytes. */
export function buildOfficeFixtures(rows: readonly SynthHousehold[]): Map<string, Uint8Array> {
  return new Map([
    ['office/roster.xlsx', officeWorkbook(rows)],
    ['office/roster-export-utf8.csv', officeCsvUtf8(rows)],
    ['office/roster-export-gb18030.csv', officeCsvGb18030(rows)],
    ['office/roster.tsv', officeTsv(rows)],
    ['office/serial-only.csv', officeSerialOnly(rows)],
    ['office/same-name.csv', officeSameName(rows)],
  ]);
}
