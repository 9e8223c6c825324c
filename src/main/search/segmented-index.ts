// Main process: the search index as segments on disk (segment-file.ts) plus one small segment in memory for
// what changed since the last flush. In memory: one term dictionary over every segment (MiniSearch's radix tree,
// term → where it is in each segment), each segment's document table (ids and field lengths in typed arrays)
// and a tombstone bitmap per segment; postings are read from the files when a query needs them, with a small
// cache of the blocks read last. Documents are tokenized and scored exactly as MiniSearch does (same tokenizer,
// field lengths, BM25+ weights, prefix and fuzzy expansion, boosts), so a query ranks as it did over one
// MiniSearch index; segmented-index.test.ts compares them.
//
// A document changes by being removed (a tombstone: the segment is never rewritten in place) and added again to
// the live segment. `flushLive` turns the live segment into segment bytes; `mergeSegments` writes several
// segments as one without their tombstoned documents (run in a job process; see README "Towards 100,000").
import { SearchableMap } from './minisearch-adapter'
import type { SearchResult } from './minisearch-adapter'
import { derivedTerms, popcount } from './ranked-search'
import type { Ranked, RankedQuery } from './ranked-search'
import { SegmentWriter } from './segment-file'
import type { Block, TermPostings, SegmentReader } from './segment-file'
import { processTerm, tokenize } from './terms'

const BM25 = { k: 1.2, b: 0.7, d: 0.5 }
const MAX_TERMS = 32
/** Bytes of postings blocks kept after a query (a typed query re-reads the same few terms letter by letter). */
const CACHE_BYTES = 32 * 1024 * 1024
/** Where a term is: pairs of (segment number, term number in that segment); LIVE for the live segment. */
type TermRefs = number[]
const LIVE = -1

type Doc = { id: string } & Record<string, string>

/** The segment in memory: documents as MiniSearch would index them, postings in plain arrays. */
class LiveSegment {
  readonly ids: string[] = []
  readonly lengths: number[] = []
  readonly postings = new Map<string, Map<number, { docs: number[]; tfs: number[] }>>()
  constructor(readonly fields: string[]) {}

  /** Adds one document; returns the terms it brought. */
  add(doc: Doc): string[] {
    const local = this.ids.length
    this.ids.push(doc.id)
    const terms: string[] = []
    this.fields.forEach((field, fieldId) => {
      const value = doc[field]
      const tokens = value == null ? [] : tokenize(String(value))
      // MiniSearch's field length: distinct tokens before processing.
      this.lengths.push(new Set(tokens).size)
      for (const token of tokens) {
        const term = processTerm(token)
        if (!term) continue
        let byField = this.postings.get(term)
        if (!byField) {
          byField = new Map()
          this.postings.set(term, byField)
          terms.push(term)
        }
        let list = byField.get(fieldId)
        if (!list) {
          list = { docs: [], tfs: [] }
          byField.set(fieldId, list)
        }
        const last = list.docs.length - 1
        if (last >= 0 && list.docs[last] === local) list.tfs[last]++
        else {
          list.docs.push(local)
          list.tfs.push(1)
        }
      }
    })
    return terms
  }

  fieldLength(local: number, fieldId: number): number {
    return this.lengths[local * this.fields.length + fieldId]
  }
}

/** One part of a term's postings in one field: a block of one segment, numbered from `base`. */
/** `lengths[local * stride + at]` is a document's length in the part's field. */
type Part = {
  base: number
  block: Block
  dead: Uint8Array
  /** No document of the part's segment is tombstoned. */
  clean: boolean
  lengths: ArrayLike<number>
  stride: number
  at: number
}

export class SegmentedIndex {
  private readonly tree = new SearchableMap<TermRefs>()
  private readonly bases: number[] = []
  private readonly dead: Uint8Array[] = []
  /** Tombstones per segment (and in the live segment): a part of a segment without any is counted by its length. */
  private readonly deadIn_: number[] = []
  private liveDeadCount = 0
  private live: LiveSegment
  private liveDead = new Uint8Array(64)
  private readonly sums: Float64Array
  private liveCount = 0
  private deadCount = 0
  private readonly cache = new Map<string, Block>()
  private cacheBytes = 0
  private scratch = {
    total: new Float64Array(0),
    mask: new Uint32Array(0),
    current: new Float64Array(0),
    seen: new Uint8Array(0),
    touched: new Uint32Array(0),
    candidates: new Uint32Array(0),
  }

