// Tests (Node): the library's sort orders kept up to date on a real archive (library-pages.ts). Articles that
// come, go or change their title, source or dates move within each order kept, by binary search on the order
// keys; every order must stay exactly what a sort from nothing gives, and none is sorted again for it.
import { describe, expect, it } from 'vitest'
import { createRng } from '../../../test/prng'
import { tempDir } from '../../../test/temp-archive'
import { LIBRARY_SORTS, matchesFilter, sortMetas } from '../../shared/library-query'
import type { LibraryFilter, LibrarySort } from '../../shared/library-query'
import type { HighlightColor } from '../../shared/types'
import { Archive } from './archive'
import { LibraryPages } from './library-pages'

const WORDS = ['Port', 'port', 'Éclair', 'eclair', 'Date 9', 'date 10', 'budget', 'Ünion', 'zebra', '']

describe('LibraryPages sort orders', () => {
  it('moves new, renamed, re-dated and deleted articles within the kept orders instead of sorting again', async () => {
    const r = createRng(7)
    const archive = await Archive.open(await tempDir())
    const title = () => `${WORDS[r.int(0, 8)]} ${WORDS[r.int(0, 9)]}`.trim()
    const date = () => (r.chance(0.2) ? undefined : `20${r.int(10, 24)}-0${r.int(1, 9)}-1${r.int(0, 9)}`)
    const ids: string[] = []
    const add = async () => {
      const published = date()
      const a = await archive.createArticle({
        title: title(),
        text: `Text ${ids.length} ${r.int(0, 1e9)}`,
        tags: [],
        ...(r.chance(0.5)
          ? { source: WORDS[r.int(0, 8)] || 'Wire' }
          : { url: `https://w${r.int(0, 5)}.org/a` }),
        ...(published ? { publishedAt: published } : {}),
      })
      ids.push(a.id)
    }
    for (let i = 0; i < 40; i++) await add()
    const pages = new LibraryPages(archive.catalog)
    const fresh = (sort: LibrarySort) => sortMetas(archive.catalog.all(), sort).map((a) => a.id)
    const check = () => {
      for (const sort of LIBRARY_SORTS) expect(pages.ids({}, sort)).toEqual(fresh(sort))
    }
    check()
    const kept = new Map(LIBRARY_SORTS.map((s) => [s, pages.ids({}, s)]))

    for (let round = 0; round < 30; round++) {
      const pick = ids[r.int(0, ids.length - 1)]
      const what = r.int(0, 3)
      if (what === 0) await add()
      else if (what === 1) await archive.updateArticle(pick, { title: title() || 'Untitled' })
      else if (what === 2) await archive.updateArticle(pick, { publishedAt: date() ?? '2020-01-01' })
      else {
        await archive.deleteArticle(pick)
        ids.splice(ids.indexOf(pick), 1)
      }
      check()
    }
    // The same arrays, moved in place: no order was worked out from nothing again.
    for (const sort of ['title', 'source', 'published'] as const)
      expect(pages.ids({}, sort)).toBe(kept.get(sort))
    await archive.flush()
  })

  it('works the orders out ahead of time, and a change while warming stops the warm-up cleanly', async () => {
    const archive = await Archive.open(await tempDir())
    for (let i = 0; i < 12; i++)
      await archive.createArticle({
        title: `Title ${12 - i}`,
        text: `Body ${i}`,
        tags: [],
        source: `S${i % 3}`,
      })
    const pages = new LibraryPages(archive.catalog)
    const warming = pages.warm()
    await archive.createArticle({ title: 'Late', text: 'Late body', tags: [] })
    await warming
    await pages.warm()
    for (const sort of LIBRARY_SORTS)
      expect(pages.ids({}, sort)).toEqual(sortMetas(archive.catalog.all(), sort).map((a) => a.id))
    await archive.flush()
  })

  it('filters through the tag, source, collection, colour and person sets exactly as a scan, across changes', async () => {
    const r = createRng(11)
    const archive = await Archive.open(await tempDir())
    const TAGS = ['strikes', 'strikes/launched', 'strikes/launched/night', 'grid', 'grid/outage', 'health']
    const COLORS: HighlightColor[] = ['yellow', 'green', 'blue']
    // 'rare/one' is on a few articles: its set is sorted on its own instead of walked along the order.
    const tags = () =>
      r.chance(0.05)
        ? ['rare/one']
        : r.chance(0.4)
          ? []
          : [r.pick(TAGS), ...(r.chance(0.3) ? [r.pick(TAGS)] : [])]
    const ids: string[] = []
    const add = async () => {
      const a = await archive.createArticle({
        title: `T ${ids.length}`,
        text: `Body ${ids.length} ${r.int(0, 1e9)}`,
        tags: tags(),
        ...(r.chance(0.7)
          ? { source: r.pick(['Wire', 'Post', 'Daily']) }
          : { url: `https://w${r.int(0, 2)}.org/a` }),
        ...(r.chance(0.8) ? { publishedAt: `20${r.int(18, 24)}-0${r.int(1, 9)}-1${r.int(0, 9)}` } : {}),
      })
      ids.push(a.id)
    }
    for (let i = 0; i < 60; i++) await add()
    const pages = new LibraryPages(archive.catalog)
    const filters = (): LibraryFilter[] => [
      { tag: 'strikes' },
      { tag: 'rare' },
      { tag: 'rare/one', source: 'Wire' },
      { tag: 'strikes/launched' },
      { tag: 'grid/outage' },
      { tag: 'strike' },
      { source: 'Wire' },
      { source: 'w1.org' },
      { collection: 'c1' },
      { color: 'green' },
      { creator: 'ana' },
      { tag: 'grid', source: 'Post' },
      { tag: 'strikes', hasNotes: true },
      { source: 'Daily', from: '2020-01-01', to: '2022-12-31' },
      { from: '2021-01-01' },
      { hasFigures: true, color: 'yellow' },
      { source: 'Nowhere' },
    ]
    const check = () => {
      for (const filter of filters())
        for (const sort of LIBRARY_SORTS)
          expect(pages.ids(filter, sort), JSON.stringify([filter, sort])).toEqual(
            sortMetas(archive.catalog.all(), sort)
              .filter((a) => matchesFilter(a, filter))
              .map((a) => a.id),
          )
    }
    check()
    for (let round = 0; round < 60; round++) {
      const pick = ids[r.int(0, ids.length - 1)]
      const what = r.int(0, 5)
      if (what === 0) await add()
      else if (what === 1) await archive.updateArticle(pick, { tags: tags() })
      else if (what === 2)
        await archive.updateArticle(pick, { source: r.pick(['Wire', 'Post', 'Daily', 'Other']) })
      else if (what === 3) await archive.updateArticle(pick, { collections: r.chance(0.5) ? ['c1'] : ['c2'] })
      else if (what === 4) {
        // What a save of annotations does to the catalog: the derived tags, colours, people and counts.
        const meta = archive.catalog.get(pick)
        await archive.catalog.put({
          ...meta,
          annotationTags: r.chance(0.3) ? {} : { [r.pick(TAGS)]: r.int(1, 3) },
          annotationColors: [r.pick(COLORS)],
          ...(r.chance(0.5) ? { annotationCreators: ['ana'] } : { annotationCreators: undefined }),
          counts: { highlights: 1, figures: r.int(0, 1), notes: r.int(0, 1) },
        })
      } else {
        await archive.deleteArticle(pick)
        ids.splice(ids.indexOf(pick), 1)
      }
      check()
    }
    await archive.flush()
  })
})
