import { canonicalColumn } from '../roster/columns.js';
import { maskValue, type SampleEntry } from '../sampling/sample-file.js';

/**
 * The field pack as data: sub-districts, their communities, and each community's households in
 * the order `hhsurvey interview` takes them (primaries by rank, the walking route through grids,
 * buildings, units and rooms; then the reserves in their drawn order, the order they must be used
 * in). Pure: the sheets, the workbook and the tests all read this one structure.
 */

export interface PackHousehold {
  role: 'primary' | 'reserve';
  rank: number;
  householdId: string;
  grid: string;
  address: string;
  head: string;
  phone: string;
}

export interface PackCommunity {
  stratum: string;
  street: string | null;
  /** The community's own name (without its sub-district). */
  name: string;
  primaries: PackHousehold[];
  reserves: PackHousehold[];
}

export interface PackStreet {
  street: string | null;
  communities: PackCommunity[];
}

export interface PackOptions {
  /** Mask names and phones (138****1234, 张*). Values the sample list already masks stay as they are. */
  mask: boolean;
}

/** A contact as printed: masked unless asked not to; an already masked value is left alone. */
export function printedContact(
  kind: 'head_name' | 'phone',
  value: string | undefined,
  mask: boolean,
): string {
  const v = (value ?? '').trim();
  if (v === '' || !mask || v.includes('*')) return v;
  return maskValue(kind, v);
}

function communityOf(e: SampleEntry): string {
  if (e.community) return e.community;
  const parts = e.stratum.split(' / ');
  return parts[parts.length - 1]!;
}

export function buildPack(entries: readonly SampleEntry[], opts: PackOptions): PackStreet[] {
  const communities = new Map<string, PackCommunity>();
  for (const e of entries) {
    let c = communities.get(e.stratum);
    if (!c) {
      c = { stratum: e.stratum, street: e.street || null, name: communityOf(e), primaries: [], reserves: [] };
      communities.set(e.stratum, c);
    }
    const gridHeader = Object.keys(e.fields).find((h) => canonicalColumn(h) === 'grid');
    const h: PackHousehold = {
      role: e.role,
      rank: e.rank,
      householdId: e.householdId,
      grid: gridHeader ? (e.fields[gridHeader] ?? '').trim() : '',
      address: e.address,
      head: printedContact('head_name', e.headName, opts.mask),
      phone: printedContact('phone', e.phone, opts.mask),
    };
    (e.role === 'primary' ? c.primaries : c.reserves).push(h);
  }
  const streets = new Map<string | null, PackStreet>();
  for (const c of communities.values()) {
    c.primaries.sort((a, b) => a.rank - b.rank);
    c.reserves.sort((a, b) => a.rank - b.rank);
    let s = streets.get(c.street);
    if (!s) streets.set(c.street, (s = { street: c.street, communities: [] }));
    s.communities.push(c);
  }
  return [...streets.values()];
}