  /** Article number of each document of the segment files, in the global order, and of the live ones. */
  private docArticle: Uint32Array
  private liveArticle: number[] = []
  private readonly articleNo = new Map<string, number>()
  private readonly articleIds: string[] = []

  /** `segments` open and checked; their documents must not repeat. */
  constructor(
    readonly fields: string[],
    readonly segments: SegmentReader[] = [],
  ) {
    this.live = new LiveSegment(fields)
    this.sums = new Float64Array(fields.length)
    this.docArticle = new Uint32Array(segments.reduce((n, segment) => n + segment.docCount, 0))
    let base = 0
    segments.forEach((segment, s) => {
      if (segment.fieldCount !== fields.length) throw new Error(`${segment.file} has other fields`)
      this.bases.push(base)
      this.dead.push(new Uint8Array(segment.docCount))
      this.deadIn_.push(0)
      for (let i = 0; i < segment.termCount; i++) this.refsOf(segment.term(i)).push(s, i)
      for (let doc = 0; doc < segment.docCount; doc++) {
        for (let f = 0; f < fields.length; f++) this.sums[f] += segment.fieldLength(doc, f)
        this.docArticle[base + doc] = this.articleNumber(segment.docId(doc))
      }
      base += segment.docCount
      this.liveCount += segment.docCount
    })
  }

  /** The number of the article a document id belongs to (`<article>` or `<article>#<annotation>`). */
  private articleNumber(docId: string): number {
    const at = docId.indexOf('#')
    const articleId = at < 0 ? docId : docId.slice(0, at)
    let n = this.articleNo.get(articleId)
    if (n === undefined) {
      n = this.articleIds.length
      this.articleIds.push(articleId)
      this.articleNo.set(articleId, n)
    }
    return n
  }

  /** Documents searchable now. */
  get documentCount(): number {
    return this.liveCount
  }

  /** Documents held in the live segment (the owner flushes it to a segment file past some size). */
  get liveSize(): number {
    return this.live.ids.length
  }

  /** Tombstoned documents still in the segment files (a merge drops them). */
  get tombstones(): number {
    return this.deadCount
  }

  /** Which documents of segment `s` are tombstoned (1) — what a merge leaves out. */
  deadIn(s: number): Uint8Array {
    return this.dead[s]
  }

  private refsOf(term: string): TermRefs {
    let refs = this.tree.get(term)
    if (!refs) {
      refs = []
      this.tree.set(term, refs)
    }
    return refs
  }

  add(docs: Doc[]): void {
    for (const doc of docs) {
      const local = this.live.ids.length
      for (const term of this.live.add(doc)) this.refsOf(term).push(LIVE, 0)
      if (local >= this.liveDead.length) {
        const grown = new Uint8Array(this.liveDead.length * 2)
        grown.set(this.liveDead)
        this.liveDead = grown
      }
      for (let f = 0; f < this.fields.length; f++) this.sums[f] += this.live.fieldLength(local, f)
      this.liveArticle.push(this.articleNumber(doc.id))
      this.liveCount++
    }
  }

  /** Tombstones documents of segment `s` by their local numbers (as a saved manifest lists them). */
  tombstone(s: number, locals: Iterable<number>): void {
    const segment = this.segments[s]
    for (const doc of locals) {
      if (!Number.isInteger(doc) || doc < 0 || doc >= segment.docCount || this.dead[s][doc]) continue
      this.dead[s][doc] = 1
      this.deadIn_[s]++
      this.deadCount++
      this.liveCount--
      for (let f = 0; f < this.fields.length; f++) this.sums[f] -= segment.fieldLength(doc, f)
    }
  }

