// Main process: writes and reads the saved index as the JSON object `{ header, index }`, where `index` is exactly
// what `JSON.stringify(miniSearch)` produces and `MiniSearch.loadJSON` reads — but laid out one ~1 MB line per
// slice of terms. At 10,000 articles the index JSON is ~50 MB: `JSON.stringify(miniSearch)` first builds
// MiniSearch's whole `toJSON()` object tree (~300 MB of garbage, 2 s), and `JSON.parse` of the file builds it
// again on load. Line by line, saving walks the index directly and loading parses one slice at a time.
import type MiniSearch from 'minisearch'
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
  _index: Iterable<[string, Map<number, Map<number, number>>]>
}

const LINE_CHARS = 1 << 20
const TAIL = ']}}'

/** Lines to join with '\n'. Built synchronously, so they are one consistent snapshot of the index. */
export function encodeIndex(header: unknown, ms: MiniSearch<SearchDoc>, lineChars = LINE_CHARS): string[] {
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
  const lines = [head.slice(0, -TAIL.length)] // ends in `"index":[`
  let line = ''
  let separator = ''
  const push = (entry: string) => {
    line += separator + entry
    separator = ','
    if (line.length < lineChars) return
    lines.push(line)
    line = ''
  }
  if (inner) for (const [term, fields] of inner._index) push(termEntry(term, fields))
  else for (const entry of plainTerms) push(JSON.stringify(entry))
  if (line) lines.push(line)
  lines.push(TAIL)
  return lines
}

function termEntry(term: string, fields: Map<number, Map<number, number>>): string {
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
    typeof inner._index?.[Symbol.iterator] === 'function'
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
