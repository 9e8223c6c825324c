// Bench (Node): full-text search through the real SearchIndex — opening it on the full archive with no saved
// index (built by the index builder process, as `glossa serve` and the app do), then reopening what it saved,
// and 20 typical queries repeated for latency percentiles.
import { rm } from 'node:fs/promises'
import { join } from 'node:path'
import type { Archive } from '../src/main/archive/archive'
import { trustKey } from '../src/main/archive/catalog-trust'
import { SearchIndex, nodeBuilder } from '../src/main/search'
import { distFile } from './child'
import { SEARCH_QUERIES } from './news-text'
import type { Summary } from './stats'
import { summarize } from './stats'

export type SearchMeasure = {
  /** No saved index: opened with every body read and indexed by the builder process, then loaded. */
  buildMs: number
  /** The builder process alone: its time and its peak RSS. */
  builder: { ms: number; peakRssMB: number } | null
  flushMs: number
  reopenMs: number
  /** Why the reopen rebuilt instead of loading the saved index (undefined: it loaded). */
  reopenRebuiltBecause: string | null
  queries: Summary
  perQuery: { query: string; medianMs: number; hits: number }[]
}

const WORKER = distFile('search-worker')

/** The machine's trust key beside the bench archive (as open-child.ts uses): the saved index is signed with it. */
async function openSearchIndex(archive: Archive): Promise<SearchIndex> {
  const keyFile = join(archive.dir, '..', 'catalog-trust.key')
  await trustKey(keyFile)
  return SearchIndex.open(archive, { builder: nodeBuilder(WORKER), keyFile })
}

/** Leaves a reopened index open and returns it, so the saves and imports that follow keep it up to date. */
export async function measureSearch(
  archive: Archive,
  rounds: number,
): Promise<{ measure: SearchMeasure; index: SearchIndex }> {
  // The index is derived data saved beside the archive; without it, open() builds from every article.
  await rm(join(archive.dir, 'search-index.json'), { force: true })
  await rm(join(archive.dir, 'search-index'), { force: true, recursive: true })
  let t = performance.now()
  let index = await openSearchIndex(archive)
  const buildMs = performance.now() - t
  const built = index.built
  if (!built)
    throw new Error(`The index builder process did not build the index: ${index.problems.join('; ')}`)
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
      buildMs,
      builder: { ms: built.ms, peakRssMB: built.peakRssMB },
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
