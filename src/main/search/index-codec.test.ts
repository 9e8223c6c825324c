import { describe, expect, it } from 'vitest'
import { SEARCH_ARTICLES } from '../../../test/fixtures/search/articles'
import { INDEX_OPTIONS, SEARCH_OPTIONS } from './documents'
import type { SearchDoc } from './documents'
import { decodeIndex, encodeIndex, loadIndex } from './index-codec'
import type { LazyIndex } from './index-codec'
import { MiniSearch } from './minisearch-adapter'

const HEADER = { format: 'test', articles: { a: ['x', ''] } }

const doc = (fields: Partial<SearchDoc> & { id: string }): SearchDoc => ({
  ...{ title: '', text: '', tags: '', source: '', note: '' },
  ...fields,
})

/** The fixture articles and two notes, with one article replaced and one removed, so the index has dirt. */
function sampleIndex(): MiniSearch<SearchDoc> {
  const ms = new MiniSearch<SearchDoc>(INDEX_OPTIONS)
  SEARCH_ARTICLES.forEach((a, i) =>
    ms.add(doc({ id: `a${i}`, title: a.title, text: a.text, tags: a.tags.join(' , ') })),
  )
  ms.addAll([
    doc({ id: 'a1#n1', note: 'Ask the spokesperson', tags: 'rates' }),
    doc({ id: 'a2#n2', note: 'Zürich, “quoted” \\ back\nslash' }),
  ])
  ms.replace(doc({ id: 'a3', title: 'Replaced title', text: 'new text' }))
  ms.discard('a4')
  return ms
}

/** The saved term list with each packed postings string turned back into MiniSearch's `{ id: freq }` object. */
function unpacked(terms: [string, Record<string, string>][]) {
  return terms.map(([term, fields]) => {
    const out: Record<string, Record<string, number>> = {}
    for (const [fieldId, packed] of Object.entries(fields)) {
      const bytes = Buffer.from(packed, 'base64')
      out[fieldId] = {}
      for (let i = 0; i < bytes.length; i += 8)
        out[fieldId][bytes.readUInt32LE(i)] = bytes.readUInt32LE(i + 4)
    }
    return [term, out]
  })
}

const results = (ms: MiniSearch<SearchDoc>) =>
  ['corridor', 'spokesperson', 'zurich', 'zürich', 'replaced', 'shellng', 'repa'].map((q) =>
    ms.search(q, SEARCH_OPTIONS),
  )

describe('encodeIndex', () => {
  it.each([
    { name: 'from the index itself, one line', wrap: (ms: MiniSearch<SearchDoc>) => ms, lineChars: 1 << 20 },
    { name: 'from the index itself, many lines', wrap: (ms: MiniSearch<SearchDoc>) => ms, lineChars: 200 },
    {
      name: 'through toJSON() when the internals are not there',
      wrap: (ms: MiniSearch<SearchDoc>) =>
        ({ toJSON: () => ms.toJSON() }) as unknown as MiniSearch<SearchDoc>,
      lineChars: 200,
    },
  ])('writes what JSON.stringify would, with postings packed, $name', ({ wrap, lineChars }) => {
    const ms = sampleIndex()
    const lines = [...encodeIndex(HEADER, wrap(ms), lineChars)]
    if (lineChars < 1000) expect(lines.length).toBeGreaterThan(10)
    const written = JSON.parse(lines.join('\n'))
    const expected = JSON.parse(JSON.stringify({ header: HEADER, index: ms }))
    expect({ ...written, index: { ...written.index, index: unpacked(written.index.index) } }).toEqual(
      expected,
    )
    // Packed: no posting is written as an object of its own.
    expect(
      written.index.index.every(([, fields]: [string, object]) =>
        Object.values(fields).every((f) => typeof f === 'string'),
      ),
    ).toBe(true)
  })

  it('writes an empty index as valid JSON', () => {
    const ms = new MiniSearch<SearchDoc>(INDEX_OPTIONS)
    const text = [...encodeIndex(HEADER, ms)].join('\n')
    expect(JSON.parse(text).index).toEqual(ms.toJSON())
  })
})

describe('decodeIndex', () => {
  it.each([
    {
      name: 'its own lines',
      text: (ms: MiniSearch<SearchDoc>) => [...encodeIndex(HEADER, ms, 300)].join('\n'),
    },
    {
      name: 'plain JSON.stringify output',
      text: (ms: MiniSearch<SearchDoc>) => JSON.stringify({ header: HEADER, index: ms }),
    },
  ])('loads $name into an index that searches the same', async ({ text }) => {
    const ms = sampleIndex()
    const decoded = await decodeIndex(text(ms))
    expect(decoded.header).toEqual(HEADER)
    const loaded = await loadIndex(decoded.index as unknown as LazyIndex)
    expect(results(loaded)).toEqual(results(ms))
    expect(loaded.documentCount).toBe(ms.documentCount)
    expect(loaded.termCount).toBe(ms.termCount)
    expect(JSON.stringify(loaded)).toBe(
      JSON.stringify(MiniSearch.loadJSON(JSON.stringify(ms), INDEX_OPTIONS)),
    )
  })

  it('fails while loading on postings that are not packed pairs', async () => {
    const lines = [...encodeIndex(HEADER, sampleIndex(), 300)]
    for (const bad of ['"AAAA"', '"not base64!"']) {
      const damaged = [lines[0], '["grain",{"1":' + bad + '}]', lines[lines.length - 1]].join('\n')
      const decoded = await decodeIndex(damaged)
      await expect(loadIndex(decoded.index as unknown as LazyIndex)).rejects.toThrow(/not packed/)
    }
  })

  it('fails while loading when a line of terms is damaged or the file is cut short', async () => {
    const lines = [...encodeIndex(HEADER, sampleIndex(), 300)]
    const damaged = [...lines]
    damaged[3] = damaged[3].slice(0, -5)
    const bad = await decodeIndex(damaged.join('\n'))
    await expect(loadIndex(bad.index as unknown as LazyIndex)).rejects.toThrow(SyntaxError)
    const short = await decodeIndex(lines.slice(0, 5).join('\n'))
    await expect(loadIndex(short.index as unknown as LazyIndex)).rejects.toThrow(
      /ends before the end of its term list/,
    )
    await expect(decodeIndex(lines[0].slice(0, -20))).rejects.toThrow(SyntaxError)
  })
})
