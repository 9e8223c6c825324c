// Main process: a query ranked over the segmented index (segmented-index.ts) exactly as MiniSearch ranks it —
// BM25+ with MiniSearch's weights, prefix and fuzzy expansion, boosts — into typed scratch arrays kept between
// queries; result objects made only for the hits read. Split from segmented-index.ts.
import type { SearchResult, SearchableMap } from './minisearch-adapter'
import { bestFirst, binarySearch } from './best-first'
import { derivedTerms, matchOf, popcount } from './ranked-search'
import type { Ranked, RankedQuery } from './ranked-search'
import type { Block } from './segment-file'
import { processTerm, tokenize } from './terms'

const BM25 = { k: 1.2, b: 0.7, d: 0.5 }
const MAX_TERMS = 32

/** Where a term is: pairs of (segment number, term number in that segment); LIVE for the live segment. */
export type TermRefs = number[]
export const LIVE = -1

/** One part of a term's postings in one field: a block of one segment, numbered from `base`. */
/** `lengths[local * stride + at]` is a document's length in the part's field. */
export type Part = {
  base: number
  block: Block
  dead: Uint8Array
  /** No document of the part's segment is tombstoned. */
  clean: boolean
  lengths: ArrayLike<number>
  stride: number
  at: number
}

/** Typed arrays a query scores into, one entry per document, zero between queries. */
export type Scratch = {
  total: Float64Array
  mask: Uint32Array
  current: Float64Array
  seen: Uint8Array
  touched: Uint32Array
  candidates: Uint32Array
}

/** What a query reads of the index. */
export type RankSource = {
  fields: string[]
  tree: SearchableMap<TermRefs>
  /** Documents searchable now. */
  count: number
  /** Per field, the sum of the searchable documents' lengths. */
  sums: Float64Array
  /** Scratch arrays with room for every document number. */
  scratch: Scratch
  /** The postings of the term at `refs` in one field, as parts numbered in the global document order. */
  parts: (refs: TermRefs, term: string, fieldId: number) => Part[]
  docId: (doc: number) => string
  /** The article number of a document (an index into `articleIds`). */
  article: (doc: number) => number
  articleIds: string[]
}

/** What rankedSearch answers for MiniSearch: the matching documents, best first, scored as MiniSearch does. */
export function rankSegments(src: RankSource, query: string, opts: RankedQuery): Ranked {
  const terms = tokenize(query)
    .map((t) => processTerm(t))
    .filter((t): t is string => !!t)
  const uniqueTerms = [...new Set(terms)].slice(0, MAX_TERMS)
  const specs = terms
    .filter((t) => uniqueTerms.includes(t))
    .map((term, i, all) => ({
      term,
      unique: uniqueTerms.indexOf(term),
      derived: derivedTerms(src.tree, term, i, all, opts),
    }))
  const boosts = src.fields.map((f, fieldId) => [fieldId, opts.boost?.[f] || 1] as const)
  const n = src.count
  // Typed scratch arrays kept between queries: a query touching 100,000 documents allocates no list of them.
  const scratch = src.scratch
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
      parts = src.parts(data, term, fieldId)
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
        const avg = src.sums[fieldId] / n
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
  const idOf = (doc: number) => src.docId(doc)
  const articleOf = (doc: number) => src.article(doc)
  const { articleIds } = src
  return {
    size: kept.length,
    *ids() {
      for (const i of bestFirst(score)) yield idOf(kept[i])
    },
    results: () => results(src, bestFirst(score), kept, score, specs, partsOf),
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

function* results(
  src: RankSource,
  order: Iterable<number>,
  kept: Uint32Array,
  score: Float64Array,
  specs: { term: string; derived: { term: string; data: TermRefs }[] }[],
  partsOf: (data: TermRefs, term: string, fieldId: number) => Part[],
): Generator<SearchResult> {
  for (const i of order) {
    const doc = kept[i]
    const matched = matchOf(specs, (term, data) =>
      src.fields.filter((_field, fieldId) =>
        partsOf(data, term, fieldId).some(
          ({ base, block }) => doc >= base && binarySearch(block.docs, doc - base) >= 0,
        ),
      ),
    )
    yield { id: src.docId(doc), score: score[i], ...matched }
  }
}
