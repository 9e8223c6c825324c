// Tests (Node): catalog buckets checked once and then trusted by their exact content (catalog-trust.ts), on real
// archives on disk. Trust never outlives an edit: a changed bucket, a forged or stale snapshot, a bucket with a
// field the check drops, all are checked entry by entry again, and hostile entries are refused as before.
import { readFile, rm, stat, symlink, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { TEXT, TRAVERSAL, layout, meta, writeCatalog } from '../../../test/security/hostile-layout'
import { sampleTarget, tempDir } from '../../../test/temp-archive'
import { Archive } from './archive'
import { CatalogTrust, TRUST_FILE, trustKey } from './catalog-trust'
import { bucketOf } from './ids'

/** An archive with `n` articles, written with trust on and closed cleanly (the snapshot saved). */
async function archiveWith(n: number) {
  const dir = await tempDir()
  const keyFile = join(await tempDir('glossa-key-'), 'catalog-trust.key')
  const archive = await Archive.open(dir, { trustKeyFile: keyFile })
  const ids: string[] = []
  for (let i = 0; i < n; i++)
    ids.push((await archive.createArticle({ title: `Article ${i}`, text: `${TEXT} ${i}`, tags: ['t'] })).id)
  await archive.flush()
  return { dir, keyFile, ids }
}

const opened = async (dir: string, keyFile?: string) => {
  const archive = await Archive.open(dir, keyFile ? { trustKeyFile: keyFile } : {})
  const buckets = archive.catalog.trustStats()
  await archive.flush()
  return { archive, ...buckets }
}

const bucketFile = (dir: string, id: string) => join(dir, 'catalog', `${bucketOf(id)}.json`)

describe('catalog trust', () => {
  it('checks every bucket once, then opens the same buckets on trust with the same articles', async () => {
    const { dir, keyFile, ids } = await archiveWith(12)
    const buckets = new Set(ids.map(bucketOf)).size
    // The buckets were written by Glossa from checked entries: trusted at the first reopen already.
    const first = await opened(dir, keyFile)
    expect(first).toMatchObject({ trusted: buckets, checked: 0 })
    // An archive opened without the key checks everything, as before, and lists the same.
    const plain = await opened(dir)
    expect(plain.archive.list()).toEqual(first.archive.list())
    expect(first.archive.list()).toHaveLength(12)
    expect(Object.getPrototypeOf(first.archive.list()[0])).toBe(Object.prototype)
  })

  it('a bucket checked at open is trusted at the next open', async () => {
    const { dir, ids } = await archiveWith(3)
    const other = join(await tempDir('glossa-key-'), 'catalog-trust.key')
    // Another machine's key: nothing matches, everything is checked, then recorded under this key.
    const first = await opened(dir, other)
    expect(first).toMatchObject({ trusted: 0, checked: new Set(ids.map(bucketOf)).size })
    const second = await opened(dir, other)
    expect(second).toMatchObject({ trusted: new Set(ids.map(bucketOf)).size, checked: 0 })
  })

  it('keeps a bucket trusted across saves to its articles (counts, notes, tags)', async () => {
    const { dir, keyFile, ids } = await archiveWith(2)
    const { archive } = await opened(dir, keyFile)
    const stamp = new Date().toISOString()
    await archive.changeAnnotations(ids[0], (list) => {
      list.push({
        id: 'ann00001',
        articleId: ids[0],
        kind: 'highlight',
        color: 'green',
        note: 'a note',
        tags: ['kept'],
        target: sampleTarget(`${TEXT} 0`, '500 strikes'),
        createdAt: stamp,
        updatedAt: stamp,
      })
    })
    await archive.updateArticle(ids[1], { title: 'Renamed' })
    await archive.flush()
    const again = await opened(dir, keyFile)
    expect(again.checked).toBe(0)
    expect(again.archive.catalog.get(ids[0]).counts).toEqual({ highlights: 1, figures: 0, notes: 1 })
    expect(again.archive.catalog.get(ids[1]).title).toBe('Renamed')
  })

  it('checks an edited bucket again: a valid edit is read, a hostile one refused as a named problem', async () => {
    const { dir, keyFile, ids } = await archiveWith(2)
    const file = bucketFile(dir, ids[0])
    const data = JSON.parse(await readFile(file, 'utf8'))
    data.articles[ids[0]].title = 'Edited by hand'
    await writeFile(file, JSON.stringify(data))
    const valid = await opened(dir, keyFile)
    expect(valid.checked).toBe(1)
    expect(valid.archive.catalog.get(ids[0]).title).toBe('Edited by hand')

    data.articles[ids[0]].title = ''
    data.articles[ids[0]].tags = 'war'
    await writeFile(file, JSON.stringify(data))
    const hostile = await opened(dir, keyFile)
    expect(hostile.checked).toBe(1)
    expect(hostile.archive.catalog.has(ids[0])).toBe(false)
    expect(hostile.archive.problems).toContainEqual(
      expect.objectContaining({ file: `catalog/${bucketOf(ids[0])}.json` }),
    )
    expect(hostile.archive.catalog.isReadOnly(bucketOf(ids[0]))).toBe(true)
    // Never trusted afterwards either: it was refused, so it is checked (and refused) at every open.
    expect((await opened(dir, keyFile)).checked).toBe(1)
  })

  it('does not trust a bucket whose entries carry a field the check drops', async () => {
    const { dir, keyFile, ids } = await archiveWith(1)
    const file = bucketFile(dir, ids[0])
    const data = JSON.parse(await readFile(file, 'utf8'))
    data.articles[ids[0]].smuggled = 'extra'
    await writeFile(file, JSON.stringify(data))
    for (let round = 0; round < 2; round++) {
      const o = await opened(dir, keyFile)
      expect(o.checked).toBe(1)
      expect(o.archive.catalog.get(ids[0])).not.toHaveProperty('smuggled')
    }
  })

  it('ignores a snapshot that is damaged, a link or too large', async () => {
    const { dir, keyFile, ids } = await archiveWith(1)
    const snapshot = join(dir, 'catalog', TRUST_FILE)
    await writeFile(snapshot, '{"version":1,"buckets":')
    expect(await opened(dir, keyFile)).toMatchObject({ checked: 1 })
    // The open wrote a good snapshot back.
    expect(await opened(dir, keyFile)).toMatchObject({ checked: 0, trusted: 1 })

    const elsewhere = join(await tempDir(), 'snapshot.json')
    await writeFile(elsewhere, await readFile(snapshot))
    await rm(snapshot)
    await symlink(elsewhere, snapshot)
    const linked = await opened(dir, keyFile)
    expect(linked.checked).toBe(1)
    expect(linked.archive.catalog.get(ids[0]).title).toBe('Article 0')
  })

  it('a snapshot ahead of its bucket (a crash before the bucket landed) only costs a check', async () => {
    const { dir, keyFile, ids } = await archiveWith(1)
    const trust = await CatalogTrust.open(dir, keyFile)
    trust.record(bucketOf(ids[0]), '{"version":1,"articles":{}}')
    await trust.save()
    const o = await opened(dir, keyFile)
    expect(o).toMatchObject({ checked: 1, trusted: 0 })
    expect(o.archive.list().map((a) => a.id)).toEqual(ids)
  })

  it('makes one key for concurrent first uses, readable by its owner only', async () => {
    const keyFile = join(await tempDir('glossa-key-'), 'sub', 'catalog-trust.key')
    const keys = await Promise.all([trustKey(keyFile), trustKey(keyFile), trustKey(keyFile)])
    expect(keys[1]).toEqual(keys[0])
    expect(keys[2]).toEqual(keys[0])
    expect(await readFile(keyFile)).toEqual(keys[0])
    if (process.platform !== 'win32') expect((await stat(keyFile)).mode & 0o077).toBe(0)
    // A key cut short is replaced, never used.
    await writeFile(keyFile, 'short')
    const fresh = await trustKey(keyFile)
    expect(fresh).toHaveLength(32)
    expect(fresh).not.toEqual(keys[0])
  })
})

describe('catalog trust against a crafted archive', () => {
  it.each([
    ['a traversal id', { [TRAVERSAL]: meta(TRAVERSAL) }],
    ['an id in the wrong bucket', { ab123456: meta('ab123456') }],
    ['an entry whose tags are not a list', { zz123456: meta('zz123456', { tags: 'war' as never }) }],
    ['a __proto__ key', JSON.parse(`{"__proto__": ${JSON.stringify(meta('zz123456'))}}`)],
    ['an entry that is null', { zz123456: null }],
  ])('with %s and a snapshot vouching for it is still refused', async (_name, articles) => {
    const { dir, good } = await layout()
    await writeCatalog(dir, 'zz', articles)
    // The attacker's snapshot: MACs of the crafted bucket under a key of their own.
    const theirKey = join(await tempDir('glossa-key-'), 'theirs.key')
    const theirs = await CatalogTrust.open(dir, theirKey)
    theirs.record('zz', await readFile(join(dir, 'catalog', 'zz.json'), 'utf8'))
    await theirs.save()

    const mine = join(await tempDir('glossa-key-'), 'mine.key')
    const o = await opened(dir, mine)
    expect(o.trusted).toBe(0)
    expect(o.archive.list().map((a) => a.id)).toEqual([good.id])
    expect(o.archive.problems).toContainEqual(expect.objectContaining({ file: 'catalog/zz.json' }))
  })

  it('refuses a hostile entry added to a bucket this machine trusted', async () => {
    const { dir, good } = await layout()
    const key = join(await tempDir('glossa-key-'), 'mine.key')
    expect((await opened(dir, key)).checked).toBe(1)
    expect((await opened(dir, key)).trusted).toBe(1)
    const bucket = bucketOf(good.id)
    const file = join(dir, 'catalog', `${bucket}.json`)
    const data = JSON.parse(await readFile(file, 'utf8'))
    data.articles[`${bucket}999999`] = meta(`${bucket}999999`, { title: 'x'.repeat(2_000_000) })
    await writeFile(file, JSON.stringify(data))
    const o = await opened(dir, key)
    expect(o).toMatchObject({ trusted: 0, checked: 1 })
    expect(o.archive.list().map((a) => a.id)).toEqual([good.id])
    expect(o.archive.catalog.isReadOnly(bucket)).toBe(true)
  })
})
