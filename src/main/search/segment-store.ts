// Main process: the segmented search index as a folder of files — segment files (segment-file.ts) and one
// manifest naming them with their tombstones — opened into a SegmentedIndex and saved from one. Saving writes
// the live segment as a new segment file, then the manifest (both atomically, the manifest last), so a crash
// leaves the previous manifest and its files, or the new ones. The manifest is authenticated like the segments
// (HMAC-SHA256 under the key kept outside the archive; SHA-256 without one): a manifest that names a segment it
// should not, or hides documents behind forged tombstones, is refused, and the index is rebuilt. Files the
// manifest does not name (left by a crash or an older save) are removed at save.
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto'
import { mkdir, readFile, readdir, rm } from 'node:fs/promises'
import { basename, join } from 'node:path'
import { z } from 'zod'
import { writeAtomic } from '../archive/atomic'
import { SegmentCorrupt, SegmentReader } from './segment-file'
import { SegmentedIndex, mergeSegments } from './segmented-index'

export const MANIFEST = 'manifest.json'
const FORMAT = 'glossa-search-segments'
const VERSION = 1
const MAX_MANIFEST_BYTES = 64 * 1024 * 1024
const SEGMENT_NAME = /^seg-[0-9a-f]{16}\.seg$/

const manifestSchema = z
  .object({
    format: z.literal(FORMAT),
    version: z.literal(VERSION),
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
    mac: z.string().regex(/^[0-9a-f]{64}$/),
  })
  .strict()

type Manifest = z.infer<typeof manifestSchema>

function macOf(key: Buffer | undefined, body: Omit<Manifest, 'mac'>): string {
  const mac = key ? createHmac('sha256', key) : createHash('sha256')
  return mac.update(`${FORMAT} ${VERSION}\n`).update(JSON.stringify(body)).digest('hex')
}

export type StoreOpened = { ok: true; index: SegmentedIndex } | { ok: false; reason: string }

/** Opens the index saved in `dir`, or says why it cannot be used ('missing', 'corrupt: …', 'stale: …'). */
export async function openStore(dir: string, fields: string[], key?: Buffer): Promise<StoreOpened> {
  let raw: Buffer
  try {
    raw = await readFile(join(dir, MANIFEST))
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { ok: false, reason: 'missing' }
    return { ok: false, reason: `corrupt: the manifest could not be read (${String(err)})` }
  }
  if (raw.length > MAX_MANIFEST_BYTES) return { ok: false, reason: 'corrupt: the manifest is too large' }
  let parsed: z.ZodSafeParseResult<Manifest>
  try {
    parsed = manifestSchema.safeParse(JSON.parse(raw.toString('utf8')))
  } catch {
    return { ok: false, reason: 'corrupt: the manifest is not JSON' }
  }
  if (!parsed.success) {
    const version = (JSON.parse(raw.toString('utf8')) as { version?: unknown }).version
    if (version !== VERSION) return { ok: false, reason: `stale: index format ${String(version)}` }
    return { ok: false, reason: 'corrupt: the manifest does not have the shape Glossa writes' }
  }
  const { mac, ...body } = parsed.data
  const expected = Buffer.from(macOf(key, body), 'hex')
  if (!timingSafeEqual(Buffer.from(mac, 'hex'), expected))
    return { ok: false, reason: 'corrupt: the manifest was not written by this Glossa' }
  if (body.fields.join() !== fields.join()) return { ok: false, reason: 'stale: other fields' }
  const readers: SegmentReader[] = []
  try {
    for (const { file, docs, tag } of body.segments) {
      const reader = SegmentReader.open(join(dir, file), key)
      readers.push(reader)
      if (reader.docCount !== docs || reader.tag !== tag)
        throw new SegmentCorrupt(file, 'it is not the segment the manifest names')
    }
    const index = new SegmentedIndex(fields, readers)
    body.segments.forEach(({ dead }, s) => index.tombstone(s, dead))
    return { ok: true, index }
  } catch (err) {
    for (const reader of readers) reader.close()
    const what = err instanceof SegmentCorrupt ? err.message : String(err)
    return { ok: false, reason: `corrupt: ${what}` }
  }
}

/**
 * Saves `index` into `dir`: its live segment as a new segment file (when it holds anything), then the manifest.
 * Returns the index reopened from what was saved (the live segment now a file); `index` is closed.
 */
export async function saveStore(dir: string, index: SegmentedIndex, key?: Buffer): Promise<SegmentedIndex> {
  await mkdir(dir, { recursive: true })
  const segments = index.segments.map((s, i) => ({
    file: basename(s.file),
    tag: s.tag,
    docs: s.docCount,
    dead: deadList(index.deadIn(i)),
  }))
  if (index.liveSize > 0) segments.push(await writeSegment(dir, index.liveBytes(key), key))
  const body: Omit<Manifest, 'mac'> = { format: FORMAT, version: VERSION, fields: index.fields, segments }
  await writeAtomic(join(dir, MANIFEST), JSON.stringify({ ...body, mac: macOf(key, body) }))
  index.close()
  const named = new Set(segments.map((s) => s.file))
  for (const name of await readdir(dir))
    if (SEGMENT_NAME.test(name) && !named.has(name)) await rm(join(dir, name), { force: true })
  const reopened = await openStore(dir, index.fields, key)
  if (!reopened.ok) throw new Error(`The search index just saved cannot be read back (${reopened.reason}).`)
  return reopened.index
}

/** Writes segment bytes under a new name in `dir`; what the manifest says of it. */
async function writeSegment(
  dir: string,
  bytes: Buffer,
  key: Buffer | undefined,
): Promise<Manifest['segments'][number]> {
  const file = `seg-${randomBytes(8).toString('hex')}.seg`
  await writeAtomic(join(dir, file), bytes)
  const reader = SegmentReader.open(join(dir, file), key)
  reader.close()
  return { file, tag: reader.tag, docs: reader.docCount, dead: [] }
}

/**
 * The merge job's work: every segment of the index saved in `dir` written as one, without its tombstoned
 * documents, and the manifest saved naming only it. Runs where nothing else changes the index meanwhile (a job
 * process started for it, the app's index paused; see README "Towards 100,000 articles" for what is not done).
 */
export async function mergeStore(dir: string, fields: string[], key?: Buffer): Promise<StoreOpened> {
  const opened = await openStore(dir, fields, key)
  if (!opened.ok) return opened
  const { index } = opened
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
  const body: Omit<Manifest, 'mac'> = { format: FORMAT, version: VERSION, fields, segments: [merged] }
  await writeAtomic(join(dir, MANIFEST), JSON.stringify({ ...body, mac: macOf(key, body) }))
  for (const name of await readdir(dir))
    if (SEGMENT_NAME.test(name) && name !== merged.file) await rm(join(dir, name), { force: true })
  return openStore(dir, fields, key)
}

function deadList(dead: Uint8Array): number[] {
  const out: number[] = []
  dead.forEach((d, i) => {
    if (d) out.push(i)
  })
  return out
}
