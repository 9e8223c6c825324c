// Main process: writes and reads the saved index as the JSON object `{ header, index }`, where `index` is exactly
// what `JSON.stringify(miniSearch)` produces and `MiniSearch.loadJSON` reads — but laid out one ~1 MB line per
// slice of terms. At 10,000 articles the index JSON is ~50 MB: `JSON.stringify(miniSearch)` first builds
// MiniSearch's whole `toJSON()` object tree (~300 MB of garbage, 2 s), and `JSON.parse` of the file builds it
// again on load. Line by line, saving walks the index directly and loading parses one slice at a time.
import MiniSearch from 'minisearch'
import type { AsPlainObject } from 'minisearch'
import { CompactPostings, MIN_COMPACT_SIZE } from './compact-postings'
import { INDEX_OPTIONS } from './documents'
import type { SearchDoc } from './documents'

/** MiniSearch 7's private fields, read only to serialize; `toJSON()` is the fallback if they ever change. */
type Internals = {
  _documentCount: number
  _nextId: number
  _documentIds: Map<number, unknown>
  _fieldIds: Record<string, number>
  _fieldLength: Map<number, number[]>
  _avgFieldLength: number[]
  _storedFields: Map<number, unknown>
  _dirtCount: number
  _index: Iterable<[string, TermData]> & { set: (term: string, data: TermData) => unknown }
}
/** Field id → document short id → term frequency. */
type TermData = Map<number, Map<number, number> | CompactPostings>

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
  const inner = internalsOf(ms)
  const { index: plainTerms, ...plainMeta } = inner ? { index: [] } : ms.toJSON()
  const meta = inner
    ? {
        documentCount: inner._documentCount,
        nextId: inner._nextId,
        documentIds: Object.fromEntries(inner._documentIds),
        fieldIds: inner._fieldIds,
        fieldLength: Object.fromEntries(inner._fieldLength),
        averageFieldLength: inner._avgFieldLength,
        storedFields: Object.fromEntries(inner._storedFields),
        dirtCount: inner._dirtCount,
      }
    : plainMeta
  // `index` must come last: the first line ends where its list of terms begins.
  const head = JSON.stringify({ header, index: { ...meta, serializationVersion: 2, index: [] } })
  yield head.slice(0, -TAIL.length) // ends in `"index":[`
  const entries = inner
    ? mapIterable(inner._index, ([term, fields]) => termEntry(term, fields))
    : mapIterable(plainTerms, (entry) => JSON.stringify(entry))
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

function termEntry(term: string, fields: TermData): string {
  let out = `[${JSON.stringify(term)},{`
  let firstField = true
  for (const [fieldId, docs] of fields) {
    out += `${firstField ? '' : ','}"${fieldId}":{`
    firstField = false
    let firstDoc = true
    for (const [doc, freq] of docs) {
      out += `${firstDoc ? '' : ','}"${doc}":${freq}`
      firstDoc = false
    }
    out += '}'
  }
  return `${out}}]`
}

function internalsOf(ms: MiniSearch<SearchDoc>): Internals | undefined {
  const inner = ms as unknown as Partial<Internals>
  const ok =
    typeof inner._documentCount === 'number' &&
    typeof inner._nextId === 'number' &&
    inner._documentIds instanceof Map &&
    inner._fieldLength instanceof Map &&
    inner._storedFields instanceof Map &&
    Array.isArray(inner._avgFieldLength) &&
    typeof inner._fieldIds === 'object' &&
    typeof inner._dirtCount === 'number' &&
    typeof inner._index?.[Symbol.iterator] === 'function' &&
    typeof inner._index.set === 'function'
  return ok ? (inner as Internals) : undefined
}

export type Decoded = { header: unknown; index: Record<string, unknown> }

/**
 * Parses a saved file. Written by `encodeIndex`, the term list is left as a lazy iterable that parses one line at
 * a time as MiniSearch.loadJS walks it (a damaged line throws then); any other valid JSON is parsed whole.
 * Throws SyntaxError when the file is not JSON.
 */
export function decodeIndex(raw: string): Decoded {
  const lines = raw.split('\n')
  const head = lines[0]
  if (lines.length < 2 || !head.endsWith('"index":[') || lines[lines.length - 1] !== TAIL) {
    const whole = JSON.parse(raw) as Partial<Decoded> | null
    return { header: whole?.header, index: (whole?.index ?? {}) as Record<string, unknown> }
  }
  const top = JSON.parse(`${head}${TAIL}`) as Partial<Decoded>
  const slices = lines.slice(1, -1)
  function* terms(): Generator<unknown> {
    for (const slice of slices)
      yield* JSON.parse(`[${slice.startsWith(',') ? slice.slice(1) : slice}]`) as unknown[]
  }
  return { header: top.header, index: { ...(top.index ?? {}), index: terms() } }
}

/** Terms loaded between two turns of the event loop. */
const LOAD_SLICE = 5_000

/**
 * MiniSearch.loadJS, but handing the event loop back every few thousand terms, so opening a large index does
 * not freeze the main process for seconds. Fills the term tree the way loadJS does; falls back to loadJS itself
 * if MiniSearch's internals are not what they were.
 */
export async function loadIndex(js: AsPlainObject): Promise<MiniSearch<SearchDoc>> {
  const ms = MiniSearch.loadJS({ ...js, index: [] }, INDEX_OPTIONS)
  const inner = internalsOf(ms)
  if (!inner) return MiniSearch.loadJS(js, INDEX_OPTIONS)
  let count = 0
  for (const [term, data] of js.index) {
    const fields: TermData = new Map()
    for (const [fieldId, docs] of Object.entries(data)) fields.set(Number(fieldId), numericMap(docs))
    inner._index.set(term, fields)
    if (++count % LOAD_SLICE === 0) await new Promise((resolve) => setImmediate(resolve))
  }
  return ms
}

/** Large postings go straight into their compact form: no Map is built for them, not even for a moment. */
function numericMap(docs: Record<string, number>): Map<number, number> | CompactPostings {
  let size = 0
  for (const _ in docs) if (++size >= MIN_COMPACT_SIZE) return CompactPostings.fromRecord(docs)
  const map = new Map<number, number>()
  for (const key of Object.keys(docs)) map.set(Number(key), docs[key])
  return map
}
