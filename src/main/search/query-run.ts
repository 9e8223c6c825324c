// Main process: runs a parsed search query (src/shared/search-query.ts) over the index. Words match whole words
// exactly; MiniSearch's prefix expansion is asked only for words typed with a '*'. Only when nothing matches
// exactly are close matches tried (typos within MiniSearch's fuzzy distance, and the start of the last word
// typed), and the outcome says so, for the renderer to label them. Phrases, exclusions and filters are checked
// on every candidate, against the stored text and the catalog, in both cases; `total` counts every article that
// passes, not only the page returned.
import type { MiniSearch } from './minisearch-adapter'
import type { SearchResult } from './minisearch-adapter'
import { containsPhrase, searchWords } from '../../shared/search-query'
import type { ParsedQuery, SearchFilter } from '../../shared/search-query'
import { isWithinTag } from '../../shared/tags'
import type { Annotation, ArticleMeta } from '../../shared/types'
import { SEARCH_OPTIONS, parseDocId } from './documents'
import type { SearchDoc } from './documents'
import { toHits } from './hits'
import type { HitSources, SearchHit } from './hits'
import { rankedSearch } from './ranked-search'
import type { Ranked, RankedQuery } from './ranked-search'
import { dropStopWords } from './terms'

export type SearchOutcome = {
  hits: SearchHit[]
  /** Articles that match, all of them (hits holds the first `limit`). */
  total: number
  /** 'close': nothing matched exactly, these are near spellings or longer words. */
  match: 'exact' | 'close'
  /** Set while a first build goes on: the hits come from the first `searched` of the `total` articles. */
  partial?: { searched: number; total: number }
}

/** A pasted paragraph is searched by its first words; every term costs a walk of the term tree. */
const MAX_QUERY_TERMS = 32

type Run = Pick<RankedQuery, 'combineWith' | 'fuzzy' | 'prefix'>

/** What a query needs of an index: ranked matches, and the documents holding a word (for exclusions). */
export type SearchEngine = {
  rank(text: string, opts: RankedQuery): Ranked
  /** Ids of the documents that hold `term` exactly, in any field. */
  docsWith(term: string): Iterable<string>
}

/** A MiniSearch index as a SearchEngine: ranked by rankedSearch, or by MiniSearch itself when that cannot. */
export function miniSearchEngine(ms: MiniSearch<SearchDoc>): SearchEngine {
  return {
    rank: (text, options) => {
      const ranked = rankedSearch(ms, text, options)
      if (ranked) return ranked
      const list = ms.search(text, options)
      return { size: list.length, ids: () => list.map((r) => r.id), results: () => list }
    },
    docsWith: (term) =>
      ms.search(term, { fuzzy: false, prefix: false, combineWith: 'OR' }).map((r) => String(r.id)),
  }
}

export async function runQuery(
  index: MiniSearch<SearchDoc> | SearchEngine,
  query: ParsedQuery,
  limit: number,
  src: HitSources,
): Promise<SearchOutcome> {
  const engine = 'rank' in index ? index : miniSearchEngine(index)
  const checks = new Checks(engine, query, src)
  const bare = dropStopWords(query.terms)
  // A phrase's own words find its candidates; stop words are checked in the text, not looked up.
  const phraseWords = query.phrases.flatMap((p) => dropStopWords(p))
  const words = [...new Set([...bare, ...query.prefixes, ...phraseWords])].slice(0, MAX_QUERY_TERMS)
  const isPrefix = (i: number) => i >= bare.length && i < bare.length + query.prefixes.length
  const isBare = (i: number) => i < bare.length

  if (words.length === 0) return checks.catalogOnly(limit)

  const search = (run: Run): Ranked =>
    engine.rank(words.join(' '), { boost: SEARCH_OPTIONS.boost, maxFuzzy: SEARCH_OPTIONS.maxFuzzy, ...run })
  const exact = search({ combineWith: 'AND', fuzzy: false, prefix: (_t, i) => isPrefix(i) })
  // With nothing to check beyond the words, an engine that can count articles without ranking every match
  // does: the hits are then the best matches as they come (toHits keeps each article's best document).
  const fast = checks.trivial && exact.articles !== undefined
  const has = (id: string) => src.archive.has(id)
  let accepted: Map<string, string> | undefined
  const count = async (r: Ranked) => {
    if (fast && r.articles) return r.articles(has)
    accepted = await checks.accept(r)
    return accepted.size
  }
  let total = await count(exact)
  let ranked = exact
  let match: SearchOutcome['match'] = 'exact'
  if (total === 0 && bare.length > 0) {
    // Close matches: bare words within MiniSearch's fuzzy distance; the last one also as the start of a word.
    const fuzzy = SEARCH_OPTIONS.fuzzy
    const close: Run = {
      combineWith: 'AND',
      fuzzy: (t, i, all) => isBare(i) && (typeof fuzzy === 'function' ? fuzzy(t, i, all) : !!fuzzy),
      prefix: (t, i) => isPrefix(i) || (i === bare.length - 1 && t.length >= 3),
    }
    match = 'close'
    ranked = search(close)
    total = await count(ranked)
    if (total === 0 && words.length > 1) {
      ranked = search({ ...close, combineWith: 'OR' })
      total = await count(ranked)
    }
  }
  const results = accepted ? only(ranked.results(), new Set(accepted.values())) : ranked.results()
  const hits = await toHits(results, limit, src)
  return { hits, total, match: total ? match : 'exact' }
}

