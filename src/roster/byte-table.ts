/**
 * Growable columns of bytes and numbers for city-sized rosters: a million household ids kept as
 * JavaScript strings cost ~100 MB and much garbage collection; kept as UTF-8 bytes in one arena
 * they cost ~10 MB. Ids compare in UTF-8 byte order, which is Unicode code-point order and the
 * same for every platform, locale and file encoding.
 */
export class ByteArena {
  bytes: Uint8Array;
  used = 0;
  constructor(capacity = 1 << 20) {
    this.bytes = new Uint8Array(capacity);
  }
  push(src: Uint8Array, start: number, end: number): number {
    const at = this.used;
    const len = end - start;
    this.ensure(len);
    const dst = this.bytes;
    // Ids are a few bytes: a loop beats creating a subarray view per household.
    for (let i = 0; i < len; i++) dst[at + i] = src[start + i]!;
    this.used += len;
    return at;
  }
  pushString(s: string): number {
    return this.pushBytes(Buffer.from(s, 'utf8'));
  }
  pushBytes(b: Uint8Array): number {
    return this.push(b, 0, b.length);
  }
  private ensure(extra: number): void {
    if (this.used + extra <= this.bytes.length) return;
    let cap = this.bytes.length * 2;
    while (cap < this.used + extra) cap *= 2;
    const next = new Uint8Array(cap);
    next.set(this.bytes.subarray(0, this.used));
    this.bytes = next;
  }
}

type NumberArray = Int32Array | Uint32Array | Float64Array;
type NumberArrayConstructor<A extends NumberArray> = new (length: number) => A;

/** A typed array that doubles when full. */
export class GrowArray<A extends NumberArray> {
  data: A;
  length = 0;
  constructor(
    private readonly make: NumberArrayConstructor<A>,
    cap = 1 << 16,
  ) {
    this.data = new make(cap);
  }
  push(v: number): void {
    if (this.length === this.data.length) {
      const next = new this.make(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = v;
  }
  view(): A {
    return this.data.subarray(0, this.length) as A;
  }
}

export class GrowInt32 extends GrowArray<Int32Array> {
  constructor(cap = 1 << 16) {
    super(Int32Array, cap);
  }
}

/**
 * FNV-1a over a byte range, as a signed 32-bit integer (a small integer to V8: an unsigned result
 * above 2^31 would be a heap-allocated number per call).
 */
export function hashBytes(b: Uint8Array, start: number, end: number): number {
  let h = 0x811c9dc5 | 0;
  for (let i = start; i < end; i++) h = Math.imul(h ^ b[i]!, 0x01000193);
  return h;
}

export function compareBytes(
  a: Uint8Array,
  as: number,
  ae: number,
  b: Uint8Array,
  bs: number,
  be: number,
): number {
  const n = Math.min(ae - as, be - bs);
  for (let i = 0; i < n; i++) {
    const d = a[as + i]! - b[bs + i]!;
    if (d !== 0) return d;
  }
  return ae - as - (be - bs);
}

/**
 * Duplicate household ids, found once the scan is over. A hash table of a million ids is tens of
 * megabytes, and inserting ids one by one as they are read costs a cache miss each (a quarter of a
 * second for a city). Here each id's hash is kept as it is read (`hashes`, one per row), and at the
 * end the rows are split by the top bits of their hash into partitions of about 2,000 rows, kept in
 * row order, and each partition is checked in a small table that stays in the processor's cache.
 * Returns, in row order, every row whose id an earlier row already has, with that earliest row:
 * pairs [earlier, later, earlier, later, ...]. Ids are the arena's bytes, row r's from start[r] to
 * start[r + 1] (the last to `arena.used`).
 */
export function findDuplicates(arena: ByteArena, start: Int32Array, hashes: Int32Array): Int32Array {
  const n = start.length;
  const bytes = arena.bytes;
  const end = (r: number) => (r + 1 < n ? start[r + 1]! : arena.used);
  let bits = 0;
  while (bits < 16 && n >>> bits > 2048) bits++;
  const parts = 1 << bits;
  const mixed = new Int32Array(n);
  const count = new Int32Array(parts + 1);
  for (let r = 0; r < n; r++) {
    const h = mix(hashes[r]!);
    mixed[r] = h;
    count[(bits === 0 ? 0 : h >>> (32 - bits)) + 1]!++;
  }
  let largest = 0;
  for (let p = 0; p < parts; p++) {
    largest = Math.max(largest, count[p + 1]!);
    count[p + 1]! += count[p]!;
  }
  // Rows and their hashes side by side in partition order, so that each partition is read in order.
  const next = count.slice(0, parts);
  const order = new Int32Array(2 * n);
  for (let r = 0; r < n; r++) {
    const h = mixed[r]!;
    const k = next[bits === 0 ? 0 : h >>> (32 - bits)]!++;
    order[2 * k] = r;
    order[2 * k + 1] = h;
  }

  let cap = 16;
  while (cap < largest * 2) cap *= 2;
  const mask = cap - 1;
  // Pairs: slots[2k] = row + 1 (0 is empty), slots[2k + 1] = hash.
  const slots = new Int32Array(cap * 2);
  const later = new GrowInt32(16);
  const earlier = new GrowInt32(16);
  for (let p = 0; p < parts; p++) {
    const from = count[p]!;
    const to = count[p + 1]!;
    if (to - from < 2) continue;
    slots.fill(0);
    for (let k = from; k < to; k++) {
      const r = order[2 * k]!;
      const h = order[2 * k + 1]!;
      let i = h & mask;
      for (;;) {
        const slot = slots[2 * i]!;
        if (slot === 0) {
          slots[2 * i] = r + 1;
          slots[2 * i + 1] = h;
          break;
        }
        if (slots[2 * i + 1] === h) {
          const o = slot - 1;
          if (compareBytes(bytes, start[r]!, end(r), bytes, start[o]!, end(o)) === 0) {
            earlier.push(o);
            later.push(r);
            break;
          }
        }
        i = (i + 1) & mask;
      }
    }
  }
  // Partition by partition, then back into row order.
  const k = later.length;
  const byRow = Array.from({ length: k }, (_, i) => i).sort((a, b) => later.data[a]! - later.data[b]!);
  const out = new Int32Array(2 * k);
  byRow.forEach((i, j) => {
    out[2 * j] = earlier.data[i]!;
    out[2 * j + 1] = later.data[i]!;
  });
  return out;
}

/** MurmurHash3's finaliser: spreads FNV-1a's bits, whose top bits partition the rows. */
function mix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) | 0;
}

