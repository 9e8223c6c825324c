// The on-disk segmented index against MiniSearch: the same documents, split over segment files and the live
// segment, find the same documents with the same scores (to floating-point noise: MiniSearch keeps a running
// average of field lengths, the segments a sum), matched terms and fields; removals, flushes and merges keep
// that; and a damaged, truncated, foreign or forged segment is refused with SegmentCorrupt, never read.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { INDEX_OPTIONS, SEARCH_OPTIONS } from './documents'
import type { SearchDoc } from './documents'
import { MiniSearch } from './minisearch-adapter'
import type { SearchResult } from './minisearch-adapter'
import type { HitSources } from './hits'
import { miniSearchEngine, runQuery } from './query-run'
import type { RankedQuery } from './ranked-search'
import { SegmentCorrupt, SegmentReader } from './segment-file'
import { bestFirst } from './best-first'
import { mergeSegments } from './merge-segments'
import { SegmentedIndex } from './segmented-index'
import { QUERIES, makeDocs, rng } from './test-corpus'
import { parseSearchQuery } from '../../shared/search-query'
import type { ArticleMeta } from '../../shared/types'

const FIELDS = INDEX_OPTIONS.fields
const dir = mkdtempSync(join(tmpdir(), 'glossa-segments-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))
const KEY = Buffer.alloc(32, 7)

const VARIANTS: Pick<RankedQuery, 'combineWith' | 'fuzzy' | 'prefix'>[] = [
  { combineWith: 'AND', fuzzy: false, prefix: false },
  { combineWith: 'AND', fuzzy: SEARCH_OPTIONS.fuzzy, prefix: SEARCH_OPTIONS.prefix },
  { combineWith: 'OR', fuzzy: SEARCH_OPTIONS.fuzzy, prefix: SEARCH_OPTIONS.prefix },
]
const MORE_QUERIES = [...QUERIES, 'grain grain port', 'kyiv kyiv', 'zzzz', 'gra', 'budgte council', 'ob']

let files = 0
/** `docs` written as one segment file with the key, opened again. */
function segmentOf(docs: SearchDoc[], key: Buffer | null = KEY): SegmentReader {
  const writer = new SegmentedIndex(FIELDS)
  writer.add(docs)
  const file = join(dir, `s${files++}.seg`)
  writeFileSync(file, writer.liveBytes(key ?? undefined))
  return SegmentReader.open(file, key ?? undefined)
}

function normalized(results: Iterable<SearchResult>) {
  return [...results]
    .map((r) => ({
      id: String(r.id),
      score: Math.round(r.score * 1e9) / 1e9,
      terms: [...r.terms].sort(),
      queryTerms: [...r.queryTerms].sort(),
      match: Object.fromEntries(Object.entries(r.match).map(([t, f]) => [t, [...f].sort()])),
    }))
    .sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
}

function compare(index: SegmentedIndex, ms: MiniSearch<SearchDoc>): number {
  const reference = miniSearchEngine(ms)
  let compared = 0
  for (const q of MORE_QUERIES) {
    for (const variant of VARIANTS) {
      const options = { ...SEARCH_OPTIONS, ...variant }
      const ranked = index.rank(q, options)
      const expected = reference.rank(q, options)
      const label = `${q} ${JSON.stringify(variant)}`
      expect(ranked.size, label).toBe(expected.size)
      const got = normalized(ranked.results())
      expect(got, label).toEqual(normalized(expected.results()))
      expect([...ranked.ids()].sort(), label).toEqual(got.map((r) => r.id).sort())
      const scores = [...ranked.results()].map((r) => r.score)
      expect(scores).toEqual([...scores].sort((a, b) => b - a))
      compared += expected.size
    }
  }
  return compared
}

describe('SegmentedIndex ranks as MiniSearch', () => {
  const docs = makeDocs(400, 11)
  const ms = new MiniSearch<SearchDoc>(INDEX_OPTIONS)
  ms.addAll(docs)

  it('with the documents in three segment files and the live segment', () => {
    const index = new SegmentedIndex(FIELDS, [
      segmentOf(docs.slice(0, 150)),
      segmentOf(docs.slice(150, 300)),
      segmentOf(docs.slice(300, 380)),
    ])
    index.add(docs.slice(380))
    expect(index.documentCount).toBe(400)
    expect(compare(index, ms)).toBeGreaterThan(3_000)
    index.close()
  })

  it('after articles are removed (tombstones) and changed (removed, added again to the live segment)', () => {
    const index = new SegmentedIndex(FIELDS, [segmentOf(docs.slice(0, 200)), segmentOf(docs.slice(200))])
    const reference = new MiniSearch<SearchDoc>(INDEX_OPTIONS)
    reference.addAll(docs)
    for (let i = 0; i < 400; i += 7) {
      expect(index.removeArticle(docs[i].id)).toBe(1)
      reference.discard(docs[i].id)
    }
    const changed = makeDocs(30, 99).map((d, i) => ({ ...d, id: docs[i * 13 + 1].id }))
    for (const doc of changed) {
      index.removeArticle(doc.id)
      if (reference.has(doc.id)) reference.discard(doc.id)
    }
    index.add(changed)
    reference.addAll(changed)
    reference.vacuum()
    expect(index.documentCount).toBe(reference.documentCount)
    expect(index.tombstones).toBeGreaterThan(0)
    compare(index, reference)

    // The live segment flushed to a file, then everything merged into one segment without the tombstones.
    const flushed = join(dir, 'flushed.seg')
    writeFileSync(flushed, index.liveBytes(KEY))
    const merged = join(dir, 'merged.seg')
    writeFileSync(merged, mergeSegments(index.segments, [index.deadIn(0), index.deadIn(1)], KEY))
    const after = new SegmentedIndex(FIELDS, [
      SegmentReader.open(merged, KEY),
      SegmentReader.open(flushed, KEY),
    ])
    expect(after.tombstones).toBe(0)
    expect(after.segments[0].docCount + after.segments[1].docCount).toBe(reference.documentCount)
    compare(after, reference)
    index.close()
    after.close()
  })

  it('annotation documents go with their article; docsWith finds a word in any field', () => {
    const index = new SegmentedIndex(FIELDS, [
      segmentOf([
        { ...docs[0], id: 'a1' },
        { ...docs[1], id: 'a1#n1', note: 'zebra crossing' },
        { ...docs[2], id: 'a10' },
      ]),
    ])
    index.add([{ ...docs[3], id: 'a1#n2', note: 'zebra again' }])
    expect(index.docsWith('Zebra').sort()).toEqual(['a1#n1', 'a1#n2'])
    expect(index.removeArticle('a1')).toBe(3)
    expect(index.docsWith('zebra')).toEqual([])
    expect(index.documentCount).toBe(1)
    index.close()
  })
})

describe('a segment file that is not as written is refused', () => {
  const docs = makeDocs(60, 3)
  const good = segmentOf(docs)
  const bytes = readFileSync(good.file)
  good.close()

  function opened(content: Uint8Array, key: Buffer | null = KEY): SegmentReader {
    const file = join(dir, `bad${files++}.seg`)
    writeFileSync(file, content)
    return SegmentReader.open(file, key ?? undefined)
  }

  it('opens intact, and reads every block', () => {
    const segment = opened(bytes)
    expect(segment.docCount).toBe(60)
    for (let t = 0; t < segment.termCount; t++) {
      const [first, end] = segment.entryRange(t)
      for (let k = first; k < end; k++) expect(segment.block(k).docs.length).toBe(segment.entryCount(k))
    }
    segment.close()
  })

  it('refuses a changed byte anywhere in the head, the tag or the trailer', () => {
    const headEnd = bytes.length - 16 - 32
    const step = Math.max(1, Math.floor(headEnd / 400))
    let refused = 0
    // From the end of the postings to the end of the file.
    const postingsEnd = 8 + bytes.readUInt32LE(bytes.length - 12)
    for (let at = postingsEnd; at < bytes.length; at += at < headEnd ? step : 1) {
      const bad = Buffer.from(bytes)
      bad[at] ^= 0x5a
      expect(() => opened(bad), `byte ${at}`).toThrow(SegmentCorrupt)
      refused++
    }
    expect(refused).toBeGreaterThan(60)
  })

  it('refuses a changed postings byte when the block is read', () => {
    const bad = Buffer.from(bytes)
    bad[8 + 3] ^= 1
    const segment = opened(bad)
    expect(() => {
      for (let t = 0; t < segment.termCount; t++) {
        const [first, end] = segment.entryRange(t)
        for (let k = first; k < end; k++) segment.block(k)
      }
    }).toThrow(SegmentCorrupt)
    segment.close()
  })

  it('refuses another key, no key, a truncated file, an empty file and garbage', () => {
    expect(() => opened(bytes, Buffer.alloc(32, 8))).toThrow(/not written by this Glossa/)
    expect(() => opened(bytes, null)).toThrow(SegmentCorrupt)
    expect(() => opened(bytes.subarray(0, bytes.length - 1))).toThrow(SegmentCorrupt)
    expect(() => opened(bytes.subarray(0, 40))).toThrow(SegmentCorrupt)
    expect(() => opened(new Uint8Array(0))).toThrow(SegmentCorrupt)
    expect(() => opened(Buffer.alloc(4096, 0x41))).toThrow(SegmentCorrupt)
  })

  it('without a key, a checksum still catches damage', () => {
    const plain = segmentOf(docs, null)
    const raw = readFileSync(plain.file)
    plain.close()
    expect(opened(raw, null).docCount).toBe(60)
    const bad = Buffer.from(raw)
    bad[raw.length - 60] ^= 1
    expect(() => opened(bad, null)).toThrow(/checksum/)
  })
})

describe('bestFirst', () => {
  it('gives the order of a full stable sort by score, for any size and many ties', () => {
    for (const [n, distinct] of [
      [0, 1],
      [7, 3],
      [3_000, 50],
      [20_000, 7],
      [50_000, 40_000],
    ]) {
      const random = rng(n)
      const score = Float64Array.from({ length: n }, () => Math.floor(random() * distinct) / 7)
      const expected = Array.from(score.keys()).sort((x, y) => score[y] - score[x] || x - y)
      expect([...bestFirst(score)], `${n}`).toEqual(expected)
    }
  })
})

describe('runQuery over segments answers as over MiniSearch', () => {
  // Articles with their notes as annotation documents, an in-memory catalog for filters and snippets.
  const docs = makeDocs(300, 21)
  const tags = ['energy', 'housing/social']
  const metas = docs.map((d, i): ArticleMeta => ({
    id: d.id,
    title: d.title,
    source: d.source,
    publishedAt: `2024-01-${String((i % 28) + 1).padStart(2, '0')}`,
    addedAt: '2024-02-01T00:00:00.000Z',
    tags: i % 3 === 0 ? [tags[i % 2]] : [],
    textHash: `h${i}`,
    length: d.text.length,
    counts: { highlights: 0, figures: 0, notes: 0 },
    annotationTags: {},
  }))
  const byId = new Map(metas.map((m) => [m.id, m]))
  const src: HitSources = {
    archive: {
      dir: dir,
      list: () => metas,
      has: (id) => byId.has(id),
      meta: (id) => byId.get(id)!,
      getArticle: async (id) => ({ ...byId.get(id)!, text: docs.find((d) => d.id === id)!.text }),
      readAnnotations: async () => [],
    },
    text: async (id) => docs.find((d) => d.id === id)!.text,
  }
  const indexed = docs.map((d, i) => ({ ...d, tags: metas[i].tags.join(' , ') }))

  it('for words, prefixes, close matches, phrases, exclusions and filters', async () => {
    const ms = new MiniSearch<SearchDoc>(INDEX_OPTIONS)
    ms.addAll(indexed)
    const index = new SegmentedIndex(FIELDS, [segmentOf(indexed.slice(0, 200))])
    index.add(indexed.slice(200))
    const queries = [
      ...QUERIES,
      'grai*',
      '"council tax"',
      'grain -port',
      'kyiv tag:energy',
      'budget -"interest rates"',
      'source:"The Observer" drones',
      'flod barriers',
      'zzzzzz',
    ]
    for (const q of queries) {
      const parsed = parseSearchQuery(q)
      if (!parsed.ok) throw new Error(q)
      const got = await runQuery(index, parsed.query, 20, src)
      const expected = await runQuery(ms, parsed.query, 20, src)
      const plain = (o: typeof got) => ({
        ...o,
        hits: o.hits.map((h) => ({ ...h, score: Math.round(h.score * 1e9) / 1e9 })),
      })
      expect(plain(got), q).toEqual(plain(expected))
    }
    index.close()
  })
})
