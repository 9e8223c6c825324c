// Tests (Node): catalog buckets split as they grow (catalog-layout.ts, catalog-buckets.ts) on real archives on
// disk: an archive from before splitting, a bucket passing the split size through saves, every state a crash can
// leave a split in, and a split whose write fails.
import { mkdir, readFile, rmdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { bigMeta, bucketsOnDisk, idsUnder, layoutProblems, writeBucket } from '../../../test/catalog-entries'
import { openHere } from '../../../test/opened-archives'
import { tempDir } from '../../../test/temp-archive'
import { Archive } from './archive'
import { bucketAt, childrenOf } from './catalog-layout'
import { readHead } from './library-head'

async function fresh() {
  const root = await tempDir('glossa-split-')
  const dir = join(root, 'archive')
  const key = join(root, 'key')
  await (await Archive.open(dir, { trustKeyFile: key })).flush()
  return { dir, key }
}

const sortedIds = (archive: Archive) =>
  archive
    .list()
    .map((m) => m.id)
    .sort()

describe('catalog buckets split as they grow', () => {
  it('opens an archive from before splitting with every article, and splits its large bucket in 16', async () => {
    const { dir, key } = await fresh()
    const big = idsUnder('ab', 120).map((id, n) => bigMeta(id, n))
    const small = idsUnder('cd', 10).map((id, n) => bigMeta(id, n))
    await writeBucket(dir, 'ab', big)
    await writeBucket(dir, 'cd', small)
    const all = [...big, ...small].map((m) => m.id).sort()

    const archive = await openHere(dir, key)
    expect(sortedIds(archive)).toEqual(all)
    await archive.flush()
    const files = (await bucketsOnDisk(dir)).map((f) => f.name)
    expect(files).toEqual([...childrenOf('ab'), 'cd'])
    const { ids, problems } = await layoutProblems(dir)
    expect(problems).toEqual([])
    expect([...ids].sort()).toEqual(all)
    expect(archive.catalog.bucketFor(big[0].id)).toBe(bucketAt(big[0].id, 3))

    // The children were written by Glossa from checked entries: the next open trusts all 17 files.
    const again = await openHere(dir, key)
    expect(again.catalog.trustStats()).toEqual({ trusted: 17, checked: 0 })
    expect(sortedIds(again)).toEqual(all)
    expect(again.problems).toEqual([])
    // The library's head follows the new files.
    await again.flush()
    expect((await readHead(dir, key)).head?.total).toBe(all.length)
  })

  it('splits a bucket at the save that takes it past the split size; the save is on disk when it resolves', async () => {
    const { dir, key } = await fresh()
    const archive = await openHere(dir, key)
    const metas = idsUnder('ab', 40).map((id, n) => bigMeta(id, n))
    for (const meta of metas) await archive.catalog.put(meta)
    const names = (await bucketsOnDisk(dir)).map((f) => f.name)
    expect(names).toEqual(childrenOf('ab'))
    // A change after the split goes to the child that holds the article.
    await archive.catalog.put({ ...metas[3], title: 'Renamed' })
    await archive.catalog.remove(metas[5].id)
    const reopened = await openHere(dir, key)
    expect(reopened.meta(metas[3].id).title).toBe('Renamed')
    expect(reopened.catalog.has(metas[5].id)).toBe(false)
    expect(reopened.catalog.size()).toBe(39)
    expect((await layoutProblems(dir)).problems).toEqual([])
  })

  // A split writes the 16 children, then removes the parent. Each state a kill can leave, made on disk.
  const cut =
    (written: number, deeper = false) =>
    async () => {
      const { dir, key } = await fresh()
      const metas = idsUnder('ab', 60).map((id, n) => bigMeta(id, n))
      await writeBucket(dir, 'ab', metas)
      for (const child of childrenOf('ab').slice(0, written))
        await writeBucket(
          dir,
          child,
          metas.filter((m) => m.id.startsWith(child)),
        )
      if (deeper) {
        // An earlier split of ab3 cut short too, under the first: ab3 and two of its children.
        const under = metas.filter((m) => m.id.startsWith('ab3'))
        await writeBucket(dir, 'ab3', under)
        for (const child of ['ab30', 'ab35'])
          await writeBucket(
            dir,
            child,
            under.filter((m) => m.id.startsWith(child)),
          )
      }
      const archive = await openHere(dir, key)
      expect(archive.problems).toEqual([])
      expect(sortedIds(archive)).toEqual(metas.map((m) => m.id).sort())
      await archive.flush()
      const { ids, problems } = await layoutProblems(dir)
      expect(problems).toEqual([])
      expect([...ids].sort()).toEqual(metas.map((m) => m.id).sort())
      expect((await bucketsOnDisk(dir)).map((f) => f.name)).not.toContain('ab')
    }
  it('opens a split cut short before any child was written', cut(0))
  it('opens a split cut short after some children were written', cut(7))
  it('opens a split cut short after every child was written, before the parent was removed', cut(16))
  it('opens a split cut short beside an earlier one cut short under it', cut(9, true))

  it('takes the deeper file’s entry when a bucket stands beside newer children (an old copy put back)', async () => {
    const { dir, key } = await fresh()
    const metas = idsUnder('ab', 30).map((id, n) => bigMeta(id, n))
    await writeBucket(dir, 'ab', metas)
    const child = bucketAt(metas[0].id, 3)
    const newer = { ...metas[0], title: 'Newer' }
    await writeBucket(dir, child, [newer, ...metas.slice(1).filter((m) => m.id.startsWith(child))])
    const archive = await openHere(dir, key)
    expect(archive.meta(metas[0].id).title).toBe('Newer')
    expect(archive.catalog.size()).toBe(30)
    await archive.flush()
    expect((await layoutProblems(dir)).problems).toEqual([])
  })

  it('keeps a change made under a split whose write fails unacknowledged, and the archive whole', async () => {
    const { dir, key } = await fresh()
    const archive = await openHere(dir, key)
    const metas = idsUnder('ab', 40).map((id, n) => bigMeta(id, n))
    // Just under the split size; a folder where one child's file would go makes the split fail.
    let n = 0
    while (
      JSON.stringify({
        version: 1,
        articles: Object.fromEntries(metas.slice(0, n + 1).map((m) => [m.id, m])),
      }).length <=
      64 * 1024
    )
      await archive.catalog.put(metas[n++])
    const blocker = join(dir, 'catalog', `${bucketAt(metas[0].id, 3)}.json`)
    await mkdir(blocker)
    await expect(archive.catalog.put(metas[n])).rejects.toThrow()
    // A removal under the split waits for it, so it fails too: a crash could otherwise bring the article back.
    const gone = metas[1]
    await expect(archive.catalog.remove(gone.id)).rejects.toThrow()
    await rmdir(blocker)
    await archive.catalog.remove(gone.id)
    await archive.flush()
    const { ids, problems } = await layoutProblems(dir)
    expect(problems).toEqual([])
    expect(ids.has(gone.id)).toBe(false)
    expect(ids.size).toBe(n)
    const reopened = await openHere(dir, key)
    expect(reopened.catalog.size()).toBe(n)
    expect(reopened.problems).toEqual([])
  })

  it('leaves a split whose leftover is damaged as it is, and names the damaged file', async () => {
    const { dir, key } = await fresh()
    const metas = idsUnder('ab', 30).map((id, n) => bigMeta(id, n))
    await writeBucket(dir, 'ab', metas)
    await writeFile(join(dir, 'catalog', 'ab7.json'), '{"version":1,"articles":{"tru')
    const archive = await openHere(dir, key)
    expect(archive.problems).toContainEqual(expect.objectContaining({ file: 'catalog/ab7.json' }))
    expect(archive.catalog.size()).toBe(30)
    // Kept whole, and written as one file: the damaged file is never written over.
    await archive.catalog.put(bigMeta(idsUnder('ab', 1)[0], 99))
    await archive.flush()
    expect(await readFile(join(dir, 'catalog', 'ab7.json'), 'utf8')).toBe('{"version":1,"articles":{"tru')
    expect(
      Object.keys(JSON.parse(await readFile(join(dir, 'catalog', 'ab.json'), 'utf8')).articles as object),
    ).toHaveLength(31)
  })
})
