// Main process: the library's rows cache — every catalog entry reduced to what the library's pages sort, filter
// and show (library-pages.ts), stored in columns beside the catalog, so a fresh process can answer any sort,
// filter or scroll of the library before the whole catalog (83 MB of JSON at 100,000 articles, 2.4 s of CPU) is
// parsed. The catalog stays the truth: the cache is derived, written a while after the catalog changes
// (catalog-head-writer.ts), and used only until the catalog is in.
//
// catalog/.rows.json is two lines: a MAC, then the columns as JSON. Like the library's head (library-head.ts) the
// MAC is an HMAC-SHA256 under this machine's catalog trust key, over the text, its format and the catalog's
// version, and the text carries the fingerprint of the bucket files as they were when it was written: a cache
// edited by hand, brought in with a shared archive, or older than a bucket (a crash, another Glossa, a hand
// edit of the catalog) is not used, and the library waits for the catalog as before. Its columns are checked
// for shape (lengths, indices in range) before use; any doubt costs only the early answers.
import { createHmac, timingSafeEqual } from 'node:crypto'
import { join } from 'node:path'
import { HIGHLIGHT_COLORS } from '../../shared/schemas'
import { sourceOrDomain } from '../../shared/article-source'
import type { ArticleMeta, HighlightColor } from '../../shared/types'
import { writeAtomic } from './atomic'
import { ordersOf, readOrders } from './catalog-orders'
import type { OrdersOf, OrdersView } from './catalog-orders'
import { catalogFingerprint } from './library-head'
import { CURRENT_VERSION } from './migrations'
import { openRegular, readRegularBytes } from './regular-file'
import { macWithKey, readTrustKey } from './trust-mac'

export const ROWS_FILE = '.rows.json'
/** Bumped when what the cache holds changes. */
const ROWS_FORMAT = 1
/**
 * Opening reads the cache from this many articles on (the head tells how many): below it the whole catalog is
 * in within a few hundred ms of CPU (10,000: 170–320 ms), and reading the cache beside it only delays it.
 */
export const ROWS_FROM = 20_000
/** About 200 bytes an article; 2 GB is not ours (and past the longest string V8 reads). */
const MAX_ROWS_BYTES = 500 * 1024 * 1024

const purpose = () => `glossa-library-rows ${ROWS_FORMAT} ${CURRENT_VERSION.catalog}`
export const rowsFile = (root: string) => join(root, 'catalog', ROWS_FILE)

/**
 * The columns, one element per article in the catalog's date-added order. Repeated strings (tags, sources,
 * collections, people) are indices into `words`; `published` is '' when there is none, `source` -1;
 * `counts` is highlights, figures, notes per article; `marks` is each article's annotation tags as
 * [word, count, …]; `colors` a bit per highlight colour; `collections` and `creators` only for articles with any.
 */
type Columns = {
  format: number
  fingerprint: string
  words: string[]
  id: string[]
  title: string[]
  added: string[]
  published: string[]
  source: number[]
  tags: number[][]
  counts: number[]
  marks: number[][]
  colors: number[]
  collections: Record<string, number[]>
  creators: Record<string, number[]>
}

/** Builds the cache's text from the catalog's entries in date-added order; yields now and then (100,000 rows). */
export async function rowsText(all: readonly ArticleMeta[], fingerprint: string): Promise<string> {
  const words: string[] = []
  const index = new Map<string, number>()
  const word = (w: string) => {
    let i = index.get(w)
    if (i === undefined) index.set(w, (i = words.push(w) - 1))
    return i
  }
  const c: Columns = {
    format: ROWS_FORMAT,
    fingerprint,
    words,
    id: [],
    title: [],
    added: [],
    published: [],
    source: [],
    tags: [],
    counts: [],
    marks: [],
    colors: [],
    collections: {},
    creators: {},
  }
  for (let n = 0; n < all.length; n++) {
    if (n % 5_000 === 4_999) await new Promise((r) => setImmediate(r))
    const a = all[n]
    c.id.push(a.id)
    c.title.push(a.title)
    c.added.push(a.addedAt)
    c.published.push(a.publishedAt ?? '')
    const source = sourceOrDomain(a)
    c.source.push(source === undefined ? -1 : word(source))
    c.tags.push(a.tags.map(word))
    c.counts.push(a.counts.highlights, a.counts.figures, a.counts.notes)
    const marks: number[] = []
    for (const [t, k] of Object.entries(a.annotationTags)) marks.push(word(t), k)
    c.marks.push(marks)
    let bits = 0
    for (const color of a.annotationColors ?? []) bits |= 1 << HIGHLIGHT_COLORS.indexOf(color)
    c.colors.push(bits)
    if (a.collections?.length) c.collections[n] = a.collections.map(word)
    if (a.annotationCreators?.length) c.creators[n] = a.annotationCreators.map(word)
  }
  return JSON.stringify(c)
}

