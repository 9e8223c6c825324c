// Main process: the segmented search index as a folder of files — segment files (segment-file.ts) and one
// manifest naming them with their tombstones — opened into a SegmentedIndex and saved from one. Saving writes
// the live segment as a new segment file, then the manifest (both atomically, the manifest last), so a crash
// leaves the previous manifest and its files, or the new ones. The manifest is authenticated like the segments
// (HMAC-SHA256 under the key kept outside the archive; SHA-256 without one): a manifest that names a segment it
// should not, or hides documents behind forged tombstones, is refused, and the index is rebuilt. Files the
// manifest does not name (left by a crash or an older save) are removed at save. The manifest also names, with a
// tag each, the files holding what each article was indexed from (its signature, freshness.ts; see
// signature-files.ts), so an open can re-index only what changed while the index was closed and a save writes
// only the signatures that changed. Every file is written before the manifest that names it: a kill at any point
// leaves the previous manifest with all its files, or the new one with all of its own. A manifest of version 1
// carried the signatures itself: it is read, and the next save writes them out.
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto'
import { mkdir, readdir } from 'node:fs/promises'
import { basename, join } from 'node:path'
import { z } from 'zod'
import { removeDurably, writeAtomic } from '../archive/atomic'
import { FileTooLarge, NotARegularFile, readRegularBytes } from '../archive/regular-file'
import type { Signature } from './freshness'
import { SegmentCorrupt, SegmentReader } from './segment-file'
import { mergeSegments } from './merge-segments'
import { SegmentedIndex } from './segmented-index'
import {
  SIGNATURE_NAME,
  SignaturesCorrupt,
  nextSignatureFiles,
  readSignatureFiles,
  signatureEntries,
  signatureEntrySchema,
  writeSignatureFile,
} from './signature-files'
import type { SignatureFile } from './signature-files'

export const MANIFEST = 'manifest.json'
const FORMAT = 'glossa-search-segments'
const VERSION = 2
const MAX_MANIFEST_BYTES = 64 * 1024 * 1024
/** `seg-…` written by the app or a build, `mrg-…` by the merge job (segment-merge.ts). */
const SEGMENT_NAME = /^(seg|mrg)-[0-9a-f]{16}\.seg$/

const manifestSchema = z
  .object({
    format: z.literal(FORMAT),
    version: z.union([z.literal(1), z.literal(VERSION)]),
    fields: z.array(z.string().max(100)).max(32),
    segments: z
      .array(
        z
          .object({
            file: z.string().regex(SEGMENT_NAME),
            tag: z.string().regex(/^[0-9a-f]{64}$/),
            docs: z.int().nonnegative(),
            dead: z.array(z.int().nonnegative()).max(10_000_000),
          })
          .strict(),
      )
      .max(10_000),
    /** Version 1 only — per article: the signature of its catalog entry and of its annotations file as indexed. */
    articles: z.record(z.string().max(64), z.tuple([z.string().max(64), z.string().max(200)])).optional(),
    /** Version 2: the signature files, in order (signature-files.ts). */
    signatures: z.array(signatureEntrySchema).max(100_000).optional(),
    mac: z.string().regex(/^[0-9a-f]{64}$/),
  })
  .strict()

type Manifest = z.infer<typeof manifestSchema>
/** What the manifest says of one segment file. */
export type SegmentEntry = Manifest['segments'][number]

function macOf(key: Buffer | undefined, body: Omit<Manifest, 'mac'>, json = JSON.stringify(body)): string {
  const mac = key ? createHmac('sha256', key) : createHash('sha256')
  return mac.update(`${FORMAT} ${body.version}\n`).update(json).digest('hex')
}

/** Per article id: [signature of its catalog entry, of its annotations file] as indexed. */
export type StoreArticles = Record<string, [string, string]>
/**
 * An open index: `signatures` per article as indexed, read from the signature `files`; `rewrite` when they came
 * from a version-1 manifest (the next save writes every one of them to a file).
 */
export type StoreOpened =
  | {
      ok: true
      index: SegmentedIndex
      signatures: Map<string, Signature>
      files: SignatureFile[]
      rewrite: boolean
    }
  | { ok: false; reason: string }
