// Main process: what each article was indexed from (its signature, freshness.ts), saved beside the search index's
// segments in files of their own, so a save writes only the signatures that changed instead of every article's
// (7 MB at 100,000 articles when the manifest carried them). Each file holds some articles' signatures, or null
// for an article removed; the manifest names the files in order with a tag each, and a later file's entry wins.
// A build writes one file per segment; a save writes one file of the articles changed since the last save; the
// small files at the end are written as one once there are more than MAX_SMALL_FILES of them (a file of
// SMALL_FILE_ENTRIES or more is never rewritten). The tag is an HMAC-SHA256 of the file's bytes under the trust
// key (SHA-256 without one), and the manifest that names it is MACed itself: a file changed, swapped or forged is
// refused and the index rebuilt. Files are read only when regular and of a sane size (hostile folder).
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto'
import { join } from 'node:path'
import { z } from 'zod'
import { writeAtomic } from '../archive/atomic'
import { FileTooLarge, NotARegularFile, readRegularBytes } from '../archive/regular-file'
import type { Signature } from './freshness'

const FORMAT = 'glossa-search-signatures'
const VERSION = 1
export const SIGNATURE_NAME = /^sig-[0-9a-f]{16}\.json$/
const MAX_FILE_BYTES = 64 * 1024 * 1024
/** A file with fewer entries than this is "small": it may be written again with the small files after it. */
export const SMALL_FILE_ENTRIES = 2_000
/** The small files at the end are written as one once there would be more of them than this. */
export const MAX_SMALL_FILES = 6

export const signatureEntrySchema = z
  .object({
    file: z.string().regex(SIGNATURE_NAME),
    tag: z.string().regex(/^[0-9a-f]{64}$/),
    count: z.int().nonnegative(),
  })
  .strict()
/** What the manifest says of one signature file. */
export type SignatureEntry = z.infer<typeof signatureEntrySchema>

const fileSchema = z
  .object({
    format: z.literal(FORMAT),
    version: z.literal(VERSION),
    articles: z.record(z.string().max(64), z.tuple([z.string().max(64), z.string().max(200)]).nullable()),
  })
  .strict()

/** A signature file of the index as it is known in memory: small ones keep their ids, for a later rewrite. */
export type SignatureFile = SignatureEntry & { ids?: string[] }

function tagOf(key: Buffer | undefined, bytes: Buffer): string {
  const mac = key ? createHmac('sha256', key) : createHash('sha256')
  return mac.update(`${FORMAT} ${VERSION}\n`).update(bytes).digest('hex')
}

/** A signature file's bytes, read as the archive reads its files (openRegular), with this module's messages. */
async function readSignatureBytes(file: string): Promise<Buffer> {
  try {
    return await readRegularBytes(file, MAX_FILE_BYTES)
  } catch (err) {
    if (err instanceof NotARegularFile) throw new Error('it is not a regular file')
    if (err instanceof FileTooLarge) throw new Error('it is too large')
    throw err
  }
}

export class SignaturesCorrupt extends Error {}

/**
 * Reads the files the manifest names, in order, into one map (a later file's entry wins; null removes). Throws
 * SignaturesCorrupt naming the file when one is missing, not regular, not the file the manifest names, or not
 * of the shape Glossa writes.
 */
export async function readSignatureFiles(
  dir: string,
  entries: SignatureEntry[],
  key: Buffer | undefined,
): Promise<{ signatures: Map<string, Signature>; files: SignatureFile[] }> {
  const signatures = new Map<string, Signature>()
  const files: SignatureFile[] = []
  for (const entry of entries) {
    let bytes: Buffer
    try {
      bytes = await readSignatureBytes(join(dir, entry.file))
    } catch (err) {
      throw new SignaturesCorrupt(`${entry.file} could not be read (${String(err)})`)
    }
    if (!timingSafeEqual(Buffer.from(entry.tag, 'hex'), Buffer.from(tagOf(key, bytes), 'hex')))
      throw new SignaturesCorrupt(`${entry.file} is not the signature file the manifest names`)
    let parsed: z.ZodSafeParseResult<z.infer<typeof fileSchema>>
    try {
      parsed = fileSchema.safeParse(JSON.parse(bytes.toString('utf8')))
    } catch {
      throw new SignaturesCorrupt(`${entry.file} is not JSON`)
    }
    if (!parsed.success) throw new SignaturesCorrupt(`${entry.file} does not have the shape Glossa writes`)
    const ids = Object.keys(parsed.data.articles)
    if (ids.length !== entry.count)
      throw new SignaturesCorrupt(`${entry.file} does not hold what the manifest says`)
    for (const [id, value] of Object.entries(parsed.data.articles)) {
      if (value) signatures.set(id, { meta: value[0], annotations: value[1] })
      else signatures.delete(id)
    }
    files.push(entry.count < SMALL_FILE_ENTRIES ? { ...entry, ids } : entry)
  }
  return { signatures, files }
}

/** Writes the signatures of `ids` (null for those `all` no longer has) as a new file in `dir`. */
export async function writeSignatureFile(
  dir: string,
  ids: Iterable<string>,
  all: ReadonlyMap<string, Signature>,
  key: Buffer | undefined,
): Promise<SignatureFile> {
  const articles: Record<string, [string, string] | null> = {}
  for (const id of ids) {
    const s = all.get(id)
    articles[id] = s ? [s.meta, s.annotations] : null
  }
  const bytes = Buffer.from(JSON.stringify({ format: FORMAT, version: VERSION, articles }))
  const file = `sig-${randomBytes(8).toString('hex')}.json`
  await writeAtomic(join(dir, file), bytes)
  const count = Object.keys(articles).length
  const entry = { file, tag: tagOf(key, bytes), count }
  return count < SMALL_FILE_ENTRIES ? { ...entry, ids: Object.keys(articles) } : entry
}

/**
 * The signature files after a save that changed the articles `changed`: `files` and one new file of them, or,
 * when that would leave more than MAX_SMALL_FILES small files at the end, those small files and the changes
 * written as one. The new file is written here; the files it replaces stay until a manifest no longer names them.
 */
export async function nextSignatureFiles(
  dir: string,
  files: SignatureFile[],
  changed: ReadonlySet<string>,
  all: ReadonlyMap<string, Signature>,
  key: Buffer | undefined,
): Promise<SignatureFile[]> {
  if (changed.size === 0) return files
  let from = files.length
  while (from > 0 && files[from - 1].ids) from--
  if (files.length - from < MAX_SMALL_FILES)
    return [...files, await writeSignatureFile(dir, changed, all, key)]
  const ids = new Set<string>()
  for (const file of files.slice(from)) for (const id of file.ids ?? []) ids.add(id)
  for (const id of changed) ids.add(id)
  return [...files.slice(0, from), await writeSignatureFile(dir, ids, all, key)]
}

/** What the manifest names of `files`. */
export function signatureEntries(files: SignatureFile[]): SignatureEntry[] {
  return files.map(({ file, tag, count }) => ({ file, tag, count }))
}
