// Main process: the saved figures index, `<archive>/figures-index.json`. Derived from the annotations files (one
// small entry per figure) and MACed with this machine's catalog trust key (archive/catalog-trust.ts): an archive
// folder is hostile, and a file this machine did not write is never read as an index; it is rebuilt instead.
//
//   line 1: `glossa-figures-index <format> <MAC of the head> <MAC of the head and the body> <MAC of the pages>`
//     (HMAC-SHA256, hex; the pages' MAC is over the head's MAC and the pages line)
//   line 2: the head: { takenAt, recheck: [articleId…], all, facets, first: [[articleId, …figure], …] }
//   line 3: the pages: { metric: [how many figures it keeps, [[articleId, …figure], …]] } — for every metric and
//     each of its parents, its first rows in the default order: a filter by a metric before the body is read
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
const FORMAT = 5
const MAGIC = 'glossa-figures-index'
/** 100,000 figures take about 25 MB; anything far larger is not ours. */
const MAX_BYTES = 1024 * 1024 * 1024
const MAX_HEAD_BYTES = 16 * 1024 * 1024
/** The head and the pages: 300 rows for each metric and parent. */
const MAX_PAGES_BYTES = 128 * 1024 * 1024
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
/** Per metric filter (a metric or a parent): how many figures it keeps, and its first rows in the default order. */
export type SavedPages = Record<string, [number, [string, ...SavedFigure][]]>

let schemaPrint: string | undefined
/** Bound into the MAC: a Glossa whose figure schema changed rebuilds the index once. */
function context(part: 'head' | 'body' | 'pages'): string {
  schemaPrint ??= createHash('sha256')
    .update(JSON.stringify(z.toJSONSchema(figureSchema, { unrepresentable: 'any' })))
    .digest('hex')
  return `${MAGIC} ${FORMAT} ${schemaPrint} ${part}\n`
}

const macOf = (key: Buffer, part: 'head' | 'body' | 'pages') =>
  createHmac('sha256', key).update(context(part))
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
  | { ok: true; head: SavedHead; macs: [string, string, string] }
  | { ok: false; why: 'missing' | 'untrusted' | 'damaged' | 'no key' }

/** The first `n` lines of `file`, reading no further than they need (nor past `max` bytes). */
async function firstLines(file: string, n = 2, max = MAX_HEAD_BYTES): Promise<string[] | null> {
  const handle = await open(file, 'r')
  try {
    const chunks: Buffer[] = []
    let read = 0
    for (;;) {
      const buffer = Buffer.alloc(256 * 1024)
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, read)
      if (bytesRead === 0) return null
      chunks.push(buffer.subarray(0, bytesRead))
      read += bytesRead
      const text = Buffer.concat(chunks)
      const lines: string[] = []
      for (let at = 0, end = text.indexOf(10); end >= 0 && lines.length < n; end = text.indexOf(10, at)) {
        lines.push(text.subarray(at, end).toString('utf8'))
        at = end + 1
      }
      if (lines.length === n) return lines
      if (read > max) return null
    }
  } finally {
    await handle.close()
  }
}

/** The saved head, when this machine wrote it with `key` and nothing changed it since. */
export async function readIndexHead(file: string, key: Buffer | null): Promise<HeadOutcome> {
  if (!key) return { ok: false, why: 'no key' }
  let lines: string[] | null
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
  if (parts.length !== 5 || parts[0] !== MAGIC || parts[1] !== String(FORMAT))
    return { ok: false, why: 'untrusted' }
  if (!sameMac(parts[2], macOf(key, 'head').update(headLine).digest())) return { ok: false, why: 'untrusted' }
  try {
    const head = JSON.parse(headLine) as unknown
    return isHead(head)
      ? { ok: true, head, macs: [parts[2], parts[3], parts[4]] }
      : { ok: false, why: 'damaged' }
  } catch {
    return { ok: false, why: 'damaged' }
  }
}

/**
 * The saved pages (line 3), when they are the ones written with the head read with `macs` (readIndexHead) and
 * nothing changed them since; else null (the filter then waits for the body).
 */
export async function readIndexPages(
  file: string,
  key: Buffer,
  macs: [string, string, string],
): Promise<SavedPages | null> {
  try {
    const lines = await firstLines(file, 3, MAX_PAGES_BYTES)
    if (!lines) return null
    if (lines[0] !== `${MAGIC} ${FORMAT} ${macs.join(' ')}`) return null
    if (!sameMac(macs[2], macOf(key, 'pages').update(macs[0]).update('\n').update(lines[2]).digest()))
      return null
    const pages = JSON.parse(lines[2]) as unknown
    return typeof pages === 'object' && pages !== null && !Array.isArray(pages) ? (pages as SavedPages) : null
  } catch {
    return null
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
  // The pages (line 3) are not the body: the body's MAC is over the head and the lines after the pages.
  const three = two < 0 ? -1 : text.indexOf('\n', two + 1)
  if (one < 0 || three < 0) return null
  // The MAC is worked out line by line with the parsing, so no step holds the process for long.
  const mac = macOf(key, 'body').update(text.slice(one + 1, two))
  const articles: SavedArticle[] = []
  let at = three + 1
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

/** Writes the index atomically: the head, the pages and the body, each MACed with `key`. */
export function writeIndexFile(
  file: string,
  key: Buffer,
  head: SavedHead,
  pages: SavedPages | null,
  articles: SavedArticle[],
): Promise<void> {
  const headLine = JSON.stringify(head)
  const pagesLine = JSON.stringify(pages)
  const lines = articles.map((a) => JSON.stringify(a))
  const body = macOf(key, 'body').update(headLine)
  lines.forEach((line) => body.update('\n').update(line))
  const headMac = macOf(key, 'head').update(headLine).digest('hex')
  const pagesMac = macOf(key, 'pages').update(headMac).update('\n').update(pagesLine).digest('hex')
  const header = `${MAGIC} ${FORMAT} ${headMac} ${body.digest('hex')} ${pagesMac}`
  return writeAtomic(file, { lines: [header, headLine, pagesLine, ...lines] })
}