/** What a save writes of the signatures: those of `changed` (as `all` has them now) after the saved `files`. */
export type SignatureSave = {
  all: ReadonlyMap<string, Signature>
  changed: ReadonlySet<string>
  files: SignatureFile[]
}

/**
 * The manifest's bytes, or why it cannot be used. Read as the archive reads its files (openRegular: without
 * waiting on a named pipe in its place, following no link, refusing anything but a regular file of a sane size).
 */
async function readManifest(file: string): Promise<Buffer | string> {
  try {
    return await readRegularBytes(file, MAX_MANIFEST_BYTES)
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return 'missing'
    if (err instanceof NotARegularFile) return 'corrupt: the manifest is not a regular file'
    if (err instanceof FileTooLarge) return 'corrupt: the manifest is too large'
    return `corrupt: the manifest could not be read (${String(err)})`
  }
}

/** Opens the index saved in `dir`, or says why it cannot be used ('missing', 'corrupt: …', 'stale: …'). */
export async function openStore(dir: string, fields: string[], key?: Buffer): Promise<StoreOpened> {
  const raw = await readManifest(join(dir, MANIFEST))
  if (typeof raw === 'string') return { ok: false, reason: raw }
  if (raw.length > MAX_MANIFEST_BYTES) return { ok: false, reason: 'corrupt: the manifest is too large' }
  let parsed: z.ZodSafeParseResult<Manifest>
  try {
    parsed = manifestSchema.safeParse(JSON.parse(raw.toString('utf8')))
  } catch {
    return { ok: false, reason: 'corrupt: the manifest is not JSON' }
  }
  if (!parsed.success) {
    const version = (JSON.parse(raw.toString('utf8')) as { version?: unknown } | null)?.version
    if (version !== VERSION && version !== 1)
      return { ok: false, reason: `stale: index format ${String(version)}` }
    return { ok: false, reason: 'corrupt: the manifest does not have the shape Glossa writes' }
  }
  const { mac, ...body } = parsed.data
  const expected = Buffer.from(macOf(key, body), 'hex')
  if (!timingSafeEqual(Buffer.from(mac, 'hex'), expected))
    return { ok: false, reason: 'corrupt: the manifest was not written by this Glossa' }
  if (body.fields.join() !== fields.join()) return { ok: false, reason: 'stale: other fields' }
  if ((body.version === 1) !== (body.signatures === undefined))
    return { ok: false, reason: 'corrupt: the manifest does not have the shape Glossa writes' }
  const readers: SegmentReader[] = []
  try {
    const read = body.signatures
      ? await readSignatureFiles(dir, body.signatures, key)
      : { signatures: signaturesOf(body.articles ?? {}), files: [] }
    for (const { file, docs, tag } of body.segments) {
      const reader = SegmentReader.open(join(dir, file), key)
      readers.push(reader)
      if (reader.docCount !== docs || reader.tag !== tag)
        throw new SegmentCorrupt(file, 'it is not the segment the manifest names')
    }
    const index = new SegmentedIndex(fields, readers)
    body.segments.forEach(({ dead }, s) => index.tombstone(s, dead))
    return { ok: true, index, ...read, rewrite: body.version === 1 }
  } catch (err) {
    for (const reader of readers) reader.close()
    const what = err instanceof SegmentCorrupt || err instanceof SignaturesCorrupt ? err.message : String(err)
    return { ok: false, reason: `corrupt: ${what}` }
  }
}

/** Segments holding fewer documents than this are "small": a save merges the small ones at the end as one. */
export const SMALL_SEGMENT_DOCS = 20_000
/** A save merges the small segments at the end as one once there are more of them than this. */
const MAX_SMALL_SEGMENTS = 6

/** When the index may renumber its live documents: `idle` says no search is under way, `whenIdle` waits for it. */
export type SaveGuard = {
  idle: () => boolean
  whenIdle: () => Promise<void>
  /** A merge job is under way: the `mrg-…` file it writes is not removed though no manifest names it yet. */
  merging?: () => boolean
}

