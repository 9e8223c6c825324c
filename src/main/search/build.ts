// Index builder process: builds an archive's search index from its files and writes it as segment files and
// their manifest (segment-store.ts), signed with this machine's trust key, for the app to open. Reads the catalog
// entries it is sent and the archive's bodies and annotation files; writes nothing but the index folder (the app
// holds the archive and its lock). Run by build-worker.ts; testable here without a process.
import { readTrustKey } from '../archive/trust-mac'
import { filesReader } from '../archive/reader'
import type { ArchiveReader } from '../archive/reader'
import { peakRssMB } from '../jobs/job-process'
import type { BuildProgress, BuildReport, BuildRequest } from './load-state'
import { join } from 'node:path'
import { mergeSegments } from './merge-segments'
import { SegmentReader } from './segment-file'
import { SMALL_SEGMENT_DOCS, addSegmentFile, addSignatureFile, finishStore } from './segment-store'
import type { SegmentEntry, StoreArticles } from './segment-store'
import type { SignatureFile } from './signature-files'
import { FIELDS, SegmentState } from './segment-state'

/** Bodies read at once while building. */
const BUILD_BATCH = 32
/** Articles per segment file: each is held in memory while it fills (about 65,000 documents, 23 MB on disk). */
export const SEGMENT_ARTICLES = 10_000
/** Articles indexed between two progress reports within a segment. */
const PROGRESS_EVERY = 250

/** A first build writes smaller segments (an eighth of the archive, at least this many articles) so that
 *  searches can answer from the ones written while it goes on; it then writes them as one (in this process). */
const MIN_SEGMENT_ARTICLES = 250

/** Articles per segment of a build of `total` articles. */
export function segmentArticles(total: number): number {
  return Math.min(SEGMENT_ARTICLES, Math.max(MIN_SEGMENT_ARTICLES, Math.ceil(total / 8)))
}

/** Builds the index of the articles `ids` into segments of `per` articles, handing each one's bytes over. */
export async function buildSegments(
  source: ArchiveReader,
  ids: string[],
  problems: string[],
  segment: (bytes: Buffer, articles: StoreArticles) => Promise<void>,
  progress?: (done: number) => Promise<void>,
  key?: Buffer,
  /** Given: every article goes into this state's live segment (an index held in memory), no segment handed over. */
  into?: SegmentState,
  per = SEGMENT_ARTICLES,
): Promise<void> {
  const sorted = [...ids].sort()
  const size = into ? Math.max(1, sorted.length) : per
  for (let start = 0; start < sorted.length; start += size) {
    const state = into ?? new SegmentState(undefined, undefined, problems)
    const part = sorted.slice(start, start + size)
    for (let i = 0; i < part.length; i += BUILD_BATCH) {
      await Promise.all(part.slice(i, i + BUILD_BATCH).map((id) => state.index(source, id)))
      await progress?.(start + Math.min(i + BUILD_BATCH, part.length))
    }
    if (!into) await segment(state.engine.liveBytes(key), state.articles())
  }
}

/**
 * Builds the index folder the request names. `progress` hears how many articles are indexed (every
 * PROGRESS_EVERY and at each segment's end) and the segments written so far, for the app to answer from them
 * while the build goes on; the build waits for it to return.
 */
export async function buildIndexFile(
  request: BuildRequest,
  progress?: (done: BuildProgress) => Promise<void> | void,
): Promise<BuildReport> {
  const started = performance.now()
  const key = request.keyFile ? await readTrustKey(request.keyFile) : null
  if (!key) throw new Error('there is no trust key to sign the index with')
  const problems: string[] = []
  const files: SignatureFile[] = []
  const segments: SegmentEntry[] = []
  const total = request.metas.length
  const per = segmentArticles(total)
  /** While the segments are small: every article's signature, for one file if they are written as one. */
  const all: StoreArticles = {}
  let reported = 0
  await buildSegments(
    filesReader(request.dir, request.metas),
    request.metas.map((m) => m.id),
    problems,
    async (bytes, built) => {
      segments.push(await addSegmentFile(request.file, bytes, key))
      files.push(await addSignatureFile(request.file, built, key))
      if (segments[0].docs < SMALL_SEGMENT_DOCS) Object.assign(all, built)
      const indexed = Math.min(total, segments.length * per)
      await progress?.({
        indexed,
        total,
        segments: segments.map(({ file, tag, docs }) => ({ file, tag, docs })),
      })
    },
    async (done) => {
      if (done - reported < PROGRESS_EVERY) return
      reported = done
      await progress?.({ indexed: done, total, segments: [] })
    },
    key,
    undefined,
    per,
  )
  if (segments.length > 1 && segments[0].docs < SMALL_SEGMENT_DOCS) {
    // Small segments, made so for answering during the build: written as one, as a save's tail merge would.
    const readers = segments.map(({ file }) => SegmentReader.open(join(request.file, file), key))
    try {
      const bytes = mergeSegments(
        readers,
        readers.map((r) => new Uint8Array(r.docCount)),
        key,
      )
      segments.splice(0, segments.length, await addSegmentFile(request.file, bytes, key))
    } finally {
      for (const reader of readers) reader.close()
    }
    files.splice(0, files.length, await addSignatureFile(request.file, all, key))
  }
  await finishStore(request.file, FIELDS, segments, key, files)
  return { problems, ms: performance.now() - started, peakRssMB: peakRssMB() }
}
