// Main process: the two ways search-index.ts gets a segmented index besides opening a saved one — catching a
// saved index up with what changed in the archive since it was saved, and building one from every article (in
// the index builder process, or in this one when it fails) then opening it. Split from search-index.ts.
import { stat } from 'node:fs/promises'
import type { ArchiveReader } from '../archive/reader'
import { buildIndexFile, buildSegments } from './build'
import { currentSignatures, describeStaleness, staleness } from './freshness'
import { message } from './index-state'
import type { BuildProgress, BuildReport, BuildRequest, IndexBuilder } from './load-state'
import { openStore } from './segment-store'
import { FIELDS, SegmentState } from './segment-state'

/** Articles re-indexed at once when catching up at open. */
const REFRESH_BATCH = 32

/** Re-indexes what changed in the archive since `state` was saved; says what, or undefined when nothing. */
export async function refreshState(source: ArchiveReader, state: SegmentState): Promise<string | undefined> {
  const current = await currentSignatures(source, state.signatures)
  const stale = staleness(state.signatures, current, (id) => state.signatures.has(id))
  if (stale.added.length + stale.changed.length + stale.removed.length === 0) return undefined
  for (const id of stale.removed) state.remove(id)
  const ids = [...stale.added, ...stale.changed].sort()
  for (let i = 0; i < ids.length; i += REFRESH_BATCH)
    await Promise.all(ids.slice(i, i + REFRESH_BATCH).map((id) => state.index(source, id)))
  return describeStaleness(stale)
}

export async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  )
}

/** Every article indexed into the live segment of an index held in memory only. */
export async function buildInMemory(source: ArchiveReader, problems: string[]): Promise<SegmentState> {
  const state = new SegmentState(undefined, undefined, problems)
  const ids = source.list().map((m) => m.id)
  await buildSegments(source, ids, problems, async () => {}, undefined, undefined, state)
  return state
}

export type BuiltStore = { state: SegmentState; report?: BuildReport; changed: boolean }

/**
 * The segments written into `dir` by the builder process (or, when it fails, by this one), opened and caught up
 * with what changed while they were written; undefined when neither could make a usable index.
 */
export async function buildStore(
  source: ArchiveReader,
  dir: string,
  keyFile: string | undefined,
  key: Buffer | null,
  builder: IndexBuilder | undefined,
  problems: string[],
  progress?: (done: BuildProgress) => Promise<void> | void,
): Promise<BuiltStore | undefined> {
  const request: BuildRequest = {
    dir: source.dir,
    file: dir,
    metas: source.list(),
    ...(keyFile ? { keyFile } : {}),
  }
  const attempts: [string, IndexBuilder][] = builder ? [['process', builder]] : []
  attempts.push(['here', buildIndexFile])
  for (const [where, run] of attempts) {
    try {
      const report = await run(request, progress)
      for (const problem of report.problems) if (!problems.includes(problem)) problems.push(problem)
      const opened = await openStore(dir, FIELDS, key ?? undefined)
      if (!opened.ok) throw new Error(`its index could not be read back (${opened.reason})`)
      const state = new SegmentState(opened.index, opened.signatures, problems, opened.files, opened.rewrite)
      const changed = (await refreshState(source, state)) !== undefined
      return { state, ...(where === 'process' ? { report } : {}), changed }
    } catch (err) {
      problems.push(
        where === 'process'
          ? `The search index was rebuilt inside Glossa: the index builder failed (${message(err)}).`
          : `The search index is held in memory only: it could not be written (${message(err)}).`,
      )
    }
  }
  return undefined
}
