import { describe, expect, it } from 'vitest'
import { isEmptyFilter, matchesFilter, sortMetas } from './library-query'
import type { LibraryFilter } from './library-query'
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
})
