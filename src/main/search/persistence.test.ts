import { readFile, rm, stat, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { annotate, fixtureArchive, snapshot } from '../../../test/fixtures/search/kit'
import { synthetic } from '../../../test/fixtures/search/synthetic'
import { tempDir } from '../../../test/temp-archive'
import { Archive } from '../archive/archive'
import { INDEX_VERSION } from './documents'
import { SearchIndex } from './search-index'

const QUERIES = ['corridor', 'repa', 'shellng', 'heatwave', 'kharkiv shelling', 'spokesperson', 'town crier']

/** An archive with a saved, closed index, and the results that index gave. */
async function savedIndex() {
  const fixture = await fixtureArchive()
  const bank = fixture.byTitle('Central bank')
  await annotate(fixture.archive, bank.id, 'two members', { note: 'Ask the spokesperson', tags: ['rates'] })
  const index = await SearchIndex.open(fixture.archive)
  expect(index.rebuiltBecause).toBe('missing')
  const before = await snapshot(index, QUERIES)
  await index.close()
  return { ...fixture, file: join(fixture.dir, 'search-index.json'), before }
}

afterEach(() => {
  vi.useRealTimers()
})

describe('SearchIndex persistence', () => {
  it('reopens the saved index without rebuilding, with identical results', async () => {
    const { dir, file, before } = await savedIndex()
    const header = JSON.parse(await readFile(file, 'utf8')).header
    expect(header).toMatchObject({ format: 'glossa-search-index', version: INDEX_VERSION })
    expect(header.fingerprint).toMatch(/^12:/)
    const index = await SearchIndex.open(await Archive.open(dir))
    expect(index.rebuiltBecause).toBeUndefined()
    expect(await snapshot(index, QUERIES)).toEqual(before)
  })

  it('leaves the file alone when nothing changed', async () => {
    const { dir, file } = await savedIndex()
    const before = (await stat(file)).mtimeMs
    const index = await SearchIndex.open(await Archive.open(dir))
    await index.search('corridor')
    await index.close()
    expect((await stat(file)).mtimeMs).toBe(before)
  })

  it('keeps searching and takes changes while it saves', async () => {
    const { dir, archive } = await savedIndex()
    const index = await SearchIndex.open(archive)
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
    const reopened = await SearchIndex.open(await Archive.open(dir))
    expect(reopened.rebuiltBecause).toBeUndefined()
    expect(await reopened.search('quay')).toHaveLength(2)
  })

  it('rebuilds a missing index file', async () => {
    const { dir, file, before } = await savedIndex()
    await rm(file)
    const index = await SearchIndex.open(await Archive.open(dir))
    expect(index.rebuiltBecause).toBe('missing')
    expect(await snapshot(index, QUERIES)).toEqual(before)
    await index.flush()
    await stat(file)
  })

  it.each([
    {
      name: 'truncated',
      damage: (raw: string) => raw.slice(0, Math.floor(raw.length / 2)),
      // The term list is read while loading, so a file cut in its terms is found then.
      reason: /^corrupt: (not valid JSON|MiniSearch could not load it)/,
    },
    { name: 'empty', damage: () => '', reason: /^corrupt: not valid JSON/ },
    { name: 'not an object', damage: () => '[1, 2, 3]', reason: /^corrupt: no valid header/ },
    {
      name: 'without header',
      damage: (raw: string) => JSON.stringify({ index: JSON.parse(raw).index }),
      reason: /^corrupt: no valid header/,
    },
    {
      name: 'index of the wrong shape',
      damage: (raw: string) => JSON.stringify({ ...JSON.parse(raw), index: { documentCount: 'many' } }),
      reason: /^corrupt: the index does not have the shape/,
    },
    {
      name: 'index that MiniSearch rejects',
      damage: (raw: string) => {
        const data = JSON.parse(raw)
        return JSON.stringify({ ...data, index: { ...data.index, index: [['x', null]] } })
      },
      reason: /^corrupt: MiniSearch could not load it/,
    },
    {
      name: 'index that lost its terms',
      damage: (raw: string) => {
        const data = JSON.parse(raw)
        return JSON.stringify({ ...data, index: { ...data.index, index: data.index.index.slice(1) } })
      },
      reason: /^corrupt: the index does not match its header/,
    },
    {
      name: 'index and header that disagree',
      damage: (raw: string) => {
        const data = JSON.parse(raw)
        return JSON.stringify({ ...data, header: { ...data.header, annotationDocs: {} } })
      },
      reason: /^corrupt: the index does not match its header/,
    },
    {
      name: 'older index format',
      damage: (raw: string) => {
        const data = JSON.parse(raw)
        return JSON.stringify({ ...data, header: { ...data.header, version: 0 } })
      },
      reason: /^stale: written in index format 0/,
    },
  ])('rebuilds an index file that is $name, with the same results', async ({ damage, reason }) => {
    const { dir, file, before } = await savedIndex()
    await writeFile(file, damage(await readFile(file, 'utf8')))
    const index = await SearchIndex.open(await Archive.open(dir))
    expect(index.rebuiltBecause).toMatch(reason)
    expect(await snapshot(index, QUERIES)).toEqual(before)
    await index.close()
    expect((await SearchIndex.open(await Archive.open(dir))).rebuiltBecause).toBeUndefined()
  })

  it('re-indexes articles added, changed and deleted while no index was open', async () => {
    const { dir, byTitle } = await savedIndex()
    const other = await Archive.open(dir)
    const added = await other.createArticle({
      title: 'Ferry timetable changes',
      text: 'New sailings.',
      tags: [],
    })
    await other.updateArticle(byTitle('Exam results').id, { title: 'Exam pass rates climb' })
    await other.deleteArticle(byTitle('Train services').id)

    const index = await SearchIndex.open(await Archive.open(dir))
    expect(index.rebuiltBecause).toBe('stale: 1 added, 1 changed, 1 removed while the index was closed')
    expect((await index.search('ferry')).map((h) => h.articleId)).toEqual([added.id])
    expect((await index.search('climb')).map((h) => h.articleId)).toEqual([byTitle('Exam results').id])
    expect(await index.search('cancelled')).toEqual([])
    await index.close()
    expect((await SearchIndex.open(await Archive.open(dir))).rebuiltBecause).toBeUndefined()
  })

  it('notices a note edited while no index was open, even when no count changed', async () => {
    const { dir, byTitle } = await savedIndex()
    const other = await Archive.open(dir)
    const bank = byTitle('Central bank')
    await other.changeAnnotations(bank.id, (list) => {
      list[0] = { ...list[0], note: 'Ask the governor instead' }
    })
    const index = await SearchIndex.open(await Archive.open(dir))
    expect(index.rebuiltBecause).toMatch(/^stale: 1 changed/)
    expect((await index.search('governor'))[0]).toMatchObject({ articleId: bank.id, field: 'note' })
    expect(await index.search('spokesperson')).toEqual([])
  })

  it('saves a change two seconds after it, and on flush', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
    const { dir, archive, file } = await savedIndex()
    const index = await SearchIndex.open(archive)
    const saved = async () => JSON.parse(await readFile(file, 'utf8')).header.fingerprint as string
    const first = await saved()
    await archive.createArticle({ title: 'Pier reopens', text: 'The pier reopened.', tags: [] })
    await index.search('pier')
    await vi.advanceTimersByTimeAsync(1_000)
    expect(await saved()).toBe(first)
    await vi.advanceTimersByTimeAsync(1_100)
    await vi.waitFor(async () => expect(await saved()).toMatch(/^13:/))
    vi.useRealTimers()

    await archive.createArticle({ title: 'Pier closes', text: 'Closed again.', tags: [] })
    await index.flush()
    expect(await saved()).toMatch(/^14:/)
    expect((await SearchIndex.open(await Archive.open(dir))).rebuiltBecause).toBeUndefined()
  })

  it('keeps searching in memory when the index file cannot be written', async () => {
    const { archive, dir } = await fixtureArchive()
    const index = await SearchIndex.open(archive, { file: join(dir, 'no-such-folder', 'index.json') })
    expect(await index.search('maize')).toHaveLength(1)
    await expect(index.flush()).rejects.toMatchObject({
      code: 'internal',
      message: expect.stringMatching(/Could not save the search index.*writable/),
    })
    expect(index.problems[0]).toMatch(/Could not save the search index/)
    await archive.createArticle({ title: 'Silo fire', text: 'A maize silo burned.', tags: [] })
    expect(await index.search('maize')).toHaveLength(2)
  })

  it('ranks the same after edits as an index rebuilt from scratch, at 200 synthetic articles', async () => {
    const dir = await tempDir('glossa-search-')
    const archive = await Archive.open(dir)
    const gen = synthetic(7)
    const metas = []
    for (let i = 0; i < 200; i++) metas.push(await archive.createArticle(gen.article(i, 1_500)))
    const queries = metas.slice(0, 12).map((m) => m.title.split(' ').slice(0, 2).join(' '))
    queries.push('grid', 'repairs', 'ukrenergo kyiv', 'substa', 'shellng')

    const index = await SearchIndex.open(archive)
    for (const m of metas.slice(0, 20)) {
      const exact = (await archive.getArticle(m.id)).text.slice(0, 12)
      await annotate(archive, m.id, exact, { note: `reviewed ${m.title}` })
    }
    for (const m of metas.slice(20, 30))
      await archive.updateArticle(m.id, { title: `${m.title} updated`, tags: ['checked'] })
    for (const m of metas.slice(30, 40)) await archive.deleteArticle(m.id)
    queries.push('reviewed', 'updated', 'checked')
    await index.flush()
    const live = await snapshot(index, queries)
    expect(live.flat().length).toBeGreaterThan(100)
    await index.close()

    const reopened = await SearchIndex.open(await Archive.open(dir))
    expect(reopened.rebuiltBecause).toBeUndefined()
    expect(await snapshot(reopened, queries)).toEqual(live)
    await reopened.close()

    await rm(join(dir, 'search-index.json'))
    const rebuilt = await SearchIndex.open(await Archive.open(dir))
    expect(rebuilt.rebuiltBecause).toBe('missing')
    expect(await snapshot(rebuilt, queries)).toEqual(live)
  })
})