/**
 * Whether the cache on disk says it was written for these bucket files (its first bytes only, not checked): an
 * open that changed nothing does not write 15 MB again. A forged claim only costs the early answers: the reader
 * checks the MAC.
 */
export async function rowsWrittenFor(root: string, fingerprint: string): Promise<boolean> {
  const start = `{"format":${ROWS_FORMAT},"fingerprint":"${fingerprint}"`
  try {
    // Never a link, nor a pipe (an open of one waited for a writer), checked at the handle (regular-file.ts).
    const { handle } = await openRegular(rowsFile(root), MAX_ROWS_BYTES)
    try {
      const bytes = Buffer.alloc(65 + start.length)
      const { bytesRead } = await handle.read(bytes, 0, bytes.length, 0)
      return bytes.toString('utf8', 65, bytesRead) === start
    } finally {
      await handle.close()
    }
  } catch {
    return false
  }
}

/** Writes the cache (atomically), signed with `mac` (CatalogTrust.macOf). */
export async function writeRows(
  root: string,
  text: string,
  mac: (purpose: string, text: string) => Buffer,
): Promise<void> {
  await writeAtomic(rowsFile(root), `${mac(purpose(), text).toString('hex')}\n${text}`)
}

/**
 * The library's rows read back: a catalog for library-pages.ts (every entry reduced to the fields the pages use;
 * no hashes, lengths, URLs or excerpts) that never changes.
 */
export class RowsCatalog {
  readonly changes = 0
  readonly orderChanges = 0
  private readonly byId = new Map<string, ArticleMeta>()

  /** The sort orders saved for the same catalog (catalog-orders.ts), when there are: this never changes. */
  readonly orders: OrdersView

  constructor(
    private readonly entries: ArticleMeta[],
    saved: OrdersOf | null = null,
  ) {
    for (const a of entries) this.byId.set(a.id, a)
    this.orders = { take: (sort) => saved?.get(sort) ?? null, read: Promise.resolve() }
  }

  all(): ArticleMeta[] {
    return this.entries
  }

  size(): number {
    return this.entries.length
  }

  has(id: string): boolean {
    return this.byId.has(id)
  }

  get(id: string): ArticleMeta {
    const a = this.byId.get(id)
    if (!a) throw new Error(`No article ${id} in the library's rows.`)
    return a
  }
}

export type RowsRead = { rows: RowsCatalog } | { rows: null; why: string }

const isInt = (x: unknown, below: number) =>
  Number.isInteger(x) && (x as number) >= 0 && (x as number) < below
const strings = (x: unknown, n: number): x is string[] =>
  Array.isArray(x) && x.length === n && x.every((s) => typeof s === 'string')
const ints = (x: unknown, n: number, below: number): x is number[] =>
  Array.isArray(x) && (n < 0 || x.length === n) && x.every((i) => isInt(i, below))

/**
 * The entries the columns describe, or a reason they are not of the cache's shape. Made 5,000 at a time between
 * other work: the library's first page (from its head) is not held up while 100,000 are made.
 */
