// Main process: writes and reads the saved index as the JSON object `{ header, index }`, where `index` is what
// `JSON.stringify(miniSearch)` produces and `MiniSearch.loadJSON` reads, with two changes: it is laid out one
// ~1 MB line per slice of terms, and each term's postings in a field — MiniSearch writes an object
// `{ "<short id>": frequency, … }` — are packed as the base64 of (short id, frequency) pairs of little-endian
// uint32. At 10,000 articles `JSON.stringify(miniSearch)` first builds MiniSearch's whole `toJSON()` object tree
// (~300 MB of garbage, 2 s) and `JSON.parse` of the file builds it again on load, with an object and a key
// string per posting; line by line and packed, saving walks the index directly, and loading reads one slice at
// a time and turns each packed string straight into the typed arrays of CompactPostings.
import { CompactPostings, MIN_COMPACT_SIZE } from './compact-postings'
import { INDEX_OPTIONS } from './documents'
import type { SearchDoc } from './documents'
import { MiniSearch, miniSearchInternals } from './minisearch-adapter'
import type { AsPlainObject, TermData } from './minisearch-adapter'

const LINE_CHARS = 1 << 20
const TAIL = ']}}'

/**
 * The file's lines, produced as they are consumed. The index must not change until the last one is taken:
 * they are read from it directly.
 */
export function* encodeIndex(
  header: unknown,
  ms: MiniSearch<SearchDoc>,
  lineChars = LINE_CHARS,
): Generator<string> {
  // MiniSearch's own fields, read directly; `toJSON()` is the fallback if their layout ever changes.
  const inner = miniSearchInternals(ms)
  const { index: plainTerms, ...plainMeta } = inner ? { index: [] } : ms.toJSON()
  const meta = inner
    ? {
        documentCount: inner.documentCount,
        nextId: inner.nextId,
        documentIds: Object.fromEntries(inner.documentIds),
        fieldIds: inner.fieldIds,
        fieldLength: Object.fromEntries(inner.fieldLength),
        averageFieldLength: inner.averageFieldLength,
        storedFields: Object.fromEntries(inner.storedFields),
        dirtCount: inner.dirtCount,
      }
    : plainMeta
  // `index` must come last: the first line ends where its list of terms begins.
  const head = JSON.stringify({ header, index: { ...meta, serializationVersion: 2, index: [] } })
  yield head.slice(0, -TAIL.length) // ends in `"index":[`
  const entries = inner
    ? mapIterable(inner.terms, ([term, fields]) => termEntry(term, fields))
    : mapIterable(plainTerms, ([term, data]) =>
        termEntry(
          term,
          Object.entries(data).map(([fieldId, docs]) => [fieldId, numericMap(docs)] as const),
        ),
      )
  let line = ''
  let first = true
  for (const entry of entries) {
    line += first ? entry : `,${entry}` // a line after the first starts with the comma that separates it
    first = false
    if (line.length < lineChars) continue
    yield line
    line = ''
  }
  if (line) yield line
  yield TAIL
}

function* mapIterable<T>(items: Iterable<T>, map: (item: T) => string): Generator<string> {
  for (const item of items) yield map(item)
}

function termEntry(
  term: string,
  fields: Iterable<[number | string, Iterable<[number, number]> & { size: number }]>,
): string {
  const packed: string[] = []
  for (const [fieldId, docs] of fields) packed.push(`"${fieldId}":"${pack(docs)}"`)
  return `[${JSON.stringify(term)},{${packed.join(',')}}]`
}

/** Postings as the base64 of (short id, frequency) pairs of little-endian uint32. */
function pack(docs: Iterable<[number, number]> & { size: number }): string {
  const bytes = Buffer.allocUnsafe(docs.size * 8)
  let at = 0
  for (const [doc, freq] of docs) {
    bytes.writeUInt32LE(doc, at)
    bytes.writeUInt32LE(freq, at + 4)
    at += 8
  }
  return bytes.toString('base64', 0, at)
}

/** The postings `pack` wrote: large ones compact, small ones a Map. Throws on a string that is not packed postings. */
function unpack(packed: string): Map<number, number> | CompactPostings {
  const bytes = Buffer.from(packed, 'base64')
  if (bytes.length % 8 !== 0 || bytes.toString('base64') !== packed) {
    throw new SyntaxError("a term's postings are not packed (short id, frequency) pairs")
  }
  const n = bytes.length / 8
  const ids = new Uint32Array(n)
  const freqs = new Uint32Array(n)
  for (let i = 0; i < n; i++) {
    ids[i] = bytes.readUInt32LE(i * 8)
    freqs[i] = bytes.readUInt32LE(i * 8 + 4)
  }
  if (n >= MIN_COMPACT_SIZE) return CompactPostings.fromArrays(ids, freqs)
  const map = new Map<number, number>()
  for (let i = 0; i < n; i++) map.set(ids[i], freqs[i])
  return map
}

