// Main process: the saved figures index, `<archive>/figures-index.json`. Derived from the annotations files (one
// small entry per figure) and MACed with this machine's catalog trust key (archive/catalog-trust.ts): an archive
// folder is hostile, and a file this machine did not write is never read as an index; it is rebuilt instead.
//
//   line 1: `glossa-figures-index <format> <MAC of the head> <MAC of the head and the body> <MAC of the pages>`
//     (HMAC-SHA256, hex; the pages' MAC is over the head's MAC and line 3)
//   line 2: the head: { takenAt, recheck: [articleId…], all, facets, first: [[articleId, …figure], …] }
//   line 3: where the pages are: { lines, pages: { metric: [bytes from the file's end, bytes, SHA-256 hex] } }
//   then the body, and last the pages, one a line: [how many figures a filter by the metric keeps, its first
//     rows [[articleId, …figure], …] in the default order], for every metric and each of its parents: a filter
//     by a metric before the body is read reads line 3 and its one page (75 KB), not 3 MB of every page
//   then the body, one article a line: [articleId, stamp, [[annotationId, figure, tags, creator, quote, prefix,
//     suffix, note, page], …]]
// The head is what a first answer needs at 100,000 figures without reading 23 MB: how many figures, the filter
// lists, and the first 300 rows in the view's default order. The body is read after it, a slice of lines at a
// time so the process keeps answering, and used only once its MAC matches. `stamp` is the annotations file's
// inode, size, mtime and ctime (ns) when its figures were read; `takenAt` when the snapshot was made; `recheck`
// the articles whose files were being read again at that moment.
import { createHash, createHmac, timingSafeEqual } from 'node:crypto'
import { z } from 'zod'
import type { FigureFacets } from '../../shared/figures/table'
import { figureSchema } from '../../shared/schemas'
import type { Figure } from '../../shared/types'
import { writeAtomic } from '../archive/atomic'
import { openRegular, readRegular } from '../archive/regular-file'

