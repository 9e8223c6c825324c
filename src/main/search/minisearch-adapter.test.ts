// Tests (Node): the private layout of MiniSearch that minisearch-adapter.ts reads, checked field by field against
// what MiniSearch's public API (toJSON, search, has, documentCount) says about the same index. If an upgrade of
// MiniSearch moves or renames anything read here, this fails by name: then update minisearch-adapter.ts (and
// MINISEARCH_VERSION with package.json's exact pin), not the fallbacks.
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { INDEX_OPTIONS, SEARCH_OPTIONS } from './documents'
import type { SearchDoc } from './documents'
import { MINISEARCH_VERSION, MiniSearch, miniSearchInternals } from './minisearch-adapter'
import type { MiniSearchInternals, TermData } from './minisearch-adapter'

const doc = (id: string, fields: Partial<SearchDoc>): SearchDoc => ({
  ...{ title: '', text: '', tags: '', source: '', note: '' },
  ...fields,
  id,
})

const DOCS = [
  doc('a', { title: 'Harbour budget', text: 'The harbour budget rose 4.2% to 1,200 million.' }),
  doc('b', {
    title: 'Grid repairs',
    text: 'Repair crews restored the grid; the budget held.',
    tags: 'energy',
  }),
  doc('c', { title: 'Drones', text: 'Of 520 drones launched, 412 were shot down.', source: 'wire' }),
  doc('a#n1', { note: 'harbor or harbour? check the budget line', tags: 'budget , check' }),
]

function indexOf(docs: SearchDoc[]): MiniSearch<SearchDoc> {
  const ms = new MiniSearch(INDEX_OPTIONS)
  ms.addAll(docs)
  return ms
}

function internals(ms: MiniSearch<SearchDoc>): MiniSearchInternals {
  const inner = miniSearchInternals(ms)
  if (!inner) {
    throw new Error(
      `MiniSearch's private layout is not the one minisearch-adapter.ts reads (written for ${MINISEARCH_VERSION}): ` +
        'saving, loading, compacting and ranked search would all take their slow fallbacks. Update the adapter.',
    )
  }
  return inner
}

/** The term tree as MiniSearch's toJSON writes it: term → field id → short id → frequency. */
function plainTerms(
  terms: Iterable<[string, TermData]>,
): Record<string, Record<string, Record<string, number>>> {
  const out: Record<string, Record<string, Record<string, number>>> = {}
  for (const [term, fields] of terms) {
    out[term] = {}
    for (const [fieldId, postings] of fields) out[term][fieldId] = Object.fromEntries(postings)
  }
  return out
}

describe('the MiniSearch the adapter reads', () => {
  it('is the exact version package.json pins and the adapter was written for', () => {
    const read = (path: string) => JSON.parse(readFileSync(resolve(__dirname, '../../..', path), 'utf8'))
    const installed = (read('node_modules/minisearch/package.json') as { version: string }).version
    const pkg = read('package.json') as { dependencies: Record<string, string> }
    expect(pkg.dependencies.minisearch, 'package.json pins minisearch exactly').toBe(MINISEARCH_VERSION)
    expect(installed, 'the installed minisearch').toBe(MINISEARCH_VERSION)
  })

  it('keeps its state in the private fields the adapter names, as its public toJSON reports it', () => {
    const ms = indexOf(DOCS)
    const inner = internals(ms)
    const json = ms.toJSON()
    expect(inner.fields).toEqual(INDEX_OPTIONS.fields)
    expect(inner.fieldIds).toEqual(json.fieldIds)
    expect(Object.fromEntries(inner.documentIds)).toEqual(json.documentIds)
    expect([...inner.documentIds.values()]).toEqual(DOCS.map((d) => d.id)) // short ids in the order added
    expect(Object.fromEntries(inner.fieldLength)).toEqual(json.fieldLength)
    expect(inner.averageFieldLength).toEqual(json.averageFieldLength)
    expect(Object.fromEntries(inner.storedFields)).toEqual(json.storedFields)
    expect(inner.documentCount).toBe(DOCS.length)
    expect(inner.nextId).toBe(DOCS.length)
    expect(inner.dirtCount).toBe(0)
    expect(plainTerms(inner.terms)).toEqual(Object.fromEntries(json.index))
  })

  it('answers term lookups by exact term, prefix and edit distance', () => {
    const inner = internals(indexOf(DOCS))
    const budget = inner.terms.get('budget')
    expect(budget).toBeInstanceOf(Map)
    const text = inner.fieldIds.text
    // 'budget' in the text of a (short id 0) and b (short id 1), once each.
    expect([...budget!.get(text)!]).toEqual([
      [0, 1],
      [1, 1],
    ])
    expect([...inner.terms.atPrefix('harb')].map(([term]) => term).sort()).toEqual(['harbor', 'harbour'])
    expect([...inner.terms.fuzzyGet('harbour', 1)].map(([term, [, distance]]) => [term, distance])).toEqual(
      expect.arrayContaining([
        ['harbour', 0],
        ['harbor', 1],
      ]),
    )
    const replaced: TermData = new Map([[text, new Map([[2, 7]])]])
    inner.terms.set('budget', replaced)
    expect(inner.terms.get('budget')).toBe(replaced)
  })

  it('is read live: a discard shows in dirtCount and documentIds, a vacuum clears it', async () => {
    const ms = indexOf(DOCS)
    const inner = internals(ms)
    ms.discard('b')
    expect(inner.dirtCount).toBe(1)
    expect(inner.documentCount).toBe(DOCS.length - 1)
    expect([...inner.documentIds.values()]).not.toContain('b')
    expect(inner.terms.get('grid')?.get(inner.fieldIds.title)?.get(1)).toBe(1) // still in postings until vacuumed
    await ms.vacuum()
    expect(inner.dirtCount).toBe(0)
    expect(inner.terms.get('grid')).toBeUndefined()
    ms.add(doc('d', { title: 'Grid again' }))
    expect(inner.nextId).toBe(DOCS.length + 1)
    expect(ms.search('grid', SEARCH_OPTIONS).map((r) => r.id)).toEqual(['d'])
  })

  it('stays the same after loadJS, the way a saved index comes back', () => {
    const ms = indexOf(DOCS)
    const loaded = MiniSearch.loadJS(ms.toJSON(), INDEX_OPTIONS)
    expect(plainTerms(internals(loaded).terms)).toEqual(plainTerms(internals(ms).terms))
    expect(Object.fromEntries(internals(loaded).documentIds)).toEqual(
      Object.fromEntries(internals(ms).documentIds),
    )
  })
})
