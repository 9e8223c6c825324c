import { readFile, readdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { serviceHarness } from '../../../test/service-harness'
import { sampleTarget } from '../../../test/temp-archive'
import type { ArticleMeta } from '../../shared/types'
import { bucketOf } from './ids'
import { autoSnapshot, KEEP, listSnapshots, takeSnapshot } from './snapshots'

const TEXT = 'Russia launched 520 drones in the first week.\n\nUkraine repelled 79% of them.'

async function archiveWithWork() {
  const h = await serviceHarness()
  const a = await h.call('articles.create', { title: 'Drones', text: TEXT, tags: ['strikes'] })
  await h.call('annotations.create', {
    articleId: a.id,
    target: sampleTarget(TEXT, '520 drones'),
    note: 'air force',
    figure: { value: 520, metric: 'drones' },
  })
  return { ...h, a }
}

describe('snapshots', () => {
  it('takes one a day and keeps the last seven', async () => {
    const h = await archiveWithWork()
    const day = (n: number) => new Date(Date.UTC(2024, 0, n, 9))
    expect(await autoSnapshot(h.archive, day(1))).not.toBeNull()
    expect(await autoSnapshot(h.archive, new Date(Date.UTC(2024, 0, 1, 20)))).toBeNull() // same day: nothing new
    for (let n = 2; n <= 10; n++) await autoSnapshot(h.archive, day(n))
    const all = await listSnapshots(h.archive)
    expect(all).toHaveLength(KEEP)
    expect(all[0].createdAt).toBe(day(10).toISOString())
    expect(all.at(-1)!.createdAt).toBe(day(4).toISOString())
    expect(all[0].articles).toBe(1)
  })

  it('Back up now appears in the list', async () => {
    const h = await archiveWithWork()
    const made = await h.call('backups.create', {})
    expect(await h.call('backups.list', {})).toEqual([expect.objectContaining({ id: made.id, articles: 1 })])
  })
})

describe('snapshots taken together', () => {
  it('two asked for in the same millisecond are both kept, under names of their own', async () => {
    const h = await serviceHarness()
    await h.call('articles.create', { title: 'A', text: 'Some text to back up.' })
    const now = new Date('2026-11-27T10:00:00.000Z')
    const [first, second] = await Promise.all([takeSnapshot(h.archive, now), takeSnapshot(h.archive, now)])
    expect(first.id).not.toBe(second.id)
    expect((await listSnapshots(h.archive)).map((s) => s.id).sort()).toEqual([first.id, second.id].sort())
    const files = await readdir(join(h.archive.dir, 'backups'))
    expect(files.filter((f) => f.endsWith('.tmp'))).toEqual([])
  })

  it('backups.create answers every one of several calls at once', async () => {
    const h = await serviceHarness()
    await h.call('articles.create', { title: 'A', text: 'Some text to back up.' })
    const made = await Promise.all([1, 2, 3].map(() => h.call('backups.create', {})))
    expect(new Set(made.map((m) => m.id)).size).toBe(3)
  })
})

describe('repair from a snapshot', () => {
  it('a damaged annotations file is reported by name, kept aside, and restored on confirmation', async () => {
    const h = await archiveWithWork()
    const snap = await takeSnapshot(h.archive)
    const file = join(h.dir, 'annotations', `${h.a.id}.json`)
    await writeFile(file, '{"version":1,"annotations":[{"trunc')

    const reopened = await serviceHarness(h.dir)
    const problems = await reopened.call('archive.scan', {})
    expect(problems).toEqual([
      { file: `annotations/${h.a.id}.json`, message: expect.stringContaining('is not valid JSON') },
    ])
    // Nothing writes over the damage until the researcher confirms the restore.
    await expect(
      reopened.call('annotations.create', { articleId: h.a.id, target: sampleTarget(TEXT, '79%') }),
    ).rejects.toMatchObject({ code: 'corrupt_file' })
    expect(await readFile(file, 'utf8')).toBe('{"version":1,"annotations":[{"trunc')

    const result = await reopened.call('backups.restore', {
      id: snap.id,
    })
    expect(result.problems).toEqual([])
    expect(result.messages[0]).toMatch(
      new RegExp(`Repaired annotations/${h.a.id}\\.json .* kept as annotations/${h.a.id}\\.json\\.corrupt-`),
    )
    const [restored] = await reopened.call('annotations.list', { articleId: h.a.id })
    expect(restored).toMatchObject({ note: 'air force', figure: { value: 520 } })
    const kept = (await readdir(join(h.dir, 'annotations'))).find((n) => n.includes('.corrupt-'))!
    expect(await readFile(join(h.dir, 'annotations', kept), 'utf8')).toBe(
      '{"version":1,"annotations":[{"trunc',
    )
  })

  it('a damaged catalog bucket is rebuilt from the snapshot and from the bodies still on disk', async () => {
    const h = await archiveWithWork()
    const snap = await takeSnapshot(h.archive)
    // An article added after the snapshot, in the same bucket, survives through its body file.
    let later: ArticleMeta
    do {
      later = await h.call('articles.create', {
        title: 'Later',
        text: `Added after the snapshot ${Math.random()}.`,
        tags: [],
      })
    } while (
      bucketOf(later.id) !== bucketOf(h.a.id) &&
      (await h.call('articles.delete', { ids: [later.id] }))
    )
    await writeFile(join(h.dir, 'catalog', `${bucketOf(h.a.id)}.json`), 'garbage')

    const reopened = await serviceHarness(h.dir)
    expect(reopened.archive.list()).toHaveLength(0)
    expect(reopened.archive.problems[0].file).toBe(`catalog/${bucketOf(h.a.id)}.json`)
    await reopened.call('backups.restore', { id: snap.id })
    const titles = (await reopened.call('articles.list', {})).map((a) => a.title).sort()
    expect(titles).toHaveLength(2)
    expect(titles[0]).toMatch(/^Added after the snapshot/)
    expect(titles[1]).toBe('Drones')
    expect(reopened.archive.meta(h.a.id).counts.figures).toBe(1)
    expect(reopened.archive.meta(later.id).tags).toEqual(['recovered'])
    expect(await reopened.call('app.info', {})).toMatchObject({ problems: [] })
  })

  it('can bring back articles that were deleted since the snapshot', async () => {
    const h = await archiveWithWork()
    const snap = await takeSnapshot(h.archive)
    await h.call('articles.delete', { ids: [h.a.id] })
    const result = await h.call('backups.restore', { id: snap.id, addMissing: true })
    expect(result.messages).toEqual(['Brought back 1 articles from the snapshot.'])
    expect((await h.call('annotations.list', { articleId: h.a.id }))[0].note).toBe('air force')
    await expect(h.call('backups.restore', { id: '../../etc/passwd' })).rejects.toMatchObject({
      code: 'invalid_argument',
    })
  })
})
