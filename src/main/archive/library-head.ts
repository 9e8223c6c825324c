// Main process: the library's head — the first rows of the default order (date added, newest first) and the
// archive's size, kept on disk beside the catalog so a fresh process can draw the first rows before the whole
// catalog (78 MB of JSON at 100,000 articles, 2.5 s of CPU) is read. The catalog stays the truth: the head is
// derived, written a moment after the catalog changes, and served only while the catalog loads.
//
// catalog/.head.json is two lines: a MAC, then the head as JSON. The MAC is an HMAC-SHA256 under this machine's
// catalog trust key (catalog-trust.ts, kept outside the archive), over the head's text, its format and the
// catalog's version: a head edited by hand or brought in with a shared archive does not match and is not used.
// The head also carries a fingerprint of the catalog's bucket files as they were when it was written (name,
// size, inode, modification and change time of each): every write of a bucket is a rename of a new file, so a bucket
// written after the head (a crash between the catalog's write and the head's, or another Glossa version writing
// without one) no longer matches and the head is not used. Its rows pass the contract's schema before they are
// served. A head that is not used only costs that open its early rows.
import { createHash, timingSafeEqual } from 'node:crypto'
import { readdirSync, statSync } from 'node:fs'
import type { BigIntStats } from 'node:fs'
import { lstat, readdir, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { z } from 'zod'
import { articleListItemSchema } from '../../shared/schemas'
import type { ArticleListItem } from '../../shared/types'
import { writeAtomic } from './atomic'
import { readRegular } from './regular-file'
import { macWithKey, readTrustKey } from './trust-mac'
import { CURRENT_VERSION } from './migrations'

export const HEAD_FILE = '.head.json'
/** Rows kept: the first two pages the library asks for (useLibraryPages' PAGE_ROWS is 100). */
export const HEAD_ROWS = 200
/** Bumped when what the head holds changes. */
const HEAD_FORMAT = 1
/** 200 rows are 45 KB; anything much larger is not ours. */
const MAX_HEAD_BYTES = 2 * 1024 * 1024
const BUCKET = /^[^.].*\.json$/

export type LibraryHead = { total: number; items: ArticleListItem[] }

const headSchema = z
  .object({
    format: z.literal(HEAD_FORMAT),
    fingerprint: z.string().regex(/^[0-9a-f]{64}$/),
    total: z.number().int().min(0).max(100_000_000),
    items: z.array(articleListItemSchema).max(HEAD_ROWS),
  })
  .strict()

const purpose = () => `glossa-library-head ${HEAD_FORMAT} ${CURRENT_VERSION.catalog}`

export const headFile = (root: string) => join(root, 'catalog', HEAD_FILE)

/**
 * The catalog's bucket files as they are now: name, size, inode, modification and change time (ns) of each,
 * hashed. A bucket is only ever replaced by a rename (atomic.ts), which gives it a new inode; one edited in place
 * to the same size with its mtime set back (`touch -d`) still has a new ctime, which no user can set.
 */
export async function catalogFingerprint(root: string): Promise<string> {
  const dir = join(root, 'catalog')
  const names = (await readdir(dir)).filter((n) => BUCKET.test(n)).sort()
  const lines = await Promise.all(names.map(async (name) => lineOf(name, await stat(join(dir, name), BIG))))
  return createHash('sha256').update(lines.join('')).digest('hex')
}

const BIG = { bigint: true } as const
const lineOf = (name: string, s: BigIntStats) => `${name} ${s.size} ${s.ino} ${s.mtimeNs} ${s.ctimeNs}\n`

/**
 * The same hash of bucket files already opened: each file name (`<bucket>.json`) with the status its handle
 * gave as it was read (CatalogStore.load). Every bucket file of the folder must be among them.
 */
export function fingerprintOf(stats: ReadonlyMap<string, BigIntStats>): string {
  const names = [...stats.keys()].sort()
  return createHash('sha256')
    .update(names.map((name) => lineOf(name, stats.get(name)!)).join(''))
    .digest('hex')
}

/**
 * catalogFingerprint, the same hash, with one synchronous stat per bucket: at open, before anything else runs,
 * 4,096 of them cost 40–70 ms of CPU at 100,000 articles against 70–250 ms through the thread pool (load 11).
 */
export function catalogFingerprintSync(root: string): string {
  const dir = join(root, 'catalog')
  const names = readdirSync(dir)
    .filter((n) => BUCKET.test(n))
    .sort()
  const lines = names.map((name) => lineOf(name, statSync(join(dir, name), BIG)))
  return createHash('sha256').update(lines.join('')).digest('hex')
}

/** Writes the head (atomically), signed with `mac` (CatalogTrust.macOf). */
export async function writeHead(
  root: string,
  head: LibraryHead,
  fingerprint: string,
  mac: (purpose: string, text: string) => Buffer,
): Promise<void> {
  const text = JSON.stringify({ format: HEAD_FORMAT, fingerprint, ...head })
  await writeAtomic(headFile(root), `${mac(purpose(), text).toString('hex')}\n${text}`)
}

/** A head used comes with the buckets' fingerprint it was checked against (the rows cache is checked against it). */
export type HeadRead = { head: LibraryHead; fingerprint: string } | { head: null; why: string }

/**
 * The head, when it is one this machine wrote for the catalog exactly as it is on disk now; otherwise null and
 * why (for tests and logs). Never throws: a head that cannot be used only means the first rows wait.
 */
export async function readHead(root: string, keyFile: string): Promise<HeadRead> {
  const no = (why: string): HeadRead => ({ head: null, why })
  try {
    const file = headFile(root)
    const [key, folder] = await Promise.all([
      readTrustKey(keyFile),
      lstat(join(root, 'catalog')).catch(() => null),
    ])
    if (!key) return no('no trust key on this machine')
    // Read before the archive opens (which refuses the link): a catalog linked to another archive's on this
    // machine held that archive's head, signed with this key, and its rows were served as this archive's.
    if (folder?.isSymbolicLink()) return no('the catalog folder is a link to another folder')
    // Checked at the handle it is read from (regular-file.ts): a check of the name, then a read of the name,
    // read whatever was swapped in between.
    const raw = await readRegular(file, MAX_HEAD_BYTES).catch((err: NodeJS.ErrnoException) => err)
    if (raw instanceof Error)
      return no(raw.code === 'ENOENT' ? 'no head' : `not a file of the head’s size (${raw.message})`)
    const now = catalogFingerprintSync(root)
    const cut = raw.indexOf('\n')
    const stored = raw.slice(0, cut)
    const text = raw.slice(cut + 1)
    if (cut !== 64 || !/^[0-9a-f]{64}$/.test(stored)) return no('no MAC')
    if (!timingSafeEqual(Buffer.from(stored, 'hex'), macWithKey(key, purpose(), text)))
      return no('MAC does not match (edited, or written with another key)')
    const parsed = headSchema.safeParse(JSON.parse(text))
    if (!parsed.success) return no(`not of the head’s shape: ${parsed.error.issues[0]?.message ?? ''}`)
    if (parsed.data.fingerprint !== now) return no('the catalog changed since the head was written')
    const { total, items } = parsed.data
    return { head: { total, items: items as ArticleListItem[] }, fingerprint: now }
  } catch (err) {
    return no(`unreadable: ${String(err)}`)
  }
}
