// Main process: runs a MiniSearch query over MiniSearch's own index, scoring into typed arrays instead of one
// result object per matching document. MiniSearch builds an object (score, terms, match) for every document a
// query term touches and sorts them all; a common word touches most of 10,000 articles, and that allocation
// was most of a search's time and of its garbage. Here the score of a document is exactly what MiniSearch gives
// it (same BM25+, weights, boosts and order of additions: the parity tests compare them; documents discarded
// and not yet vacuumed count as MiniSearch counts them after a vacuum), and result objects
// are built only for the documents the caller reads, best first. Equal scores come in the order the documents
// were first matched (MiniSearch's AND keeps the last term's order instead; toHits orders ties by date).
import { miniSearchInternals } from './minisearch-adapter'
import type {
  MiniSearch,
  MiniSearchInternals,
  SearchOptions,
  SearchResult,
  TermData,
} from './minisearch-adapter'
import { processTerm, tokenize } from './terms'

/** MiniSearch 7's defaults for what SEARCH_OPTIONS leaves out. */
const DEFAULT_WEIGHTS = { fuzzy: 0.45, prefix: 0.375 }
const DEFAULT_BM25 = { k: 1.2, b: 0.7, d: 0.5 }
const DEFAULT_MAX_FUZZY = 6
/** A document's matched query terms are a bit mask: at most this many distinct terms. */
export const MAX_RANKED_TERMS = 32

export type RankedQuery = {
  combineWith: 'AND' | 'OR'
  prefix?: SearchOptions['prefix']
  fuzzy?: SearchOptions['fuzzy']
  boost?: Record<string, number>
  maxFuzzy?: number
}

/** The matching documents, best first; `size` is known before any is read, `ids` builds no result objects. */
export type Ranked = {
  size: number
  ids(): Iterable<unknown>
  results(): Iterable<SearchResult>
  /**
   * How many distinct articles (`<article>` and `<article>#…` are one) the matches are of, counting only those
   * `has` keeps; in no particular order, so without ranking every match. Optional: callers walk `ids` otherwise.
   */
  articles?(has: (articleId: string) => boolean): number
}

type Derived = { term: string; weight: number; data: TermData }
type Spec = { term: string; unique: number; derived: Derived[] }

/**
 * The documents and scores `ms.search(query, opts)` returns, best first, or undefined when MiniSearch's internals
 * are not the ones this reads (then call ms.search).
 */
export function rankedSearch<T>(ms: MiniSearch<T>, query: string, opts: RankedQuery): Ranked | undefined {
  const inner = miniSearchInternals(ms)
  if (!inner) return undefined
  const terms = tokenize(query)
    .map((t) => processTerm(t))
    .filter((t): t is string => !!t)
  const uniqueTerms = [...new Set(terms)]
  if (uniqueTerms.length > MAX_RANKED_TERMS) return undefined
  const specs = terms.map((term, i): Spec => ({
    term,
    unique: uniqueTerms.indexOf(term),
    derived: derivedTerms(inner.terms, term, i, terms, opts),
  }))
  const fields = inner.fields
  const boosts = fields.map((f) => [inner.fieldIds[f], opts.boost?.[f] || 1] as const)
  const { documentIds, fieldLength, averageFieldLength } = inner

  const size = inner.nextId
  const total = new Float64Array(size)
  const mask = new Uint32Array(size)
  const current = new Float64Array(size)
  const seen = new Uint8Array(size)
  const touchedNow: number[] = []
  const candidates: number[] = []
  const checkAlive = inner.dirtCount > 0
  const { k, b, d } = DEFAULT_BM25
  const n = inner.documentCount

  for (const spec of specs) {
    for (const { weight, data } of spec.derived) {
      for (const [fieldId, fieldBoost] of boosts) {
        const postings = data.get(fieldId)
        if (!postings) continue
        // Documents discarded since the last vacuum still sit in the postings; they do not count as matches.
        // (MiniSearch itself counts them until a search meets them, a different number on every search.)
        let matching = postings.size
        if (checkAlive) for (const doc of postings.keys()) if (!documentIds.has(doc)) matching--
        if (matching <= 0) continue
        const avg = averageFieldLength[fieldId]
        for (const doc of postings.keys()) {
          if (checkAlive && !documentIds.has(doc)) continue
          const tf = postings.get(doc)!
          const length = fieldLength.get(doc)![fieldId]
          const idf = Math.log(1 + (n - matching + 0.5) / (matching + 0.5))
          const raw = idf * (d + (tf * (k + 1)) / (tf + k * (1 - b + (b * length) / avg)))
          if (seen[doc] === 0) {
            seen[doc] = 1
            touchedNow.push(doc)
          }
          // termWeight × termBoost (1) × fieldBoost × documentBoost (1) × BM25+, multiplied in MiniSearch's order.
          current[doc] += weight * 1 * fieldBoost * 1 * raw
        }
      }
    }
    const bit = 1 << spec.unique
    for (const doc of touchedNow) {
      if (mask[doc] === 0) candidates.push(doc)
      total[doc] += current[doc]
      mask[doc] |= bit
      current[doc] = 0
      seen[doc] = 0
    }
    touchedNow.length = 0
  }

  const all = uniqueTerms.length === MAX_RANKED_TERMS ? 0xffffffff : (1 << uniqueTerms.length) - 1
  const kept =
    opts.combineWith === 'AND' ? candidates.filter((doc) => mask[doc] >>> 0 === all >>> 0) : candidates
  const score = new Float64Array(kept.length)
  const order = new Uint32Array(kept.length)
  kept.forEach((doc, i) => {
    score[i] = total[doc] * popcount(mask[doc])
    order[i] = i
  })
  // Best first; equal scores keep the order documents were first matched in, as MiniSearch's stable sort does.
  order.sort((x, y) => score[y] - score[x] || x - y)

  return {
    size: kept.length,
    *ids() {
      for (const i of order) yield inner.documentIds.get(kept[i])
    },
    *results() {
      for (const i of order) yield resultOf(inner, kept[i], score[i], specs, boosts, fields)
    },
  }
}

