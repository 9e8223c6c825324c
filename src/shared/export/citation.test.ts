import { describe, expect, it } from 'vitest'
import { loadBundle } from '../../../test/fixtures/export/fixture'
import type { ArticleMeta } from '../types'
import { citation, citationDate } from './citation'

const [drones, energy, tram] = loadBundle().articles

describe('citation', () => {
  it.each([
    [
      drones,
      "Olena Kovalenko (2023, December 21). Ukraine's drone makers: more than 50 firms now in production. Kyiv Ledger. https://kyivledger.example/2023/12/21/drone-makers",
    ],
    [
      energy,
      'Rūta Petrauskienė and Tomas Jankauskas (2024, January 10). Nausėda: energy support to cost €1.2 billion — “a necessary shield”. Baltic Review. https://balticreview.example/news/energy-support?ref=rss&utm_source=feed',
    ],
    [
      tram,
      'Field note: #tram vote | what the council *really* said. (n.d.). notes.example. https://notes.example/field/tram-vote?src=glossa&v=2',
    ],
    // No source and no URL: the title already leads, so nothing stands in for the source.
    [{ ...tram, url: undefined }, 'Field note: #tram vote | what the council *really* said. (n.d.).'],
    [
      { ...drones, title: 'Is it over?', source: 'Desk.', url: undefined },
      'Olena Kovalenko (2023, December 21). Is it over? Desk.',
    ],
    [
      { ...drones, title: 'Two\nlines', author: '  Olena\tKovalenko ' },
      expect.stringMatching(/^Olena Kovalenko \(2023, December 21\)\. Two lines\. /),
    ],
    [
      { ...drones, url: undefined, canonicalUrl: 'https://c.example/x' },
      expect.stringMatching(/ https:\/\/c\.example\/x$/),
    ],
  ] as [ArticleMeta, string][])('%#: %s', (article, expected) => {
    expect(citation(article)).toEqual(expected)
  })
})

describe('citationDate', () => {
  it.each([
    ['2023-12-21', '2023, December 21'],
    ['2024-01-10T23:30:00-05:00', '2024, January 10'],
    ['2024-02-01T00:30:00Z', '2024, February 1'],
    ['2024-13-01', 'n.d.'],
    ['2024-02-00', 'n.d.'],
    [undefined, 'n.d.'],
    ['', 'n.d.'],
  ])('%j → %j', (iso, text) => {
    expect(citationDate(iso)).toBe(text)
  })
})
