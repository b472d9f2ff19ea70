// Sets and maps of strings for the import's millions of ids and keys, kept in typed arrays.
//
// A JavaScript Map of a million short strings costs ~100 bytes per entry on the heap, and
// the garbage collector walks all of it again and again while the import allocates: with
// the keys of mrr_changes.csv and the ids of clients and deals in Maps, collection took a
// third of the import's CPU and the heap grew to five times what was live. Here the
// characters sit in one growing Uint16Array and the hash table is an Int32Array: about 30
// bytes per entry and nothing for the collector to trace.

const EMPTY = -1;

/** Strings numbered 0, 1, 2... in the order added. */
export class StringIndex {
  private chars = new Uint16Array(1 << 16);
  private used = 0;
  /** Per entry: where its characters start, and end. */
  private starts = new Int32Array(1 << 10);
  private ends = new Int32Array(1 << 10);
  private hashes = new Int32Array(1 << 10);
  /** Open addressing: entry numbers, EMPTY where free; always at most half full. */
  private slots = new Int32Array(1 << 11).fill(EMPTY);
  size = 0;

  /** The string's number, or -1 when it is not in the index. */
  find(s: string): number {
    const hash = hashOf(s);
    const mask = this.slots.length - 1;
    for (let i = hash & mask; ; i = (i + 1) & mask) {
      const entry = this.slots[i]!;
      if (entry === EMPTY) return -1;
      if (this.hashes[entry] === hash && this.equals(entry, s)) return entry;
    }
  }

  /** The string's number, adding it when new (then numbered `size - 1`). */
  add(s: string): number {
    const hash = hashOf(s);
    const mask = this.slots.length - 1;
    let i = hash & mask;
    for (; ; i = (i + 1) & mask) {
      const entry = this.slots[i]!;
      if (entry === EMPTY) break;
      if (this.hashes[entry] === hash && this.equals(entry, s)) return entry;
    }
    const entry = this.size++;
    if (entry === this.starts.length) this.growEntries();
    if (this.used + s.length > this.chars.length) this.growChars(s.length);
    this.starts[entry] = this.used;
    for (let k = 0; k < s.length; k++) this.chars[this.used++] = s.charCodeAt(k);
    this.ends[entry] = this.used;
    this.hashes[entry] = hash;
    this.slots[i] = entry;
    if (this.size * 2 > this.slots.length) this.rehash();
    return entry;
  }

  /** The string numbered `entry` (a new string each time). */
  get(entry: number): string {
    const start = this.starts[entry]!;
    const end = this.ends[entry]!;
    let s = '';
    for (let k = start; k < end; k += 4096)
      s += String.fromCharCode(...this.chars.subarray(k, Math.min(end, k + 4096)));
    return s;
  }

  /** Every string, in the order added. */
  all(): string[] {
    const out = new Array<string>(this.size);
    for (let entry = 0; entry < this.size; entry++) out[entry] = this.get(entry);
    return out;
  }

  private equals(entry: number, s: string): boolean {
    const start = this.starts[entry]!;
    if (this.ends[entry]! - start !== s.length) return false;
    for (let k = 0; k < s.length; k++) if (this.chars[start + k] !== s.charCodeAt(k)) return false;
    return true;
  }

  private growEntries(): void {
    const grow = (a: Int32Array) => {
      const b = new Int32Array(a.length * 2);
      b.set(a);
      return b;
    };
    this.starts = grow(this.starts);
    this.ends = grow(this.ends);
    this.hashes = grow(this.hashes);
  }

  private growChars(need: number): void {
    const chars = new Uint16Array(Math.max(this.chars.length * 2, this.used + need));
    chars.set(this.chars.subarray(0, this.used));
    this.chars = chars;
  }

  private rehash(): void {
    const slots = new Int32Array(this.slots.length * 2).fill(EMPTY);
    const mask = slots.length - 1;
    for (let entry = 0; entry < this.size; entry++) {
      let i = this.hashes[entry]! & mask;
      while (slots[i] !== EMPTY) i = (i + 1) & mask;
      slots[i] = entry;
    }
    this.slots = slots;
  }
}

/** FNV-1a over the UTF-16 code units, then mixed so that the low bits (the slot) spread. */
function hashOf(s: string): number {
  let h = 0x811c9dc5;
  for (let k = 0; k < s.length; k++) h = Math.imul(h ^ s.charCodeAt(k), 0x01000193);
  h ^= h >>> 15;
  h = Math.imul(h, 0x2c1b3c6d);
  return h ^ (h >>> 12);
}

/** A map of strings to numbers (≥ 0). */
export class StringNumberMap {
  private readonly keys = new StringIndex();
  private values = new Int32Array(1 << 10);

  get size(): number {
    return this.keys.size;
  }

  /** The value, or -1 when the key is not in the map. */
  get(key: string): number {
    const entry = this.keys.find(key);
    return entry === -1 ? -1 : this.values[entry]!;
  }

  set(key: string, value: number): void {
    const entry = this.keys.add(key);
    if (entry >= this.values.length) {
      const values = new Int32Array(this.values.length * 2);
      values.set(this.values);
      this.values = values;
    }
    this.values[entry] = value;
  }
}

/**
 * A map of strings to strings or null, for ids and what the import needs to know of them
 * (a client's currency, a deal's client): the values are few distinct strings, kept once.
 */
export class StringMap {
  private readonly map = new StringNumberMap();
  private readonly values = new StringIndex();
  /** The distinct values as strings, by their number in `values` (returned without copying). */
  private readonly valueStrings: string[] = [];

  get size(): number {
    return this.map.size;
  }

  has(key: string): boolean {
    return this.map.get(key) !== -1;
  }

  /** The value (null for a key set to null), or undefined when the key is not in the map. */
  get(key: string): string | null | undefined {
    const v = this.map.get(key);
    if (v === -1) return undefined;
    return v === 0 ? null : this.valueStrings[v - 1];
  }

  set(key: string, value: string | null): void {
    if (value === null) {
      this.map.set(key, 0);
      return;
    }
    const v = this.values.add(value);
    if (v === this.valueStrings.length) this.valueStrings.push(value);
    this.map.set(key, v + 1);
  }
}
