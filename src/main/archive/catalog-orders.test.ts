// Tests (Node): the library's sort orders saved beside the catalog (catalog-orders.ts), on real archives on disk —
// written from the orders the library keeps in step, read back at the next open as exactly the order a fresh sort
// gives (after adds, edits and deletes too), and never used when the catalog changed after them, nor when the file
// was edited, signed by another key, or signed by ours with places that are not each article once.
import { randomBytes } from 'node:crypto'
import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { libraryEntry } from '../../../test/catalog-entries'
import { tempDir } from '../../../test/temp-archive'
import { sortMetas } from '../../shared/library-query'
import type { LibrarySort } from '../../shared/library-query'
import type { ArticleMeta } from '../../shared/types'
import { Archive } from './archive'
import { CatalogStore } from './catalog-store'
import { CatalogTrust, macWithKey, trustKey } from './catalog-trust'
import { SAVED_SORTS, ordersFile, ordersOf, ordersText, readOrders, writeOrders } from './catalog-orders'
import { readRows } from './catalog-rows'
import { catalogFingerprint } from './library-head'
import { LibraryPages } from './library-pages'

/** An archive of `n` entries with trust on, its library's orders worked out and everything flushed. */
async function archiveWithOrders(n: number) {
  const dir = await tempDir()
  const keyFile = join(await tempDir('glossa-key-'), 'catalog-trust.key')
  const archive = await Archive.open(dir, { trustKeyFile: keyFile })
  for (let i = 0; i < n; i++) await archive.catalog.put(libraryEntry(i))
  const pages = new LibraryPages(archive.catalog)
  await pages.warm()
  await archive.flush()
  return { dir, keyFile, archive, pages }
}

const fresh = (archive: Archive, sort: LibrarySort) => sortMetas(archive.list(), sort).map((a) => a.id)
const reopen = (dir: string, keyFile: string) => Archive.open(dir, { trustKeyFile: keyFile })

/** The saved order of each sort, as a fresh open of the archive hands it to the library (null: none usable). */
async function savedAtOpen(dir: string, keyFile: string) {
  const archive = await reopen(dir, keyFile)
  await archive.catalog.orders.read
  const saved = Object.fromEntries(SAVED_SORTS.map((s) => [s, archive.catalog.orders.take(s)]))
  return { archive, saved }
}

/** Every sort's first 40 rows, from a library made on a fresh open: what the researcher sees. */
async function firstRows(dir: string, keyFile: string) {
  const archive = await reopen(dir, keyFile)
  const pages = new LibraryPages(archive.catalog)
  await pages.ready()
  return SAVED_SORTS.map((s) => pages.page({}, s, 0, 40).items.map((a) => a.id))
}

const mac = async (keyFile: string) => {
  const key = await trustKey(keyFile)
  return (purpose: string, text: string) => macWithKey(key, purpose, text)
}

