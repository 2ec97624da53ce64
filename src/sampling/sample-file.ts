import { createHash } from 'node:crypto';
import { UserError, type Problem } from '../core/errors.js';
import type { Lang } from '../core/i18n.js';
import { readCsvTable } from '../io/csv-read.js';
import { dict } from '../core/dict.js';
import { both, t } from '../core/messages.js';
import { m as io } from '../io/messages.js';
import { scopeLang } from '../io/run-scope.js';
import { csvTable, neutraliseFormula } from '../io/csv-write.js';
import { buildXlsx, sheetName, type XlsxRow, type XlsxSheet } from '../io/xlsx-write.js';
import { addressRuns, canonicalColumn, type CanonicalColumn } from '../roster/columns.js';
import { compareAddressTokens, type Draw } from './draw.js';
import type { SampleManifest } from './manifest.js';
import { maskPersonal, type MaskKind } from './mask.js';
import { m } from './strata.messages.js';

/** One line of a sample list. */
export interface SampleRow {
  stratum: string;
  role: 'primary' | 'reserve';
  rank: number;
  householdId: string;
  /** The roster's record, every column as in the roster. */
  record: string[];
  /**
   * Primaries: n_h/N_h and N_h/n_h, with N_h the stratum's households in the roster (households left
   * out with --exclude still count: scoring takes N_h from here for its finite population correction
   * and roll-up weights). Reserves: null (written empty): a reserve is interviewed only in place of a
   * primary and takes that primary's weight.
   */
  inclusionProb: number | null;
  weight: number | null;
}

export const SAMPLE_HEADERS = {
  en: {
    stratum: 'stratum',
    role: 'role',
    rank: 'rank',
    household_id: 'household_id',
    inclusion_prob: 'inclusion_prob',
    weight: 'weight',
  },
  zh: {
    stratum: '抽样层',
    role: '样本类型',
    rank: '顺序',
    household_id: '户编号',
    inclusion_prob: '入样概率',
    weight: '权数',
  },
} as const;
export const ROLE_LABELS = {
  en: { primary: 'primary', reserve: 'reserve' },
  zh: { primary: '正式', reserve: '备用' },
} as const;

/**
 * Turn a draw into sample-list rows. Primaries are ranked in address order (the walking route:
 * grid, building, unit, floor, room), reserves in their random draw order, which is the order
 * field teams must use them in.
 */
export function buildSampleRows(
  draw: Draw,
  records: ReadonlyMap<number, string[]>,
  orderIndex: readonly number[],
  householdId: (row: number) => string,
): SampleRow[] {
  const out: SampleRow[] = [];
  for (const s of draw.strata) {
    const p = s.n > 0 ? s.n / s.population : 0;
    const w = s.n > 0 ? s.population / s.n : 0;
    // Each household's address split once, not at every comparison.
    const tokens = new Map(
      s.primaries.map((row) => [
        row,
        orderIndex.map((c) => addressRuns((records.get(row)![c] ?? '').trim())),
      ]),
    );
    const primaries = [...s.primaries].sort((a, b) => {
      const c = compareAddressTokens(tokens.get(a)!, tokens.get(b)!);
      if (c !== 0) return c;
      const x = householdId(a);
      const y = householdId(b);
      return x < y ? -1 : x > y ? 1 : 0;
    });
    const push = (row: number, role: 'primary' | 'reserve', rank: number) =>
      out.push({
        stratum: s.stratum.key,
        role,
        rank,
        householdId: householdId(row),
        record: records.get(row)!,
        inclusionProb: role === 'primary' ? p : null,
        weight: role === 'primary' ? w : null,
      });
    primaries.forEach((row, i) => push(row, 'primary', i + 1));
    s.reserves.forEach((row, i) => push(row, 'reserve', i + 1));
  }
  return out;
}

/** sha256 over (stratum, role, rank, household_id) lines: what `verify` compares, whatever the format. */
export function sampleDigest(
  rows: readonly { stratum: string; role: string; rank: number; householdId: string }[],
): string {
  const h = createHash('sha256');
  for (const r of rows) h.update(`${r.stratum}\t${r.role}\t${r.rank}\t${r.householdId}\n`);
  return h.digest('hex');
}

