// Main process: decides at open what the index starts from — the saved file as it is, the saved file plus the
// articles that changed since, or a full build from every article when the file is missing or unusable.
import type MiniSearch from 'minisearch'
import type { Archive } from '../archive/archive'
import type { SearchDoc } from './documents'
import { compactIndex } from './compact-postings'
import { currentSignatures, describeStaleness, fingerprint, staleness } from './freshness'
import { loadIndex } from './index-codec'
import { readIndexFile } from './index-file'
import type { SavedIndex } from './index-file'
import { IndexState, message } from './index-state'

/** `rebuiltBecause` is set when the state differs from the saved file, which then needs saving. */
export type LoadedState = { state: IndexState; rebuiltBecause?: string }

/** Bodies read at once while (re)building. */
const BUILD_BATCH = 32
/** Articles added between two compactions of the postings while building: the Maps never grow large. */
const COMPACT_EVERY = 512

export async function loadState(archive: Archive, file: string, problems: string[]): Promise<LoadedState> {
  const read = await readIndexFile(file)
  const restored = read.ok ? await restore(read.saved, problems) : read.reason
  if (typeof restored === 'string') {
    const state = new IndexState(undefined, undefined, undefined, problems)
    const ids = archive.list().map((m) => m.id)
    await indexAll(archive, state, ids)
    return { state, rebuiltBecause: restored }
  }
  const current = await currentSignatures(archive, restored.signatures)
  if (read.ok && fingerprint(current) === read.saved.header.fingerprint) return { state: restored }
  const stale = staleness(restored.signatures, current, (id) => restored.ms.has(id))
  if (stale.added.length + stale.changed.length + stale.removed.length === 0) return { state: restored }
  for (const id of stale.removed) restored.remove(id)
  await indexAll(archive, restored, [...stale.added, ...stale.changed])
  return { state: restored, rebuiltBecause: describeStaleness(stale) }
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
async function indexAll(archive: Archive, state: IndexState, unsorted: string[]): Promise<void> {
  const ids = [...unsorted].sort()
  for (let i = 0; i < ids.length; i += BUILD_BATCH) {
    await Promise.all(ids.slice(i, i + BUILD_BATCH).map((id) => state.index(archive, id)))
    if ((i + BUILD_BATCH) % COMPACT_EVERY === 0) compactIndex(state.ms)
  }
  compactIndex(state.ms, { fully: true })
}
