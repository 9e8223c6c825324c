// Tests (Node): the library's head (library-head.ts) on real archives on disk — written from the catalog under
// this machine's key, used only while it matches the catalog's bucket files as they are, and never when edited,
// forged, signed by another key, stale after a crash between the catalog's write and its own, or out of shape.
// And the service as it answers while the archive opens (early-service.ts): the first rows from the head, the
// rest waiting for the archive.
import { mkdir, readFile, rm, symlink, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { editInPlace } from '../../../test/edit-in-place'
import { callerOf } from '../../../test/service-harness'
import { tempDir } from '../../../test/temp-archive'
import type { Handlers } from '../../shared/contract'
import { createService } from '../service'
import { earlyService } from '../early-service'
import { Archive } from './archive'
import { macWithKey, trustKey } from './catalog-trust'
import { HEAD_ROWS, catalogFingerprint, headFile, readHead, writeHead } from './library-head'
import { listItem } from './library-pages'
import { bucketOf } from './ids'

const TEXT = 'The harbour handled 40,000 containers in March, up from 31,000 a year before.'

/** An archive of `n` articles written with trust on and closed cleanly (the head written). */
async function archiveWith(n: number) {
  const dir = await tempDir()
  const keyFile = join(await tempDir('glossa-key-'), 'catalog-trust.key')
  const archive = await Archive.open(dir, { trustKeyFile: keyFile })
  for (let i = 0; i < n; i++)
    await archive.createArticle({
      title: `Article ${i}`,
      text: `${TEXT} ${i}`,
      tags: ['port'],
      source: 'Harbour Times',
    })
  await archive.flush()
  return { dir, keyFile, archive }
}

/** The head's file rewritten as `text`, signed with `key` as Glossa signs it. */
async function signed(dir: string, key: Buffer, text: string): Promise<void> {
  const mac = macWithKey(key, 'glossa-library-head 1 1', text)
  await writeFile(headFile(dir), `${mac.toString('hex')}\n${text}`)
}

describe('library head', () => {
  it('holds the first rows of the default order and the count, as the opened archive lists them', async () => {
    const { dir, keyFile, archive } = await archiveWith(5)
    const read = await readHead(dir, keyFile)
    expect(read.head).toEqual({ total: 5, items: archive.list().map(listItem) })
    expect(read.head!.items[0].title).toBe('Article 4')
  })

  it('keeps at most HEAD_ROWS rows, the newest', async () => {
    const { dir, keyFile, archive } = await archiveWith(HEAD_ROWS + 3)
    const { head } = await readHead(dir, keyFile)
    expect(head!.total).toBe(HEAD_ROWS + 3)
    expect(head!.items).toEqual(archive.list().slice(0, HEAD_ROWS).map(listItem))
  })

  it('is not used after a crash between the catalog’s write and its own; the next open writes it again', async () => {
    const { dir, keyFile, archive } = await archiveWith(3)
    // The article's bucket is on disk when createArticle returns; the head follows a moment later. Read now,
    // the archive is as a crash at this point leaves it.
    const added = await archive.createArticle({ title: 'After the head', text: `${TEXT} late`, tags: [] })
    const stale = await readHead(dir, keyFile)
    expect(stale).toEqual({ head: null, why: 'the catalog changed since the head was written' })
    const again = await Archive.open(dir, { trustKeyFile: keyFile })
    await again.flush()
    const { head } = await readHead(dir, keyFile)
    expect(head!.total).toBe(4)
    expect(head!.items[0].id).toBe(added.id)
    await archive.flush()
  })

  it('follows deletes and edits once they are on disk', async () => {
    const { dir, keyFile, archive } = await archiveWith(3)
    const [first, second] = archive.list()
    await archive.deleteArticle(first.id)
    await archive.updateArticle(second.id, { title: 'Renamed' })
    await archive.flush()
    const { head } = await readHead(dir, keyFile)
    expect(head!.total).toBe(2)
    expect(head!.items[0]).toMatchObject({ id: second.id, title: 'Renamed' })
  })

  it('is not used when a bucket was edited by hand after it', async () => {
    const { dir, keyFile, archive } = await archiveWith(2)
    const id = archive.list()[0].id
    const bucket = join(dir, 'catalog', `${bucketOf(id)}.json`)
    const text = await readFile(bucket, 'utf8')
    await writeFile(bucket, text.replace('Article 1', 'Article X'))
    expect(await readHead(dir, keyFile)).toMatchObject({ head: null })
  })

  it('is not used when a bucket was edited in place to the same size with its times put back', async () => {
    const { dir, keyFile, archive } = await archiveWith(2)
    const id = archive.list()[0].id
    const bucket = join(dir, 'catalog', `${bucketOf(id)}.json`)
    expect(await readHead(dir, keyFile)).toMatchObject({ head: { total: 2 } })
    const sizes = await editInPlace(bucket, (text) => text.replace('Article 1', 'Article X'))
    expect(sizes.after).toBe(sizes.before)
    expect(await readHead(dir, keyFile)).toEqual({
      head: null,
      why: 'the catalog changed since the head was written',
    })
  })

  it('an edited head is not used', async () => {
    const { dir, keyFile } = await archiveWith(2)
    const raw = await readFile(headFile(dir), 'utf8')
    await writeFile(headFile(dir), raw.replace('Article 1', '<img src=x onerror=alert(1)>'))
    expect(await readHead(dir, keyFile)).toEqual({
      head: null,
      why: 'MAC does not match (edited, or written with another key)',
    })
  })

  it('a head signed with another machine’s key (a shared archive) is not used', async () => {
    const { dir, keyFile } = await archiveWith(2)
    const other = join(await tempDir('glossa-key-'), 'catalog-trust.key')
    const opened = await Archive.open(dir, { trustKeyFile: other })
    await opened.flush()
    expect(await readHead(dir, other)).toMatchObject({ head: { total: 2 } })
    expect(await readHead(dir, keyFile)).toMatchObject({ head: null, why: /MAC does not match/ })
  })

  it('a head signed with this key but out of shape is not used (rows are checked before they are served)', async () => {
    const { dir, keyFile, archive } = await archiveWith(1)
    const key = await trustKey(keyFile)
    const fingerprint = await catalogFingerprint(dir)
    const row = listItem(archive.list()[0])
    const hostile = [
      { ...row, title: 'x'.repeat(100_000) },
      { ...row, tags: 'port' },
      { ...row, counts: { highlights: -1, figures: 0, notes: 0 } },
      { ...row, id: '../../etc/passwd' },
    ]
    for (const item of hostile) {
      await signed(dir, key, JSON.stringify({ format: 1, fingerprint, total: 1, items: [item] }))
      expect(await readHead(dir, keyFile)).toMatchObject({ head: null, why: /not of the head’s shape/ })
    }
    const many = Array.from({ length: HEAD_ROWS + 1 }, () => row)
    await signed(dir, key, JSON.stringify({ format: 1, fingerprint, total: 1, items: many }))
    expect((await readHead(dir, keyFile)).head).toBeNull()
    await signed(dir, key, JSON.stringify({ format: 1, fingerprint, total: 1, items: [row], extra: 1 }))
    expect((await readHead(dir, keyFile)).head).toBeNull()
    await writeFile(headFile(dir), 'not a head at all')
    expect((await readHead(dir, keyFile)).head).toBeNull()
    // And the same, well formed, is used: what was refused was the shape.
    await signed(dir, key, JSON.stringify({ format: 1, fingerprint, total: 1, items: [row] }))
    expect((await readHead(dir, keyFile)).head).toEqual({ total: 1, items: [row] })
  })

  it('a link or an oversized file in the head’s place is not read', async () => {
    const { dir, keyFile } = await archiveWith(1)
    const elsewhere = join(await tempDir(), 'head.json')
    await writeFile(elsewhere, await readFile(headFile(dir)))
    await rm(headFile(dir))
    await symlink(elsewhere, headFile(dir))
    expect(await readHead(dir, keyFile)).toMatchObject({ head: null, why: /not a file/ })
    await rm(headFile(dir))
    await writeFile(headFile(dir), 'x'.repeat(3 * 1024 * 1024))
    expect(await readHead(dir, keyFile)).toMatchObject({ head: null, why: /not a file/ })
  })

  it('none without a key, and none for a folder that is not an archive yet', async () => {
    const { dir } = await archiveWith(1)
    const missing = join(await tempDir('glossa-key-'), 'catalog-trust.key')
    expect(await readHead(dir, missing)).toMatchObject({ head: null, why: /no trust key/ })
    const empty = await tempDir()
    await mkdir(join(empty, 'x'))
    expect((await readHead(empty, missing)).head).toBeNull()
    // An archive opened without a key writes none.
    const plain = await tempDir()
    const archive = await Archive.open(plain)
    await archive.createArticle({ title: 'A', text: TEXT, tags: [] })
    await archive.flush()
    const { keyFile } = await archiveWith(0)
    expect(await readHead(plain, keyFile)).toMatchObject({ head: null, why: 'no head' })
  })

  it('writeHead and readHead agree on the format', async () => {
    const { dir, keyFile } = await archiveWith(0)
    const key = await trustKey(keyFile)
    await writeHead(dir, { total: 0, items: [] }, await catalogFingerprint(dir), (p, t) =>
      macWithKey(key, p, t),
    )
    expect((await readHead(dir, keyFile)).head).toEqual({ total: 0, items: [] })
  })
})

describe('the service while the archive opens', () => {
  it('answers the first pages from the head, and everything else once the archive is open', async () => {
    const { dir, keyFile } = await archiveWith(HEAD_ROWS + 50)
    const { head } = await readHead(dir, keyFile)
    let open: (s: Handlers) => void = () => {}
    const ready = new Promise<Handlers>((resolve) => (open = resolve))
    const { call } = callerOf(earlyService(ready, head))
    const early = await call('articles.page', { offset: 0, limit: 100 })
    expect(early).toMatchObject({ total: HEAD_ROWS + 50, all: HEAD_ROWS + 50, offset: 0, loading: true })
    expect(early.items).toHaveLength(100)
    expect((await call('articles.page', { offset: 100, limit: 100 })).items).toHaveLength(100)
    // What the head cannot answer waits: rows past it, a filter, another sort, the whole catalog, other methods.
    const answered: string[] = []
    const waiting = [
      call('articles.page', { offset: 200, limit: 100 }).then(() => answered.push('past the head')),
      call('articles.page', { offset: 0, limit: 100, sort: 'title' }).then(() => answered.push('title')),
      call('articles.page', { offset: 0, limit: 100, filter: { source: 'Harbour Times' } }).then(() =>
        answered.push('filter'),
      ),
      call('articles.page', { offset: 0, limit: 100, whole: true }).then((p) => {
        answered.push('whole')
        return p
      }),
      call('tags.list', {}).then(() => answered.push('tags')),
    ]
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(answered).toEqual([])
    const archive = await Archive.open(dir, { trustKeyFile: keyFile })
    open(createService({ archive, version: 'test' }))
    const results = await Promise.all(waiting)
    expect(answered).toHaveLength(5)
    const whole = results[3] as unknown as typeof early
    expect(whole.loading).toBeUndefined()
    // The head's rows are the opened archive's rows.
    expect(whole.items).toEqual(early.items)
    // Once open, nothing comes from the head.
    expect((await call('articles.page', { offset: 0, limit: 100 })).loading).toBeUndefined()
    await archive.flush()
  })

  it('without a head, the first page waits for the archive too', async () => {
    let open: (s: Handlers) => void = () => {}
    const ready = new Promise<Handlers>((resolve) => (open = resolve))
    const { call } = callerOf(earlyService(ready, null))
    let done = false
    const first = call('articles.page', { offset: 0, limit: 100 }).then((p) => ((done = true), p))
    await new Promise((resolve) => setTimeout(resolve, 20))
    expect(done).toBe(false)
    const archive = await Archive.open(await tempDir())
    open(createService({ archive, version: 'test' }))
    expect(await first).toMatchObject({ total: 0, items: [] })
  })

  it('a failed open fails every call with its reason', async () => {
    const ready = Promise.reject(new Error('The archive is locked by another Glossa.'))
    ready.catch(() => {})
    const { head } = await readHead(...(await archiveWith(2).then((a) => [a.dir, a.keyFile] as const)))
    const { call } = callerOf(earlyService(ready, head))
    await expect(call('tags.list', {})).rejects.toThrow(/locked/)
    await expect(call('articles.page', { offset: 0, limit: 10, sort: 'title' })).rejects.toThrow(/locked/)
  })
})
