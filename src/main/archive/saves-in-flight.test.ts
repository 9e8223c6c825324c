// Tests (Node), on real archives on disk: the `saves-in-flight` marker is gone after saves, and — being a file
// of the archive folder, so hostile — a crafted one (ids that are paths, a link, a pipe, a folder, a huge file)
// re-counts nothing but real articles, follows nothing, waits on nothing, and never stops a save.
import { execFileSync, spawn } from 'node:child_process'
import { lstat, mkdir, readFile, symlink, truncate, writeFile } from 'node:fs/promises'
import { hostname } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { sampleTarget, tempDir } from '../../../test/temp-archive'
import { serviceHarness } from '../../../test/service-harness'
import { articleFile } from './ids'
import { IN_FLIGHT_FILE, readInFlight } from './saves-in-flight'

const TEXT = 'The grid held at 70% of capacity overnight.'

async function annotatedArchive() {
  const h = await serviceHarness()
  const article = await h.call('articles.create', { title: 'Grid', text: TEXT })
  await h.call('annotations.create', { articleId: article.id, target: sampleTarget(TEXT, 'grid held') })
  await h.archive.flush()
  return { h, article, marker: join(h.dir, IN_FLIGHT_FILE) }
}

describe('the saves-in-flight marker', () => {
  it('is gone once the saves and their catalog entries are written', async () => {
    const { h, article, marker } = await annotatedArchive()
    await Promise.all(
      ['70%', 'capacity', 'overnight'].map((quote) =>
        h.call('annotations.create', { articleId: article.id, target: sampleTarget(TEXT, quote) }),
      ),
    )
    await h.archive.flush()
    await expect(lstat(marker)).rejects.toMatchObject({ code: 'ENOENT' })
    expect(h.archive.meta(article.id).counts.highlights).toBe(4)
  })

  it('names only plain ids: paths, blanks and unknown ids are left out', async () => {
    const root = (await serviceHarness()).dir
    await writeFile(
      join(root, IN_FLIGHT_FILE),
      ['abcd1234', '../../etc/passwd', '', 'abcd1234', 'UPPER', 'x'.repeat(100), 'efgh5678'].join('\n'),
    )
    expect(await readInFlight(root)).toEqual(['abcd1234', 'efgh5678'])
    // An id of no article in the catalog is skipped at open, and the archive opens.
    const h = await serviceHarness(root)
    expect(h.archive.problems).toEqual([])
  })

  it('a link in its place is removed, not followed: the file it named is untouched, and saves go on', async () => {
    const { h, article, marker } = await annotatedArchive()
    const outside = join(await tempDir(), 'outside.txt')
    await writeFile(outside, 'keep me\n')
    await symlink(outside, marker)
    const reopened = await serviceHarness(h.dir)
    await reopened.call('annotations.create', { articleId: article.id, target: sampleTarget(TEXT, '70%') })
    await reopened.archive.flush()
    expect(await readFile(outside, 'utf8')).toBe('keep me\n')
    // Removed at open (and the saves' own file after them): nothing by that name is left.
    await expect(lstat(marker)).rejects.toMatchObject({ code: 'ENOENT' })
    expect(reopened.archive.meta(article.id).counts.highlights).toBe(2)
  })

  it('a named pipe in its place is not waited on', async () => {
    const { h, article, marker } = await annotatedArchive()
    execFileSync('mkfifo', [marker])
    const reopened = await serviceHarness(h.dir)
    await reopened.call('annotations.create', { articleId: article.id, target: sampleTarget(TEXT, '70%') })
    await reopened.archive.flush()
    expect(reopened.archive.meta(article.id).counts.highlights).toBe(2)
  })

  it('a sparse file of gigabytes is not read', async () => {
    const { h, marker } = await annotatedArchive()
    await writeFile(marker, 'abcd1234\n')
    await truncate(marker, 4 * 1024 ** 3)
    expect(await readInFlight(h.dir)).toEqual([])
    await serviceHarness(h.dir)
  })

  it('a folder in its place is reported once, and saves go on without it', async () => {
    const { h, article, marker } = await annotatedArchive()
    await mkdir(marker)
    const reopened = await serviceHarness(h.dir)
    expect(reopened.archive.problems).toEqual([
      { message: expect.stringMatching(/saves-in-flight is not a file Glossa can write.*Remove it/) },
    ])
    for (const quote of ['70%', 'capacity'])
      await reopened.call('annotations.create', { articleId: article.id, target: sampleTarget(TEXT, quote) })
    await reopened.archive.flush()
    expect(reopened.archive.meta(article.id).counts.highlights).toBe(3)
    expect(reopened.archive.problems).toHaveLength(1)
  })

  it('is left to the live process that holds the archive: another opening it reads and removes nothing', async () => {
    const { h, article, marker } = await annotatedArchive()
    // The holder's save under way: its annotations file written, its catalog entry not yet.
    const file = articleFile(h.dir, 'annotations', article.id)
    const data = JSON.parse(await readFile(file, 'utf8')) as { annotations: { id: string }[] }
    data.annotations.push({ ...data.annotations[0], id: 'second01' })
    await writeFile(file, JSON.stringify(data))
    await writeFile(marker, `${article.id}\n`)
    // The holder: a live process of this computer, as the app or glossa serve would be.
    const holder = spawn('sleep', ['30'], { stdio: 'ignore' })
    try {
      const lock = { pid: holder.pid, host: hostname(), startedAt: new Date().toISOString(), by: 'test' }
      await writeFile(join(h.dir, '.lock'), JSON.stringify(lock))
      // Not re-counted here (that would write the catalog under the holder), nor the marker touched.
      const reader = await serviceHarness(h.dir)
      expect(reader.archive.meta(article.id).counts.highlights).toBe(1)
      expect(await readFile(marker, 'utf8')).toBe(`${article.id}\n`)
    } finally {
      holder.kill()
    }
  })
})
