// Bench (Node): full-text search through the real SearchIndex — opening it on the full archive (first build,
// then reopening what it flushed), and 20 typical queries repeated for latency percentiles.
import { rm } from 'node:fs/promises'
import { join } from 'node:path'
import type { Archive } from '../src/main/archive/archive'
import * as searchModule from '../src/main/search'
import type { SearchIndex } from '../src/main/search'
import { SEARCH_QUERIES } from './news-text'
import type { Summary } from './stats'
import { summarize } from './stats'

export type SearchMeasure =
  | { status: 'missing' }
  | {
      status: 'measured'
      /** No saved index: every body read and indexed. */
      buildMs: number
      flushMs: number
      reopenMs: number
      /** Why the reopen rebuilt instead of loading the saved index (undefined: it loaded). */
      reopenRebuiltBecause: string | null
      queries: Summary
      perQuery: { query: string; medianMs: number; hits: number }[]
    }

export function searchAvailable(): boolean {
  return !('MODULE_MISSING' in searchModule)
}

function openSearchIndex(archive: Archive): Promise<SearchIndex> {
  return searchModule.SearchIndex.open(archive)
}

/** Leaves a reopened index open and returns it, so the saves and imports that follow keep it up to date. */
export async function measureSearch(
  archive: Archive,
  rounds: number,
): Promise<{ measure: SearchMeasure; index: SearchIndex | null }> {
  if (!searchAvailable()) return { measure: { status: 'missing' }, index: null }
  // The index is derived data saved beside the archive; without it, open() builds from every article.
  await rm(join(archive.dir, 'search-index.json'), { force: true })
  let t = performance.now()
  let index = await openSearchIndex(archive)
  const buildMs = performance.now() - t
  t = performance.now()
  await index.flush()
  const flushMs = performance.now() - t
  await index.close()
  t = performance.now()
  index = await openSearchIndex(archive)
  const reopenMs = performance.now() - t

  const all: number[] = []
  const perQuery = new Map<string, { samples: number[]; hits: number }>()
  for (let round = -1; round < rounds; round++) {
    for (const query of SEARCH_QUERIES) {
      const start = performance.now()
      const result = await index.search(query, { limit: 20 })
      const ms = performance.now() - start
      if (round < 0) continue // warm-up round
      all.push(ms)
      const entry = perQuery.get(query) ?? { samples: [], hits: result.length }
      entry.samples.push(ms)
      perQuery.set(query, entry)
    }
  }
  return {
    measure: {
      status: 'measured',
      buildMs,
      flushMs,
      reopenMs,
      reopenRebuiltBecause: index.rebuiltBecause ?? null,
      queries: summarize(all),
      perQuery: [...perQuery].map(([query, e]) => ({
        query,
        medianMs: summarize(e.samples).median,
        hits: e.hits,
      })),
    },
    index,
  }
}