/**
 * Interns short byte keys (a household's stratum values) to small integers without making a
 * string per household.
 */
export class KeyInterner {
  private readonly arena = new ByteArena();
  private readonly start = new GrowInt32(256);
  private readonly len = new GrowInt32(256);
  private slots = new Int32Array(1024);
  private scratch = new Uint8Array(256);
  private used = 0;

  get size(): number {
    return this.start.length;
  }

  private fields = 0;

  /** The key's hashBytes, computed as its bytes are appended. */
  private hash = 0;

  /** Start building a key. */
  reset(): void {
    this.used = 0;
    this.fields = 0;
    this.hash = 0x811c9dc5 | 0;
  }

  /** Append a field's bytes (with a separator before every field but the first). */
  append(src: Uint8Array, s: number, e: number): void {
    const need = this.used + (e - s) + 1;
    if (need > this.scratch.length) {
      const next = new Uint8Array(Math.max(need, this.scratch.length * 2));
      next.set(this.scratch.subarray(0, this.used));
      this.scratch = next;
    }
    const key = this.scratch;
    let h = this.hash;
    if (this.fields++ > 0) {
      key[this.used++] = 0;
      h = Math.imul(h, 0x01000193);
    }
    for (let i = s; i < e; i++) {
      const c = src[i]!;
      key[this.used++] = c;
      h = Math.imul(h ^ c, 0x01000193);
    }
    this.hash = h;
  }

  /** Whether the key of the last intern() was seen then for the first time. */
  isNew = false;

  /** The id of the key built since reset(); `isNew` tells whether it was first seen now. */
  intern(): number {
    const key = this.scratch;
    const n = this.used;
    const h = this.hash;
    // Rosters list a community's households together: most keys are the previous row's key.
    const last = this.last;
    if (last >= 0 && h === this.lastHash) {
      const s = this.start.data[last]!;
      if (compareBytes(key, 0, n, this.arena.bytes, s, s + this.len.data[last]!) === 0) {
        this.isNew = false;
        return last;
      }
    }
    const id = this.lookup(key, n, h);
    this.last = id;
    this.lastHash = h;
    return id;
  }

  /** The previous key's id (-1 before the first) and hash. */
  private last = -1;
  private lastHash = 0;

  private lookup(key: Uint8Array, n: number, h: number): number {
    let mask = this.slots.length - 1;
    let i = h & mask;
    for (;;) {
      const slot = this.slots[i]!;
      if (slot === 0) break;
      const id = slot - 1;
      const s = this.start.data[id]!;
      if (compareBytes(key, 0, n, this.arena.bytes, s, s + this.len.data[id]!) === 0) {
        this.isNew = false;
        return id;
      }
      i = (i + 1) & mask;
    }
    const id = this.start.length;
    this.start.push(this.arena.push(key, 0, n));
    this.len.push(n);
    if ((id + 1) * 2 > this.slots.length) {
      this.slots = new Int32Array(this.slots.length * 2);
      mask = this.slots.length - 1;
      for (let k = 0; k <= id; k++) {
        const s = this.start.data[k]!;
        let j = hashBytes(this.arena.bytes, s, s + this.len.data[k]!) & mask;
        while (this.slots[j] !== 0) j = (j + 1) & mask;
        this.slots[j] = k + 1;
      }
    } else this.slots[i] = id + 1;
    this.isNew = true;
    return id;
  }
}