export const FIGURES_INDEX_FILE = 'figures-index.json'
/** Bumped when what an entry holds changes: an older file is rebuilt. */
const FORMAT = 5
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
/** Per metric filter (a metric or a parent): how many figures it keeps, and its first rows in the default order. */
export type SavedPages = Record<string, [number, [string, ...SavedFigure][]]>
/** Line 3: how many page lines end the file, and where each metric's is. */
export type PagesIndex = { lines: number; pages: Record<string, [number, number, string]> }

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
  const { handle } = await openRegular(file, MAX_BYTES)
  try {
    const lines: string[] = []
    let rest = Buffer.alloc(0)
    let read = 0
    for (;;) {
      const buffer = Buffer.alloc(256 * 1024)
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, read)
      if (bytesRead === 0) return null
      read += bytesRead
      const chunk = buffer.subarray(0, bytesRead)
      let at = 0
      for (let end = chunk.indexOf(10); end >= 0 && lines.length < n; end = chunk.indexOf(10, at)) {
        lines.push(Buffer.concat([rest, chunk.subarray(at, end)]).toString('utf8'))
        rest = Buffer.alloc(0)
        at = end + 1
      }
      if (lines.length === n) return lines
      rest = Buffer.concat([rest, chunk.subarray(at)])
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
    // Checked at the handle it is read from (openRegular): not a link, a pipe, nor larger than the index writes.
    lines = await firstLines(file)
  } catch (err) {
    return { ok: false, why: (err as NodeJS.ErrnoException).code === 'ENOENT' ? 'missing' : 'untrusted' }
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
 * Where the saved pages are (line 3), when written with the head read with `macs` (readIndexHead) and nothing
 * changed them since; else null (a filter then waits for the body).
 */
export async function readPagesIndex(
  file: string,
  key: Buffer,
  macs: [string, string, string],
): Promise<PagesIndex | null> {
  try {
    const lines = await firstLines(file, 3)
    if (!lines) return null
    if (lines[0] !== `${MAGIC} ${FORMAT} ${macs.join(' ')}`) return null
    if (!sameMac(macs[2], macOf(key, 'pages').update(macs[0]).update('\n').update(lines[2]).digest()))
      return null
    const index = JSON.parse(lines[2]) as Partial<PagesIndex> | null
    if (!index || !Number.isSafeInteger(index.lines) || typeof index.pages !== 'object' || !index.pages)
      return null
    return index as PagesIndex
  } catch {
    return null
  }
}

/**
 * One metric's saved page (what JSON.parse makes of it: the caller checks its shape), [0, []] for a metric no
 * figure carries, or null when the file no longer holds the page line 3 named (its SHA-256 differs).
 */
export async function readPage(file: string, index: PagesIndex, metric: string): Promise<unknown> {
  if (!Object.hasOwn(index.pages, metric)) return [0, []]
  const [fromEnd, length, sha] = index.pages[metric]
  if (
    !Number.isSafeInteger(fromEnd) ||
    !Number.isSafeInteger(length) ||
    length < 0 ||
    length > MAX_HEAD_BYTES
  )
    return null
  try {
    const { handle, size } = await openRegular(file, MAX_BYTES)
    try {
      if (fromEnd > size || length >= fromEnd) return null
      const bytes = Buffer.alloc(length)
      const { bytesRead } = await handle.read(bytes, 0, length, size - fromEnd)
      if (bytesRead !== length || createHash('sha256').update(bytes).digest('hex') !== sha) return null
      return JSON.parse(bytes.toString('utf8')) as unknown
    } finally {
      await handle.close()
    }
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
    text = await readRegular(file, MAX_BYTES)
  } catch {
    return null
  }
  const one = text.indexOf('\n')
  const two = text.indexOf('\n', one + 1)
  // Line 3 and the pages are not the body: the body's MAC is over the head and the lines between them.
  const three = two < 0 ? -1 : text.indexOf('\n', two + 1)
  if (one < 0 || three < 0) return null
  let bodyEnd = text.length - 1
  try {
    const lines = (JSON.parse(text.slice(two + 1, three)) as PagesIndex | null)?.lines ?? 0
    for (let k = 0; k < lines && bodyEnd > three; k++) bodyEnd = text.lastIndexOf('\n', bodyEnd - 1)
  } catch {
    return null
  }
  // The MAC is worked out line by line with the parsing, so no step holds the process for long.
  const mac = macOf(key, 'body').update(text.slice(one + 1, two))
  const articles: SavedArticle[] = []
  let at = three + 1
  for (let n = 0; at < bodyEnd; n++) {
    if (n % LINES_AT_ONCE === LINES_AT_ONCE - 1) await turn()
    let end = text.indexOf('\n', at)
    if (end < 0 || end > bodyEnd) end = bodyEnd
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
  const lines = articles.map((a) => JSON.stringify(a))
  const body = macOf(key, 'body').update(headLine)
  lines.forEach((line) => body.update('\n').update(line))
  // The pages last, each line's place counted from the file's end (every line ends with a newline).
  const pageLines = Object.entries(pages ?? {}).map(([metric, page]) => [metric, JSON.stringify(page)])
  const index: PagesIndex = { lines: pageLines.length, pages: Object.create(null) as PagesIndex['pages'] }
  let fromEnd = 0
  for (let k = pageLines.length - 1; k >= 0; k--) {
    const [metric, line] = pageLines[k]
    const bytes = Buffer.byteLength(line)
    fromEnd += bytes + 1
    index.pages[metric] = [fromEnd, bytes, createHash('sha256').update(line).digest('hex')]
  }
  // Without pages (the build job's file) line 3 is null: no filter is answered from it.
  const indexLine = pages ? JSON.stringify(index) : 'null'
  const headMac = macOf(key, 'head').update(headLine).digest('hex')
  const pagesMac = macOf(key, 'pages').update(headMac).update('\n').update(indexLine).digest('hex')
  const header = `${MAGIC} ${FORMAT} ${headMac} ${body.digest('hex')} ${pagesMac}`
  return writeAtomic(file, { lines: [header, headLine, indexLine, ...lines, ...pageLines.map(([, l]) => l)] })
}
