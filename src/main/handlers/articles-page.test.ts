// Tests (Node): the library's rows a page at a time (articles.page, articles.ids, articles.sources) on a real
// archive: pages tile the sorted list, sorts and filters are the main process's, and changes show at once.
import { describe, expect, it } from 'vitest'
import { serviceHarness } from '../../../test/service-harness'
import { sampleTarget } from '../../../test/temp-archive'
import type { ArgsOf } from '../../shared/contract'

const TITLES = ['banana', 'Apple', 'éclair', 'cherry', 'Date 10', 'date 9', 'elderberry', 'fig']
const SOURCES = ['The Harbour Times', 'apex news', 'Évening Post', undefined]

async function library() {
  const h = await serviceHarness()
  const ids: string[] = []
  for (const [i, title] of TITLES.entries()) {
    const source = SOURCES[i % SOURCES.length]
    const a = await h.call('articles.create', {
      title,
      text: `Article ${i}: the port handled ${i * 1000} containers in the first week.`,
      ...(source ? { source } : { url: `https://www.example${i}.org/story` }),
      publishedAt: `2024-0${(i % 9) + 1}-1${i % 10}`,
      tags: i % 2 ? ['port'] : ['budget/city'],
    })
    ids.push(a.id)
  }
  return { ...h, ids }
}

type Args = ArgsOf<'articles.page'>

/** Every row through pages of `limit`, as the virtual list would ask for them. */
async function allPages(
  h: Awaited<ReturnType<typeof library>>,
  args: Omit<Args, 'offset' | 'limit'>,
  limit = 3,
) {
  const rows = []
  let total = Infinity
  for (let offset = 0; offset < total; offset += limit) {
    const page = await h.call('articles.page', { ...args, offset, limit })
    expect(page.offset).toBe(offset)
    total = page.total
    rows.push(...page.items)
  }
  return rows
}

describe('articles.page', () => {
  it('tiles the whole library, newest first, with no row twice or missing', async () => {
    const h = await library()
    const rows = await allPages(h, {})
    expect(rows.map((r) => r.id)).toEqual([...h.ids].reverse())
    const first = await h.call('articles.page', { offset: 0, limit: 2 })
    expect(first).toMatchObject({ total: TITLES.length, all: TITLES.length })
    expect(first.items).toHaveLength(2)
    const past = await h.call('articles.page', { offset: 100, limit: 10 })
    expect(past.items).toEqual([])
  })

  it('sorts titles A to Z in the reader’s language: case and accents aside, numbers as numbers', async () => {
    const h = await library()
    const rows = await allPages(h, { sort: 'title' })
    expect(rows.map((r) => r.title)).toEqual([
      'Apple',
      'banana',
      'cherry',
      'date 9',
      'Date 10',
      'éclair',
      'elderberry',
      'fig',
    ])
  })

  it('sorts by source (the URL’s domain when none was stored) and by publication date', async () => {
    const h = await library()
    const bySource = (await allPages(h, { sort: 'source' })).map((r) => r.source)
    expect(bySource.slice(0, 2)).toEqual(['apex news', 'apex news'])
    expect(bySource.at(-1)).toBe('The Harbour Times')
    expect(bySource).toContain('example3.org')
    const dates = (await allPages(h, { sort: 'published' })).map((r) => r.publishedAt!)
    expect(dates).toEqual([...dates].sort().reverse())
  })

  it('filters by tag (sub-tags included), source, dates, figures and notes, and counts what it keeps', async () => {
    const h = await library()
    const page = (filter: Args['filter']) => h.call('articles.page', { filter, offset: 0, limit: 100 })
    expect((await page({ tag: 'budget' })).total).toBe(4)
    expect((await page({ tag: 'port', source: 'apex news' })).items.map((r) => r.title)).toEqual([
      'date 9',
      'Apple',
    ])
    expect((await page({ from: '2024-03-01', to: '2024-05-31' })).items.map((r) => r.title).sort()).toEqual([
      'Date 10',
      'cherry',
      'éclair',
    ])
    const none = await page({ hasFigures: true })
    expect(none).toMatchObject({ total: 0, all: TITLES.length, items: [] })
  })

  it('shows a save at once: counts, the notes filter, an annotation tag, a new title’s place, a deletion', async () => {
    const h = await library()
    const [row] = (await h.call('articles.page', { filter: { source: 'apex news' }, offset: 0, limit: 1 }))
      .items
    const text = (await h.call('articles.get', { id: row.id })).text
    // Sorted once before the save: the cached order must not hide the change.
    await h.call('articles.page', { sort: 'title', offset: 0, limit: 3 })
    await h.call('annotations.create', {
      articleId: row.id,
      target: sampleTarget(text, 'containers'),
      note: 'Check against the port authority’s figure.',
      tags: ['shipping'],
    })
    const withNotes = await h.call('articles.page', { filter: { hasNotes: true }, offset: 0, limit: 10 })
    expect(withNotes.items.map((r) => [r.id, r.counts.notes])).toEqual([[row.id, 1]])
    const tagged = await h.call('articles.ids', { filter: { tag: 'shipping' } })
    expect(tagged).toEqual([row.id])

    await h.call('articles.update', { id: row.id, title: 'Zucchini' })
    const titles = (await allPages(h, { sort: 'title' })).map((r) => r.title)
    expect(titles.at(-1)).toBe('Zucchini')
    expect(titles).not.toContain('date 9')
    // The plain list stays in date order after a save swapped the entry in place.
    expect((await h.call('articles.list', {})).map((r) => r.id)).toEqual([...h.ids].reverse())

    // A new article goes in front of the date-added order the catalog keeps, without a sort.
    const late = await h.call('articles.create', { title: 'Late', text: 'A late dispatch from the port.' })
    expect((await h.call('articles.list', {}))[0].id).toBe(late.id)
    expect((await h.call('articles.page', { offset: 0, limit: 1 })).items[0].id).toBe(late.id)
    await h.call('articles.delete', { ids: [late.id] })

    await h.call('articles.delete', { ids: [row.id] })
    const after = await h.call('articles.page', { sort: 'title', offset: 0, limit: 100 })
    expect(after.total).toBe(TITLES.length - 1)
    expect(after.items.map((r) => r.id)).not.toContain(row.id)
  })

  it('refuses a page past its limits and a malformed date, naming the field', async () => {
    const h = await library()
    await expect(h.callUnchecked('articles.page', { offset: 0, limit: 5000 })).rejects.toMatchObject({
      code: 'invalid_argument',
    })
    await expect(
      h.callUnchecked('articles.page', { offset: 0, limit: 5, filter: { from: 'last week' } }),
    ).rejects.toMatchObject({ code: 'invalid_argument', message: expect.stringContaining('from') })
  })
})

describe('articles.ids and articles.sources', () => {
  it('gives every id the filter keeps in the sort’s order, and every source once, A to Z', async () => {
    const h = await library()
    const ids = await h.call('articles.ids', { sort: 'title', filter: { tag: 'port' } })
    const rows = await allPages(h, { sort: 'title', filter: { tag: 'port' } })
    expect(ids).toEqual(rows.map((r) => r.id))
    expect(ids).toHaveLength(4)
    expect(await h.call('articles.sources', {})).toEqual([
      'The Harbour Times',
      'apex news',
      'example3.org',
      'example7.org',
      'Évening Post',
    ])
  })
})