/** What `derivedTerms` reads of a term dictionary: MiniSearch's term tree, or the on-disk index's. */
export type TermLookup<D> = {
  get(term: string): D | undefined
  atPrefix(prefix: string): Iterable<[string, D]>
  fuzzyGet(term: string, maxEditDistance: number): Map<string, [D, number]>
}

/**
 * The terms a query term matches — itself, longer words it starts (when prefix applies) and near spellings
 * (when fuzzy applies) — each with MiniSearch's weight for that kind of match.
 */
export function derivedTerms<D>(
  tree: TermLookup<D>,
  term: string,
  i: number,
  terms: string[],
  opts: RankedQuery,
): { term: string; weight: number; data: D }[] {
  const out: { term: string; weight: number; data: D }[] = []
  const exact = tree.get(term)
  if (exact) out.push({ term, weight: 1, data: exact })
  const prefix = typeof opts.prefix === 'function' ? opts.prefix(term, i, terms) : opts.prefix === true
  const fuzzyOption = typeof opts.fuzzy === 'function' ? opts.fuzzy(term, i, terms) : (opts.fuzzy ?? false)
  let fuzzyMatches: Map<string, [D, number]> | undefined
  if (fuzzyOption) {
    const fuzzy = fuzzyOption === true ? 0.2 : fuzzyOption
    const maxFuzzy = opts.maxFuzzy ?? DEFAULT_MAX_FUZZY
    const distance = fuzzy < 1 ? Math.min(maxFuzzy, Math.round(term.length * fuzzy)) : fuzzy
    if (distance) fuzzyMatches = tree.fuzzyGet(term, distance)
  }
  if (prefix) {
    for (const [found, data] of tree.atPrefix(term)) {
      const distance = found.length - term.length
      if (!distance) continue
      fuzzyMatches?.delete(found)
      out.push({
        term: found,
        weight: (DEFAULT_WEIGHTS.prefix * found.length) / (found.length + 0.3 * distance),
        data,
      })
    }
  }
  if (fuzzyMatches) {
    for (const [found, [data, distance]] of fuzzyMatches) {
      if (!distance) continue
      out.push({
        term: found,
        weight: (DEFAULT_WEIGHTS.fuzzy * found.length) / (found.length + distance),
        data,
      })
    }
  }
  return out
}

/** The result object MiniSearch would have built for one document, built only when it is read. */
function resultOf(
  inner: MiniSearchInternals,
  doc: number,
  score: number,
  specs: Spec[],
  boosts: (readonly [number, number])[],
  fields: string[],
): SearchResult {
  const matched = matchOf(specs, (_term, data) =>
    boosts.flatMap(([fieldId], f) => (data.get(fieldId)?.get(doc) !== undefined ? [fields[f]] : [])),
  )
  return { id: inner.documentIds.get(doc), score, ...matched }
}

/**
 * What MiniSearch's result says one document matched: each derived term it holds with the fields holding it
 * (`fieldsOf`, none when it does not hold it), and the query terms those came from. Shared by both rankers.
 */
export function matchOf<D>(
  specs: readonly { term: string; derived: readonly { term: string; data: D }[] }[],
  fieldsOf: (term: string, data: D) => string[],
): Pick<SearchResult, 'terms' | 'queryTerms' | 'match'> {
  const match: Record<string, string[]> = {}
  const queryTerms: string[] = []
  for (const spec of specs) {
    let matched = false
    for (const { term, data } of spec.derived) {
      const found = fieldsOf(term, data)
      if (found.length === 0) continue
      matched = true
      match[term] ??= found
    }
    if (matched && !queryTerms.includes(spec.term)) queryTerms.push(spec.term)
  }
  return { terms: Object.keys(match), queryTerms, match }
}

export function popcount(x: number): number {
  let v = x >>> 0
  let count = 0
  while (v) {
    v &= v - 1
    count++
  }
  return count
}
