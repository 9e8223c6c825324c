// Main process: one query answered from the search index as it stands (search-index.ts keeps the index, its
// queue and its saves): the query parsed, the number of hits bounded, and while a first build goes on the
// segments it has written so far asked, the outcome saying how far they reach. Split from search-index.ts.
import { GlossaError } from '../../shared/errors'
import { parseSearchQuery } from '../../shared/search-query'
import type { ParsedQuery } from '../../shared/search-query'
import type { BuildingIndex } from './building'
import type { HitSources } from './hits'
import type { IndexState } from './index-state'
import { runQuery } from './query-run'
import type { SearchOutcome } from './query-run'
import { DEFAULT_LIMIT, MAX_LIMIT } from './search-options'
import type { SearchQueryOptions } from './search-options'
import { SegmentState } from './segment-state'

/** The query parsed, or the error its caller is told. */
export function parsedQuery(query: string): ParsedQuery {
  const parsed = parseSearchQuery(query)
  if (!parsed.ok) throw new GlossaError(parsed.code, parsed.message)
  return parsed.query
}

/** How many hits a query returns: the caller's limit within 1–500, 50 by default. */
export function limitOf(opts: SearchQueryOptions): number {
  const requested = Number.isFinite(opts.limit) ? Number(opts.limit) : DEFAULT_LIMIT
  return Math.min(MAX_LIMIT, Math.max(1, Math.floor(requested)))
}

/** The outcome of `query` over the index (`state`), or over what a first build (`building`) has written so far. */
export async function answer(
  state: SegmentState | IndexState,
  building: BuildingIndex | undefined,
  query: ParsedQuery,
  limit: number,
  src: HitSources,
): Promise<SearchOutcome> {
  if (building) {
    // The first build goes on: the segments written so far answer, and the outcome says so.
    const { engine, progress } = building.searchable()
    const outcome = await runQuery(engine, query, limit, src)
    return { ...outcome, partial: { searched: progress.searched, total: progress.total } }
  }
  return runQuery(state instanceof SegmentState ? state.engine : state.ms, query, limit, src)
}
