// Main process: MiniSearch's postings — for one term in one field, document short id → term frequency — held
// in two typed arrays instead of a Map. MiniSearch keeps every one as a Map<number, number>, about 40 bytes an
// entry; at 10,000 articles there are millions of entries and the Maps were most of the app's memory (and, as V8
// sizes its heap from what survives, most of its peaks). Here an entry is 8 bytes.
//
// `CompactPostings` implements the part of Map that MiniSearch 7 uses on postings (get, set, has, delete, size,
// keys, entries, iteration) with Map's semantics, so MiniSearch searches, adds, discards and vacuums as before;
// the parity tests compare every result with an index that keeps plain Maps.
import { miniSearchInternals } from './minisearch-adapter'
import type { MiniSearch, Postings } from './minisearch-adapter'

/** Postings smaller than this stay plain Maps: below it a Map is as small as two typed arrays and their views. */
export const MIN_COMPACT_SIZE = 12

export class CompactPostings {
  /** Sorted ascending; an id whose frequency is 0 was deleted. */
  private ids: Uint32Array
  private freqs: Uint32Array
  private live: number
  private tombstones = 0
  /** Entries set after the arrays were built; folded in by `repacked()`. */
  private extra: Map<number, number> | undefined
  /** The array index `keys()` last yielded: MiniSearch asks `get()` for that id next, answered without a search. */
  private cursor = -1

  private constructor(ids: Uint32Array, freqs: Uint32Array) {
    this.ids = ids
    this.freqs = freqs
    this.live = ids.length
  }

  /** From entries with positive integer ids and frequencies, in any order. */
  static from(entries: Iterable<readonly [number, number]>): CompactPostings {
    const pairs = [...entries].filter(([, freq]) => freq > 0).sort((a, b) => a[0] - b[0])
    const ids = new Uint32Array(pairs.length)
    const freqs = new Uint32Array(pairs.length)
    pairs.forEach(([id, freq], i) => {
      ids[i] = id
      freqs[i] = freq
    })
    return new CompactPostings(ids, freqs)
  }

  /** From ids and their frequencies, in any order; the arrays are kept when sorted and positive. */
  static fromArrays(ids: Uint32Array, freqs: Uint32Array): CompactPostings {
    let ok = ids.length === freqs.length
    for (let i = 0; ok && i < ids.length; i++) ok = freqs[i] > 0 && (i === 0 || ids[i] > ids[i - 1])
    if (ok) return new CompactPostings(ids, freqs)
    return CompactPostings.from(Array.from(ids, (id, i) => [id, freqs[i] ?? 0] as const))
  }

  /** From a saved index's `{ "<short id>": freq }` object, without building a Map on the way. */
  static fromRecord(record: Record<string, number>): CompactPostings {
    const keys = Object.keys(record)
    // Integer-like keys come out of an object in ascending order, so the arrays are usually kept as they are.
    return CompactPostings.fromArrays(
      Uint32Array.from(keys, Number),
      Uint32Array.from(keys, (k) => record[k]),
    )
  }

  get size(): number {
    return this.live + (this.extra?.size ?? 0)
  }

  get [Symbol.toStringTag](): string {
    return 'CompactPostings'
  }

  /** True when enough was added or deleted since the arrays were built that rebuilding them pays. */
  get needsRepack(): boolean {
    const slack = Math.max(MIN_COMPACT_SIZE, this.live >> 1)
    return (this.extra?.size ?? 0) >= slack || this.tombstones >= slack
  }

  /** True when anything was added or deleted since the arrays were built. */
  get drifted(): boolean {
    return (this.extra?.size ?? 0) > 0 || this.tombstones > 0
  }

  /**
   * The same entries in fresh arrays, without deleted ids or extras: the live array entries merged with the
   * extras in id order, with no object per entry (repacking every postings list of a large index at once must
   * not allocate millions of pairs).
   */
  repacked(): CompactPostings {
    const extra = this.extra ? [...this.extra.keys()].sort((a, b) => a - b) : []
    const n = this.size
    const ids = new Uint32Array(n)
    const freqs = new Uint32Array(n)
    let out = 0
    let e = 0
    const take = (id: number, freq: number) => {
      ids[out] = id
      freqs[out++] = freq
    }
    for (let i = 0; i < this.ids.length; i++) {
      if (this.freqs[i] === 0) continue
      while (e < extra.length && extra[e] < this.ids[i]) take(extra[e], this.extra!.get(extra[e++])!)
      take(this.ids[i], this.freqs[i])
    }
    while (e < extra.length) take(extra[e], this.extra!.get(extra[e++])!)
    // An extra with a frequency of 0 (never set by MiniSearch) cannot live in the arrays: keep the slow way.
    if (out !== n || freqs.some((f) => f === 0)) return CompactPostings.from(this.entries())
    return new CompactPostings(ids, freqs)
  }