/** Mask contact data for interviewers' lists: 100****1234, 张* (see maskPersonal). */
export function maskValue(column: CanonicalColumn | undefined, value: string): string {
  return maskPersonal(column === 'phone' ? 'phone' : column === 'head_name' ? 'name' : 'other', value);
}

export interface SampleOutputOptions {
  lang: Lang;
  header: string[];
  idColumn: number;
  /** Columns to mask and how (planMask). */
  mask: ReadonlyMap<number, MaskKind>;
  bom: boolean;
  escapeFormulas: boolean;
}

function maskedRecord(row: SampleRow, opts: SampleOutputOptions): string[] {
  return row.record.map((v, c) => {
    const kind = opts.mask.get(c);
    return kind ? maskPersonal(kind, v) : v;
  });
}

export function sampleCsv(rows: readonly SampleRow[], opts: SampleOutputOptions): string {
  const H = SAMPLE_HEADERS[opts.lang];
  const roles = ROLE_LABELS[opts.lang];
  const rosterCols = opts.header.map((_, c) => c).filter((c) => c !== opts.idColumn);
  const header = [
    H.stratum,
    H.role,
    H.rank,
    H.household_id,
    ...rosterCols.map((c) => opts.header[c]!),
    H.inclusion_prob,
    H.weight,
  ];
  return csvTable(
    header,
    rows.map((r) => {
      const rec = maskedRecord(r, opts);
      return [
        r.stratum,
        roles[r.role],
        r.rank,
        r.householdId,
        ...rosterCols.map((c) => rec[c] ?? ''),
        r.inclusionProb,
        r.weight,
      ];
    }),
    { bom: opts.bom, escapeFormulas: opts.escapeFormulas },
  );
}

/**
 * The sample list as a workbook for field teams: the first sheet holds every stratum, then one
 * sheet per sub-district. Within a sheet each stratum's primaries come first in walking order,
 * then, after a blank row and shaded, its reserves in the order to use them. Ids, phones and
 * rooms are text cells; text that a spreadsheet would run as a formula is neutralised as in CSV.
 */
export function sampleXlsx(rows: readonly SampleRow[], opts: SampleOutputOptions): Uint8Array {
  const H = SAMPLE_HEADERS[opts.lang];
  const roles = ROLE_LABELS[opts.lang];
  const rosterCols = opts.header.map((_, c) => c).filter((c) => c !== opts.idColumn);
  const text = (v: string) => (opts.escapeFormulas ? neutraliseFormula(v) : v);
  const header: XlsxRow = {
    style: 'header',
    cells: [
      H.stratum,
      H.role,
      H.rank,
      H.household_id,
      ...rosterCols.map((c) => opts.header[c]!),
      H.inclusion_prob,
      H.weight,
    ].map(text),
  };
  const line = (r: SampleRow): XlsxRow => {
    const rec = maskedRecord(r, opts);
    return {
      style: r.role === 'reserve' ? 'shaded' : 'plain',
      cells: [
        text(r.stratum),
        roles[r.role],
        r.rank,
        text(r.householdId),
        ...rosterCols.map((c) => text(rec[c] ?? '')),
        r.inclusionProb,
        r.weight,
      ],
    };
  };
  const layout = (subset: readonly SampleRow[]): XlsxRow[] => {
    const out: XlsxRow[] = [header];
    let stratum: string | undefined;
    let role: string | undefined;
    for (const r of subset) {
      // A blank row between strata, and between a stratum's primaries and its reserves.
      if (stratum !== undefined && (r.stratum !== stratum || r.role !== role)) out.push({ cells: [] });
      out.push(line(r));
      stratum = r.stratum;
      role = r.role;
    }
    return out;
  };
  const taken = new Set<string>();
  const listSheet = (name: string, subset: readonly SampleRow[]): XlsxSheet => ({
    name: sheetName(name, taken),
    rows: layout(subset),
    freezeRows: 1,
    printList: true,
  });
  const sheets: XlsxSheet[] = [listSheet(t(opts.lang, m.xlsxAll), rows)];
  const streetCol = opts.header.findIndex((h) => canonicalColumn(h) === 'street');
  if (streetCol >= 0) {
    const streets = new Map<string, SampleRow[]>();
    for (const r of rows) {
      const street = (r.record[streetCol] ?? '').trim();
      if (street === '') continue;
      const list = streets.get(street);
      if (list) list.push(r);
      else streets.set(street, [r]);
    }
    for (const [street, subset] of streets) sheets.push(listSheet(street, subset));
  }
  return buildXlsx(sheets);
}

