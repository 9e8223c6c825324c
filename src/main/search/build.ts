// Index builder process: builds an archive's search index from its files and writes it as segment files and
// their manifest (segment-store.ts), signed with this machine's trust key, for the app to open. Reads the catalog
// entries it is sent and the archive's bodies and annotation files; writes nothing but the index folder (the app
// holds the archive and its lock). Run by build-worker.ts; testable here without a process.
import { readTrustKey } from '../archive/trust-mac'
import { filesReader } from '../archive/reader'
import type { ArchiveReader } from '../archive/reader'
import { peakRssMB } from '../jobs/job-process'
import type { BuildReport, BuildRequest } from './load-state'
import { addSegmentFile, addSignatureFile, finishStore } from './segment-store'
import type { StoreArticles } from './segment-store'
import type { SignatureFile } from './signature-files'
import { FIELDS, SegmentState } from './segment-state'

/** Bodies read at once while building. */
const BUILD_BATCH = 32
/** Articles per segment file: each is held in memory while it fills (about 65,000 documents, 23 MB on disk). */
export const SEGMENT_ARTICLES = 10_000

/** Builds the index of the articles `ids` into segments of SEGMENT_ARTICLES, handing each one's bytes over. */
export async function buildSegments(
  source: ArchiveReader,
  ids: string[],
  problems: string[],
  segment: (bytes: Buffer, articles: StoreArticles) => Promise<void>,
  progress?: (done: number) => void,
  key?: Buffer,
  /** Given: every article goes into this state's live segment (an index held in memory), no segment handed over. */
  into?: SegmentState,
): Promise<void> {
  const sorted = [...ids].sort()
  const per = into ? Math.max(1, sorted.length) : SEGMENT_ARTICLES
  for (let start = 0; start < sorted.length; start += per) {
    const state = into ?? new SegmentState(undefined, undefined, problems)
    const part = sorted.slice(start, start + per)
    for (let i = 0; i < part.length; i += BUILD_BATCH) {
      await Promise.all(part.slice(i, i + BUILD_BATCH).map((id) => state.index(source, id)))
      progress?.(start + Math.min(i + BUILD_BATCH, part.length))
    }
    if (!into) await segment(state.engine.liveBytes(key), state.articles())
  }
}

export async function buildIndexFile(request: BuildRequest): Promise<BuildReport> {
  const started = performance.now()
  const key = request.keyFile ? await readTrustKey(request.keyFile) : null
  if (!key) throw new Error('there is no trust key to sign the index with')
  const problems: string[] = []
  const files: SignatureFile[] = []
  const segments: Awaited<ReturnType<typeof addSegmentFile>>[] = []
  await buildSegments(
    filesReader(request.dir, request.metas),
    request.metas.map((m) => m.id),
    problems,
    async (bytes, built) => {
      segments.push(await addSegmentFile(request.file, bytes, key))
      files.push(await addSignatureFile(request.file, built, key))
    },
    undefined,
    key,
  )
  await finishStore(request.file, FIELDS, segments, key, files)
  return { problems, ms: performance.now() - started, peakRssMB: peakRssMB() }
}
