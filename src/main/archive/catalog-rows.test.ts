// Tests (Node): the library's rows cache (catalog-rows.ts) on real archives on disk — written from the catalog
// under this machine's key a while after it changes, read back into the same library pages as the catalog gives
// (every sort, the filters), and never used when edited, signed by another key, or older than the catalog (a
// bucket written by an older Glossa that keeps no cache, a hand edit in place). And the service as it answers
// while the archive opens (early-service.ts): other sorts and filters from the cache, marked loading.
import { randomBytes } from 'node:crypto'
import { readFile, rename, stat, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { libraryEntry } from '../../../test/catalog-entries'
import { editInPlace } from '../../../test/edit-in-place'
import { callerOf } from '../../../test/service-harness'
import { tempDir } from '../../../test/temp-archive'
import type { Handlers } from '../../shared/contract'
import type { LibraryFilter, LibrarySort } from '../../shared/library-query'
import { LIBRARY_SORTS } from '../../shared/library-query'
import type { ArticleMeta } from '../../shared/types'
import { earlyService } from '../early-service'
import { createService } from '../service'
import { Archive } from './archive'
import { macWithKey, trustKey } from './catalog-trust'
import { readRows, rowsFile, rowsText } from './catalog-rows'
import { bucketOf } from './ids'
import { catalogFingerprint, catalogFingerprintSync, readHead } from './library-head'
import { LibraryPages } from './library-pages'

/** An archive of `n` entries written with trust on, flushed (the head and the rows cache written). */
async function archiveWith(n: number) {
  const dir = await tempDir()
  const keyFile = join(await tempDir('glossa-key-'), 'catalog-trust.key')
  const archive = await Archive.open(dir, { trustKeyFile: keyFile })
  for (let i = 0; i < n; i++) await archive.catalog.put(libraryEntry(i))
  await archive.flush()
  return { dir, keyFile, archive }
}

const FILTERS: LibraryFilter[] = [
  {},
  { tag: 'port' },
  { tag: 'figures/strikes' },
  { source: 'Daily Meridian' },
  { source: 'site1.example' },
  { color: 'blue' },
  { collection: 'col2' },
  { creator: 'ana' },
  { from: '2024-03-01', to: '2024-06-30' },
  { hasNotes: true },
  { hasFigures: true, tag: 'port' },
]

/** Every sort under every filter, a page of 7 from offset 3: what the library shows, from `pages`. */
function everyPage(pages: LibraryPages) {
  return LIBRARY_SORTS.flatMap((sort: LibrarySort) => FILTERS.map((f) => pages.page(f, sort, 3, 7)))
}

describe('library rows cache', () => {
  it('gives the same pages as the catalog, for every sort and filter', async () => {
    const { dir, keyFile, archive } = await archiveWith(60)
    const read = await readRows(dir, keyFile)
    expect(read.rows).not.toBeNull()
    expect(read.rows!.size()).toBe(60)
    const fromCatalog = everyPage(new LibraryPages(archive.catalog))
    expect(everyPage(new LibraryPages(read.rows!))).toEqual(fromCatalog)
    // As the service answers while the archive opens: filters by a scan, no filter sets made.
    expect(everyPage(new LibraryPages(read.rows!, { sets: false }))).toEqual(fromCatalog)
    expect(fromCatalog.some((p) => p.total === 0)).toBe(false)
  })

  it('follows changes once they are on disk, and is not used until then', async () => {
    const { dir, keyFile, archive } = await archiveWith(10)
    const [first, second] = archive.list()
    await archive.catalog.remove(first.id)
    await archive.catalog.put({ ...second, title: 'Renamed', tags: ['moved'] })
    // The buckets are on disk; the cache follows a while later: read now, it is as a crash here leaves it.
    expect(await readRows(dir, keyFile)).toEqual({
      rows: null,
      why: 'the catalog changed since the cache was written',
    })
    await archive.flush()
    const { rows } = await readRows(dir, keyFile)
    expect(rows!.size()).toBe(9)
    expect(rows!.has(first.id)).toBe(false)
    expect(new LibraryPages(rows!).page({ tag: 'moved' }, 'title', 0, 5).items).toEqual([
      expect.objectContaining({ id: second.id, title: 'Renamed' }),
    ])
  })

  it('is not used after an older Glossa (which keeps no cache) wrote a bucket', async () => {
    const { dir, keyFile, archive } = await archiveWith(12)
    const id = archive.list()[0].id
    await archive.flush()
    // As a Glossa without the cache writes a bucket: a new file renamed over it, nothing else.
    const bucket = join(dir, 'catalog', `${bucketOf(id)}.json`)
    const data = JSON.parse(await readFile(bucket, 'utf8')) as { articles: Record<string, ArticleMeta> }
    data.articles[id].title = 'Changed elsewhere'
    await writeFile(`${bucket}.new`, JSON.stringify(data))
    await rename(`${bucket}.new`, bucket)
    expect(await readRows(dir, keyFile)).toEqual({
      rows: null,
      why: 'the catalog changed since the cache was written',
    })
    // The next open reads the catalog and writes the cache again, with the change.
    const again = await Archive.open(dir, { trustKeyFile: keyFile })
    await again.flush()
    const { rows } = await readRows(dir, keyFile)
    expect(rows!.get(id).title).toBe('Changed elsewhere')
    await again.flush()
  })

  it('is not used when a bucket was edited by hand in place, to the same size with its times put back', async () => {
    const { dir, keyFile, archive } = await archiveWith(4)
    const id = archive.list()[0].id
    await archive.flush()
    const bucket = join(dir, 'catalog', `${bucketOf(id)}.json`)
    const sizes = await editInPlace(bucket, (text) => text.replace('of the harbour', 'of the harb0ur'))
    expect(sizes.after).toBe(sizes.before)
    expect(await readRows(dir, keyFile)).toEqual({
      rows: null,
      why: 'the catalog changed since the cache was written',
    })
  })

  it('an edited cache is not used, nor one signed with another key, nor one out of shape', async () => {
    const { dir, keyFile, archive } = await archiveWith(5)
    await archive.flush()
    const raw = await readFile(rowsFile(dir), 'utf8')
    await writeFile(rowsFile(dir), raw.replace('Article 1 of', '<img src=x onerror=alert(1)> of'))
    expect(await readRows(dir, keyFile)).toEqual({
      rows: null,
      why: 'MAC does not match (edited, or written with another key)',
    })
    // Signed by another machine's key (a shared archive): not ours.
    const text = raw.slice(raw.indexOf('\n') + 1)
    const other = macWithKey(randomBytes(32), 'glossa-library-rows 1 1', text)
    await writeFile(rowsFile(dir), `${other.toString('hex')}\n${text}`)
    expect(await readRows(dir, keyFile)).toMatchObject({ rows: null, why: expect.stringContaining('MAC') })
    // Signed with our key (as only this machine can) but out of shape: an index past the words.
    const key = await trustKey(keyFile)
    const columns = JSON.parse(text) as { source: number[] }
    columns.source[0] = 9_999
    const bad = JSON.stringify(columns)
    await writeFile(
      rowsFile(dir),
      `${macWithKey(key, 'glossa-library-rows 1 1', bad).toString('hex')}\n${bad}`,
    )
    expect(await readRows(dir, keyFile)).toEqual({ rows: null, why: 'not of the cache’s shape: sources' })
    await writeFile(rowsFile(dir), 'not a cache')
    expect(await readRows(dir, keyFile)).toEqual({ rows: null, why: 'no MAC' })
  })

  it('is checked against the fingerprint the head was checked against, taken the same way at open', async () => {
    const { dir, keyFile } = await archiveWith(15)
    const read = await readHead(dir, keyFile)
    expect(read.head).not.toBeNull()
    const fingerprint = read.head ? read.fingerprint : ''
    expect(fingerprint).toBe(await catalogFingerprint(dir))
    expect(catalogFingerprintSync(dir)).toBe(fingerprint)
    expect((await readRows(dir, keyFile, fingerprint)).rows!.size()).toBe(15)
    expect(await readRows(dir, keyFile, 'f'.repeat(64))).toMatchObject({ rows: null })
  })

  it('is not written again by an open that changed nothing', async () => {
    const { dir, keyFile } = await archiveWith(8)
    const before = await stat(rowsFile(dir))
    const again = await Archive.open(dir, { trustKeyFile: keyFile })
    await again.flush()
    expect((await stat(rowsFile(dir))).ino).toBe(before.ino)
    await again.catalog.put({ ...again.list()[0], title: 'Changed' })
    await again.flush()
    expect((await stat(rowsFile(dir))).ino).not.toBe(before.ino)
    expect((await readRows(dir, keyFile)).rows!.get(again.list()[0].id).title).toBe('Changed')
  })

  it('is read back exactly as written (rowsText of the catalog)', async () => {
    const { dir, keyFile, archive } = await archiveWith(20)
    const text = await rowsText(archive.catalog.all(), await catalogFingerprint(dir))
    const raw = await readFile(rowsFile(dir), 'utf8')
    expect(raw.slice(65)).toBe(text)
    await archive.flush()
    expect((await readRows(dir, keyFile)).rows!.size()).toBe(20)
  })
})

describe('early service with the rows cache', () => {
  it('answers other sorts and filters from the cache while the archive opens, the whole catalog after', async () => {
    const { dir, keyFile, archive } = await archiveWith(30)
    const { rows } = await readRows(dir, keyFile)
    let open: (s: Handlers) => void = () => {}
    const ready = new Promise<Handlers>((r) => (open = r))
    const { call } = callerOf(earlyService(ready, null, async () => rows))
    const expected = new LibraryPages(archive.catalog).page({ tag: 'port' }, 'title', 0, 10)
    expect(
      await call('articles.page', { filter: { tag: 'port' }, sort: 'title', offset: 0, limit: 10 }),
    ).toEqual({
      ...expected,
      loading: true,
    })
    // `whole` waits for the archive.
    let whole: unknown = null
    const asked = call('articles.page', { sort: 'source', offset: 0, limit: 5, whole: true }).then(
      (p) => (whole = p),
    )
    await new Promise((r) => setTimeout(r, 50))
    expect(whole).toBeNull()
    open(createService({ archive, version: 'test' }))
    await asked
    expect(whole).toMatchObject({ total: 30, items: expect.any(Array) })
    expect(whole).not.toHaveProperty('loading')
    // Once open, every page comes from the archive, not the cache.
    await archive.catalog.put({ ...archive.list()[0], title: 'Aaa first now' })
    const after = await call('articles.page', { sort: 'title', offset: 0, limit: 1 })
    expect(after.items[0].title).toBe('Aaa first now')
    expect(after).not.toHaveProperty('loading')
    await archive.flush()
  })

  it('reads the cache only once the head’s first page is out, or when a page needs it; once', async () => {
    const { dir, keyFile } = await archiveWith(12)
    const { head } = await readHead(dir, keyFile)
    let reads = 0
    const rows = async () => (reads++, (await readRows(dir, keyFile)).rows)
    const ready = new Promise<Handlers>(() => {})
    const withHead = callerOf(earlyService(ready, head, rows))
    await new Promise((r) => setTimeout(r, 20))
    expect(reads).toBe(0)
    expect(await withHead.call('articles.page', { offset: 0, limit: 5 })).toMatchObject({ loading: true })
    await new Promise((r) => setImmediate(r))
    expect(reads).toBe(1)
    await withHead.call('articles.page', { sort: 'title', offset: 0, limit: 5 })
    expect(reads).toBe(1)
    reads = 0
    const noHead = callerOf(earlyService(ready, null, rows))
    await new Promise((r) => setTimeout(r, 20))
    expect(reads).toBe(0)
    expect(await noHead.call('articles.page', { sort: 'source', offset: 0, limit: 5 })).toMatchObject({
      total: 12,
      loading: true,
    })
    expect(reads).toBe(1)
  })

  it('waits for the archive when the cache cannot be used', async () => {
    const { dir, keyFile, archive } = await archiveWith(3)
    await writeFile(rowsFile(dir), 'edited')
    const { rows } = await readRows(dir, keyFile)
    expect(rows).toBeNull()
    const early = callerOf(
      earlyService(Promise.resolve(createService({ archive, version: 'test' })), null, async () => rows),
    )
    const page = await early.call('articles.page', { sort: 'title', offset: 0, limit: 5 })
    expect(page.total).toBe(3)
    expect(page).not.toHaveProperty('loading')
    await archive.flush()
  })
})
