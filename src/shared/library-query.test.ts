import { describe, expect, it } from 'vitest'
import { createRng } from '../../test/prng'
import { sourceOrDomain } from './article-source'
import { LIBRARY_SORTS, isEmptyFilter, matchesFilter, sortKey, sortMetas } from './library-query'
import type { LibraryFilter, LibrarySort } from './library-query'
import type { ArticleMeta } from './types'

function article(id: string, over: Partial<ArticleMeta> = {}): ArticleMeta {
  return {
    id,
    title: `Title ${id}`,
    addedAt: `2024-03-0${id.length}T00:00:00Z`,
    tags: [],
    textHash: id,
    length: 10,
    counts: { highlights: 0, figures: 0, notes: 0 },
    annotationTags: {},
    ...over,
  }
}

const list = [
  article('aaaa', {
    tags: ['strikes/launched'],
    source: 'Wire',
    publishedAt: '2024-01-09',
    counts: { highlights: 2, figures: 1, notes: 0 },
  }),
  article('bbbbb', {
    source: 'Daily',
    publishedAt: '2024-02-06',
    counts: { highlights: 1, figures: 0, notes: 1 },
    collections: ['col1'],
    annotationTags: { 'strikes/repelled': 1 },
    annotationColors: ['green'],
  }),
  article('cccccc', { tags: ['strikes-other'], title: 'Another', publishedAt: '2023-12-21' }),
]
const kept = (f: LibraryFilter) => list.filter((a) => matchesFilter(a, f)).map((a) => a.id)

describe('library query', () => {
  it.each<[string, LibraryFilter, string[]]>([
    ['source', { source: 'Wire' }, ['aaaa']],
    ['date range is inclusive and needs a date', { from: '2024-01-09', to: '2024-02-01' }, ['aaaa']],
    ['has figures', { hasFigures: true }, ['aaaa']],
    ['has notes', { hasNotes: true }, ['bbbbb']],
    ['collection', { collection: 'col1' }, ['bbbbb']],
    ['a tag, on the article or an annotation, sub-tags included', { tag: 'strikes' }, ['aaaa', 'bbbbb']],
    ['a colour of the annotations', { color: 'green' }, ['bbbbb']],
    ['filters combine', { tag: 'strikes', hasNotes: true }, ['bbbbb']],
    ['no filter', {}, ['aaaa', 'bbbbb', 'cccccc']],
  ])('%s', (_name, filter, expected) => {
    expect(kept(filter)).toEqual(expected)
  })

  it('knows a filter that sets nothing', () => {
    expect(isEmptyFilter({})).toBe(true)
    expect(isEmptyFilter({ tag: undefined, hasNotes: false })).toBe(true)
    expect(isEmptyFilter({ hasNotes: true })).toBe(false)
  })

  it('sorts by each key', () => {
    const ids = (sort: Parameters<typeof sortMetas>[1]) => sortMetas(list, sort).map((a) => a.id)
    expect(ids('added')).toEqual(['cccccc', 'bbbbb', 'aaaa'])
    expect(ids('published')).toEqual(['bbbbb', 'aaaa', 'cccccc'])
    expect(ids('title')).toEqual(['cccccc', 'aaaa', 'bbbbb'])
    expect(ids('source')).toEqual(['cccccc', 'bbbbb', 'aaaa'])
  })

  it('orders by its one-string keys exactly as the comparison of each field would', () => {
    // The orders as they were compared field by field before the keys (the reference).
    const plain = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0)
    const tie = (x: ArticleMeta, y: ArticleMeta) => plain(y.addedAt, x.addedAt) || plain(x.id, y.id)
    const field = (a: ArticleMeta, sort: LibrarySort) =>
      sort === 'title' ? sortKey(a.title) : sortKey(sourceOrDomain(a) ?? '')
    const reference = (list: ArticleMeta[], sort: LibrarySort) =>
      [...list].sort((x, y) =>
        sort === 'added'
          ? tie(x, y)
          : sort === 'published'
            ? plain(y.publishedAt ?? '', x.publishedAt ?? '') || tie(x, y)
            : plain(field(x, sort), field(y, sort)) || tie(x, y),
      )
    const r = createRng(19)
    const words = [
      'Port',
      'port',
      'Éclair',
      'eclair',
      'Date 9',
      'date 10',
      'a',
      'ab',
      'Ab',
      'Ünion',
      'x\u0001y',
    ]
    const dates = [undefined, '2024', '2024-05', '2024-05-09', '2024-05-10', '2023-12-31', '1999-01-01']
    for (let round = 0; round < 50; round++) {
      const list = Array.from({ length: 30 }, (_, i) =>
        article(`id${r.int(0, 99)}x${i}`, {
          title: `${r.pick(words)} ${r.pick(words)}`,
          addedAt: `2024-0${r.int(1, 3)}-0${r.int(1, 3)}T00:00:0${r.int(0, 2)}.000Z`,
          publishedAt: r.pick(dates),
          ...(r.chance(0.7) ? { source: r.pick(words) } : { url: `https://w${r.int(0, 3)}.org/a` }),
        }),
      )
      for (const sort of LIBRARY_SORTS)
        expect(sortMetas(list, sort).map((a) => a.id)).toEqual(reference(list, sort).map((a) => a.id))
    }
  })
})
