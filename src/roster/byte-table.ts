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
 * The set of household ids seen so far, for duplicate detection: open addressing over row
 * numbers, keys living in the arena. Each slot holds a row (plus one; 0 is empty) and its id's
 * hash side by side, in one cache line: a probe that meets another id compares hashes, and reads
 * the other id's bytes (elsewhere in memory) only when the hashes agree.
 */
export class IdIndex {
  /** Pairs: slots[2k] = row + 1, slots[2k + 1] = hash. */
  private slots: Int32Array;
  private mask: number;
  private count = 0;
  constructor(
    private readonly arena: ByteArena,
    private readonly start: GrowInt32,
    expected = 1 << 16,
  ) {
    let cap = 1 << 17;
    while (cap < expected) cap *= 2;
    this.slots = new Int32Array(cap * 2);
    this.mask = cap - 1;
  }
  /** Ids are stored one after another: an id ends where the next one starts. */
  private end(row: number): number {
    return row + 1 < this.start.length ? this.start.data[row + 1]! : this.arena.used;
  }

  /** Insert row (the last row pushed so far or an earlier one); returns the earlier row with the same id, or -1. */
  insert(row: number): number {
    if ((this.count + 1) * 2 > this.mask + 1) this.rehash();
    const bytes = this.arena.bytes;
    const s = this.start.data[row]!;
    const e = this.end(row);
    const h = hashBytes(bytes, s, e);
    const slots = this.slots;
    let i = h & this.mask;
    for (;;) {
      const slot = slots[2 * i]!;
      if (slot === 0) {
        slots[2 * i] = row + 1;
        slots[2 * i + 1] = h;
        this.count++;
        return -1;
      }
      if (slots[2 * i + 1] === h) {
        const other = slot - 1;
        const os = this.start.data[other]!;
        if (compareBytes(bytes, s, e, bytes, os, this.end(other)) === 0) return other;
      }
      i = (i + 1) & this.mask;
    }
  }
  private rehash(): void {
    const old = this.slots;
    this.slots = new Int32Array(old.length * 2);
    this.mask = this.slots.length / 2 - 1;
    for (let k = 0; k < old.length; k += 2) {
      if (old[k] === 0) continue;
      const h = old[k + 1]!;
      let i = h & this.mask;
      while (this.slots[2 * i] !== 0) i = (i + 1) & this.mask;
      this.slots[2 * i] = old[k]!;
      this.slots[2 * i + 1] = h;
    }
  }
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

  /** Start building a key. */
  reset(): void {
    this.used = 0;
    this.fields = 0;
  }

  /** Append a field's bytes (with a separator before every field but the first). */
  append(src: Uint8Array, s: number, e: number): void {
    const need = this.used + (e - s) + 1;
    if (need > this.scratch.length) {
      const next = new Uint8Array(Math.max(need, this.scratch.length * 2));
      next.set(this.scratch.subarray(0, this.used));
      this.scratch = next;
    }
    if (this.fields++ > 0) this.scratch[this.used++] = 0;
    for (let i = s; i < e; i++) this.scratch[this.used++] = src[i]!;
  }

  /** Whether the key of the last intern() was seen then for the first time. */
  isNew = false;

  /** The id of the key built since reset(); `isNew` tells whether it was first seen now. */
  intern(): number {
    const key = this.scratch;
    const n = this.used;
    let mask = this.slots.length - 1;
    let i = hashBytes(key, 0, n) & mask;
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