  /**
   * Tombstones the article's document and its annotation documents (`<id>#…`), wherever they are; `which` keeps
   * it to the article's own document or to its annotation documents.
   */
  removeArticle(articleId: string, which: 'all' | 'article' | 'annotations' = 'all'): number {
    let removed = 0
    const prefix = `${articleId}#`
    const wanted = (id: string) =>
      (which !== 'annotations' && id === articleId) || (which !== 'article' && id.startsWith(prefix))
    this.segments.forEach((segment, s) => {
      for (const doc of segment.docsOf(articleId, prefix)) {
        if (this.dead[s][doc] || (which !== 'all' && !wanted(segment.docId(doc)))) continue
        this.dead[s][doc] = 1
        this.deadIn_[s]++
        this.deadCount++
        removed++
        for (let f = 0; f < this.fields.length; f++) this.sums[f] -= segment.fieldLength(doc, f)
      }
    })
    this.live.ids.forEach((id, doc) => {
      if (this.liveDead[doc] || !wanted(id)) return
      this.liveDead[doc] = 1
      this.liveDeadCount++
      removed++
      for (let f = 0; f < this.fields.length; f++) this.sums[f] -= this.live.fieldLength(doc, f)
    })
    this.liveCount -= removed
    return removed
  }

  /** The postings of the term at `refs` in one field, as parts numbered in the global document order. */
  private parts(refs: TermRefs, term: string, fieldId: number): Part[] {
    const out: Part[] = []
    for (let r = 0; r < refs.length; r += 2) {
      const s = refs[r]
      if (s === LIVE) {
        const list = this.live.postings.get(term)?.get(fieldId)
        if (!list) continue
        out.push({
          base: this.liveBase(),
          block: { docs: Uint32Array.from(list.docs), tfs: Uint32Array.from(list.tfs) },
          dead: this.liveDead,
          clean: this.liveDeadCount === 0,
          lengths: this.live.lengths,
          stride: this.fields.length,
          at: fieldId,
        })
        continue
      }
      const segment = this.segments[s]
      const [first, end] = segment.entryRange(refs[r + 1])
      for (let k = first; k < end; k++) {
        if (segment.entryField(k) !== fieldId) continue
        out.push({
          base: this.bases[s],
          block: this.block(s, k),
          dead: this.dead[s],
          clean: this.deadIn_[s] === 0,
          lengths: segment.fieldLengths,
          stride: segment.fieldCount,
          at: fieldId,
        })
      }
    }
    return out
  }

  private liveBase(): number {
    const n = this.segments.length
    return n ? this.bases[n - 1] + this.segments[n - 1].docCount : 0
  }

  private block(s: number, k: number): Block {
    const key = `${s}:${k}`
    const cached = this.cache.get(key)
    if (cached) {
      this.cache.delete(key)
      this.cache.set(key, cached)
      return cached
    }
    const block = this.segments[s].block(k)
    const bytes = block.docs.byteLength * 2
    this.cache.set(key, block)
    this.cacheBytes += bytes
    for (const [old, b] of this.cache) {
      if (this.cacheBytes <= CACHE_BYTES) break
      this.cache.delete(old)
      this.cacheBytes -= b.docs.byteLength * 2
    }
    return block
  }