export function sampleJson(rows: readonly SampleRow[], opts: SampleOutputOptions, summary: unknown): string {
  const rosterCols = opts.header.map((_, c) => c).filter((c) => c !== opts.idColumn);
  return (
    JSON.stringify(
      {
        strata: summary,
        households: rows.map((r) => {
          const rec = maskedRecord(r, opts);
          return {
            stratum: r.stratum,
            role: r.role,
            rank: r.rank,
            household_id: r.householdId,
            fields: Object.fromEntries(rosterCols.map((c) => [opts.header[c]!, rec[c] ?? ''])),
            inclusion_prob: r.inclusionProb,
            weight: r.weight,
          };
        }),
      },
      null,
      2,
    ) + '\n'
  );
}

// ---------------------------------------------------------------------------------------------
// Reading a sample list back (fieldwork, scoring and verify use it).

export interface SampleEntry {
  line: number;
  stratum: string;
  role: 'primary' | 'reserve';
  rank: number;
  householdId: string;
  street?: string;
  community?: string;
  /** Estate, building, unit and room as field teams read them: 幸福小区 3-2-502. */
  address: string;
  headName?: string;
  phone?: string;
  /** Roster columns by their header in the file. */
  fields: Record<string, string>;
  inclusionProb: number;
  weight: number;
}

export interface SampleStratum {
  key: string;
  /** N_h: households the stratum was drawn from (weight × primaries). */
  population: number;
  primaries: number;
  reserves: number;
}

export interface SampleList {
  file: string;
  entries: SampleEntry[];
  strata: SampleStratum[];
  manifest?: SampleManifest;
}

const FIXED = dict<keyof typeof SAMPLE_HEADERS.en>();
for (const lang of ['en', 'zh'] as const)
  for (const [k, v] of Object.entries(SAMPLE_HEADERS[lang]))
    FIXED[v.toLowerCase()] = k as keyof typeof SAMPLE_HEADERS.en;

function parseRole(v: string): 'primary' | 'reserve' | undefined {
  const t = v.trim().toLowerCase();
  if (t === 'primary' || t === '正式' || t === '正式样本') return 'primary';
  if (t === 'reserve' || t === '备用' || t === '备用样本') return 'reserve';
  return undefined;
}

export function formatAddress(f: Partial<Record<CanonicalColumn, string>>): string {
  const parts = [f.building, f.unit, f.room].map((x) => (x ?? '').trim()).filter((x) => x !== '');
  const estate = (f.estate ?? '').trim();
  // A roster's free-text 住址 comes first; the structured columns follow when it has them too.
  const address = (f.address ?? '').trim();
  return [address, estate, parts.join('-')].filter((x) => x !== '').join(' ');
}