describe('saved sort orders', () => {
  it('a sort right after reopening is the saved order, the same as a fresh sort', async () => {
    const { dir, keyFile } = await archiveWithOrders(60)
    const { archive, saved } = await savedAtOpen(dir, keyFile)
    for (const sort of SAVED_SORTS) expect(saved[sort], sort).toEqual(fresh(archive, sort))
    // Handed out once: the library keeps it in step from then on.
    expect(archive.catalog.orders.take('title')).toBeNull()
    const rows = await firstRows(dir, keyFile)
    expect(rows).toEqual(SAVED_SORTS.map((s) => fresh(archive, s).slice(0, 40)))
  })

  it('follows adds, edits and deletes: the next open’s orders are a fresh sort’s', async () => {
    const { dir, keyFile, archive } = await archiveWithOrders(50)
    const list = archive.list()
    for (let i = 50; i < 56; i++) await archive.catalog.put(libraryEntry(i))
    await archive.catalog.put({ ...list[3], title: 'Aardvark first' })
    await archive.catalog.put({ ...list[7], title: 'Zebra last', publishedAt: '1999-01-01' })
    await archive.catalog.put({ ...list[9], source: 'Ärger Blatt' })
    const { publishedAt: _none, ...undated } = list[11]
    await archive.catalog.put(undated)
    for (const a of list.slice(20, 23)) await archive.catalog.remove(a.id)
    await archive.flush()
    const { archive: again, saved } = await savedAtOpen(dir, keyFile)
    expect(again.list()).toHaveLength(53)
    for (const sort of SAVED_SORTS) expect(saved[sort], sort).toEqual(fresh(again, sort))
    // And once more, changed by the reopened archive's own library.
    const pages = new LibraryPages(again.catalog)
    await pages.warm()
    await again.catalog.put({ ...again.meta(list[30].id), title: '0 digits sort first' })
    await again.catalog.remove(list[31].id)
    await again.flush()
    const third = await savedAtOpen(dir, keyFile)
    for (const sort of SAVED_SORTS) expect(third.saved[sort], sort).toEqual(fresh(third.archive, sort))
  })

  it('is checked against the catalog files as read: a save of counts right after the load leaves it usable', async () => {
    const { dir, keyFile, archive } = await archiveWithOrders(30)
    const id = archive.list()[4].id
    /** The catalog loaded as Archive.open loads it, and a put made in the same turn, before the file is read. */
    const loadThenPut = async (change: (meta: ArticleMeta) => ArticleMeta) => {
      const store = new CatalogStore(dir, [])
      await store.load(await CatalogTrust.open(dir, keyFile))
      await store.put(change(store.get(id)))
      await store.flush()
      await store.orders.read
      return store
    }
    // A save's counts (a new bucket file) and a tag: no order changes, the orders are used.
    const counted = await loadThenPut((m) => ({ ...m, counts: { ...m.counts, notes: 9 }, tags: ['counted'] }))
    const sorted = (s: LibrarySort) => sortMetas(counted.all(), s).map((a) => a.id)
    for (const sort of SAVED_SORTS) expect(counted.orders.take(sort), sort).toEqual(sorted(sort))
    // A retitle: what the library sorts by changed, so not used; the library's rows are a fresh sort's.
    const retitled = await loadThenPut((m) => ({ ...m, title: 'Aaa first now' }))
    expect(retitled.orders.take('title')).toBeNull()
    const pages = new LibraryPages(retitled)
    expect(pages.page({}, 'title', 0, 5).items.map((a) => a.id)).toEqual(
      sortMetas(retitled.all(), 'title')
        .map((a) => a.id)
        .slice(0, 5),
    )
  })

  it('is not used once the catalog changed after it was written, by a process that keeps no orders', async () => {
    const { dir, keyFile, archive } = await archiveWithOrders(30)
    const id = archive.list()[5].id
    // Another open with no library (a CLI import, an older Glossa): the catalog changes, the orders stay.
    const other = await reopen(dir, keyFile)
    await other.catalog.put({ ...other.meta(id), title: 'Aaa now first' })
    await other.flush()
    const read = await readOrders(dir, await mac(keyFile), await catalogFingerprint(dir))
    expect(read).toEqual({ saved: null, why: 'the catalog changed since the orders were written' })
    const { archive: again, saved } = await savedAtOpen(dir, keyFile)
    expect(saved).toEqual({ title: null, published: null, source: null })
    expect((await firstRows(dir, keyFile))[0][0]).toBe(id)
    expect(fresh(again, 'title')[0]).toBe(id)
  })

  it('an edited file is not used, nor one signed with another key, nor one of ours that is not each article once', async () => {
    const { dir, keyFile, archive } = await archiveWithOrders(20)
    const expected = await firstRows(dir, keyFile)
    const fingerprint = await catalogFingerprint(dir)
    const raw = await readFile(ordersFile(dir), 'utf8')
    const text = raw.slice(65)
    const ours = await mac(keyFile)
    const refused = async (why: RegExp) => {
      expect(await readOrders(dir, ours, fingerprint)).toMatchObject({
        saved: null,
        why: expect.stringMatching(why),
      })
      expect((await savedAtOpen(dir, keyFile)).saved).toEqual({ title: null, published: null, source: null })
      expect(await firstRows(dir, keyFile)).toEqual(expected)
    }
    // Two places swapped by hand.
    const o = JSON.parse(text) as { orders: Record<string, number[]> }
    const [a, b] = o.orders.title
    await writeFile(ordersFile(dir), raw.replace(`"title":[${a},${b},`, `"title":[${b},${a},`))
    await refused(/MAC does not match/)
    // Signed by another machine's key (a shared archive).
    await writeOrders(dir, text, (p, t) => macWithKey(randomBytes(32), p, t))
    await refused(/MAC does not match/)
    // Signed with our key (only this machine can), places not each article once: short, twice, out of range.
    const hostile = async (title: number[]) => {
      await writeOrders(dir, JSON.stringify({ ...JSON.parse(text), orders: { ...o.orders, title } }), ours)
      await refused(/title does not hold each article once/)
    }
    await hostile(o.orders.title.slice(1))
    await hostile([a, ...o.orders.title.slice(1, -1), a])
    await hostile([...o.orders.title.slice(0, -1), 20])
    await hostile([...o.orders.title.slice(0, -1), -1])
    await writeOrders(dir, text.replace('"title"', '"__proto__"'), ours)
    await refused(/not of the orders’ shape/)
    // Signed with our key for these buckets, but places into another catalog's date-added order.
    const list = archive.list()
    const shuffled = [list[1], list[0], ...list.slice(2)]
    const keep = new Map(SAVED_SORTS.map((s) => [s, fresh(archive, s)] as const))
    await writeOrders(dir, (await ordersText(shuffled, keep, fingerprint))!, ours)
    const read = await readOrders(dir, ours, fingerprint)
    expect(read.saved && ordersOf(read.saved, list)).toBeNull()
    expect((await savedAtOpen(dir, keyFile)).saved).toEqual({ title: null, published: null, source: null })
    expect(await firstRows(dir, keyFile)).toEqual(expected)
  })

  it('comes with the rows cache: a sort while the archive opens is the saved order', async () => {
    const { dir, keyFile, archive } = await archiveWithOrders(40)
    const { rows } = await readRows(dir, keyFile)
    for (const sort of SAVED_SORTS) expect(rows!.orders.take(sort), sort).toEqual(fresh(archive, sort))
    const pages = new LibraryPages(rows!, { sets: false })
    expect(pages.page({}, 'source', 5, 10).items.map((a) => a.id)).toEqual(
      fresh(archive, 'source').slice(5, 15),
    )
  })
})