  private docIdOf(doc: number): string {
    const liveBase = this.liveBase()
    if (doc >= liveBase) return this.live.ids[doc - liveBase]
    let lo = 0
    let hi = this.bases.length - 1
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1
      if (this.bases[mid] <= doc) lo = mid
      else hi = mid - 1
    }
    return this.segments[lo].docId(doc - this.bases[lo])
  }

  private scratchFor(size: number): SegmentedIndex['scratch'] {
    if (this.scratch.total.length < size) {
      const n = Math.max(size, this.scratch.total.length * 2)
      this.scratch = {
        total: new Float64Array(n),
        mask: new Uint32Array(n),
        current: new Float64Array(n),
        seen: new Uint8Array(n),
        touched: new Uint32Array(n),
        candidates: new Uint32Array(n),
      }
    }
    return this.scratch
  }

  /** The documents that contain `term` exactly, in any field. */
  docsWith(term: string): string[] {
    const processed = processTerm(term)
    const refs = processed ? this.tree.get(processed) : undefined
    if (!refs || !processed) return []
    const out = new Set<string>()
    for (let f = 0; f < this.fields.length; f++)
      for (const part of this.parts(refs, processed, f))
        part.block.docs.forEach((local) => {
          if (!part.dead[local]) out.add(this.docIdOf(part.base + local))
        })
    return [...out]
  }

  /** What rankedSearch answers for MiniSearch: the matching documents, best first, scored as MiniSearch does. */
  rank(query: string, opts: RankedQuery): Ranked {
    const terms = tokenize(query)
      .map((t) => processTerm(t))
      .filter((t): t is string => !!t)
    const uniqueTerms = [...new Set(terms)].slice(0, MAX_TERMS)
    const specs = terms
      .filter((t) => uniqueTerms.includes(t))
      .map((term, i, all) => ({
        term,
        unique: uniqueTerms.indexOf(term),
        derived: derivedTerms(this.tree, term, i, all, opts),
      }))
    const boosts = this.fields.map((f, fieldId) => [fieldId, opts.boost?.[f] || 1] as const)
    const n = this.liveCount
    // Typed scratch arrays kept between queries: a query touching 100,000 documents allocates no list of them.
    const scratch = this.scratchFor(this.liveBase() + this.live.ids.length)
    const { total, mask, current, seen, touched, candidates } = scratch
    let touchedCount = 0
    let candidateCount = 0
    const { k, b, d } = BM25
    // Each term's parts are gathered once per query: scoring and the result objects read them.
    const gathered = new Map<string, Part[]>()
    const partsOf = (data: TermRefs, term: string, fieldId: number) => {
      const key = `${fieldId}:${term}`
      let parts = gathered.get(key)
      if (!parts) {
        parts = this.parts(data, term, fieldId)
        gathered.set(key, parts)
      }
      return parts
    }

    for (const spec of specs) {
      for (const { term, weight, data } of spec.derived) {
        for (const [fieldId, fieldBoost] of boosts) {
          const parts = partsOf(data, term, fieldId)
          let matching = 0
          for (const { block, dead, clean } of parts)
            if (clean) matching += block.docs.length
            else for (let i = 0; i < block.docs.length; i++) if (!dead[block.docs[i]]) matching++
          if (matching <= 0) continue
          const avg = this.sums[fieldId] / n
          const idf = Math.log(1 + (n - matching + 0.5) / (matching + 0.5))
          for (const { base, block, dead, clean, lengths, stride, at } of parts) {
            const { docs, tfs } = block
            for (let i = 0; i < docs.length; i++) {
              const local = docs[i]
              if (!clean && dead[local]) continue
              const doc = base + local
              const tf = tfs[i]
              const length = lengths[local * stride + at]
              const raw = idf * (d + (tf * (k + 1)) / (tf + k * (1 - b + (b * length) / avg)))
              if (seen[doc] === 0) {
                seen[doc] = 1
                touched[touchedCount++] = doc
              }
              current[doc] += weight * 1 * fieldBoost * 1 * raw
            }
          }
        }
      }
      const bit = 1 << spec.unique
      for (let t = 0; t < touchedCount; t++) {
        const doc = touched[t]
        if (mask[doc] === 0) candidates[candidateCount++] = doc
        total[doc] += current[doc]
        mask[doc] |= bit
        current[doc] = 0
        seen[doc] = 0
      }
      touchedCount = 0
    }

    const all = (uniqueTerms.length === 32 ? 0xffffffff : (1 << uniqueTerms.length) - 1) >>> 0
    let keptCount = 0
    for (let c = 0; c < candidateCount; c++)
      if (opts.combineWith !== 'AND' || mask[candidates[c]] >>> 0 === all) keptCount++
    const kept = new Uint32Array(keptCount)
    const score = new Float64Array(keptCount)
    keptCount = 0
    for (let c = 0; c < candidateCount; c++) {
      const doc = candidates[c]
      if (opts.combineWith === 'AND' && mask[doc] >>> 0 !== all) continue
      score[keptCount] = total[doc] * popcount(mask[doc])
      kept[keptCount++] = doc
    }
    // The scratch arrays go back to zero for the next query.
    for (let c = 0; c < candidateCount; c++) {
      total[candidates[c]] = 0
      mask[candidates[c]] = 0
    }
    const idOf = (doc: number) => this.docIdOf(doc)
    const articleOf = (doc: number) => this.articleOfDoc(doc)
    const { articleIds } = this
    return {
      size: kept.length,
      *ids() {
        for (const i of bestFirst(score)) yield idOf(kept[i])
      },
      results: () => this.results(bestFirst(score), kept, score, specs, partsOf),
      articles(has) {
        const seen = new Uint8Array(articleIds.length)
        let count = 0
        for (let i = 0; i < kept.length; i++) {
          const a = articleOf(kept[i])
          if (seen[a]) continue
          seen[a] = 1
          if (has(articleIds[a])) count++
        }
        return count
      },
    }
  }

  private articleOfDoc(doc: number): number {
    const liveBase = this.docArticle.length
    return doc < liveBase ? this.docArticle[doc] : this.liveArticle[doc - liveBase]
  }

  private *results(
    order: Iterable<number>,
    kept: Uint32Array,
    score: Float64Array,
    specs: { term: string; derived: { term: string; data: TermRefs }[] }[],
    partsOf: (data: TermRefs, term: string, fieldId: number) => Part[],
  ): Generator<SearchResult> {
    for (const i of order) {
      const doc = kept[i]
      const match: Record<string, string[]> = {}
      const queryTerms: string[] = []
      for (const spec of specs) {
        let matched = false
        for (const { term, data } of spec.derived) {
          const found: string[] = []
          this.fields.forEach((field, fieldId) => {
            const has = partsOf(data, term, fieldId).some(
              ({ base, block }) => doc >= base && binarySearch(block.docs, doc - base) >= 0,
            )
            if (has) found.push(field)
          })
          if (found.length === 0) continue
          matched = true
          match[term] ??= found
        }
        if (matched && !queryTerms.includes(spec.term)) queryTerms.push(spec.term)
      }
      yield { id: this.docIdOf(doc), score: score[i], terms: Object.keys(match), queryTerms, match }
    }
  }

  /**
   * Takes `reader` — the segment file written from liveBytes() just now, with nothing added or removed since —
   * in place of the live segment: the term dictionary points at the file instead, the live segment starts
   * empty. What opening every segment again would give, without reading and checking them all (about a second
   * of CPU at 100,000 articles). Document numbers of the live segment change when some were tombstoned: the
   * owner calls this when no search is under way.
   */
  sealLive(reader: SegmentReader): void {
    const { live } = this
    const kept = live.ids.filter((_, doc) => !this.liveDead[doc])
    if (reader.fieldCount !== this.fields.length || reader.docCount !== kept.length)
      throw new Error(`${reader.file} is not the live segment`)
    kept.forEach((id, doc) => {
      if (reader.docId(doc) !== id) throw new Error(`${reader.file} is not the live segment`)
    })
    const s = this.segments.length
    const terms = new Map<string, number>()
    for (let i = 0; i < reader.termCount; i++) terms.set(reader.term(i), i)
    for (const term of live.postings.keys()) {
      const refs = this.tree.get(term)
      if (!refs) continue
      const at = refs.indexOf(LIVE)
      const number = terms.get(term)
      if (number === undefined) refs.splice(at, 2)
      else {
        refs[at] = s
        refs[at + 1] = number
      }
      if (refs.length === 0) this.tree.delete(term)
    }
    const articles = new Uint32Array(this.docArticle.length + kept.length)
    articles.set(this.docArticle)
    let n = this.docArticle.length
    this.liveArticle.forEach((a, doc) => {
      if (!this.liveDead[doc]) articles[n++] = a
    })
    this.bases.push(this.liveBase())
    this.segments.push(reader)
    this.dead.push(new Uint8Array(reader.docCount))
    this.deadIn_.push(0)
    this.docArticle = articles
    this.live = new LiveSegment(this.fields)
    this.liveDead = new Uint8Array(64)
    this.liveDeadCount = 0
    this.liveArticle = []
  }

  /**
   * Takes `reader` — mergeSegments() of the segments from `from` on, written just now, nothing changed since,
   * the live segment empty — in place of those segments, without opening the others again. Returns the
   * segments it replaced, for the owner to close. Like sealLive, only when no search is under way.
   */
  replaceTail(from: number, reader: SegmentReader): SegmentReader[] {
    if (this.live.ids.length > 0) throw new Error('The live segment must be saved first.')
    const tail = this.segments.slice(from)
    let n = 0
    let deadInTail = 0
    const articles = new Uint32Array(this.bases[from] + reader.docCount)
    articles.set(this.docArticle.subarray(0, this.bases[from]))
    tail.forEach((segment, t) => {
      const dead = this.dead[from + t]
      for (let doc = 0; doc < segment.docCount; doc++) {
        if (dead[doc]) {
          deadInTail++
          continue
        }
        if (n >= reader.docCount || reader.docId(n) !== segment.docId(doc))
          throw new Error(`${reader.file} is not those segments merged`)
        articles[this.bases[from] + n++] = this.docArticle[this.bases[from + t] + doc]
      }
    })
    if (n !== reader.docCount || reader.fieldCount !== this.fields.length)
      throw new Error(`${reader.file} is not those segments merged`)
    const touched = new Set<string>()
    for (const segment of tail) for (let i = 0; i < segment.termCount; i++) touched.add(segment.term(i))
    for (const term of touched) {
      const refs = this.tree.get(term)
      if (!refs) continue
      const kept: TermRefs = []
      for (let r = 0; r < refs.length; r += 2) if (refs[r] < from) kept.push(refs[r], refs[r + 1])
      if (kept.length) this.tree.set(term, kept)
      else this.tree.delete(term)
    }
    for (let i = 0; i < reader.termCount; i++) this.refsOf(reader.term(i)).push(from, i)
    this.segments.splice(from, tail.length, reader)
    this.bases.splice(from + 1)
    this.dead.splice(from, tail.length, new Uint8Array(reader.docCount))
    this.deadIn_.splice(from, tail.length, 0)
    this.deadCount -= deadInTail
    this.docArticle = articles
    // Cached blocks are keyed by segment number: those of the replaced segments would be read for the new one.
    this.cache.clear()
    this.cacheBytes = 0
    return tail
  }

  /** The live segment as segment-file bytes (its tombstoned documents left out), for the owner to write. */
  liveBytes(key?: Buffer): Buffer {
    const writer = new SegmentWriter(this.fields.length)
    const { live } = this
    const renumber = new Int32Array(live.ids.length).fill(-1)
    live.ids.forEach((id, doc) => {
      if (this.liveDead[doc]) return
      renumber[doc] = writer.doc(
        id,
        this.fields.map((_, f) => live.fieldLength(doc, f)),
      )
    })
    for (const term of [...live.postings.keys()].sort()) {
      const fields: TermPostings = []
      for (const [fieldId, list] of [...live.postings.get(term)!].sort((x, y) => x[0] - y[0])) {
        const docs: number[] = []
        const tfs: number[] = []
        list.docs.forEach((doc, i) => {
          if (renumber[doc] < 0) return
          docs.push(renumber[doc])
          tfs.push(list.tfs[i])
        })
        fields.push({ fieldId, docs: Uint32Array.from(docs), tfs: Uint32Array.from(tfs) })
      }
      writer.term(term, fields)
    }
    return writer.bytes(key)
  }

  close(): void {
    for (const segment of this.segments) segment.close()
    this.cache.clear()
  }
}