/**
 * Saves `index` into `dir`: its live segment as a new segment file (when it holds anything), the signatures that
 * changed as a new signature file (when `signatures` is given and any changed), then the manifest naming them.
 * The file then takes the live segment's place in `index` (sealLive, once `guard` says no search is under way).
 * When the index has more than MAX_SMALL_SEGMENTS small segments at the end (the saves since the last build or
 * merge), they are written as one, which takes their place in `index` the same way (replaceTail). Returns
 * `index` and the signature files the manifest now names (for the next save).
 */
export async function saveStore(
  dir: string,
  index: SegmentedIndex,
  key?: Buffer,
  signatures?: SignatureSave,
  guard?: SaveGuard,
): Promise<{ index: SegmentedIndex; files: SignatureFile[] }> {
  await mkdir(dir, { recursive: true })
  const segments = index.segments.map((s, i) => entryOf(s, index.deadIn(i)))
  let written: SegmentReader | undefined
  let files: SignatureFile[] = []
  try {
    if (index.liveSize > 0) {
      const segment = await writeSegment(dir, index.liveBytes(key), key, true)
      written = segment.reader
      segments.push(segment.entry)
    }
    if (signatures)
      files = await nextSignatureFiles(dir, signatures.files, signatures.changed, signatures.all, key)
    await writeManifest(dir, index.fields, segments, key, files, guard?.merging?.())
    if (written) {
      // Checked and sealed in one synchronous step: no search can start in between.
      while (guard && !guard.idle()) await guard.whenIdle()
      index.sealLive(written)
      written = undefined
    }
  } finally {
    written?.close()
  }
  return { index: await mergeTail(dir, index, key, files, guard), files }
}

function entryOf(segment: SegmentReader, dead: Uint8Array): Manifest['segments'][number] {
  return { file: basename(segment.file), tag: segment.tag, docs: segment.docCount, dead: deadList(dead) }
}

/** The small segments at the end of `index` written as one (in order, without their tombstoned documents). */
async function mergeTail(
  dir: string,
  index: SegmentedIndex,
  key: Buffer | undefined,
  files: SignatureFile[],
  guard: SaveGuard | undefined,
): Promise<SegmentedIndex> {
  const from = smallTail(index)
  if (index.segments.length - from <= MAX_SMALL_SEGMENTS) return index
  const tail = index.segments.slice(from)
  const merged = await writeSegment(
    dir,
    mergeSegments(
      tail,
      tail.map((_, s) => index.deadIn(from + s)),
      key,
    ),
    key,
    true,
  )
  try {
    const segments = index.segments.slice(0, from).map((s, i) => entryOf(s, index.deadIn(i)))
    segments.push(merged.entry)
    await writeManifest(dir, index.fields, segments, key, files, guard?.merging?.())
    while (guard && !guard.idle()) await guard.whenIdle()
  } catch (err) {
    merged.reader.close()
    throw err
  }
  for (const old of index.replaceTail(from, merged.reader)) old.close()
  return index
}

/** The manifest naming the segments `index` holds (its live segment aside) and the signature `files`. */
export async function saveManifest(
  dir: string,
  index: SegmentedIndex,
  key: Buffer,
  files: SignatureFile[],
): Promise<void> {
  const segments = index.segments.map((segment, i) => entryOf(segment, index.deadIn(i)))
  await writeManifest(dir, index.fields, segments, key, files)
}

/** Where the small segments at the end of `index` begin (its segment count when there are none). */
function smallTail(index: SegmentedIndex): number {
  let from = index.segments.length
  while (from > 0) {
    const alive = index.segments[from - 1].docCount - index.deadIn(from - 1).reduce((n, d) => n + d, 0)
    if (alive >= SMALL_SEGMENT_DOCS) break
    from--
  }
  return from
}

/**
 * The manifest naming `segments` and the signature `files`, written atomically; then the segment and signature
 * files it does not name are removed.
 */
