/**
 * Roster columns: canonical ids, their Chinese headers and the variants found in real rosters.
 * A header matches after normalisation: NFKC (full-width to half-width), lower case, no spaces,
 * underscores or dashes, and any bracketed note dropped: "户编号（必填）" and "Household ID" both
 * mean household_id.
 */
export const CANONICAL_COLUMNS = [
  'household_id',
  'street',
  'community',
  'grid',
  'estate',
  'building',
  'unit',
  'floor',
  'room',
  'address',
  'head_name',
  'phone',
  'size',
] as const;
export type CanonicalColumn = (typeof CANONICAL_COLUMNS)[number];

/** Chinese header written with --lang zh, then further aliases. */
export const COLUMN_ALIASES: Record<CanonicalColumn, readonly string[]> = {
  household_id: ['户编号', '户号', '住户编号', '户id', 'householdid', 'hhid', 'id'],
  street: ['街道', '街道办', '街道办事处', '镇街', 'subdistrict'],
  community: ['社区', '社区名称', '居委会', '村居'],
  grid: ['网格', '网格号', '网格名称'],
  estate: ['小区', '小区名称'],
  building: ['楼栋', '楼号', '楼栋号', '栋', 'bldg'],
  unit: ['单元', '单元号', 'entrance'],
  floor: ['楼层', '层'],
  room: ['房号', '门牌号', '户室号', '房间号', 'door'],
  // One free-text address column, as most office rosters keep it (幸福小区3号楼2单元502).
  address: ['住址', '地址', '家庭住址', '详细地址', '现住址', '居住地址', '住户地址', 'addr'],
  head_name: ['户主', '户主姓名', '姓名', 'head', 'headofhousehold', 'name'],
  phone: ['联系电话', '电话', '手机', '手机号', '联系方式', 'tel', 'mobile'],
  size: ['常住人口', '人口', '家庭人口', '人数', 'householdsize', 'members'],
};

export function normaliseHeader(h: string): string {
  return withoutBrackets(h.normalize('NFKC'))
    .toLowerCase()
    .replace(/[\s_\-.:：*]/g, '');
}

const CLOSING: Record<string, string> = { '(': ')', '[': ']', '【': '】' };

/**
 * The text without its bracketed parts, "(…)", "[…]", "【…】", each to the first closing bracket
 * after it. In linear time: a header of a hundred thousand "[" and no "]" (a foreign file read as
 * a roster) took half a minute with a lazy regular expression.
 */
function withoutBrackets(s: string): string {
  let out = '';
  let i = 0;
  const none = new Set<string>(); // closing brackets known to occur no more
  while (i < s.length) {
    const close = CLOSING[s[i]!];
    if (close !== undefined && !none.has(close)) {
      const j = s.indexOf(close, i + 1);
      if (j >= 0) {
        i = j + 1;
        continue;
      }
      none.add(close);
    }
    out += s[i];
    i++;
  }
  return out;
}

const LOOKUP = new Map<string, CanonicalColumn>();
for (const c of CANONICAL_COLUMNS) {
  LOOKUP.set(normaliseHeader(c), c);
  for (const a of COLUMN_ALIASES[c]) LOOKUP.set(normaliseHeader(a), c);
}

/** The canonical column a header names, if any. */
export function canonicalColumn(header: string): CanonicalColumn | undefined {
  return LOOKUP.get(normaliseHeader(header));
}

export interface ColumnMap {
  /** Header cells as written in the file. */
  header: string[];
  /** Index of each canonical column found. */
  index: Partial<Record<CanonicalColumn, number>>;
}

/**
 * Resolve a column named by the user (`--by 社区`, `--by community`, or any header as written)
 * to an index in the header.
 */
export function findColumn(map: ColumnMap, name: string): number | undefined {
  const canon = canonicalColumn(name);
  if (canon !== undefined && map.index[canon] !== undefined) return map.index[canon];
  const want = normaliseHeader(name);
  const i = map.header.findIndex((h) => normaliseHeader(h) === want);
  return i === -1 ? undefined : i;
}

/**
 * The stratum columns a roster implies when none are named: a community is identified by its
 * sub-district and its name wherever the roster has a sub-district column, since two sub-districts
 * may each have a 和平社区.
 */
export function defaultStratumColumns(map: ColumnMap): string[] {
  return map.index.street !== undefined ? ['street', 'community'] : ['community'];
}

export function mapColumns(header: string[]): ColumnMap {
  const index: Partial<Record<CanonicalColumn, number>> = {};
  header.forEach((h, i) => {
    const c = canonicalColumn(h);
    if (c !== undefined && index[c] === undefined) index[c] = i;
  });
  return { header, index };
}

/** Compare as people read addresses: digit runs as numbers (building 2 before 10), then text. */
export function naturalCompare(a: string, b: string): number {
  return compareRuns(addressRuns(a), addressRuns(b));
}

/** A value split into its digit runs and other runs, once, for comparing it many times. */
export function addressRuns(value: string): string[] {
  return value.match(/(\d+)|(\D+)/g) ?? [];
}

/** naturalCompare on values already split by addressRuns. */
export function compareRuns(pa: readonly string[], pb: readonly string[]): number {
  const n = Math.min(pa.length, pb.length);
  for (let i = 0; i < n; i++) {
    const x = pa[i]!;
    const y = pb[i]!;
    const dx = x.charCodeAt(0) >= 48 && x.charCodeAt(0) <= 57;
    const dy = y.charCodeAt(0) >= 48 && y.charCodeAt(0) <= 57;
    if (dx && dy) {
      const nx = x.replace(/^0+(?=\d)/, '');
      const ny = y.replace(/^0+(?=\d)/, '');
      if (nx.length !== ny.length) return nx.length - ny.length;
      if (nx !== ny) return nx < ny ? -1 : 1;
      if (x.length !== y.length) return x.length - y.length;
    } else if (x !== y) {
      if (dx !== dy) return dx ? -1 : 1;
      return x < y ? -1 : 1;
    }
  }
  return pa.length - pb.length;
}
