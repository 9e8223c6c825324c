// The search index saved beside the archive (segment files and a signed manifest, segment-store.ts) and opened
// again: what was saved answers alike, its files untouched when nothing changed; what changed while it was
// closed is re-indexed; changes are saved shortly after they happen, searches go on meanwhile. Damage and
// forgery: persistence-damage.test.ts; the older single-file format: persistence-legacy.test.ts.
import { rm, stat, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { editInPlace } from '../../../test/edit-in-place'
import { annotate, fixtureArchive, snapshot, testKeyFile } from '../../../test/fixtures/search/kit'
import { QUERIES, readJson, savedIndex, savedSignatures } from '../../../test/fixtures/search/saved-index'
import { synthetic } from '../../../test/fixtures/search/synthetic'
import { tempDir } from '../../../test/temp-archive'
import { Archive } from '../archive/archive'
import { articleFile } from '../archive/ids'
import { SearchIndex } from './search-index'

afterEach(() => {
  vi.useRealTimers()
})

describe('SearchIndex persistence', () => {
  it('reopens the saved index without rebuilding, with identical results', async () => {
    const { folder, manifest, before, reopen } = await savedIndex()
    const saved = await readJson(manifest)
    expect(saved).toMatchObject({ format: 'glossa-search-segments', version: 2 })
    expect(saved.articles).toBeUndefined()
    expect(Object.keys(await savedSignatures(folder))).toHaveLength(12)
    const index = await reopen()
    expect(index.rebuiltBecause).toBeUndefined()
    expect(await snapshot(index, QUERIES)).toEqual(before)
  })

  it('leaves the files alone when nothing changed', async () => {
    const { manifest, reopen } = await savedIndex()
    const before = (await stat(manifest)).mtimeMs
    const index = await reopen()
    await index.search('corridor')
    await index.close()
    expect((await stat(manifest)).mtimeMs).toBe(before)
  })

  it('keeps searching and takes changes while it saves', async () => {
    const { archive, keyFile, reopen } = await savedIndex()
    const index = await SearchIndex.open(archive, { keyFile })
    await archive.createArticle({ title: 'Quay repaired', text: 'Work on the quay ended.', tags: [] })
    const saving = index.flush()
    const [during, created] = await Promise.all([
      index.search('corridor'),
      archive.createArticle({ title: 'Quay reopened', text: 'Ferries are back.', tags: [] }),
      saving,
    ])
    expect(during).toHaveLength(2)
    expect((await index.search('quay')).map((h) => h.articleId)).toContain(created.id)
    await index.close()
    const reopened = await reopen()
    expect(reopened.rebuiltBecause).toBeUndefined()
    expect(await reopened.search('quay')).toHaveLength(2)
  })

  it('re-indexes articles added, changed and deleted while no index was open', async () => {
    const { dir, byTitle, reopen } = await savedIndex()
    const other = await Archive.open(dir)
    const added = await other.createArticle({
      title: 'Ferry timetable changes',
      text: 'New sailings.',
      tags: [],
    })
    await other.updateArticle(byTitle('Exam results').id, { title: 'Exam pass rates climb' })
    await other.deleteArticle(byTitle('Train services').id)

    const index = await reopen()
    expect(index.rebuiltBecause).toBe('stale: 1 added, 1 changed, 1 removed while the index was closed')
    expect((await index.search('ferry')).map((h) => h.articleId)).toEqual([added.id])
    expect((await index.search('climb')).map((h) => h.articleId)).toEqual([byTitle('Exam results').id])
    expect(await index.search('cancelled')).toEqual([])
    await index.close()
    expect((await reopen()).rebuiltBecause).toBeUndefined()
  })

  it('notices a note edited while no index was open, even when no count changed', async () => {
    const { dir, byTitle, reopen } = await savedIndex()
    const other = await Archive.open(dir)
    const bank = byTitle('Central bank')
    await other.changeAnnotations(bank.id, (list) => {
      list[0] = { ...list[0], note: 'Ask the governor instead' }
    })
    const index = await reopen()
    expect(index.rebuiltBecause).toMatch(/^stale: 1 changed/)
    expect((await index.search('governor'))[0]).toMatchObject({ articleId: bank.id, field: 'note' })
    expect(await index.search('spokesperson')).toEqual([])
  })

  it('notices a note rewritten in place to the same size with its times put back', async () => {
    const { dir, byTitle, reopen } = await savedIndex()
    const bank = byTitle('Central bank')
    const sizes = await editInPlace(articleFile(dir, 'annotations', bank.id), (text) =>
      text.replace('spokesperson', 'chairperson!'),
    )
    expect(sizes.after).toBe(sizes.before)
    const index = await reopen()
    expect(index.rebuiltBecause).toMatch(/^stale: 1 changed/)
    expect((await index.search('chairperson'))[0]).toMatchObject({ articleId: bank.id, field: 'note' })
    expect(await index.search('spokesperson')).toEqual([])
  })

  it('saves a change two seconds after it, and on flush', async () => {
    const { archive, keyFile, folder, reopen } = await savedIndex()
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
    const index = await SearchIndex.open(archive, { keyFile })
    const saved = async () => Object.keys(await savedSignatures(folder)).length
    expect(await saved()).toBe(12)
    await archive.createArticle({ title: 'Pier reopens', text: 'The pier reopened.', tags: [] })
    await index.search('pier')
    await vi.advanceTimersByTimeAsync(1_000)
    expect(await saved()).toBe(12)
    await vi.advanceTimersByTimeAsync(1_100)
    await vi.waitFor(async () => expect(await saved()).toBe(13))
    vi.useRealTimers()

    await archive.createArticle({ title: 'Pier closes', text: 'Closed again.', tags: [] })
    await index.flush()
    expect(await saved()).toBe(14)
    expect((await reopen()).rebuiltBecause).toBeUndefined()
  })

  it('keeps searching in memory when the index cannot be written', async () => {
    const { archive, dir } = await fixtureArchive()
    const keyFile = await testKeyFile()
    await writeFile(join(dir, 'not-a-folder'), 'x')
    const index = await SearchIndex.open(archive, { keyFile, dir: join(dir, 'not-a-folder', 'index') })
    expect(index.problems[0]).toMatch(/The search index is held in memory only: it could not be written/)
    expect(await index.search('maize')).toHaveLength(1)
    await archive.createArticle({ title: 'Silo fire', text: 'A maize silo burned.', tags: [] })
    await expect(index.flush()).rejects.toMatchObject({
      code: 'internal',
      message: expect.stringMatching(/Could not save the search index.*writable/),
    })
    expect(index.problems.at(-1)).toMatch(/Could not save the search index/)
    expect(await index.search('maize')).toHaveLength(2)
  })

  it('ranks the same after edits as an index rebuilt from scratch, at 200 synthetic articles', async () => {
    const dir = await tempDir('glossa-search-')
    const keyFile = await testKeyFile()
    const archive = await Archive.open(dir)
    const gen = synthetic(7)
    const metas = []
    for (let i = 0; i < 200; i++) metas.push(await archive.createArticle(gen.article(i, 1_500)))
    const queries = metas.slice(0, 12).map((m) => m.title.split(' ').slice(0, 2).join(' '))
    queries.push('grid', 'repairs', 'ukrenergo kyiv', 'substa', 'shellng')

    const index = await SearchIndex.open(archive, { keyFile })
    for (const m of metas.slice(0, 20)) {
      const exact = (await archive.getArticle(m.id)).text.slice(0, 12)
      await annotate(archive, m.id, exact, { note: `reviewed ${m.title}` })
      if (m === metas[10]) await index.flush() // a second segment, and tombstones in the first
    }
    for (const m of metas.slice(20, 30))
      await archive.updateArticle(m.id, { title: `${m.title} updated`, tags: ['checked'] })
    for (const m of metas.slice(30, 40)) await archive.deleteArticle(m.id)
    queries.push('reviewed', 'updated', 'checked')
    await index.flush()
    const live = await snapshot(index, queries)
    expect(live.flat().length).toBeGreaterThan(100)
    await index.close()

    const reopened = await SearchIndex.open(await Archive.open(dir), { keyFile })
    expect(reopened.rebuiltBecause).toBeUndefined()
    expect(await snapshot(reopened, queries)).toEqual(live)
    await reopened.close()

    await rm(join(dir, 'search-index'), { recursive: true })
    const rebuilt = await SearchIndex.open(await Archive.open(dir), { keyFile })
    expect(rebuilt.rebuiltBecause).toBe('missing')
    expect(await snapshot(rebuilt, queries)).toEqual(live)
  })
})
