// Main process: the search index as segments on disk (segment-file.ts) plus one small segment in memory for
// what changed since the last flush. In memory: one term dictionary over every segment (MiniSearch's radix tree,
// term → where it is in each segment), each segment's document table (ids and field lengths in typed arrays)
// and a tombstone bitmap per segment; postings are read from the files when a query needs them, with a small
// cache of the blocks read last. Documents are tokenized and scored exactly as MiniSearch does (same tokenizer,
// field lengths, BM25+ weights, prefix and fuzzy expansion, boosts), so a query ranks as it did over one
// MiniSearch index; segmented-index.test.ts compares them.
//
// A document changes by being removed (a tombstone) and added again to the live segment; `liveBytes` is the live
// segment as segment bytes, `mergeSegments` (merge-segments.ts) writes segments without their tombstoned
// documents, and sealLive / replaceRange put such files in place. Apart: live-segment.ts, segmented-rank.ts.
import { SearchableMap } from './minisearch-adapter'
import type { Ranked, RankedQuery } from './ranked-search'
import type { Block, SegmentReader } from './segment-file'
import { lastAtMost } from './best-first'
import { BlockCache } from './block-cache'
import { ArticleNumbers, LiveSegment, liveSegmentBytes } from './live-segment'
import type { Doc } from './live-segment'
import { LIVE, rankSegments } from './segmented-rank'
import type { Part, Scratch, TermRefs } from './segmented-rank'
import { processTerm } from './terms'

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
  private readonly cache = new BlockCache()
  private scratch: Scratch = {
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
  private readonly articles = new ArticleNumbers()

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
        this.docArticle[base + doc] = this.articles.of(segment.docId(doc))
      }
      base += segment.docCount
      this.liveCount += segment.docCount
    })
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
      this.liveArticle.push(this.articles.of(doc.id))
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
    return this.cache.get(`${s}:${k}`, () => this.segments[s].block(k))
  }

  private docIdOf(doc: number): string {
    const liveBase = this.liveBase()
    if (doc >= liveBase) return this.live.ids[doc - liveBase]
    const s = lastAtMost(this.bases, doc)
    return this.segments[s].docId(doc - this.bases[s])
  }

  private scratchFor(size: number): Scratch {
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
    return rankSegments(
      {
        fields: this.fields,
        tree: this.tree,
        count: this.liveCount,
        sums: this.sums,
        // Typed scratch arrays kept between queries: a query touching 100,000 documents allocates no list of them.
        scratch: this.scratchFor(this.liveBase() + this.live.ids.length),
        parts: (refs, term, fieldId) => this.parts(refs, term, fieldId),
        docId: (doc) => this.docIdOf(doc),
        article: (doc) => this.articleOfDoc(doc),
        articleIds: this.articles.ids,
      },
      query,
      opts,
    )
  }

  private articleOfDoc(doc: number): number {
    const liveBase = this.docArticle.length
    return doc < liveBase ? this.docArticle[doc] : this.liveArticle[doc - liveBase]
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
    return this.replaceRange(from, this.segments.length - from, reader)
  }

  /**
   * Takes `reader` — mergeSegments() of the `count` segments from `from` (one, or every one to the end) without
   * the documents `gone` marks (their tombstones when the merge began: tombstones only grow) — in place of
   * those segments; documents tombstoned since stay tombstoned in it. Returns the replaced segments, for the
   * owner to close. Like sealLive, only when no search is under way.
   */
  replaceRange(
    from: number,
    count: number,
    reader: SegmentReader,
    gone: Uint8Array[] = this.dead.slice(from, from + count),
  ): SegmentReader[] {
    if (count !== 1 && from + count !== this.segments.length)
      throw new Error('Only one segment, or the tail.')
    const old = this.segments.slice(from, from + count)
    const start = this.bases[from]
    const end = start + old.reduce((n, segment) => n + segment.docCount, 0)
    const mapped = new Uint32Array(reader.docCount)
    const dead = new Uint8Array(reader.docCount)
    let n = 0
    let deadNow = 0
    old.forEach((segment, t) => {
      for (let doc = 0; doc < segment.docCount; doc++) {
        if (gone[t][doc]) continue
        if (n >= reader.docCount || reader.docId(n) !== segment.docId(doc))
          throw new Error(`${reader.file} is not those segments merged`)
        mapped[n] = this.docArticle[this.bases[from + t] + doc]
        if (this.dead[from + t][doc]) {
          dead[n] = 1
          deadNow++
        }
        n++
      }
    })
    if (n !== reader.docCount || reader.fieldCount !== this.fields.length)
      throw new Error(`${reader.file} is not those segments merged`)
    const articles = new Uint32Array(this.docArticle.length - (end - start) + n)
    articles.set(this.docArticle.subarray(0, start))
    articles.set(mapped, start)
    articles.set(this.docArticle.subarray(end), start + n)
    const touched = new Set<string>()
    for (const segment of old) for (let i = 0; i < segment.termCount; i++) touched.add(segment.term(i))
    for (const term of touched) {
      const refs = this.tree.get(term)
      if (!refs) continue
      const kept: TermRefs = []
      for (let r = 0; r < refs.length; r += 2)
        if (refs[r] < from || refs[r] >= from + count) kept.push(refs[r], refs[r + 1])
      if (kept.length) this.tree.set(term, kept)
      else this.tree.delete(term)
    }
    for (let i = 0; i < reader.termCount; i++) this.refsOf(reader.term(i)).push(from, i)
    this.segments.splice(from, count, reader)
    this.bases.splice(from, count, start)
    for (let t = from + 1; t < this.bases.length; t++) this.bases[t] -= end - start - n
    this.deadCount -= this.deadIn_.slice(from, from + count).reduce((x, d) => x + d, 0) - deadNow
    this.dead.splice(from, count, dead)
    this.deadIn_.splice(from, count, deadNow)
    this.docArticle = articles
    // Cached blocks are keyed by segment number: those of the replaced segments would be read for the new one.
    this.cache.clear()
    return old
  }

  /** The live segment as segment-file bytes (its tombstoned documents left out), for the owner to write. */
  liveBytes(key?: Buffer): Buffer {
    return liveSegmentBytes(this.live, this.liveDead, key)
  }

  close(): void {
    for (const segment of this.segments) segment.close()
    this.cache.clear()
  }
}
