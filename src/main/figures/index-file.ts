// Main process: the saved figures index, `<archive>/figures-index.json`. Derived from the annotations files (one
// small entry per figure) and MACed with this machine's catalog trust key (archive/catalog-trust.ts): an archive
// folder is hostile, and a file this machine did not write is never read as an index; it is rebuilt instead.
//
//   line 1: `glossa-figures-index <format> <MAC of the head> <MAC of the head and the body>` (HMAC-SHA256, hex)
//   line 2: the head: { takenAt, recheck: [articleId…], all, facets, first: [[articleId, …figure], …] }
//   then the body, one article a line: [articleId, stamp, [[annotationId, figure, tags, creator, quote, prefix,
//     suffix, note, page], …]]
// The head is what a first answer needs at 100,000 figures without reading 23 MB: how many figures, the filter
// lists, and the first 300 rows in the view's default order. The body is read after it, a slice of lines at a
// time so the process keeps answering, and used only once its MAC matches. `stamp` is the annotations file's
// inode, size, mtime and ctime (ns) when its figures were read; `takenAt` when the snapshot was made; `recheck`
// the articles whose files were being read again at that moment.
import { createHash, createHmac, timingSafeEqual } from 'node:crypto'
import { lstat, open, readFile } from 'node:fs/promises'
import { z } from 'zod'
import type { FigureFacets } from '../../shared/figures/table'
import { figureSchema } from '../../shared/schemas'
import type { Figure } from '../../shared/types'
import { writeAtomic } from '../archive/atomic'

export const FIGURES_INDEX_FILE = 'figures-index.json'
/** Bumped when what an entry holds changes: an older file is rebuilt. */
const FORMAT = 4
const MAGIC = 'glossa-figures-index'
/** 100,000 figures take about 25 MB; anything far larger is not ours. */
const MAX_BYTES = 1024 * 1024 * 1024
const MAX_HEAD_BYTES = 16 * 1024 * 1024
/** Body lines parsed between two turns of the event loop. */
const LINES_AT_ONCE = 500

/** One figure as saved: [annotationId, figure, tags, creator, quote, prefix, suffix, note, page label]. */
export type SavedFigure = [
  string,
  Figure,
  string[],
  string | null,
  string,
  string,
  string,
  string,
  string | null,
]
export type SavedArticle = [articleId: string, stamp: string, figures: SavedFigure[]]
export type SavedHead = {
  takenAt: number
  recheck: string[]
  all: number
  facets: Omit<FigureFacets, 'total'>
  /** The first rows in the default order (by period), each its article's id and then the figure as saved. */
  first: [string, ...SavedFigure][]
}

let schemaPrint: string | undefined
/** Bound into the MAC: a Glossa whose figure schema changed rebuilds the index once. */
function context(part: 'head' | 'body'): string {
  schemaPrint ??= createHash('sha256')
    .update(JSON.stringify(z.toJSONSchema(figureSchema, { unrepresentable: 'any' })))
    .digest('hex')
  return `${MAGIC} ${FORMAT} ${schemaPrint} ${part}\n`
}

const macOf = (key: Buffer, part: 'head' | 'body') => createHmac('sha256', key).update(context(part))
const sameMac = (hex: string, mac: Buffer) =>
  /^[0-9a-f]{64}$/.test(hex) && timingSafeEqual(Buffer.from(hex, 'hex'), mac)

function isHead(data: unknown): data is SavedHead {
  const d = data as Partial<SavedHead> | null
  return (
    typeof d === 'object' &&
    d !== null &&
    typeof d.takenAt === 'number' &&
    typeof d.all === 'number' &&
    Array.isArray(d.recheck) &&
    Array.isArray(d.first) &&
    typeof d.facets === 'object'
  )
}

export type HeadOutcome =
  | { ok: true; head: SavedHead; macs: [string, string] }
  | { ok: false; why: 'missing' | 'untrusted' | 'damaged' | 'no key' }