async function entriesOf(c: Partial<Columns>): Promise<ArticleMeta[] | string> {
  const n = Array.isArray(c.id) ? c.id.length : -1
  const w = Array.isArray(c.words) ? c.words.length : 0
  if (!strings(c.words, w) || !strings(c.id, n) || !strings(c.title, n)) return 'words, ids or titles'
  if (!strings(c.added, n) || !strings(c.published, n)) return 'dates'
  if (!Array.isArray(c.source) || c.source.length !== n || !c.source.every((s) => s === -1 || isInt(s, w)))
    return 'sources'
  if (!ints(c.counts, 3 * n, 2 ** 31) || !ints(c.colors, n, 2 ** HIGHLIGHT_COLORS.length)) return 'counts'
  if (!Array.isArray(c.tags) || c.tags.length !== n || !c.tags.every((t) => ints(t, -1, w))) return 'tags'
  if (!Array.isArray(c.marks) || c.marks.length !== n) return 'annotation tags'
  const sparse = (o: unknown): o is Record<string, number[]> =>
    typeof o === 'object' &&
    o !== null &&
    Object.entries(o).every(([k, v]) => isInt(Number(k), n) && ints(v, -1, w))
  if (!sparse(c.collections) || !sparse(c.creators)) return 'collections or people'
  const { words, id, title, added, published, source, tags, counts, marks, colors, collections, creators } =
    c as Columns
  const out: ArticleMeta[] = new Array(n)
  for (let i = 0; i < n; i++) {
    if (i % 5_000 === 4_999) await new Promise((r) => setImmediate(r))
    const m = marks[i]
    if (!ints(m, -1, 2 ** 31) || m.length % 2) return 'annotation tags'
    const annotationTags: Record<string, number> = {}
    for (let k = 0; k < m.length; k += 2) {
      if (m[k] >= w) return 'annotation tags'
      annotationTags[words[m[k]]] = m[k + 1]
    }
    const a: ArticleMeta = {
      id: id[i],
      title: title[i],
      addedAt: added[i],
      tags: tags[i].map((t) => words[t]),
      textHash: '',
      length: 0,
      counts: { highlights: counts[3 * i], figures: counts[3 * i + 1], notes: counts[3 * i + 2] },
      annotationTags,
    }
    if (source[i] >= 0) a.source = words[source[i]]
    if (published[i]) a.publishedAt = published[i]
    if (colors[i])
      a.annotationColors = HIGHLIGHT_COLORS.filter((_, b) => colors[i] & (1 << b)) as HighlightColor[]
    if (collections[i]) a.collections = collections[i].map((x) => words[x])
    if (creators[i]) a.annotationCreators = creators[i].map((x) => words[x])
    out[i] = a
  }
  return out
}

/**
 * The library's rows, when the cache is one this machine wrote for the catalog exactly as it is on disk now
 * (`fingerprint`: catalogFingerprint of the buckets now, taken here when not given); otherwise null and why.
 * Never throws.
 */
export async function readRows(root: string, keyFile: string, fingerprint?: string): Promise<RowsRead> {
  const no = (why: string): RowsRead => ({ rows: null, why })
  try {
    fingerprint ??= await catalogFingerprint(root)
    const file = rowsFile(root)
    const key = await readTrustKey(keyFile)
    if (!key) return no('no trust key on this machine')
    // Read and MACed as bytes: the MAC of the text is that of its UTF-8, and 15 MB at 100,000 articles is not
    // decoded to check it and encoded again to MAC it. Checked at the handle it is read from (regular-file.ts).
    const raw = await readRegularBytes(file, MAX_ROWS_BYTES).catch((err: NodeJS.ErrnoException) => err)
    if (raw instanceof Error)
      return no(raw.code === 'ENOENT' ? 'no rows cache' : `not a file of the cache’s size (${raw.message})`)
    const stored = raw.toString('latin1', 0, 64)
    if (raw[64] !== 0x0a || !/^[0-9a-f]{64}$/.test(stored)) return no('no MAC')
    const mac = createHmac('sha256', key).update(`${purpose()}\n`).update(raw.subarray(65)).digest()
    if (!timingSafeEqual(Buffer.from(stored, 'hex'), mac))
      return no('MAC does not match (edited, or written with another key)')
    const columns = JSON.parse(raw.toString('utf8', 65)) as Partial<Columns>
    if (columns.format !== ROWS_FORMAT) return no('another format')
    if (columns.fingerprint !== fingerprint) return no('the catalog changed since the cache was written')
    const entries = await entriesOf(columns)
    if (typeof entries === 'string') return no(`not of the cache’s shape: ${entries}`)
    // The sort orders saved for the same buckets, if any: a first sort from the cache then costs no sort.
    const orders = await readOrders(root, (p, text) => macWithKey(key, p, text), fingerprint)
    return { rows: new RowsCatalog(entries, orders.saved && ordersOf(orders.saved, entries)) }
  } catch (err) {
    return no(`unreadable: ${String(err)}`)
  }
}
