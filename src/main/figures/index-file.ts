// Main process: the saved figures index, `<archive>/figures-index.json`. Derived from the annotations files (one
// small entry per figure) and MACed with this machine's catalog trust key (archive/catalog-trust.ts): an archive
// folder is hostile, and a file this machine did not write is never read as an index; it is rebuilt instead.
//
// First line: `glossa-figures-index <format> <HMAC-SHA256 of the rest, hex>`; the rest is one JSON object:
//   { takenAt, recheck: [articleId…], articles: [[articleId, stamp, [[annotationId, figure, tags, creator,
//     quote, note, page], …]], …] }
// `stamp` is the annotations file's inode, size and mtime when its figures were read; `takenAt` when the
// snapshot was made; `recheck` the articles whose files were being read again at that moment.
import { createHash, createHmac, timingSafeEqual } from 'node:crypto'
import { lstat, readFile } from 'node:fs/promises'
import { z } from 'zod'
import { figureSchema } from '../../shared/schemas'
import type { Figure } from '../../shared/types'
import { writeAtomic } from '../archive/atomic'

export const FIGURES_INDEX_FILE = 'figures-index.json'
/** Bumped when what an entry holds changes: an older file is rebuilt. */
const FORMAT = 1
const MAGIC = 'glossa-figures-index'
/** 100,000 figures take about 25 MB; anything far larger is not ours. */
const MAX_BYTES = 1024 * 1024 * 1024

/** One figure as saved: [annotationId, figure, tags, creator, quote, note, page label]. */
export type SavedFigure = [string, Figure, string[], string | null, string, string, string | null]
export type SavedArticle = [articleId: string, stamp: string, figures: SavedFigure[]]
export type SavedIndex = { takenAt: number; recheck: string[]; articles: SavedArticle[] }

let schemaPrint: string | undefined
/** Bound into the MAC: a Glossa whose figure schema changed rebuilds the index once. */
function context(): string {
  schemaPrint ??= createHash('sha256')
    .update(JSON.stringify(z.toJSONSchema(figureSchema, { unrepresentable: 'any' })))
    .digest('hex')
  return `${MAGIC} ${FORMAT} ${schemaPrint}\n`
}

const mac = (key: Buffer, body: string) => createHmac('sha256', key).update(context()).update(body).digest()

/** The shape a trusted body must have (it was written here, so this only guards against our own bugs). */
function isSaved(data: unknown): data is SavedIndex {
  const d = data as Partial<SavedIndex> | null
  return (
    typeof d === 'object' &&
    d !== null &&
    typeof d.takenAt === 'number' &&
    Array.isArray(d.recheck) &&
    Array.isArray(d.articles) &&
    d.articles.every(
      (a) => Array.isArray(a) && typeof a[0] === 'string' && typeof a[1] === 'string' && Array.isArray(a[2]),
    )
  )
}

export type ReadOutcome =
  { ok: true; index: SavedIndex } | { ok: false; why: 'missing' | 'untrusted' | 'damaged' | 'no key' }

/** The saved index, when this machine wrote it with `key` and nothing changed it since. */
export async function readIndexFile(file: string, key: Buffer | null): Promise<ReadOutcome> {
  if (!key) return { ok: false, why: 'no key' }
  let text: string
  try {
    const info = await lstat(file)
    if (!info.isFile() || info.size > MAX_BYTES) return { ok: false, why: 'untrusted' }
    text = await readFile(file, 'utf8')
  } catch {
    return { ok: false, why: 'missing' }
  }
  const eol = text.indexOf('\n')
  const head = text.slice(0, Math.max(eol, 0)).split(' ')
  if (eol < 0 || head.length !== 3 || head[0] !== MAGIC || head[1] !== String(FORMAT))
    return { ok: false, why: 'untrusted' }
  const body = text.slice(eol + 1)
  const stored = /^[0-9a-f]{64}$/.test(head[2]) ? Buffer.from(head[2], 'hex') : null
  if (!stored || !timingSafeEqual(stored, mac(key, body))) return { ok: false, why: 'untrusted' }
  try {
    const data = JSON.parse(body) as unknown
    return isSaved(data) ? { ok: true, index: data } : { ok: false, why: 'damaged' }
  } catch {
    return { ok: false, why: 'damaged' }
  }
}

/** Writes the index atomically, MACed with `key`. */
export function writeIndexFile(file: string, key: Buffer, index: SavedIndex): Promise<void> {
  const body = JSON.stringify(index)
  return writeAtomic(file, `${MAGIC} ${FORMAT} ${mac(key, body).toString('hex')}\n${body}`)
}
