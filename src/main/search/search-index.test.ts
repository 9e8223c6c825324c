import { describe, expect, it } from 'vitest'
import { annotate, expectMarks, fixtureArchive } from '../../../test/fixtures/search/kit'
import { SearchIndex } from './search-index'

async function opened() {
  const fixture = await fixtureArchive()
  const index = await SearchIndex.open(fixture.archive)
  return { ...fixture, index }
}

describe('SearchIndex ranking', () => {
  it.each([
    { query: 'corridor', first: 'Grain exports', field: 'title', word: 'corridor' },
    { query: 'budget', first: 'City budget', field: 'title', word: 'budget' },
    { query: 'heatwave', first: 'Social housing', field: 'tags', word: 'heatwave' },
    { query: 'repa', first: 'Crews restore', field: 'text', word: 'repairs' },
    { query: 'shellng', first: 'Market hit', field: 'text', word: 'shelling' },
    { query: 'SHELLING', first: 'Market hit', field: 'text', word: 'shelling' },
    { query: 'Kharkiv shelling', first: 'Market hit', field: 'text', word: 'kharkiv|shelling' },
    { query: 'interest rate', first: 'Central bank', field: 'title', word: 'interest|rate|rates' },
    { query: 'Kharkiv repa', first: 'Crews restore', field: 'title', word: 'kharkiv|repairs' },
  ])('$query → "$first…" in $field, marking "$word"', async ({ query, first, field, word }) => {
    const { index, byTitle } = await opened()
    const [hit] = await index.search(query)
    expect(hit).toMatchObject({ articleId: byTitle(first).id, title: byTitle(first).title, field })
    expectMarks(hit, (w) => new RegExp(`^(${word})$`).test(w))
  })

  it('ranks a title match above a body match', async () => {
    const { index, byTitle } = await opened()
    const ids = (await index.search('corridor')).map((h) => h.articleId)
    expect(ids).toEqual([byTitle('Grain exports').id, byTitle('City budget').id])
  })

  it('prefers articles with every term, and falls back to any term when none has all', async () => {
    const { index, byTitle } = await opened()
    const all = await index.search('kharkiv shelling')
    expect(all.map((h) => h.articleId)).toEqual([byTitle('Market hit').id])
    const any = await index.search('kharkiv zebra')
    expect(any.map((h) => h.articleId).sort()).toEqual(
      [byTitle('Market hit').id, byTitle('Crews restore').id].sort(),
    )
  })

  it('points position at the matched word in the article text', async () => {
    const { index, archive, byTitle } = await opened()
    for (const query of ['repa', 'shellng', 'transformers', 'maize']) {
      const [hit] = await index.search(query)
      expect(hit.position, query).toBeDefined()
      const { text } = await archive.getArticle(hit.articleId)
      const word = text.slice(hit.position?.start, hit.position?.end)
      expect(hit.snippet.toLowerCase()).toContain(word.toLowerCase())
      expect(word.toLowerCase().startsWith(query.slice(0, 4).toLowerCase()) || query === 'shellng').toBe(true)
    }
    const [bakery] = await index.search('bakery')
    expect(bakery.articleId).toBe(byTitle('Market hit').id)
  })

  it('finds a note and names the annotation to focus', async () => {
    const { index, archive, byTitle } = await opened()
    const bank = byTitle('Central bank')
    const a = await annotate(archive, bank.id, 'two members of the committee', {
      note: 'Ask the spokesperson for the committee minutes',
    })
    const [hit] = await index.search('spokesperson')
    expect(hit).toMatchObject({ articleId: bank.id, annotationId: a.id, field: 'note' })
    expect(hit.snippet).toBe('Ask the spokesperson for the committee minutes')
    expectMarks(hit, (w) => w === 'spokesperson')
    expect(hit.position).toEqual({ start: a.target.position.start, end: a.target.position.end })
  })

  it('finds annotation tags, figure metrics included', async () => {
    const { index, archive, byTitle } = await opened()
    const drones = byTitle('Drones')
    const a = await annotate(archive, drones.id, '31 of 35 drones', { tags: ['interceptions/rate'] })
    const [hit] = await index.search('interceptions')
    expect(hit).toMatchObject({ articleId: drones.id, annotationId: a.id, field: 'tags' })
    expect(hit.snippet).toBe('interceptions/rate — 31 of 35 drones')
    expectMarks(hit, (w) => w === 'interceptions')
  })

  it('returns each article once, with its best hit, and applies the limit after grouping', async () => {
    const { index, archive, byTitle } = await opened()
    const grain = byTitle('Grain exports')
    await annotate(archive, grain.id, 'wheat and maize', {
      note: 'wheat prices, wheat volumes',
      tags: ['wheat'],
    })
    const hits = await index.search('wheat')
    expect(hits.filter((h) => h.articleId === grain.id)).toHaveLength(1)
    expect(await index.search('council', { limit: 1 })).toHaveLength(1)
    const all = await index.search('council')
    expect(all.length).toBeGreaterThan(1)
    expect(await index.search('council', { limit: Number.NaN })).toEqual(all)
    expect((await index.search('the', { limit: 3 })).map((h) => h.articleId)).toHaveLength(3)
  })

  it('matches numbers exactly, never as typos of other numbers', async () => {
    const { index, byTitle } = await opened()
    expect((await index.search('5.25')).map((h) => h.articleId)).toEqual([byTitle('Central bank').id])
    expect((await index.search('600'))[0].articleId).toBe(byTitle('Social housing').id)
    expect(await index.search('6000')).toEqual([])
  })

  it('searches a pasted paragraph by its first words', async () => {
    const { index, byTitle } = await opened()
    const [hit] = await index.search(`shelling market bakery ${'unrelated words here '.repeat(100)}`)
    expect(hit.articleId).toBe(byTitle('Market hit').id)
  })

  it.each(['', '   ', '—…!?', '#'])('returns nothing for the query %j', async (query) => {
    const { index } = await opened()
    expect(await index.search(query)).toEqual([])
  })

  it('cuts long texts around the densest cluster of matches', async () => {
    const { index, archive } = await opened()
    const filler = 'Nothing of note happened in the morning session of the assembly. '.repeat(20)
    const text = `${filler}The turbine contract was signed. ${filler}Turbine deliveries start in May. ${filler}`
    const meta = await archive.createArticle({ title: 'Long read', text, tags: [] })
    const [hit] = await index.search('turbine deliveries')
    expect(hit.articleId).toBe(meta.id)
    expect(hit.snippet.startsWith('…') && hit.snippet.endsWith('…')).toBe(true)
    expect(hit.snippet.length).toBeLessThanOrEqual(202)
    expect(hit.snippet).toContain('Turbine deliveries start in May.')
    expectMarks(hit, (w) => w === 'turbine' || w === 'deliveries')
    expect(text.slice(hit.position?.start, hit.position?.end)).toBe('Turbine')
  })
})