async function writeManifest(
  dir: string,
  fields: string[],
  segments: Manifest['segments'],
  key: Buffer | undefined,
  files: SignatureFile[],
  merging = false,
): Promise<void> {
  const signatures = signatureEntries(files)
  const body: Omit<Manifest, 'mac'> = { format: FORMAT, version: VERSION, fields, segments, signatures }
  // The body made into JSON once: MACed, then written with the MAC as its last field, the same text
  // JSON.stringify({ ...body, mac }) gives.
  const json = JSON.stringify(body)
  const text = `${json.slice(0, -1)},"mac":"${macOf(key, body, json)}"}`
  await writeAtomic(join(dir, MANIFEST), text)
  const named = new Set([...segments.map((s) => s.file), ...signatures.map((s) => s.file)])
  for (const name of await readdir(dir))
    if ((SEGMENT_NAME.test(name) || SIGNATURE_NAME.test(name)) && !named.has(name))
      if (!merging || !name.startsWith('mrg-'))
        // A file still open for a search in flight may not be removable everywhere: the next save tries again.
        await removeDurably(join(dir, name)).catch(() => undefined)
}

/** Writes segment bytes under a new name in `dir`, for a build that writes its segments as they fill. */
export async function addSegmentFile(
  dir: string,
  bytes: Buffer,
  key: Buffer | undefined,
): Promise<Manifest['segments'][number]> {
  await mkdir(dir, { recursive: true })
  return writeSegment(dir, bytes, key)
}

/** Writes what the articles of a segment were indexed from as a new signature file in `dir`, for a build. */
export async function addSignatureFile(
  dir: string,
  articles: StoreArticles,
  key: Buffer | undefined,
): Promise<SignatureFile> {
  await mkdir(dir, { recursive: true })
  return writeSignatureFile(dir, Object.keys(articles), signaturesOf(articles), key)
}

/** The manifest naming segments written by addSegmentFile and signature files written by addSignatureFile. */
export async function finishStore(
  dir: string,
  fields: string[],
  segments: Manifest['segments'],
  key: Buffer | undefined,
  files: SignatureFile[],
): Promise<void> {
  await writeManifest(dir, fields, segments, key, files)
}

/** Writes segment bytes under a new name in `dir`; what the manifest says of it. */
async function writeSegment(
  dir: string,
  bytes: Buffer,
  key: Buffer | undefined,
): Promise<Manifest['segments'][number]>
async function writeSegment(
  dir: string,
  bytes: Buffer,
  key: Buffer | undefined,
  keepOpen: true,
): Promise<{ entry: Manifest['segments'][number]; reader: SegmentReader }>
async function writeSegment(
  dir: string,
  bytes: Buffer,
  key: Buffer | undefined,
  keepOpen = false,
): Promise<Manifest['segments'][number] | { entry: Manifest['segments'][number]; reader: SegmentReader }> {
  const file = `seg-${randomBytes(8).toString('hex')}.seg`
  await writeAtomic(join(dir, file), bytes)
  const reader = SegmentReader.open(join(dir, file), key)
  const entry = { file, tag: reader.tag, docs: reader.docCount, dead: [] }
  if (keepOpen) return { entry, reader }
  reader.close()
  return entry
}

/**
 * The merge job's work: every segment of the index saved in `dir` written as one, without its tombstoned
 * documents, and the manifest saved naming only it. Runs where nothing else changes the index meanwhile (a job
 * process started for it, the app's index paused; see README "Towards 100,000 articles" for what is not done).
 */
export async function mergeStore(dir: string, fields: string[], key?: Buffer): Promise<StoreOpened> {
  const opened = await openStore(dir, fields, key)
  if (!opened.ok) return opened
  const { index, files } = opened
  const merged = await writeSegment(
    dir,
    mergeSegments(
      index.segments,
      index.segments.map((_, s) => index.deadIn(s)),
      key,
    ),
    key,
  )
  index.close()
  await writeManifest(dir, fields, [merged], key, files)
  return openStore(dir, fields, key)
}

export function signaturesOf(articles: StoreArticles): Map<string, Signature> {
  return new Map(Object.entries(articles).map(([id, [meta, annotations]]) => [id, { meta, annotations }]))
}

function deadList(dead: Uint8Array): number[] {
  const out: number[] = []
  dead.forEach((d, i) => {
    if (d) out.push(i)
  })
  return out
}