/** Matches ranked from this many up are not sorted whole: the best come first, the rest only when read. */
const SORT_WHOLE = 2_048

/**
 * Indexes of `score`, best first (equal scores in index order, as a stable sort would give), sorting only as far
 * as the caller reads: a query matching 100,000 documents shows 20.
 */
export function* bestFirst(score: Float64Array): Generator<number> {
  const byScore = (x: number, y: number) => score[y] - score[x] || x - y
  let rest = new Uint32Array(score.length)
  for (let i = 0; i < rest.length; i++) rest[i] = i
  let want = 256
  while (rest.length > SORT_WHOLE && want * 2 < rest.length) {
    const values = new Float64Array(rest.length)
    for (let i = 0; i < rest.length; i++) values[i] = score[rest[i]]
    const threshold = kthLargest(values, want)
    const top = rest.filter((i) => score[i] >= threshold)
    // Many ties at the threshold can make `top` most of `rest`: then sort it all.
    if (top.length * 2 > rest.length) break
    yield* top.sort(byScore)
    rest = rest.filter((i) => score[i] < threshold)
    want *= 4
  }
  yield* rest.sort(byScore)
}

/** The k-th largest value (k from 1), by quickselect; reorders `values`. */
function kthLargest(values: Float64Array, k: number): number {
  let lo = 0
  let hi = values.length - 1
  const target = k - 1
  while (lo < hi) {
    const pivot = values[(lo + hi) >>> 1]
    let i = lo
    let j = hi
    while (i <= j) {
      while (values[i] > pivot) i++
      while (values[j] < pivot) j--
      if (i <= j) {
        const t = values[i]
        values[i++] = values[j]
        values[j--] = t
      }
    }
    if (target <= j) hi = j
    else if (target >= i) lo = i
    else break
  }
  return values[target]
}