describe('SearchIndex follows the archive', () => {
  it('indexes created, updated and deleted articles at once', async () => {
    const { index, archive } = await opened()
    const meta = await archive.createArticle({
      title: 'Lighthouse keepers strike',
      text: 'Keepers walked out.',
      tags: [],
    })
    expect((await index.search('lighthouse')).map((h) => h.articleId)).toEqual([meta.id])

    await archive.updateArticle(meta.id, { title: 'Harbour pilots strike', tags: ['labour'] })
    expect(await index.search('lighthouse')).toEqual([])
    expect((await index.search('pilots')).map((h) => h.articleId)).toEqual([meta.id])
    expect((await index.search('labour')).map((h) => h.field)).toEqual(['tags'])

    await archive.deleteArticle(meta.id)
    expect(await index.search('pilots')).toEqual([])
    expect(await index.search('keepers')).toEqual([])
  })

  it('indexes created, edited and deleted annotations at once', async () => {
    const { index, archive, byTitle } = await opened()
    const flood = byTitle('Flood barriers')
    const a = await annotate(archive, flood.id, 'temporary flood barriers', {
      note: 'compare with the 2019 drill',
    })
    expect((await index.search('2019')).map((h) => h.annotationId)).toEqual([a.id])

    await archive.changeAnnotations(flood.id, (list) => {
      list[0] = { ...list[0], note: 'ask the agency for the timetable' }
    })
    expect(await index.search('2019')).toEqual([])
    expect((await index.search('timetable')).map((h) => h.annotationId)).toEqual([a.id])

    await archive.changeAnnotations(flood.id, (list) => list.splice(0))
    expect(await index.search('timetable')).toEqual([])
  })

  it('brings back a restored article with its annotations', async () => {
    const { index, archive, byTitle } = await opened()
    const tax = byTitle('Council tax')
    const a = await annotate(archive, tax.id, 'street lighting', { note: 'lamps budget unclear' })
    await archive.deleteArticle(tax.id)
    expect(await index.search('lamps')).toEqual([])
    await archive.restoreArticle(tax.id)
    expect((await index.search('lamps')).map((h) => h.annotationId)).toEqual([a.id])
    expect((await index.search('lighting'))[0].articleId).toBe(tax.id)
  })

  it('stays consistent under many concurrent annotation saves', async () => {
    const { index, archive, byTitle } = await opened()
    const exams = byTitle('Exam results')
    await Promise.all(
      Array.from({ length: 25 }, (_, i) =>
        annotate(archive, exams.id, 'tutoring sessions', {
          note: `checked${i}`,
          id: `c${String(i).padStart(4, '0')}`,
        }),
      ),
    )
    for (const i of [0, 12, 24]) {
      expect((await index.search(`checked${i}`)).map((h) => h.annotationId)).toEqual([
        `c${String(i).padStart(4, '0')}`,
      ])
    }
    expect(await index.search('tutoring')).toHaveLength(1)
  })

  it('refuses to search once closed', async () => {
    const { index } = await opened()
    await index.close()
    await expect(index.search('grain')).rejects.toMatchObject({ code: 'invalid_argument' })
  })
})