/** A saved term: the term and, per field id, its packed postings (or MiniSearch's own object of them). */
export type SavedTerm = [string, Record<string, string | Record<string, number>>]
/** MiniSearch's plain form, with its term list read lazily. */
export type LazyIndex = Omit<AsPlainObject, 'index'> & { index: AsyncIterable<SavedTerm> }
export type Decoded = { header: unknown; index: Record<string, unknown> }

/**
 * Parses a saved file from its lines, taken one at a time: the head at once, and the term list lazily, one line
 * per step, as `loadIndex` walks it (a damaged line, or a file that ends before its last line, throws then), so
 * neither the whole file nor all its terms are ever in memory at once. A file that is one JSON document (as
 * `JSON.stringify` writes it) is parsed whole. Throws SyntaxError when the head is not JSON.
 */
export async function decodeLines(lines: AsyncIterator<string>): Promise<Decoded> {
  const first = await lines.next()
  const head = first.done ? '' : first.value
  if (!head.endsWith('"index":[')) {
    let raw = head
    for (let next = await lines.next(); !next.done; next = await lines.next()) raw += `\n${next.value}`
    const whole = JSON.parse(raw) as Partial<Decoded> | null
    const index = (whole?.index ?? {}) as Record<string, unknown>
    const terms = Array.isArray(index.index) ? (index.index as SavedTerm[]) : undefined
    return { header: whole?.header, index: { ...index, index: terms && fromArray(terms) } }
  }
  const top = JSON.parse(`${head}${TAIL}`) as Partial<Decoded>
  async function* terms(): AsyncGenerator<SavedTerm> {
    try {
      for (let next = await lines.next(); ; next = await lines.next()) {
        if (next.done) throw new SyntaxError('the file ends before the end of its term list')
        const line = next.value
        if (line === TAIL) return
        yield* JSON.parse(`[${line.startsWith(',') ? line.slice(1) : line}]`) as SavedTerm[]
      }
    } finally {
      await lines.return?.()
    }
  }
  return { header: top.header, index: { ...(top.index ?? {}), index: terms() } }
}

/** `decodeLines` of a file's whole text. */
export function decodeIndex(raw: string): Promise<Decoded> {
  return decodeLines(fromArray(raw.split('\n'))[Symbol.asyncIterator]())
}

async function* fromArray<T>(items: T[]): AsyncGenerator<T> {
  yield* items
}

/** Terms loaded between two turns of the event loop. */
const LOAD_SLICE = 5_000

/**
 * MiniSearch.loadJS, but reading the term list as it arrives and handing the event loop back every few thousand
 * terms, so opening a large index does not freeze the main process for seconds. Fills the term tree the way
 * loadJS does, with large postings compact; falls back to loadJS itself if MiniSearch's internals are not what
 * they were.
 */
export async function loadIndex(js: LazyIndex): Promise<MiniSearch<SearchDoc>> {
  const ms = MiniSearch.loadJS({ ...js, index: [] }, INDEX_OPTIONS)
  const inner = miniSearchInternals(ms)
  if (!inner) {
    const all: AsPlainObject['index'] = []
    for await (const [term, data] of js.index) {
      const fields = Object.entries(data).map(([id, docs]) => [id, Object.fromEntries(numericMap(docs))])
      all.push([term, Object.fromEntries(fields) as AsPlainObject['index'][number][1]])
    }
    return MiniSearch.loadJS({ ...js, index: all }, INDEX_OPTIONS)
  }
  let count = 0
  for await (const [term, data] of js.index) {
    const fields: TermData = new Map()
    for (const [fieldId, docs] of Object.entries(data)) fields.set(Number(fieldId), numericMap(docs))
    inner.terms.set(term, fields)
    if (++count % LOAD_SLICE === 0) await new Promise((resolve) => setImmediate(resolve))
  }
  return ms
}

/** Large postings go straight into their compact form: no Map is built for them, not even for a moment. */
function numericMap(docs: string | Record<string, number>): Map<number, number> | CompactPostings {
  if (typeof docs === 'string') return unpack(docs)
  let size = 0
  for (const _ in docs) if (++size >= MIN_COMPACT_SIZE) return CompactPostings.fromRecord(docs)
  const map = new Map<number, number>()
  for (const key of Object.keys(docs)) map.set(Number(key), docs[key])
  return map
}