  get(id: number): number | undefined {
    const at = this.indexOf(id)
    if (at >= 0) return this.freqs[at]
    return this.extra?.get(id)
  }

  has(id: number): boolean {
    return this.get(id) !== undefined
  }

  set(id: number, freq: number): this {
    const at = this.slotOf(id)
    if (at >= 0 && freq > 0) {
      if (this.freqs[at] === 0) this.revive()
      this.freqs[at] = freq
    } else {
      // A frequency of 0 cannot live in the arrays (0 marks a deleted id); MiniSearch never sets one.
      if (at >= 0 && this.freqs[at] > 0) this.kill(at)
      ;(this.extra ??= new Map()).set(id, freq)
    }
    return this
  }

  delete(id: number): boolean {
    const at = this.indexOf(id)
    if (at >= 0) {
      this.kill(at)
      return true
    }
    return this.extra?.delete(id) ?? false
  }

  *keys(): Generator<number> {
    const { ids, freqs } = this
    for (let i = 0; i < ids.length; i++) {
      if (freqs[i] === 0) continue
      this.cursor = i
      yield ids[i]
    }
    this.cursor = -1
    if (this.extra) yield* this.extra.keys()
  }

  *entries(): Generator<[number, number]> {
    const { ids, freqs } = this
    for (let i = 0; i < ids.length; i++) if (freqs[i] !== 0) yield [ids[i], freqs[i]]
    if (this.extra) yield* this.extra.entries()
  }

  *values(): Generator<number> {
    for (const [, freq] of this.entries()) yield freq
  }

  [Symbol.iterator](): Generator<[number, number]> {
    return this.entries()
  }

  forEach(fn: (freq: number, id: number, map: this) => void): void {
    for (const [id, freq] of this.entries()) fn(freq, id, this)
  }

  /** The array index holding a live `id`, or -1. */
  private indexOf(id: number): number {
    const at = this.slotOf(id)
    return at >= 0 && this.freqs[at] !== 0 ? at : -1
  }

  /** The array index holding `id`, live or deleted, or -1. */
  private slotOf(id: number): number {
    const { ids, cursor } = this
    if (cursor >= 0 && cursor < ids.length && ids[cursor] === id) return cursor
    let lo = 0
    let hi = ids.length - 1
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1
      const v = ids[mid]
      if (v === id) return mid
      if (v < id) lo = mid + 1
      else hi = mid - 1
    }
    return -1
  }

  private kill(at: number): void {
    this.freqs[at] = 0
    this.live--
    this.tombstones++
  }

  private revive(): void {
    this.live++
    this.tombstones--
  }
}

/**
 * The postings of one term field as the index should hold them: large ones compact, repacked when they have
 * drifted, small ones as they are.
 */
export function compactPostings(docs: Postings, fully = false): Postings {
  if (docs instanceof CompactPostings)
    return docs.needsRepack || (fully && docs.drifted) ? docs.repacked() : docs
  return docs.size >= MIN_COMPACT_SIZE ? CompactPostings.from(docs) : docs
}

/**
 * Replaces every large postings Map of the index with CompactPostings, and repacks compact ones that took many
 * changes — with `fully`, every one that took any. Safe to call at any time between MiniSearch calls; returns how
 * many postings it replaced.
 */
export function compactIndex<T>(ms: MiniSearch<T>, { fully = false } = {}): number {
  // MiniSearch's term tree, read to swap postings in place; nothing is compacted if its layout ever changes.
  const tree = miniSearchInternals(ms)?.terms
  if (!tree) return 0
  let replaced = 0
  for (const [, fields] of tree) {
    for (const [fieldId, docs] of fields) {
      const compact = compactPostings(docs, fully)
      if (compact === docs) continue
      fields.set(fieldId, compact)
      replaced++
    }
  }
  return replaced
}