/** The first two lines of `file`, reading no further than they need. */
async function firstLines(file: string): Promise<[string, string] | null> {
  const handle = await open(file, 'r')
  try {
    const chunks: Buffer[] = []
    let read = 0
    for (;;) {
      const buffer = Buffer.alloc(Math.min(256 * 1024, MAX_HEAD_BYTES))
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, read)
      if (bytesRead === 0) return null
      chunks.push(buffer.subarray(0, bytesRead))
      read += bytesRead
      const text = Buffer.concat(chunks)
      const one = text.indexOf(10)
      const two = one < 0 ? -1 : text.indexOf(10, one + 1)
      if (two >= 0)
        return [text.subarray(0, one).toString('utf8'), text.subarray(one + 1, two).toString('utf8')]
      if (read > MAX_HEAD_BYTES) return null
    }
  } finally {
    await handle.close()
  }
}

/** The saved head, when this machine wrote it with `key` and nothing changed it since. */
export async function readIndexHead(file: string, key: Buffer | null): Promise<HeadOutcome> {
  if (!key) return { ok: false, why: 'no key' }
  let lines: [string, string] | null
  try {
    const info = await lstat(file)
    if (!info.isFile() || info.size > MAX_BYTES) return { ok: false, why: 'untrusted' }
    lines = await firstLines(file)
  } catch {
    return { ok: false, why: 'missing' }
  }
  if (!lines) return { ok: false, why: 'damaged' }
  const [header, headLine] = lines
  const parts = header.split(' ')
  if (parts.length !== 4 || parts[0] !== MAGIC || parts[1] !== String(FORMAT))
    return { ok: false, why: 'untrusted' }
  if (!sameMac(parts[2], macOf(key, 'head').update(headLine).digest())) return { ok: false, why: 'untrusted' }
  try {
    const head = JSON.parse(headLine) as unknown
    return isHead(head) ? { ok: true, head, macs: [parts[2], parts[3]] } : { ok: false, why: 'damaged' }
  } catch {
    return { ok: false, why: 'damaged' }
  }
}

const turn = () => new Promise<void>((resolve) => setImmediate(resolve))

/**
 * The saved body, a slice of lines at a time (the process answers between slices), or null when it does not
 * match the MAC the head was read with (changed since, or cut short): then the index is rebuilt.
 */
export async function readIndexBody(
  file: string,
  key: Buffer,
  bodyMac: string,
): Promise<SavedArticle[] | null> {
  let text: string
  try {
    text = await readFile(file, 'utf8')
  } catch {
    return null
  }
  const one = text.indexOf('\n')
  const two = text.indexOf('\n', one + 1)
  if (one < 0 || two < 0) return null
  // The MAC is worked out line by line with the parsing, so no step holds the process for long.
  const mac = macOf(key, 'body').update(text.slice(one + 1, two))
  const articles: SavedArticle[] = []
  let at = two + 1
  for (let n = 0; at < text.length; n++) {
    if (n % LINES_AT_ONCE === LINES_AT_ONCE - 1) await turn()
    let end = text.indexOf('\n', at)
    if (end < 0) end = text.length
    const line = text.slice(at, end)
    mac.update('\n').update(line)
    try {
      articles.push(JSON.parse(line) as SavedArticle)
    } catch {
      return null
    }
    at = end + 1
  }
  return sameMac(bodyMac, mac.digest()) ? articles : null
}

/** Writes the index atomically: the head and the body, each MACed with `key`. */
export function writeIndexFile(
  file: string,
  key: Buffer,
  head: SavedHead,
  articles: SavedArticle[],
): Promise<void> {
  const headLine = JSON.stringify(head)
  const lines = articles.map((a) => JSON.stringify(a))
  const body = macOf(key, 'body').update(headLine)
  lines.forEach((line) => body.update('\n').update(line))
  const header = `${MAGIC} ${FORMAT} ${macOf(key, 'head').update(headLine).digest('hex')} ${body.digest('hex')}`
  return writeAtomic(file, { lines: [header, headLine, ...lines] })
}
