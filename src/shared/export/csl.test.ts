import { createRequire } from 'node:module'
import { describe, expect, it } from 'vitest'
import { loadBundle } from '../../../test/fixtures/export/fixture'
import type { ArticleMeta } from '../types'
import type { CslItem } from './csl'
import { exportCslJson, toCslItem } from './csl'

// citation-js ships no types: its CommonJS entry is loaded through require and typed here to what we call.
type CiteInstance = {
  data: { id: string }[]
  format(kind: 'bibliography', opts: Record<string, unknown>): string | [string, string][]
}
const require = createRequire(import.meta.url)
const { Cite } = require('@citation-js/core') as { Cite: new (data: unknown) => CiteInstance }
require('@citation-js/plugin-csl')

const bundle = loadBundle()
const items = JSON.parse(exportCslJson(bundle).content) as CslItem[]

/** Letters, digits and single spaces only: citeproc curls quotes and moves full stops inside them. */
const words = (text: string) =>
  text
    .normalize('NFC')
    .replace(/[\p{P}\p{S}]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim()

function bibliography(data: unknown): Map<string, string> {
  const entries = new Cite(data).format('bibliography', {
    template: 'apa',
    lang: 'en-US',
    format: 'text',
    asEntryArray: true,
  }) as [string, string][]
  return new Map(entries.map(([id, text]) => [id, text.trim()]))
}

describe('exportCslJson', () => {
  it('writes one item per article, in bundle order', () => {
    const file = exportCslJson(bundle)
    expect(file).toMatchObject({ name: 'articles.csl.json', mime: 'application/vnd.citationstyles.csl+json' })
    expect(items.map((item) => item.id)).toEqual(bundle.articles.map((a) => a.id))
  })

  it.each([
    [
      'art-drone-makers',
      {
        type: 'article-newspaper',
        'container-title': 'Kyiv Ledger',
        author: [{ given: 'Olena', family: 'Kovalenko' }],
        issued: { 'date-parts': [[2023, 12, 21]] },
        language: 'en',
      },
    ],
    [
      'art-energy-support',
      {
        type: 'article-newspaper',
        author: [
          { given: 'Rūta', family: 'Petrauskienė' },
          { given: 'Tomas', family: 'Jankauskas' },
        ],
        issued: { 'date-parts': [[2024, 1, 10]] },
        URL: 'https://balticreview.example/news/energy-support?ref=rss&utm_source=feed',
      },
    ],
    ['art-tram-vote', { type: 'webpage', URL: 'https://notes.example/field/tram-vote?src=glossa&v=2' }],
  ])('%s has the expected fields', (id, fields) => {
    const item = items.find((i) => i.id === id)!
    expect(item).toMatchObject({ ...fields, accessed: { 'date-parts': [[2024, 3, 4]] } })
    const article = bundle.articles.find((a) => a.id === id)!
    expect(item.title).toBe(article.title)
    expect(item.abstract).toBe(article.excerpt)
  })

  it('leaves absent fields out rather than empty', () => {
    const tram = items.find((i) => i.id === 'art-tram-vote')!
    expect(Object.keys(tram).sort()).toEqual(['URL', 'accessed', 'id', 'title', 'type'])
  })

  it('formats through citation-js (citeproc, APA): one entry per article with its title and source', () => {
    const entries = bibliography(items)
    expect([...entries.keys()].sort()).toEqual(bundle.articles.map((a) => a.id).sort())
    for (const article of bundle.articles) {
      const entry = entries.get(article.id)!
      expect(words(entry)).toContain(words(article.title))
      if (article.source) expect(entry).toContain(article.source)
      if (article.url) expect(entry).toContain(article.url)
    }
    expect(entries.get('art-drone-makers')).toMatch(/^Kovalenko, O\. \(2023, December 21\)\./)
    expect(entries.get('art-energy-support')).toMatch(
      /^Petrauskienė, R\., & Jankauskas, T\. \(2024, January 10\)\./,
    )
    expect(entries.get('art-tram-vote')).toContain('(n.d.)')
  })

  it('cites an organisation byline as one literal name', () => {
    const article: ArticleMeta = { ...bundle.articles[0], author: 'Reuters Staff' }
    const item = toCslItem(article, bundle.generatedAt)
    expect(item.author).toEqual([{ literal: 'Reuters Staff' }])
    expect(bibliography([item]).get(article.id)).toMatch(/^Reuters Staff\. \(2023/)
  })
})
