// Main process: the saved search index, `<archive>/search-index.json` by default:
//   { "header": { format, version, fingerprint, savedAt, termCount, articles, annotationDocs },
//     "index": <what JSON.stringify(miniSearch) writes> }            (laid out by index-codec.ts)
// It is derived data: anything unreadable is reported as a reason to rebuild, never thrown, and overwritten.
import { constants } from 'node:fs'
import { open } from 'node:fs/promises'
import { createInterface } from 'node:readline'
import { z } from 'zod'
import { GlossaError } from '../../shared/errors'
import { writeAtomic } from '../archive/atomic'
import { INDEX_OPTIONS, INDEX_VERSION } from './documents'
import { fingerprint } from './freshness'
import { decodeLines } from './index-codec'
import type { LazyIndex } from './index-codec'
import { message } from './index-state'
import type { IndexState } from './index-state'

const headerSchema = z.object({
  format: z.literal('glossa-search-index'),
  version: z.number(),
  fingerprint: z.string(),
  savedAt: z.string(),
  /** Terms in the index, to catch an index that parses but lost entries. */
  termCount: z.int().nonnegative(),
  /** Article id → [meta signature, annotations signature] as indexed. (Checked in place: one per article.) */
  articles: z
    .unknown()
    .refine((v) => isRecordOf(v, (a) => Array.isArray(a) && a.length === 2 && a.every(isString)))
    .transform((v) => v as Record<string, [string, string]>),
  /** Article id → ids of its annotation documents. */
  annotationDocs: z
    .unknown()
    .refine((v) => isRecordOf(v, (ids) => Array.isArray(ids) && ids.every(isString)))
    .transform((v) => v as Record<string, string[]>),
})

const isString = (v: unknown): v is string => typeof v === 'string'

// Only the top level is checked here (the term list is parsed lazily, while loading); MiniSearch.loadJS rejects
// damaged terms, and the document and term counts are then compared with the header. The per-document records
// (tens of thousands of entries) are checked in place: a schema would copy them.
const metaSchema = z.object({
  serializationVersion: z.literal(2),
  documentCount: z.int().nonnegative(),
  nextId: z.int().nonnegative(),
  documentIds: z.unknown().refine((v) => isRecordOf(v, (id) => typeof id === 'string')),
  fieldIds: z.record(z.string(), z.int()),
  // MiniSearch leaves a hole for a field a document lacks, and JSON writes holes as null.
  fieldLength: z
    .unknown()
    .refine((v) =>
      isRecordOf(v, (l) => Array.isArray(l) && l.every((n) => n === null || typeof n === 'number')),
    ),
  averageFieldLength: z.array(z.number().nullable()),
  storedFields: z.unknown().refine((v) => isRecordOf(v, () => true)),
  dirtCount: z.number().optional(),
})

function isRecordOf(value: unknown, check: (v: unknown) => boolean): boolean {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false
  for (const v of Object.values(value)) if (!check(v)) return false
  return true
}

export type IndexHeader = z.infer<typeof headerSchema>
export type SavedIndex = { header: IndexHeader; index: LazyIndex }
/** `reason` is what `SearchIndex.rebuiltBecause` reports: 'missing', 'corrupt: …' or 'stale: …'. */
export type ReadOutcome = { ok: true; saved: SavedIndex } | { ok: false; reason: string }

/**
 * Reads the head of the saved index and checks it; the term list is read from the file as `loadIndex` walks it,
 * and the file is closed when that walk ends. Whenever this returns `ok: false` the file is already closed.
 */
export async function readIndexFile(file: string): Promise<ReadOutcome> {
  let lines: AsyncIterator<string>
  try {
    lines = await readLines(file)
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { ok: false, reason: 'missing' }
    return { ok: false, reason: `corrupt: the file could not be read (${message(err)})` }
  }
  const outcome = await checkHead(lines).catch((err: unknown): ReadOutcome => ({
    ok: false,
    reason: `corrupt: not valid JSON (${message(err)})`,
  }))
  if (!outcome.ok) await lines.return?.()
  return outcome
}

