import { TextDecoder } from 'node:util';
import { idEnd, type RosterFrame, type StratumInfo } from '../roster/read-roster.js';
import { compareBytes } from '../roster/byte-table.js';
import { addressRuns, compareRuns } from '../roster/columns.js';
import { allocate, allocateFixed } from './allocate.js';
import { DEFAULT_SIZE, type SampleMethod, type SamplingDesign } from './design.js';
import { createRng } from './rng.js';
import { selectRandom, selectSystematic } from './select.js';

/**
 * The draw: a pure function of the seed, the parameters and the roster as a set of households.
 * Each stratum's households are put in a canonical order that ignores the file's row order (UTF-8
 * byte order of household ids; for systematic sampling, address order first), and each stratum
 * draws from its own random stream named after the stratum, so neither row order, nor encoding,
 * nor changes to other strata move a stratum's sample.
 */
export const ALGORITHM = 'hhsurvey-draw/1';

/** The design's parameters the draw uses (the rank order and strata come with the frame). */
export type DrawParams = Omit<SamplingDesign, 'by' | 'order'> & {
  /** Households that must not be drawn. */
  exclude?: ReadonlySet<string>;
};

export interface StratumDraw {
  stratum: StratumInfo;
  /** Households in the roster (N_h). */
  population: number;
  excluded: number;
  /** Households that could be drawn: population − excluded. */
  eligible: number;
  /** Sample size and reserves drawn. */
  n: number;
  r: number;
  /** The stratum is smaller than its target size and gives every household. */
  takesAll: boolean;
  target: number;
  /** Roster rows, primaries in draw order, reserves in the order to use them. */
  primaries: number[];
  reserves: number[];
}

export interface Draw {
  strata: StratumDraw[];
  /** Strata named in --only that the roster does not have. */
  unknownOnly: string[];
  /** Set when --total cannot give every stratum its minimum (Σ min(N_h, minimum) households needed). */
  belowMinimum?: { total: number; needed: number; strata: number };
}

const utf8 = new TextDecoder('utf-8');

/** Bytes of each id (after its stratum's common prefix) that sortById's radix passes sort on. */
const KEY_BYTES = 6;

/**
 * What bucketByStratum read ahead for a stratum: whether its households are already in id order
 * in the file, and if not their sort keys (KEY_BYTES per household, in `rows` order).
 */
interface SortKeys {
  ascending: boolean;
  keys: Uint8Array;
}

/**
 * Households by stratum, in file order within each, with what sortById needs: whether each
 * stratum's ids already ascend in the file (rosters are usually kept in id order), and for the
 * strata whose ids do not, the KEY_BYTES bytes of each id after the stratum's common prefix
 * (zero-padded). Both passes read the ids in file order: in a roster whose rows are not in id
 * order, reading them stratum by stratum would jump about the whole id store, a cache miss or more
 * per household (more time than the sort itself).
 */
function bucketByStratum(frame: RosterFrame): {
  start: Int32Array;
  rows: Int32Array;
  keys: Uint8Array;
  ascending: Uint8Array;
} {
  const H = frame.strata.length;
  const N = frame.households;
  const bytes = frame.ids.bytes;
  const idStart = frame.idStart;
  const stratumOf = frame.stratumOf;
  const start = new Int32Array(H + 1);
  const first = new Int32Array(H).fill(-1);
  const prev = new Int32Array(H);
  const prefix = new Int32Array(H);
  const ascending = new Uint8Array(H).fill(1);
  for (let i = 0; i < N; i++) {
    const h = stratumOf[i]!;
    start[h + 1]!++;
    const s = idStart[i]!;
    const e = idEnd(frame, i);
    if (first[h]! < 0) {
      first[h] = i;
      prev[h] = i;
      prefix[h] = e - s;
      continue;
    }
    const f = idStart[first[h]!]!;
    const len = Math.min(prefix[h]!, e - s);
    let k = 0;
    while (k < len && bytes[s + k] === bytes[f + k]) k++;
    prefix[h] = k;
    if (ascending[h] === 1 && compareIds(frame, prev[h]!, i) > 0) ascending[h] = 0;
    prev[h] = i;
  }
  for (let h = 0; h < H; h++) start[h + 1]! += start[h]!;
  const fill = start.slice(0, H);
  const rows = new Int32Array(N);
  const keys = new Uint8Array(N * KEY_BYTES);
  for (let i = 0; i < N; i++) {
    const h = stratumOf[i]!;
    const p = fill[h]!++;
    rows[p] = i;
    if (ascending[h] === 1) continue;
    const s = idStart[i]! + prefix[h]!;
    const len = Math.min(KEY_BYTES, idEnd(frame, i) - s);
    for (let j = 0; j < len; j++) keys[p * KEY_BYTES + j] = bytes[s + j]!;
  }
  return { start, rows, keys, ascending };
}