function* only(results: Iterable<SearchResult>, docs: Set<unknown>): Generator<SearchResult> {
  for (const r of results) if (docs.has(r.id)) yield r
}

/** What a query asks of each candidate beyond its words, with what it read cached for the one query. */
class Checks {
  private readonly excluded: Set<string>
  private readonly annotations = new Map<string, Promise<Annotation[]>>()

  constructor(
    engine: SearchEngine,
    private readonly query: ParsedQuery,
    private readonly src: HitSources,
  ) {
    // An article is left out when any of its documents (its title, text, tags, source or a note) has the word.
    this.excluded = new Set<string>()
    for (const term of query.exclude.terms)
      for (const id of engine.docsWith(term)) this.excluded.add(parseDocId(id).articleId)
  }

  /** True when the query asks nothing of a candidate beyond its words: no filter, phrase or exclusion. */
  get trivial(): boolean {
    const { filters, phrases, exclude } = this.query
    return filters.length + phrases.length + exclude.terms.length + exclude.phrases.length === 0
  }

  /** Each passing article, mapped to its best-ranked document that passes, in rank order. */
  async accept(ranked: Ranked): Promise<Map<string, string>> {
    const out = new Map<string, string>()
    const failed = new Set<string>()
    for (const raw of ranked.ids()) {
      const id = String(raw)
      const { articleId, annotationId } = parseDocId(id)
      if (out.has(articleId) || failed.has(articleId)) continue
      if (!(await this.articlePasses(articleId))) {
        failed.add(articleId)
        continue
      }
      if (await this.documentHasPhrases(articleId, annotationId)) out.set(articleId, id)
    }
    return out
  }

  /** A query of filters only: every article they keep, newest first (all score 0). */
  async catalogOnly(limit: number): Promise<SearchOutcome> {
    const results: SearchResult[] = []
    for (const meta of this.src.archive.list())
      if (await this.articlePasses(meta.id))
        results.push({ id: meta.id, score: 0, terms: [], queryTerms: [], match: {} })
    return { hits: await toHits(results, limit, this.src), total: results.length, match: 'exact' }
  }

  private async articlePasses(articleId: string): Promise<boolean> {
    if (!this.src.archive.has(articleId) || this.excluded.has(articleId)) return false
    const meta = this.src.archive.meta(articleId)
    for (const filter of this.query.filters)
      if ((await this.filterHolds(meta, filter)) === filter.negate) return false
    for (const phrase of this.query.exclude.phrases)
      if (await this.articleHasPhrase(meta, phrase)) return false
    return true
  }

  private async filterHolds(meta: ArticleMeta, { field, value }: SearchFilter): Promise<boolean> {
    const wanted = value.toLowerCase()
    const within = (tag: string | undefined) => isWithinTag(tag?.toLowerCase(), wanted)
    if (field === 'source') return containsPhrase(meta.source ?? '', searchWords(value))
    if (field === 'tag') return meta.tags.some(within) || Object.keys(meta.annotationTags).some(within)
    // figure: the catalog counts figure metrics among annotation tags; the annotations say which are figures.
    if (meta.counts.figures === 0 || !Object.keys(meta.annotationTags).some(within)) return false
    return (await this.annotationsOf(meta.id)).some((a) => a.figure && within(a.figure.metric))
  }

  private async articleHasPhrase(meta: ArticleMeta, phrase: string[]): Promise<boolean> {
    if (this.articleFields(meta).some((f) => containsPhrase(f, phrase))) return true
    if (containsPhrase(await this.src.text(meta.id), phrase)) return true
    return (await this.annotationsOf(meta.id)).some((a) => containsPhrase(a.note, phrase))
  }

  private async documentHasPhrases(articleId: string, annotationId: string | undefined): Promise<boolean> {
    const { phrases } = this.query
    if (phrases.length === 0) return true
    let fields: string[]
    if (annotationId === undefined) {
      fields = [...this.articleFields(this.src.archive.meta(articleId)), await this.src.text(articleId)]
    } else {
      const a = (await this.annotationsOf(articleId)).find((x) => x.id === annotationId)
      if (!a) return false
      fields = [a.note, ...a.tags, a.figure?.metric ?? '']
    }
    return phrases.every((p) => fields.some((f) => containsPhrase(f, p)))
  }

  private articleFields(meta: ArticleMeta): string[] {
    return [meta.title, meta.source ?? '', ...meta.tags]
  }

  private annotationsOf(articleId: string): Promise<Annotation[]> {
    let list = this.annotations.get(articleId)
    if (!list) {
      list = this.src.archive.readAnnotations(articleId).catch(() => [])
      this.annotations.set(articleId, list)
    }
    return list
  }
}
