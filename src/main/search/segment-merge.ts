// Main process and index builder process: the merge job. Tombstones are never taken out of a segment in place:
// a segment whose tombstoned share passes MERGE_SHARE is written again without them — by the builder process
// (build-worker.ts answers a MergeRequest as well as a BuildRequest), or in this process when there is none —
// while the app goes on searching and changing its index. The app then adopts the new file in one step
// (segment-store.ts adoptMerged, after a save, so the manifest never names unsaved changes): documents
// tombstoned while the job ran stay tombstoned in the new segment. A job answer the app cannot use (the segment
// was merged into the tail meanwhile, the index closed) is dropped; its file is removed by the next save.
import { randomBytes } from 'node:crypto'
import { basename, join } from 'node:path'
import { writeAtomic } from '../archive/atomic'
import { readTrustKey } from '../archive/trust-mac'
import { mergeSegments } from './merge-segments'
import { SegmentReader } from './segment-file'
import { SMALL_SEGMENT_DOCS, saveManifest } from './segment-store'
import type { SaveGuard } from './segment-store'
import type { SignatureFile } from './signature-files'
import type { SegmentedIndex } from './segmented-index'

/** A segment is merged once this share of its documents is tombstoned... */
export const MERGE_SHARE = 0.3
/** ...and it holds at least this many (the small segments at the end are merged by a save instead). */
export const MERGE_MIN_DOCS = SMALL_SEGMENT_DOCS

const SEGMENT_NAME = /^(seg|mrg)-[0-9a-f]{16}\.seg$/
/** The merge job's files: a save leaves them while a job is under way (SaveGuard.merging). */
export const MERGED_NAME = /^mrg-[0-9a-f]{16}\.seg$/

/** Write the segment `file` of the index folder `dir` again without the documents numbered in `gone`. */
export type MergeRequest = {
  kind: 'merge-segment'
  dir: string
  file: string
  /** The segment's tag as the app holds it: the job refuses another file under that name. */
  tag: string
  gone: number[]
  keyFile: string
}
export type MergeReport = { file: string; docs: number }
export type SegmentMerger = (request: MergeRequest) => Promise<MergeReport>

export function isMergeRequest(request: unknown): request is MergeRequest {
  return (request as { kind?: unknown } | null)?.kind === 'merge-segment'
}

/** The job's work: the merged segment written under a new name in the folder. */
export async function mergeSegmentFile(request: MergeRequest): Promise<MergeReport> {
  if (!SEGMENT_NAME.test(request.file)) throw new Error('that is not a segment file name')
  const key = await readTrustKey(request.keyFile)
  if (!key) throw new Error('there is no trust key to sign the segment with')
  const reader = SegmentReader.open(join(request.dir, request.file), key)
  let bytes: Buffer
  try {
    if (reader.tag !== request.tag) throw new Error(`${request.file} is not the segment the app holds`)
    const gone = new Uint8Array(reader.docCount)
    for (const doc of request.gone) if (Number.isInteger(doc) && doc >= 0 && doc < gone.length) gone[doc] = 1
    bytes = mergeSegments([reader], [gone], key)
  } finally {
    reader.close()
  }
  const file = `mrg-${randomBytes(8).toString('hex')}.seg`
  await writeAtomic(join(request.dir, file), bytes)
  const written = SegmentReader.open(join(request.dir, file), key)
  written.close()
  return { file, docs: written.docCount }
}

/** The merge job for the segment of `index` most worth merging: what to ask, and what the app adopts after. */
export function mergeJob(
  index: SegmentedIndex,
  dir: string,
  keyFile: string,
  at: { share: number; minDocs: number },
): { request: MergeRequest; target: SegmentReader; gone: Uint8Array } | undefined {
  const s = segmentToMerge(index, at.share, at.minDocs)
  if (s < 0) return undefined
  const target = index.segments[s]
  const gone = index.deadIn(s).slice()
  const request: MergeRequest = {
    kind: 'merge-segment',
    dir,
    file: basename(target.file),
    tag: target.tag,
    gone: [...gone.keys()].filter((doc) => gone[doc]),
    keyFile,
  }
  return { request, target, gone }
}

/** The segment of `index` most worth merging (the largest tombstoned share past `share`), or -1. */
export function segmentToMerge(index: SegmentedIndex, share = MERGE_SHARE, minDocs = MERGE_MIN_DOCS): number {
  let best = -1
  let bestShare = share
  index.segments.forEach((segment, s) => {
    if (segment.docCount < minDocs) return
    const dead = index.deadIn(s).reduce((n, d) => n + d, 0) / segment.docCount
    if (dead >= bestShare) {
      best = s
      bestShare = dead
    }
  })
  return best
}

/**
 * Takes the segment file `file` — written by the merge job from `target` without the documents `gone` marks —
 * in place of `target`, and saves the manifest naming it. Call only right after a save (the live segment empty,
 * every change in the files): false, and nothing changed, when `target` is no longer in `index`.
 */
export async function adoptMerged(
  dir: string,
  index: SegmentedIndex,
  target: SegmentReader,
  file: string,
  gone: Uint8Array,
  key: Buffer,
  files: SignatureFile[],
  guard?: SaveGuard,
): Promise<boolean> {
  if (!MERGED_NAME.test(file)) throw new Error(`${file} is not a merged segment file name`)
  while (guard && !guard.idle()) await guard.whenIdle()
  // From here to replaceRange synchronously: no search starts in between.
  const s = index.segments.indexOf(target)
  if (s < 0 || index.liveSize > 0) return false
  const reader = SegmentReader.open(join(dir, file), key)
  let old: SegmentReader[]
  try {
    old = index.replaceRange(s, 1, reader, [gone])
  } catch (err) {
    reader.close()
    throw err
  }
  try {
    await saveManifest(dir, index, key, files)
  } finally {
    for (const segment of old) segment.close()
  }
  return true
}
