import { describe, expect, it } from 'vitest'
import { filterChips, tagQuery } from './library-filter'

describe('library filters', () => {
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