function idOf(frame: RosterFrame, row: number): string {
  return utf8.decode(frame.ids.bytes.subarray(frame.idStart[row], idEnd(frame, row)));
}

function compareIds(frame: RosterFrame, a: number, b: number): number {
  const bytes = frame.ids.bytes;
  const as = frame.idStart[a]!;
  const bs = frame.idStart[b]!;
  return compareBytes(bytes, as, idEnd(frame, a), bytes, bs, idEnd(frame, b));
}

/**
 * Sort a stratum's rows by household id in UTF-8 byte order. A comparator sort of millions of rows
 * in JavaScript is slow, so this is a radix sort: the ids of a stratum usually share a prefix
 * (H00512…), and the six bytes after the stratum's common prefix (zero-padded: a shorter id sorts
 * first, as in byte order) are sorted least significant byte first, each pass a stable counting
 * sort. Rows whose six bytes tie (ids longer than the prefix and six bytes) are then put in order
 * by comparing their whole ids. The result is the byte order of the ids, exactly. Rows already in
 * id order are returned as they are. `pre`, from bucketByStratum, says whether they are and gives
 * the keys read ahead (for all the stratum's households, in `rows` order).
 */
export function sortById(
  frame: RosterFrame,
  rows: ArrayLike<number>,
  scratch = new SortScratch(),
  pre?: SortKeys,
): Int32Array {
  const n = rows.length;
  const bytes = frame.ids.bytes;
  const W = KEY_BYTES;
  scratch.fit(n, W, pre === undefined);
  const { count } = scratch;
  let pos = scratch.pos;
  let tmp = scratch.tmp;
  const sorted = scratch.sorted.subarray(0, n);
  if (n === 0) return sorted;
  // Rosters are usually kept in id order: then the rows are already sorted (checked, not assumed).
  let ascending = pre === undefined || pre.ascending;
  if (pre === undefined)
    for (let i = 1; i < n && ascending; i++)
      if (compareIds(frame, rows[i - 1]!, rows[i]!) > 0) ascending = false;
  if (ascending) {
    for (let i = 0; i < n; i++) sorted[i] = rows[i]!;
    return sorted;
  }
  for (let i = 0; i < n; i++) pos[i] = i;
  let keys: Uint8Array;
  if (pre !== undefined) keys = pre.keys;
  else {
    keys = scratch.keys;
    // The common prefix of the stratum's ids.
    const s0 = frame.idStart[rows[0]!]!;
    let prefix = idEnd(frame, rows[0]!) - s0;
    for (let i = 1; i < n && prefix > 0; i++) {
      const s = frame.idStart[rows[i]!]!;
      const len = Math.min(prefix, idEnd(frame, rows[i]!) - s);
      let k = 0;
      while (k < len && bytes[s + k] === bytes[s0 + k]) k++;
      prefix = k;
    }
    keys.fill(0, 0, n * W);
    for (let i = 0; i < n; i++) {
      const r = rows[i]!;
      const s = frame.idStart[r]! + prefix;
      const len = idEnd(frame, r) - s;
      for (let j = 0; j < W && j < len; j++) keys[i * W + j] = bytes[s + j]!;
    }
  }
  // LSD passes move positions into `keys`, not the keys themselves.
  for (let j = W - 1; j >= 0; j--) {
    count.fill(0);
    for (let i = 0; i < n; i++) count[keys[pos[i]! * W + j]! + 1]!++;
    if (count[keys[pos[0]! * W + j]! + 1] === n) continue; // one value: the pass changes nothing
    for (let b = 0; b < 256; b++) count[b + 1]! += count[b]!;
    for (let i = 0; i < n; i++) {
      const p = pos[i]!;
      tmp[count[keys[p * W + j]!]!++] = p;
    }
    [pos, tmp] = [tmp, pos];
  }
  for (let i = 0; i < n; i++) sorted[i] = rows[pos[i]!]!;
  // Runs of equal six bytes (longer ids, or ids with zero bytes): order them by their whole ids.
  const same = (a: number, b: number) => {
    for (let j = 0; j < W; j++) if (keys[a * W + j] !== keys[b * W + j]) return false;
    return true;
  };
  for (let i = 0; i < n;) {
    let k = i + 1;
    while (k < n && same(pos[i]!, pos[k]!)) k++;
    if (k - i > 1) sorted.subarray(i, k).sort((a, b) => compareIds(frame, a, b));
    i = k;
  }
  return sorted;
}

/**
 * Working arrays of sortById, reused from stratum to stratum: fresh ones per stratum would leave
 * tens of megabytes of dead buffers outside the heap until the next collection. The sorted rows
 * sortById returns live here too, valid until its next call.
 */
