import { describe, expect, it } from 'vitest'
import type { ArticleListItem } from '../../../shared/types'
import { applyFilter, filterChips, needsMatching, sortArticles, tagQuery } from './library-filter'

function article(id: string, over: Partial<ArticleListItem> = {}): ArticleListItem {
  return {
    id,
    title: `Title ${id}`,
    addedAt: `2024-03-0${id.length}T00:00:00Z`,
    tags: [],
    counts: { highlights: 0, figures: 0, notes: 0 },
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
  }),
  article('cccccc', { tags: ['strikes-other'], title: 'Another', publishedAt: '2023-12-21' }),
]
const ids = (xs: ArticleListItem[]) => xs.map((a) => a.id)

describe('library filters', () => {
  it.each([
    ['source', { source: 'Wire' }, ['aaaa']],
    ['date range is inclusive and needs a date', { from: '2024-01-09', to: '2024-02-01' }, ['aaaa']],
    ['has figures', { hasFigures: true }, ['aaaa']],
    ['has notes', { hasNotes: true }, ['bbbbb']],
    ['collection', { collection: 'col1' }, ['bbbbb']],
    ['no filter', {}, ['aaaa', 'bbbbb', 'cccccc']],
  ])('%s', (_name, filter, expected) => {
    expect(needsMatching(filter)).toBe(false)
    // An answer left from an earlier tag filter must not narrow a filter that has no tag or colour.
    expect(ids(applyFilter(list, filter, new Set(['cccccc'])))).toEqual(expected)
  })

  it.each([
    ['a tag keeps the articles the main process matched', { tag: 'strikes' }],
    ['a colour too', { color: 'green' as const }],
  ])('%s', (_name, filter) => {
    expect(needsMatching(filter)).toBe(true)
    expect(ids(applyFilter(list, filter, new Set(['bbbbb', 'cccccc'])))).toEqual(['bbbbb', 'cccccc'])
    // Until the answer is in, nothing is shown as matching.
    expect(applyFilter(list, filter, null)).toEqual([])
  })

  it('combines the matched ids with the other filters', () => {
    expect(ids(applyFilter(list, { tag: 'strikes', hasNotes: true }, new Set(['aaaa', 'bbbbb'])))).toEqual([
      'bbbbb',
    ])
  })

  it('sorts by each key', () => {
    expect(ids(sortArticles(list, 'added'))).toEqual(['cccccc', 'bbbbb', 'aaaa'])
    expect(ids(sortArticles(list, 'published'))).toEqual(['bbbbb', 'aaaa', 'cccccc'])
    expect(ids(sortArticles(list, 'title'))).toEqual(['cccccc', 'aaaa', 'bbbbb'])
    expect(ids(sortArticles(list, 'source'))).toEqual(['cccccc', 'bbbbb', 'aaaa'])
  })

  it('shows each active filter as a chip', () => {
    expect(
      filterChips({ tag: 'strikes', hasFigures: true, collection: 'col1' }, () => 'Winter').map(
        (c) => c.label,
      ),
    ).toEqual(['#strikes', 'has figures', 'in Winter'])
  })

  it.each([
    ['strikes', 'strikes'],
    ['  #strikes ', 'strikes'],
    ['##strikes/launched/', 'strikes/launched'],
    ['#', undefined],
    ['   ', undefined],
  ])('reads the typed tag %j as %j', (raw, expected) => {
    expect(tagQuery(raw)).toBe(expected)
  })
})
