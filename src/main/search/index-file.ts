// Main process: the saved search index, `<archive>/search-index.json` by default:
//   { "header": { format, version, fingerprint, savedAt, termCount, articles, annotationDocs },
//     "index": <what JSON.stringify(miniSearch) writes> }            (laid out by index-codec.ts)
// It is derived data: anything unreadable is reported as a reason to rebuild, never thrown, and overwritten.
import { open, readFile, rename, rm } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import type { AsPlainObject } from 'minisearch'
import { z } from 'zod'
import { GlossaError } from '../../shared/errors'
import { INDEX_OPTIONS, INDEX_VERSION } from './documents'
import { decodeIndex } from './index-codec'
import { message } from './index-state'

const headerSchema = z.object({
  format: z.literal('glossa-search-index'),
  version: z.number(),
  fingerprint: z.string(),
  savedAt: z.string(),
  /** Terms in the index, to catch an index that parses but lost entries. */
  termCount: z.int().nonnegative(),
  /** Article id → [meta signature, annotations signature] as indexed. */
  articles: z.record(z.string(), z.tuple([z.string(), z.string()])),
  /** Article id → ids of its annotation documents. */
  annotationDocs: z.record(z.string(), z.array(z.string())),
})

// Only the top level is checked here (the term list is parsed lazily, while loading); MiniSearch.loadJS rejects
// damaged terms, and the document and term counts are then compared with the header.
const metaSchema = z.object({
  serializationVersion: z.literal(2),
  documentCount: z.int().nonnegative(),
  nextId: z.int().nonnegative(),
  documentIds: z.record(z.string(), z.string()),
  fieldIds: z.record(z.string(), z.int()),
  // MiniSearch leaves a hole for a field a document lacks, and JSON writes holes as null.
  fieldLength: z.record(z.string(), z.array(z.number().nullable())),
  averageFieldLength: z.array(z.number().nullable()),
  storedFields: z.record(z.string(), z.unknown()),
  dirtCount: z.number().optional(),
})

export type IndexHeader = z.infer<typeof headerSchema>
export type SavedIndex = { header: IndexHeader; index: AsPlainObject }
/** `reason` is what `SearchIndex.rebuiltBecause` reports: 'missing', 'corrupt: …' or 'stale: …'. */
export type ReadOutcome = { ok: true; saved: SavedIndex } | { ok: false; reason: string }

export async function readIndexFile(file: string): Promise<ReadOutcome> {
  let raw: string
  try {
    raw = await readFile(file, 'utf8')
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { ok: false, reason: 'missing' }
    return { ok: false, reason: `corrupt: the file could not be read (${message(err)})` }
  }
  let data: ReturnType<typeof decodeIndex>
  try {
    data = decodeIndex(raw)
  } catch (err) {
    return { ok: false, reason: `corrupt: not valid JSON (${message(err)})` }
  }
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
  const terms = data.index.index as Iterable<unknown> | undefined
  if (!meta.success || fields !== [...INDEX_OPTIONS.fields].sort().join() || !isIterable(terms)) {
    return { ok: false, reason: 'corrupt: the index does not have the shape MiniSearch writes' }
  }
  return { ok: true, saved: { header: header.data, index: { ...meta.data, index: terms } as AsPlainObject } }
}

function isIterable(value: unknown): value is Iterable<unknown> {
  return typeof value === 'object' && value !== null && Symbol.iterator in value
}

/** Writes to a temp file beside the target and renames it over, so a crash never leaves half an index. */
export async function writeIndexFile(file: string, lines: Iterable<string>): Promise<void> {
  const temp = join(dirname(file), `.${basename(file)}.${process.pid}.tmp`)
  try {
    const handle = await open(temp, 'w')
    try {
      for (const line of lines) await handle.write(`${line}\n`)
    } finally {
      await handle.close()
    }
    await rename(temp, file)
  } catch (err) {
    await rm(temp, { force: true })
    throw new GlossaError(
      'internal',
      `Could not save the search index to ${file} (${message(err)}). Search still works in this session; ` +
        'check that the archive folder is writable and the disk has free space.',
    )
  }
}
