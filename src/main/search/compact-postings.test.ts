import { describe, expect, it } from 'vitest'
import { CompactPostings, MIN_COMPACT_SIZE, compactIndex } from './compact-postings'
import { INDEX_OPTIONS, SEARCH_OPTIONS } from './documents'
import type { SearchDoc } from './documents'
import { decodeIndex, encodeIndex, loadIndex } from './index-codec'
import { MiniSearch, miniSearchInternals } from './minisearch-adapter'
import { QUERIES, makeDocs, rng } from './test-corpus'

describe('CompactPostings behaves as the Map it replaces', () => {
  it('agrees with a Map through random sets, deletes, re-sets and repacks', () => {
    const random = rng(7)
    const start = Array.from({ length: 40 }, (_, i) => [i * 3 + 1, 1 + (i % 5)] as [number, number])
    const map = new Map(start)
    let compact = CompactPostings.from(start)
    let nextId = 200
    for (let step = 0; step < 3_000; step++) {
      const r = random()
      const known = [...map.keys()]
      const some = known[Math.floor(random() * known.length)] ?? 1
      if (r < 0.3) {
        // MiniSearch only ever hands out ids larger than every id before.
        map.set(nextId, 1)
        compact.set(nextId, 1)
        nextId += 1 + Math.floor(random() * 3)
      } else if (r < 0.5) {
        map.set(some, (map.get(some) ?? 0) + 1)
        compact.set(some, (compact.get(some) ?? 0) + 1)
      } else if (r < 0.75) {
        expect(compact.delete(some)).toBe(map.delete(some))
        expect(compact.delete(some)).toBe(false)
      } else if (r < 0.8) {
        // An id deleted from the arrays and set again.
        const gone = start[Math.floor(random() * start.length)][0]
        if (!map.has(gone)) {
          map.set(gone, 4)
          compact.set(gone, 4)
        }
      } else if (r < 0.85 && compact.needsRepack) {
        compact = compact.repacked()
      } else {
        const probe = Math.floor(random() * nextId)
        expect(compact.get(probe)).toBe(map.get(probe))
        expect(compact.has(probe)).toBe(map.has(probe))
      }
      expect(compact.size).toBe(map.size)
    }
    const sorted = [...map].sort((a, b) => a[0] - b[0])
    expect([...compact.repacked()]).toEqual(sorted)
    expect(new Set(compact.keys())).toEqual(new Set(map.keys()))
    expect(Object.fromEntries(compact)).toEqual(Object.fromEntries(map))
  })

  it('answers get() for the id keys() just yielded, even between deletes', () => {
    const compact = CompactPostings.from([
      [5, 2],
      [9, 1],
      [12, 7],
    ])
    const seen: [number, number | undefined][] = []
    for (const id of compact.keys()) {
      seen.push([id, compact.get(id)])
      if (id === 9) compact.delete(9)
    }
    expect(seen).toEqual([
      [5, 2],
      [9, 1],
      [12, 7],
    ])
    expect([...compact]).toEqual([
      [5, 2],
      [12, 7],
    ])
  })

  it('repacks extras in id order among the array entries, without the deleted ones', () => {
    const compact = CompactPostings.from([
      [5, 1],
      [10, 2],
      [20, 6],
    ])
    compact.set(7, 3).set(1, 1).set(25, 4).set(10, 5)
    compact.delete(20)
    const repacked = compact.repacked()
    expect([...repacked]).toEqual([
      [1, 1],
      [5, 1],
      [7, 3],
      [10, 5],
      [25, 4],
    ])
    expect(repacked.drifted).toBe(false)
    expect(repacked.get(7)).toBe(3)
  })

  it('reads a saved record, sorted or not', () => {
    expect([...CompactPostings.fromRecord({ '3': 1, '10': 2, '7': 4 })]).toEqual([
      [3, 1],
      [7, 4],
      [10, 2],
    ])
  })
})

function allResults(ms: MiniSearch<SearchDoc>) {
  return QUERIES.flatMap((q) =>
    (['AND', 'OR'] as const).map((combineWith) => ms.search(q, { ...SEARCH_OPTIONS, combineWith })),
  )
}

describe('an index with compact postings finds and ranks exactly as MiniSearch with Maps', () => {
  it('after building, after changes and after a vacuum, and when saved and loaded', async () => {
    const docs = makeDocs(400, 3)
    const plain = new MiniSearch<SearchDoc>(INDEX_OPTIONS)
    const compact = new MiniSearch<SearchDoc>(INDEX_OPTIONS)
    plain.addAll(docs)
    compact.addAll(docs)
    expect(compactIndex(compact)).toBeGreaterThan(100)
    expect(compactIndex(compact)).toBe(0) // nothing left to do
    expect(allResults(compact)).toEqual(allResults(plain))

    // Changes after compaction: discards (removed lazily by searches and by vacuum), new documents, re-adds.
    const changed = makeDocs(60, 11, 400)
    for (const ms of [plain, compact]) {
      for (let i = 0; i < 400; i += 7) ms.discard(docs[i].id)
      ms.addAll(changed)
      ms.add({ ...docs[7], text: 'grain grain port odesa' })
    }
    expect(allResults(compact)).toEqual(allResults(plain))
    await plain.vacuum()
    await compact.vacuum()
    expect(allResults(compact)).toEqual(allResults(plain))
    expect(compactIndex(compact, { fully: true })).toBeGreaterThan(0) // the drifted postings repacked
    expect(allResults(compact)).toEqual(allResults(plain))
    expect(compact.termCount).toBe(plain.termCount)

    // The saved form is the same, and loading it gives compact postings that still agree.
    const saved = [...encodeIndex({ v: 1 }, compact)].join('\n')
    expect(saved).toBe([...encodeIndex({ v: 1 }, plain)].join('\n'))
    const loaded = await loadIndex((await decodeIndex(saved)).index as never)
    expect(allResults(loaded)).toEqual(allResults(plain))
    const tree = miniSearchInternals(loaded)!.terms
    const kinds = [...tree].flatMap(([, fields]) =>
      [...fields.values()].map((p) => (p instanceof CompactPostings ? 'compact' : 'map')),
    )
    expect(kinds).toContain('compact')
    for (const [, fields] of tree) {
      for (const p of fields.values()) {
        if (!(p instanceof CompactPostings)) expect(p.size).toBeLessThan(MIN_COMPACT_SIZE)
      }
    }
  })
})
