// Tests (Node): an acknowledged deletion survives a power cut — each removal of an archive file (an article's
// body and annotations, a trash record and its article's images, a tag rename's journal) is followed by a flush
// of the folder that held it before the caller's promise settles; until then a power cut can undo the removal
// and bring the deleted file back. Real files in a real archive; the calls are recorded through a wrapper of
// node:fs/promises, as in atomic-folder-flush.test.ts.
import { mkdir, readdir, utimes, writeFile } from 'node:fs/promises'
import type * as FsPromises from 'node:fs/promises'
import { join } from 'node:path'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { tempDir } from '../../../test/temp-archive'
import { Archive } from './archive'
import { removeDurably } from './atomic'
import { articleFile } from './ids'
import { renameTag } from './tag-ops'
import { purgeTrash } from './trash'

const { calls, faults } = vi.hoisted(() => ({
  /** `rm <path>`, `sync <path>` (a folder's or file's fsync), `settled <what>`, in order. */
  calls: [] as string[],
  /** Folders whose fsync fails with EIO. */
  faults: new Set<string>(),
}))

vi.mock('node:fs/promises', async (importOriginal) => {
  const real = await importOriginal<typeof FsPromises>()
  const open = async (path: string, flags?: string) => {
    const handle = await real.open(path, flags)
    const { sync } = handle
    handle.sync = async () => {
      calls.push(`sync ${path}`)
      if (faults.has(path)) throw Object.assign(new Error('sync failed (test)'), { code: 'EIO' })
      return sync.call(handle)
    }
    return handle
  }
  const rm = async (path: string, options?: Parameters<typeof real.rm>[1]) => {
    calls.push(`rm ${path}`)
    return real.rm(path, options)
  }
  return { ...real, default: { ...real, open, rm }, open, rm }
})

const settled = async (what: string, p: Promise<unknown>) => {
  await p
  calls.push(`settled ${what}`)
}

/** True when `path`'s removal was followed by a flush of `folder` before `what` settled. */
function flushedAfterRemoval(path: string, folder: string, what: string): boolean {
  const removed = calls.indexOf(`rm ${path}`)
  const flushed = calls.indexOf(`sync ${folder}`, removed)
  return removed >= 0 && flushed > removed && calls.indexOf(`settled ${what}`) > flushed
}

let dir: string
beforeEach(async () => {
  dir = await tempDir()
  calls.length = 0
  faults.clear()
})

describe('removeDurably', () => {
  it('removes the file, then flushes its folder, then settles', async () => {
    const file = join(dir, 'a.json')
    await writeFile(file, '{}')
    await settled('a', removeDurably(file))
    expect(calls).toEqual([`rm ${file}`, `sync ${dir}`, 'settled a'])
    expect(await readdir(dir)).toEqual([])
  })

  it('removes a folder with its files (recursive), flushing the folder that held it', async () => {
    const folder = join(dir, 'assets', 'x1')
    await mkdir(folder, { recursive: true })
    await writeFile(join(folder, 'a.png'), 'png')
    await settled('x1', removeDurably(folder, { recursive: true }))
    expect(flushedAfterRemoval(folder, join(dir, 'assets'), 'x1')).toBe(true)
    expect(await readdir(join(dir, 'assets'))).toEqual([])
  })

  it('is no error when there is nothing to remove; a folder that cannot be flushed fails it', async () => {
    await removeDurably(join(dir, 'gone.json'))
    faults.add(dir)
    await writeFile(join(dir, 'b.json'), '{}')
    await expect(removeDurably(join(dir, 'b.json'))).rejects.toMatchObject({ code: 'EIO' })
  })
})

describe('deletions the archive acknowledges', () => {
  it("deleting an article: its body's and annotations' folders are flushed before it is acknowledged", async () => {
    const archive = await Archive.open(dir)
    const meta = await archive.createArticle({
      title: 'Grid',
      text: 'The grid held at 70%.',
      source: 'Wire',
      tags: [],
    })
    await archive.flush()
    calls.length = 0
    await settled('delete', archive.deleteArticle(meta.id))
    const body = articleFile(dir, 'bodies', meta.id)
    const notes = articleFile(dir, 'annotations', meta.id)
    expect(flushedAfterRemoval(body, join(body, '..'), 'delete')).toBe(true)
    expect(flushedAfterRemoval(notes, join(notes, '..'), 'delete')).toBe(true)
  })

  it("emptying the trash: an old record's removal and its images' are flushed", async () => {
    const trash = join(dir, 'trash')
    const images = join(dir, 'assets', 'old1')
    await mkdir(trash, { recursive: true })
    await mkdir(images, { recursive: true })
    await writeFile(join(images, 'a.png'), 'png')
    const record = join(trash, 'old1.json')
    await writeFile(record, '{}')
    const longAgo = new Date(Date.now() - 400 * 86_400_000)
    await utimes(record, longAgo, longAgo)
    await settled(
      'purge',
      purgeTrash(dir, async () => false),
    )
    expect(flushedAfterRemoval(record, trash, 'purge')).toBe(true)
    expect(flushedAfterRemoval(images, join(dir, 'assets'), 'purge')).toBe(true)
  })

  it("a tag rename's journal: its removal is flushed before the rename is acknowledged", async () => {
    const archive = await Archive.open(dir)
    await archive.createArticle({ title: 'Grid', text: 'The grid held.', source: 'Wire', tags: ['old'] })
    await archive.flush()
    calls.length = 0
    await settled('rename', renameTag(archive, 'old', 'new'))
    expect(flushedAfterRemoval(join(dir, 'tag-journal.json'), dir, 'rename')).toBe(true)
  })
})