class SortScratch {
  keys = new Uint8Array(0);
  pos = new Int32Array(0);
  tmp = new Int32Array(0);
  sorted = new Int32Array(0);
  readonly count = new Int32Array(257);
  fit(n: number, width: number, keys: boolean): void {
    if (keys && this.keys.length < n * width) this.keys = new Uint8Array(n * width);
    if (this.pos.length >= n) return;
    this.pos = new Int32Array(n);
    this.tmp = new Int32Array(n);
    this.sorted = new Int32Array(n);
  }
}

/** Address order: the order columns compared as people read them (2 before 10), then the id. */
export function compareAddressKeys(a: string, b: string): number {
  return compareAddressTokens(addressTokens(a), addressTokens(b));
}

/** An address key (order columns joined by U+001F) split for sorting: each column into its runs. */
function addressTokens(key: string): string[][] {
  return key.split('\u001f').map(addressRuns);
}

/** Compare two keys split by addressTokens. */
export function compareAddressTokens(pa: readonly string[][], pb: readonly string[][]): number {
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const c = compareRuns(pa[i] ?? [], pb[i] ?? []);
    if (c !== 0) return c;
  }
  return 0;
}

function matchesOnly(s: StratumInfo, only: readonly string[]): boolean {
  return only.some((o) => o === s.key || o === s.values[s.values.length - 1]);
}

export function drawSample(frame: RosterFrame, method: SampleMethod, params: DrawParams): Draw {
  const { start, rows, keys, ascending } = bucketByStratum(frame);
  const excluding = params.exclude !== undefined && params.exclude.size > 0;
  const chosen: number[] = [];
  frame.strata.forEach((s, h) => {
    if (!params.only || matchesOnly(s, params.only)) chosen.push(h);
  });
  const unknownOnly = (params.only ?? []).filter((o) => !frame.strata.some((s) => matchesOnly(s, [o])));

  // Exclusions first: allocation needs each stratum's eligible count.
  const excluded = (row: number) =>
    params.exclude !== undefined && params.exclude.size > 0 && params.exclude.has(idOf(frame, row));
  const members = (h: number): Int32Array => {
    const all = rows.subarray(start[h], start[h + 1]);
    return params.exclude && params.exclude.size > 0 ? all.filter((r) => !excluded(r)) : all;
  };
  const population = chosen.map((h) => start[h + 1]! - start[h]!);
  const eligible = chosen.map((h, i) =>
    params.exclude && params.exclude.size > 0 ? members(h).length : population[i]!,
  );
  // A --total too small to give every stratum its --min-per-stratum: the caller refuses it rather
  // than leave some strata with fewer (or no) households.
  const minimumNeeded = eligible.reduce((a, N) => a + Math.min(N, params.minPerStratum), 0);
  const belowMinimum =
    params.total !== undefined && params.minPerStratum > 0 && params.total < minimumNeeded
      ? { total: params.total, needed: minimumNeeded, strata: eligible.length }
      : undefined;
  const sizes =
    params.total !== undefined
      ? allocate({
          sizes: eligible,
          total: params.total,
          method: params.allocation,
          minPerStratum: params.minPerStratum,
          priors: chosen.map((h) => params.priors?.get(frame.strata[h]!.key)),
        }).sizes
      : allocateFixed(eligible, params.size ?? DEFAULT_SIZE).sizes;

  // Then one stratum at a time (only one stratum's working arrays are alive at once): canonical
  // order, then selection from the stratum's own random stream.
  const scratch = new SortScratch();
  const strata = chosen.map((h, i): StratumDraw => {
    const stratum = frame.strata[h]!;
    let m: ArrayLike<number>;
    if (method === 'systematic' && frame.orderKeys) {
      const keys = frame.orderKeys;
      m = Array.from(members(h)).sort(
        (a, b) => compareAddressKeys(keys[a]!, keys[b]!) || compareIds(frame, a, b),
      );
    } else {
      // The keys read ahead are for all the stratum's households; with exclusions, sortById reads its own.
      const pre = excluding
        ? undefined
        : {
            ascending: ascending[h] === 1,
            keys: keys.subarray(start[h]! * KEY_BYTES, start[h + 1]! * KEY_BYTES),
          };
      m = sortById(frame, members(h), scratch, pre);
    }
    const N = m.length;
    const n = sizes[i]!;
    const target = params.total !== undefined ? n : (params.size ?? DEFAULT_SIZE);
    const rng = createRng(params.seed, `${ALGORITHM}\u0000${method}\u0000${stratum.key}`);
    const sel =
      method === 'systematic'
        ? selectSystematic(N, n, params.reserve, rng)
        : selectRandom(N, n, params.reserve, rng);
    return {
      stratum,
      population: population[i]!,
      excluded: population[i]! - N,
      eligible: N,
      n,
      r: sel.reserves.length,
      takesAll: n >= N && N < target,
      target,
      primaries: sel.primaries.map((p) => m[p]!),
      reserves: sel.reserves.map((p) => m[p]!),
    };
  });
  return { strata, unknownOnly, ...(belowMinimum ? { belowMinimum } : {}) };
}
