// Index builder process: builds an archive's search index from its files and writes the index file, for the app
// to load. Reads the catalog entries it is sent and the archive's bodies and annotation files; writes nothing
// else (the app holds the archive and its lock). Run by build-worker.ts; testable here without a process.
import { filesReader } from '../archive/reader'
import { peakRssMB } from '../jobs/job-process'
import { encodeIndex } from './index-codec'
import { indexHeader, writeIndexFile } from './index-file'
import { IndexState } from './index-state'
import { indexAll } from './load-state'
import type { BuildReport, BuildRequest } from './load-state'

export async function buildIndexFile(request: BuildRequest): Promise<BuildReport> {
  const started = performance.now()
  const problems: string[] = []
  const state = new IndexState(undefined, undefined, undefined, problems)
  await indexAll(
    filesReader(request.dir, request.metas),
    state,
    request.metas.map((m) => m.id),
  )
  await writeIndexFile(request.file, encodeIndex(indexHeader(state), state.ms))
  return { problems, ms: performance.now() - started, peakRssMB: peakRssMB() }
}
