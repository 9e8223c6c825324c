import { describe, expect, it } from 'vitest'
import { compactIndex } from './compact-postings'
import { INDEX_OPTIONS, SEARCH_OPTIONS } from './documents'
import type { SearchDoc } from './documents'
import { MiniSearch } from './minisearch-adapter'
import type { SearchResult } from './minisearch-adapter'
import { rankedSearch } from './ranked-search'
import type { RankedQuery } from './ranked-search'
import { QUERIES, makeDocs } from './test-corpus'

const VARIANTS: Pick<RankedQuery, 'combineWith' | 'fuzzy'>[] = [
  { combineWith: 'AND', fuzzy: false },
  { combineWith: 'AND', fuzzy: SEARCH_OPTIONS.fuzzy },
  { combineWith: 'OR', fuzzy: SEARCH_OPTIONS.fuzzy },
]
const MORE_QUERIES = [...QUERIES, 'grain grain port', 'kyiv kyiv', 'zzzz', 'gra', 'budgte council']

/** Ties in any order: by score, then id. Scores are compared exactly, not approximately. */
function normalized(results: Iterable<SearchResult>) {
  return [...results]
    .map((r) => ({
      id: String(r.id),
      score: r.score,
      terms: [...r.terms].sort(),
      queryTerms: [...r.queryTerms].sort(),
      match: Object.fromEntries(Object.entries(r.match).map(([t, f]) => [t, [...f].sort()])),
    }))
    .sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
}

/** Every query and variant: the fast ranking of `ms` against MiniSearch's own search of `reference`. */
function compare(ms: MiniSearch<SearchDoc>, reference: MiniSearch<SearchDoc> = ms): number {
  let compared = 0
  for (const q of MORE_QUERIES) {
    for (const variant of VARIANTS) {
      const options = { ...SEARCH_OPTIONS, ...variant }
      const ranked = rankedSearch(ms, q, options)!
      const expected = reference.search(q, options)
      expect(ranked.size, `${q} ${JSON.stringify(variant)}`).toBe(expected.length)
      expect(normalized(ranked.results()), q).toEqual(normalized(expected))
      // Best first, with scores that never increase.
      const scores = [...ranked.results()].map((r) => r.score)
      expect(scores).toEqual([...scores].sort((a, b) => b - a))
      compared += expected.length
    }
  }
  return compared
}

describe('rankedSearch finds and scores exactly as MiniSearch', () => {
  it('on a fresh index, compact or not, with documents discarded and not yet vacuumed, and after a vacuum', async () => {
    const ms = new MiniSearch<SearchDoc>(INDEX_OPTIONS)
    ms.addAll(makeDocs(300, 5))
    expect(compare(ms)).toBeGreaterThan(2_000)
    compactIndex(ms)
    compare(ms)
    const docs = makeDocs(300, 5)
    for (let i = 0; i < 300; i += 5) ms.discard(docs[i].id)
    ms.addAll(makeDocs(40, 9, 300))
    expect(ms.dirtCount).toBeGreaterThan(0)
    // Discarded documents not yet vacuumed are not matches: as MiniSearch ranks once they are vacuumed away.
    const vacuumed = MiniSearch.loadJS<SearchDoc>(ms.toJSON(), INDEX_OPTIONS)
    await vacuumed.vacuum()
    expect(vacuumed.dirtCount).toBe(0)
    compare(ms, vacuumed)
    await ms.vacuum()
    compare(ms)
  })

  it('returns only documents with every term for AND, and counts matched terms for OR', () => {
    const ms = new MiniSearch<SearchDoc>(INDEX_OPTIONS)
    const empty = { title: '', text: '', tags: '', source: '', note: '' }
    ms.addAll([
      { ...empty, id: 'both', text: 'grain port' },
      { ...empty, id: 'grain', text: 'grain grain grain' },
      { ...empty, id: 'port', text: 'port' },
    ])
    const and = rankedSearch(ms, 'grain port', { ...SEARCH_OPTIONS, combineWith: 'AND' })!
    expect([...and.results()].map((r) => r.id)).toEqual(['both'])
    const or = rankedSearch(ms, 'grain port', { ...SEARCH_OPTIONS, combineWith: 'OR' })!
    expect([...or.results()].map((r) => r.id)[0]).toBe('both')
    expect(or.size).toBe(3)
  })
})
