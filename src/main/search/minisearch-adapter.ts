// Main process: the one module that imports MiniSearch and the one that reads its private fields. Glossa reads
// them for speed and memory at 10,000 articles — the saved index is written and loaded term by term
// (index-codec.ts), large postings are swapped for typed arrays in place (compact-postings.ts), and a search
// scores into typed arrays instead of one object per document (ranked-search.ts) — and each of those falls back
// to MiniSearch's public API when `miniSearchInternals` answers undefined.
//
// The layout read here is MiniSearch 7.2.0's (package.json pins that exact version); minisearch-adapter.test.ts
// checks every field against what MiniSearch's public API says, so an upgrade that moves one fails that test by
// name instead of quietly taking the slow path.
import MiniSearch from 'minisearch'
import SearchableMap from 'minisearch/SearchableMap'

export { MiniSearch }
/** MiniSearch's radix tree, used on its own as the term dictionary of the on-disk index (segmented-index.ts). */
export { SearchableMap }
export type { AsPlainObject, Options, SearchOptions, SearchResult } from 'minisearch'

/** The MiniSearch version whose private layout this module reads. */
export const MINISEARCH_VERSION = '7.2.0'

/**
 * One term's postings in one field: document short id → term frequency. MiniSearch keeps a Map; Glossa may put
 * any object with Map's semantics in its place (CompactPostings).
 */
export type Postings = {
  readonly size: number
  get(id: number): number | undefined
  keys(): Iterable<number>
} & Iterable<[number, number]>
/** Field id → postings. */
export type TermData = Map<number, Postings>

/** MiniSearch's term tree (a radix tree, `SearchableMap`): term → its postings per field. */
export type TermTree = {
  get(term: string): TermData | undefined
  set(term: string, data: TermData): unknown
  atPrefix(prefix: string): Iterable<[string, TermData]>
  /** Terms within `maxEditDistance` edits of `term`, each with its postings and its distance. */
  fuzzyGet(term: string, maxEditDistance: number): Map<string, [TermData, number]>
} & Iterable<[string, TermData]>

type Raw = {
  _index: TermTree
  _options: { fields: string[] }
  _fieldIds: Record<string, number>
  _fieldLength: Map<number, number[]>
  _avgFieldLength: number[]
  _documentCount: number
  _documentIds: Map<number, unknown>
  _storedFields: Map<number, unknown>
  _dirtCount: number
  _nextId: number
}

/**
 * MiniSearch's private state under names of our own, read live (each getter reads the index as it is now).
 * Short ids are the numbers MiniSearch gives documents in the order they are added.
 */
export class MiniSearchInternals {
  constructor(private readonly raw: Raw) {}

  /** Every term of the index with its postings. */
  get terms(): TermTree {
    return this.raw._index
  }
  /** The indexed field names, in MiniSearch's option order. */
  get fields(): string[] {
    return this.raw._options.fields
  }
  /** Field name → field id (the key of TermData). */
  get fieldIds(): Record<string, number> {
    return this.raw._fieldIds
  }
  /** Short id → the length in terms of each field of that document (by field id). */
  get fieldLength(): Map<number, number[]> {
    return this.raw._fieldLength
  }
  /** Field id → average field length over the documents. */
  get averageFieldLength(): number[] {
    return this.raw._avgFieldLength
  }
  /** Documents in the index (discarded ones not counted). */
  get documentCount(): number {
    return this.raw._documentCount
  }
  /** Short id → the document's id, for the documents in the index (discarded ones not included). */
  get documentIds(): Map<number, unknown> {
    return this.raw._documentIds
  }
  /** Short id → its stored fields. */
  get storedFields(): Map<number, unknown> {
    return this.raw._storedFields
  }
  /** Documents discarded since the last vacuum: their short ids may still sit in postings. */
  get dirtCount(): number {
    return this.raw._dirtCount
  }
  /** The short id the next document will get: every short id is below it. */
  get nextId(): number {
    return this.raw._nextId
  }
}

/** The index's private state, or undefined when MiniSearch's layout is not the one this module knows. */
export function miniSearchInternals<T>(ms: MiniSearch<T>): MiniSearchInternals | undefined {
  const raw = ms as unknown as Partial<Raw>
  const tree = raw._index as Partial<TermTree> | undefined
  const ok =
    typeof tree?.[Symbol.iterator] === 'function' &&
    typeof tree.get === 'function' &&
    typeof tree.set === 'function' &&
    typeof tree.atPrefix === 'function' &&
    typeof tree.fuzzyGet === 'function' &&
    Array.isArray(raw._options?.fields) &&
    typeof raw._fieldIds === 'object' &&
    raw._fieldIds !== null &&
    raw._fieldLength instanceof Map &&
    Array.isArray(raw._avgFieldLength) &&
    typeof raw._documentCount === 'number' &&
    raw._documentIds instanceof Map &&
    raw._storedFields instanceof Map &&
    typeof raw._dirtCount === 'number' &&
    typeof raw._nextId === 'number'
  return ok ? new MiniSearchInternals(raw as Raw) : undefined
}
