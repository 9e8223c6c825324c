// Search a researcher can trust (#14): exact words by default, phrases, exclusions, filters, close matches only
// as a labelled fallback, and a total that counts every match. On a real archive in a temp dir.
import { describe, expect, it } from 'vitest'
import { Archive } from '../archive/archive'
import type { NewArticle } from '../archive/archive'
import { annotate } from '../../../test/fixtures/search/kit'
import { tempDir } from '../../../test/temp-archive'
import { SearchIndex } from './search-index'

const ARTICLES: NewArticle[] = [
  {
    title: 'Whale watching season opens',
    source: 'Harbour Times',
    tags: ['nature'],
    text: 'A humpback whale was seen off the cape. Guides said the grain corridor ships kept their distance.',
  },
  {
    title: 'Council meets while roads close',
    source: 'Daily Ledger',
    tags: ['council'],
    text: 'The council met while crews closed two roads. The corridor grain deal was not discussed.',
  },
  {
    title: 'Grain corridor reopens',
    source: 'The Guardian',
    tags: ['grain', 'trade/sea'],
    text: 'Ships carried grain through the corridor again, with Covid-19 checks at the port.',
  },
  {
    title: 'Port strike ends',
    source: 'Guardian Weekly',
    tags: ['trade'],
    text: 'Dockers returned after the strike; grain ships waited in the corridor for two days.',
  },
]

async function opened() {
  const dir = await tempDir('glossa-search-trust-')
  const archive = await Archive.open(dir)
  const ids: string[] = []
  for (const a of ARTICLES) ids.push((await archive.createArticle(a)).id)
  const index = await SearchIndex.open(archive)
  const titles = async (q: string) => (await index.find(q)).hits.map((h) => h.title).sort()
  return { archive, ids, index, titles }
}

describe('search a researcher can trust', () => {
  it('matches whole words exactly: whale is not while, and a word is not the start of a longer one', async () => {
    const { index, titles } = await opened()
    expect(await titles('whale')).toEqual(['Whale watching season opens'])
    expect(await titles('while')).toEqual(['Council meets while roads close'])
    const found = await index.find('ship')
    expect(found).toMatchObject({ match: 'close' })
    expect(await titles('ships')).toHaveLength(3)
  })

  it('asks for the start of a word only with a *', async () => {
    const { titles } = await opened()
    expect(await titles('dock*')).toEqual(['Port strike ends'])
    expect(await titles('wha*')).toEqual(['Whale watching season opens'])
  })

  it('falls back to close matches, labelled, only when nothing matches exactly', async () => {
    const { index } = await opened()
    const typo = await index.find('whalle')
    expect(typo.match).toBe('close')
    expect(typo.hits.map((h) => h.title)).toEqual(['Whale watching season opens'])
    const exact = await index.find('whale')
    expect(exact).toMatchObject({ match: 'exact', total: 1 })
    const none = await index.find('zeppelin')
    expect(none).toEqual({ hits: [], total: 0, match: 'exact' })
  })

  it('matches a quoted phrase only where its words stand side by side', async () => {
    const { titles } = await opened()
    expect(await titles('"grain corridor"')).toEqual([
      'Grain corridor reopens',
      'Whale watching season opens',
    ])
    expect(await titles('grain corridor')).toHaveLength(4)
    expect(await titles('covid-19')).toEqual(['Grain corridor reopens'])
  })

  it('leaves out articles with an excluded word or phrase', async () => {
    const { titles } = await opened()
    expect(await titles('grain -whale')).toEqual([
      'Council meets while roads close',
      'Grain corridor reopens',
      'Port strike ends',
    ])
    expect(await titles('grain -"grain corridor" -dockers')).toEqual(['Council meets while roads close'])
  })

  it('narrows by tag (a parent includes its children), source words and figure metric', async () => {
    const { archive, ids, index, titles } = await opened()
    expect(await titles('grain tag:trade')).toEqual(['Grain corridor reopens', 'Port strike ends'])
    expect(await titles('grain -tag:trade')).toHaveLength(2)
    expect(await titles('grain source:guardian')).toEqual(['Grain corridor reopens', 'Port strike ends'])
    expect(await titles('grain source:"the guardian"')).toEqual(['Grain corridor reopens'])
    // A filter alone lists what it keeps.
    expect(await titles('tag:trade')).toEqual(['Grain corridor reopens', 'Port strike ends'])
    const a = await annotate(archive, ids[3], 'two days', { tags: ['delays'] })
    await archive.changeAnnotations(ids[3], (list) => {
      const found = list.find((x) => x.id === a.id)!
      found.kind = 'figure'
      found.figure = { value: 2, unit: 'days', metric: 'port/delays' }
    })
    expect(await titles('figure:port')).toEqual(['Port strike ends'])
    expect(await titles('grain figure:port/delays')).toEqual(['Port strike ends'])
    expect(await titles('figure:delays')).toEqual([])
    expect((await index.find('tag:delays')).total).toBe(1)
  })

  it('counts every matching article, not only the page returned', async () => {
    const { index } = await opened()
    const page = await index.find('grain', { limit: 2 })
    expect(page.hits).toHaveLength(2)
    expect(page.total).toBe(4)
  })

  it('refuses a query with nothing to look for, saying why', async () => {
    const { index } = await opened()
    await expect(index.find('-grain')).rejects.toMatchObject({
      code: 'invalid_argument',
      message: expect.stringMatching(/nothing to look for/),
    })
    await expect(index.find('tag:')).rejects.toMatchObject({ code: 'invalid_argument' })
  })
})