/** Read a sample list written by `hhsurvey sample` (English or Chinese headers). */
export async function readSampleList(file: string, opts: { label?: string } = {}): Promise<SampleList> {
  // Cells were neutralised against formulas when written (CSV and .xlsx alike); readCsvTable undoes
  // exactly that, once (a second pass took a real apostrophe off: a stratum named '= read as =).
  const table = await readCsvTable(file, { label: opts.label, requireRows: true });
  const label = table.file;
  const col: Partial<Record<keyof typeof SAMPLE_HEADERS.en, number>> = {};
  const rosterCols: number[] = [];
  table.header.forEach((h, i) => {
    const k = FIXED[h.trim().toLowerCase()];
    if (k !== undefined && col[k] === undefined) col[k] = i;
    else rosterCols.push(i);
  });
  const missing = (['stratum', 'role', 'rank', 'household_id'] as const).filter((k) => col[k] === undefined);
  if (missing.length)
    throw new UserError(
      `${label}:1: not a sample list: missing column${missing.length > 1 ? 's' : ''} ${missing.join(', ')}`,
    );
  const canon = new Map<number, CanonicalColumn>();
  for (const c of rosterCols) {
    const k = canonicalColumn(table.header[c]!);
    if (k !== undefined && k !== 'household_id' && ![...canon.values()].includes(k)) canon.set(c, k);
  }
  const problems: Problem[] = [];
  const entries: SampleEntry[] = [];
  const seen = new Map<string, number>();
  for (const row of table.rows) {
    const get = (k: keyof typeof SAMPLE_HEADERS.en) =>
      col[k] === undefined ? '' : (row.fields[col[k]] ?? '').trim();
    const role = parseRole(get('role'));
    const rank = Number(get('rank'));
    const id = get('household_id');
    const stratum = get('stratum');
    const bad = (field: string, message: string) =>
      problems.push({ file: label, line: row.line, field, message });
    if (!stratum) bad(table.header[col.stratum!]!, 'empty stratum');
    if (!role)
      bad(table.header[col.role!]!, `role must be primary or reserve (正式/备用), got "${get('role')}"`);
    if (!Number.isInteger(rank) || rank < 1)
      bad(table.header[col.rank!]!, `rank must be a whole number from 1, got "${get('rank')}"`);
    if (!id) bad(table.header[col.household_id!]!, 'empty household id');
    else if (seen.has(id))
      bad(table.header[col.household_id!]!, `household ${id} listed twice (first on line ${seen.get(id)})`);
    if (!stratum || !role || !id || !Number.isInteger(rank) || rank < 1 || seen.has(id)) continue;
    seen.set(id, row.line);
    const fields = dict<string>();
    const named: Partial<Record<CanonicalColumn, string>> = {};
    for (const c of rosterCols) {
      fields[table.header[c]!] = row.fields[c] ?? '';
      const k = canon.get(c);
      if (k) named[k] = (row.fields[c] ?? '').trim();
    }
    const num = (k: 'inclusion_prob' | 'weight') => {
      const v = Number(get(k));
      return get(k) === '' || !Number.isFinite(v) ? NaN : v;
    };
    // A weight is N_h ÷ n_h: at least 1, and no stratum holds ten million households.
    const lang = scopeLang();
    if (get('weight') !== '' && !(num('weight') >= 1 && num('weight') <= 1e7)) {
      bad(table.header[col.weight!]!, t(lang, io.badWeight, { value: get('weight').slice(0, 24) }));
      continue;
    }
    if (get('inclusion_prob') !== '' && !(num('inclusion_prob') > 0 && num('inclusion_prob') <= 1)) {
      bad(
        table.header[col.inclusion_prob!]!,
        t(lang, io.badInclusionProb, { value: get('inclusion_prob').slice(0, 24) }),
      );
      continue;
    }
    entries.push({
      line: row.line,
      stratum,
      role,
      rank,
      householdId: id,
      ...(named.street !== undefined ? { street: named.street } : {}),
      ...(named.community !== undefined ? { community: named.community } : {}),
      address: formatAddress(named),
      ...(named.head_name !== undefined ? { headName: named.head_name } : {}),
      ...(named.phone !== undefined ? { phone: named.phone } : {}),
      fields,
      inclusionProb: num('inclusion_prob'),
      weight: num('weight'),
    });
  }
  if (problems.length)
    throw new UserError(both(io.invalidSampleList, { file: label, count: problems.length }), problems);
  const strata = new Map<string, SampleStratum & { weight: number }>();
  for (const e of entries) {
    let s = strata.get(e.stratum);
    if (!s)
      strata.set(e.stratum, (s = { key: e.stratum, population: 0, primaries: 0, reserves: 0, weight: NaN }));
    if (e.role === 'primary') {
      s.primaries++;
      if (Number.isFinite(e.weight)) s.weight = e.weight;
    } else s.reserves++;
  }
  return {
    file: label,
    entries,
    strata: [...strata.values()].map(({ weight, ...s }) => ({
      ...s,
      population: Number.isFinite(weight) ? Math.round(weight * s.primaries) : s.primaries,
    })),
  };
}