async function checkHead(lines: AsyncIterator<string>): Promise<ReadOutcome> {
  const data = await decodeLines(lines)
  const header = headerSchema.safeParse(data.header)
  if (!header.success) return { ok: false, reason: 'corrupt: no valid header' }
  if (header.data.version !== INDEX_VERSION) {
    return {
      ok: false,
      reason: `stale: written in index format ${header.data.version}, this Glossa uses ${INDEX_VERSION}`,
    }
  }
  const meta = metaSchema.safeParse(data.index)
  const fields = meta.success ? Object.keys(meta.data.fieldIds).sort().join() : ''
  const terms = data.index.index
  if (!meta.success || fields !== [...INDEX_OPTIONS.fields].sort().join() || !isAsyncIterable(terms)) {
    return { ok: false, reason: 'corrupt: the index does not have the shape MiniSearch writes' }
  }
  return { ok: true, saved: { header: header.data, index: { ...meta.data, index: terms } as LazyIndex } }
}

/** Half the longest string V8 makes: far past the longest line of an index (its per-article records at 100,000). */
const MAX_LINE_CHARS = 256 * 1024 * 1024

/** The file's lines, read as they are asked for; `return()` closes the file. */
/** Opened without waiting (a named pipe in the file's place) and without following a link. */
const READ_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOFOLLOW ?? 0)

async function readLines(file: string): Promise<AsyncIterator<string>> {
  const handle = await open(file, READ_FLAGS)
  if (!(await handle.stat()).isFile()) {
    await handle.close()
    throw new Error('it is not a regular file')
  }
  const input = handle.createReadStream({ encoding: 'utf8', highWaterMark: 1 << 20 })
  // A line longer than any this file holds is refused as it comes: readline gathers a line into one string, and a
  // sparse file of zeros (no room on disk) passed the longest string V8 makes — an unhandled RangeError, and the
  // open never ended.
  let run = 0
  input.on('data', (chunk: string | Buffer) => {
    const last = chunk.lastIndexOf('\n')
    run = last < 0 ? run + chunk.length : chunk.length - last - 1
    if (run > MAX_LINE_CHARS) input.destroy(new Error(`a line is longer than ${MAX_LINE_CHARS} characters`))
  })
  const reader = createInterface({ input, crlfDelay: Infinity })
  const it = reader[Symbol.asyncIterator]()
  const close = async () => {
    reader.close()
    input.destroy()
    await handle.close().catch(() => undefined)
  }
  return {
    next: async () => {
      try {
        const next = await it.next()
        if (next.done) await close()
        return next
      } catch (err) {
        await close()
        throw err
      }
    },
    return: async () => {
      await close()
      return { done: true, value: undefined }
    },
  }
}

function isAsyncIterable(value: unknown): value is AsyncIterable<unknown> {
  return typeof value === 'object' && value !== null && Symbol.asyncIterator in value
}

/**
 * Writes the lines through the atomic writer (a temp file of its own, flushed, renamed over), so a crash never
 * leaves half an index; the lines are taken as they are written, never all held in memory.
 */
export async function writeIndexFile(file: string, lines: Iterable<string>): Promise<void> {
  try {
    await writeAtomic(file, { lines })
  } catch (err) {
    throw new GlossaError(
      'internal',
      `Could not save the search index to ${file} (${message(err)}). Search still works in this session; ` +
        'check that the archive folder is writable and the disk has free space.',
    )
  }
}

/** The header saved with the index: what it was built from, to tell on the next open what changed since. */
export function indexHeader(state: IndexState): IndexHeader {
  const { signatures, annotationDocIds } = state
  return {
    format: 'glossa-search-index',
    version: INDEX_VERSION,
    fingerprint: fingerprint(signatures),
    savedAt: new Date().toISOString(),
    termCount: state.ms.termCount,
    articles: Object.fromEntries([...signatures].map(([id, s]) => [id, [s.meta, s.annotations]])),
    annotationDocs: Object.fromEntries(annotationDocIds),
  }
}