function binarySearch(a: Uint32Array, v: number): number {
  let lo = 0
  let hi = a.length - 1
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1
    if (a[mid] === v) return mid
    if (a[mid] < v) lo = mid + 1
    else hi = mid - 1
  }
  return -1
}

/**
 * Several segments as one, without the documents `dead` marks: documents in segment order, each term's
 * postings renumbered and joined. Reads the segments a term at a time; holds the output (bounded by the
 * segments' size) until it is written.
 */
export function mergeSegments(segments: SegmentReader[], dead: Uint8Array[], key?: Buffer): Buffer {
  const fieldCount = segments[0]?.fieldCount ?? 0
  const writer = new SegmentWriter(fieldCount)
  const renumber = segments.map((segment, s) => {
    const map = new Int32Array(segment.docCount).fill(-1)
    for (let doc = 0; doc < segment.docCount; doc++) {
      if (dead[s]?.[doc]) continue
      const lengths = Array.from({ length: fieldCount }, (_, f) => segment.fieldLength(doc, f))
      map[doc] = writer.doc(segment.docId(doc), lengths)
    }
    return map
  })
  // A k-way walk over the segments' sorted term lists.
  const cursor = segments.map(() => 0)
  for (;;) {
    let next: string | undefined
    segments.forEach((segment, s) => {
      if (cursor[s] >= segment.termCount) return
      const term = segment.term(cursor[s])
      if (next === undefined || term < next) next = term
    })
    if (next === undefined) break
    const byField = new Map<number, { docs: number[]; tfs: number[] }>()
    segments.forEach((segment, s) => {
      if (cursor[s] >= segment.termCount || segment.term(cursor[s]) !== next) return
      const [first, end] = segment.entryRange(cursor[s]++)
      for (let k = first; k < end; k++) {
        const fieldId = segment.entryField(k)
        let list = byField.get(fieldId)
        if (!list) {
          list = { docs: [], tfs: [] }
          byField.set(fieldId, list)
        }
        const { docs, tfs } = segment.block(k)
        for (let i = 0; i < docs.length; i++) {
          const doc = renumber[s][docs[i]]
          if (doc < 0) continue
          list.docs.push(doc)
          list.tfs.push(tfs[i])
        }
      }
    })
    writer.term(
      next,
      [...byField]
        .sort((x, y) => x[0] - y[0])
        .map(([fieldId, l]) => ({ fieldId, docs: Uint32Array.from(l.docs), tfs: Uint32Array.from(l.tfs) })),
    )
  }
  return writer.bytes(key)
}
