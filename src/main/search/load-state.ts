// Main process: decides at open what the index starts from — the saved file as it is, the saved file plus the
// articles that changed since, or a full build from every article when the file is missing or unusable. A full
// build runs in an index builder process when one is given (build.ts), so its memory peak and its seconds of
// work never land in the app's process; in this process otherwise, or when the builder fails.
import type { MiniSearch } from './minisearch-adapter'
import type { ArticleMeta } from '../../shared/types'
import { compactIndex } from './compact-postings'
import type { SearchDoc } from './documents'
import { currentSignatures, describeStaleness, fingerprint, staleness } from './freshness'
import { loadIndex } from './index-codec'
import { readIndexFile } from './index-file'
import type { SavedIndex } from './index-file'
import { IndexState, message } from './index-state'
import type { ArchiveReader } from '../archive/reader'
import type { SegmentMerger } from './segment-merge'

/**
 * What an index builder process is asked: build the index folder `file` for these catalog entries of the archive
 * in `dir`, signed with the trust key in `keyFile` (outside the archive).
 */
export type BuildRequest = { dir: string; file: string; metas: ArticleMeta[]; keyFile?: string }
/** What it answers once the file is written: problems met (unreadable bodies...), its time and memory peak. */
export type BuildReport = { problems: string[]; ms: number; peakRssMB: number }
/**
 * How far a build is: articles indexed of `total`, and the segment files written so far (in order; empty in a
 * report within a segment), which the app may search while the build goes on.
 */
export type BuildProgress = {
  indexed: number
  total: number
  segments: { file: string; tag: string; docs: number }[]
}
/**
 * The builder; `progress` hears how far it is (the build waits for it). `merge`, when it has one, runs the merge
 * job (segment-merge.ts) in its process too.
 */
export type IndexBuilder = ((
  request: BuildRequest,
  progress?: (done: BuildProgress) => Promise<void> | void,
) => Promise<BuildReport>) & { merge?: SegmentMerger }

/**
 * `rebuiltBecause` is set when the saved file could not be used as it was; `needsSave` when the state differs
 * from the file now on disk. `built` reports a build by the builder process.
 */
export type LoadedState = {
  state: IndexState
  rebuiltBecause?: string
  needsSave: boolean
  built?: BuildReport
}

/** Bodies read at once while (re)building. */
const BUILD_BATCH = 32
/** Articles added between two compactions of the postings while building: the Maps never grow large. */
const COMPACT_EVERY = 512

export async function loadState(
  source: ArchiveReader,
  file: string,
  problems: string[],
  builder?: IndexBuilder,
): Promise<LoadedState> {
  const saved = await usableSaved(file, problems)
  if (typeof saved !== 'string') return refresh(source, saved, undefined)
  const unusable = saved
  if (builder) {
    try {
      const built = await builder({ dir: source.dir, file, metas: source.list() })
      for (const problem of built.problems) if (!problems.includes(problem)) problems.push(problem)
      const written = await usableSaved(file, problems)
      if (typeof written === 'string') throw new Error(`its index could not be read back (${written})`)
      return { ...(await refresh(source, written, unusable)), built }
    } catch (err) {
      problems.push(`The search index was rebuilt inside Glossa: the index builder failed (${message(err)}).`)
    }
  }
  const state = new IndexState(undefined, undefined, undefined, problems)
  await indexAll(
    source,
    state,
    source.list().map((m) => m.id),
  )
  return { state, rebuiltBecause: unusable, needsSave: true }
}

/**
 * The index saved in the older single-file format (`search-index.json`), loaded and brought up to date, or
 * undefined when there is none that can be used: what searches are answered from while the segmented index is
 * built to replace it (search-index.ts).
 */
export async function loadSaved(
  source: ArchiveReader,
  file: string,
  problems: string[],
): Promise<LoadedState | undefined> {
  const saved = await usableSaved(file, problems)
  return typeof saved === 'string' ? undefined : refresh(source, saved, undefined)
}

/** The saved index, loaded, or why it cannot be used: 'missing', 'corrupt: …' or 'stale: …'. */
async function usableSaved(
  file: string,
  problems: string[],
): Promise<{ state: IndexState; fingerprint: string } | string> {
  const read = await readIndexFile(file)
  if (!read.ok) return read.reason
  const restored = await restore(read.saved, problems)
  return typeof restored === 'string'
    ? restored
    : { state: restored, fingerprint: read.saved.header.fingerprint }
}

/** Re-indexes what changed in the archive since the saved index was written. */
async function refresh(
  source: ArchiveReader,
  saved: { state: IndexState; fingerprint: string },
  rebuiltBecause: string | undefined,
): Promise<LoadedState> {
  const { state } = saved
  const unchanged = { state, needsSave: false, ...(rebuiltBecause ? { rebuiltBecause } : {}) }
  const current = await currentSignatures(source, state.signatures)
  if (fingerprint(current) === saved.fingerprint) return unchanged
  const stale = staleness(state.signatures, current, (id) => state.ms.has(id))
  if (stale.added.length + stale.changed.length + stale.removed.length === 0) return unchanged
  for (const id of stale.removed) state.remove(id)
  await indexAll(source, state, [...stale.added, ...stale.changed])
  return { state, needsSave: true, rebuiltBecause: rebuiltBecause ?? describeStaleness(stale) }
}

/** The saved state, or why it cannot be used. */
async function restore(saved: SavedIndex, problems: string[]): Promise<IndexState | string> {
  let ms: MiniSearch<SearchDoc>
  try {
    ms = await loadIndex(saved.index)
  } catch (err) {
    return `corrupt: MiniSearch could not load it (${message(err)})`
  }
  const signatures = new Map(
    Object.entries(saved.header.articles).map(([id, [meta, annotations]]) => [id, { meta, annotations }]),
  )
  const annotationDocIds = new Map(Object.entries(saved.header.annotationDocs))
  let documents = signatures.size
  for (const ids of annotationDocIds.values()) documents += ids.length
  if (ms.documentCount !== documents || ms.termCount !== saved.header.termCount) {
    return 'corrupt: the index does not match its header'
  }
  return new IndexState(ms, signatures, annotationDocIds, problems)
}

/** In id order, so two builds of the same archive add documents in the same order. */
export async function indexAll(source: ArchiveReader, state: IndexState, unsorted: string[]): Promise<void> {
  const ids = [...unsorted].sort()
  for (let i = 0; i < ids.length; i += BUILD_BATCH) {
    await Promise.all(ids.slice(i, i + BUILD_BATCH).map((id) => state.index(source, id)))
    if ((i + BUILD_BATCH) % COMPACT_EVERY === 0) compactIndex(state.ms)
  }
  compactIndex(state.ms, { fully: true })
}
