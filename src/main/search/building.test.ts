// A first build seen from the app while it goes on (answerWhileBuilding, building.ts): open() returns at once,
// searches answer from the segments written so far and say so (partial, indexing), nothing is saved over the
// builder's folder meanwhile, changes made during the build are found after it, and the finished index — its
// small build segments written as one — takes over with the results of an index built while open() waited.
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { snapshot, testKeyFile } from '../../../test/fixtures/search/kit'
import { synthetic } from '../../../test/fixtures/search/synthetic'
import { tempDir } from '../../../test/temp-archive'
import { Archive } from '../archive/archive'
import { buildIndexFile } from './build'
import type { IndexBuilder } from './load-state'
import { SearchIndex } from './search-index'
import { MANIFEST } from './segment-store'

const COUNT = 600

/** An archive of COUNT articles, and a builder that holds after its first segment until released. */
async function heldBuild() {
  const dir = await tempDir('glossa-building-')
  const archive = await Archive.open(dir)
  const gen = synthetic(19)
  const metas = []
  for (let i = 0; i < COUNT; i++) metas.push(await archive.createArticle(gen.article(i, 600)))
  let release: () => void = () => undefined
  const gate = new Promise<void>((resolve) => (release = resolve))
  let held = false
  const builder: IndexBuilder = (request, progress) =>
    buildIndexFile(request, async (done) => {
      await progress?.(done)
      if (done.segments.length === 1) {
        held = true
        await gate
      }
    })
  const queries = metas.slice(0, 8).map((m) => m.title.split(' ').slice(0, 2).join(' '))
  queries.push('grid', 'repairs')
  return { dir, archive, metas, builder, release, isHeld: () => held, queries, keyFile: await testKeyFile() }
}

async function until(ok: () => boolean): Promise<void> {
  while (!ok()) await new Promise((resolve) => setTimeout(resolve, 20))
}

describe('searching while the first index is built', () => {
  it('answers from the segments written so far, says so, then the whole index takes over', async () => {
    const { dir, archive, metas, builder, release, isHeld, queries, keyFile } = await heldBuild()
    const index = await SearchIndex.open(archive, { keyFile, builder, answerWhileBuilding: true })
    expect(index.rebuiltBecause).toBe('missing')
    await until(isHeld)
    // 600 articles: segments of 250; the first one written, the builder held.
    expect(index.indexing).toEqual({ indexed: 250, searched: 250, total: COUNT })
    const first = new Set(
      metas
        .map((m) => m.id)
        .sort()
        .slice(0, 250),
    )
    const outcome = await index.find('grid', { limit: 500 })
    expect(outcome.partial).toEqual({ searched: 250, total: COUNT })
    expect(outcome.hits.length).toBeGreaterThan(0)
    for (const hit of outcome.hits) expect(first.has(hit.articleId)).toBe(true)
    // Changes during the build reach the finished index; nothing is saved over the builder's folder meanwhile.
    const added = await archive.createArticle({ title: 'Ferry timetable', text: 'New sailings.', tags: [] })
    await index.flush()
    await expect(readFile(join(dir, 'search-index', MANIFEST))).rejects.toMatchObject({ code: 'ENOENT' })

    release()
    await index.migrated
    expect(index.indexing).toBeUndefined()
    const all = await index.find('grid', { limit: 500 })
    expect(all.partial).toBeUndefined()
    expect(all.total).toBeGreaterThan(outcome.total)
    expect((await index.search('ferry')).map((h) => h.articleId)).toEqual([added.id])
    const manifest = JSON.parse(await readFile(join(dir, 'search-index', MANIFEST), 'utf8'))
    expect(manifest.segments).toHaveLength(1) // the small build segments, written as one by the builder
    const live = await snapshot(index, queries)
    await index.close()

    // The same results as an index built while open() waited, and as the saved one opened again.
    const reopened = await SearchIndex.open(await Archive.open(dir), { keyFile })
    expect(reopened.rebuiltBecause).toBeUndefined()
    expect(await snapshot(reopened, queries)).toEqual(live)
    await reopened.close()
    const waited = await SearchIndex.open(await Archive.open(dir), { keyFile: await testKeyFile() })
    expect(await snapshot(waited, queries)).toEqual(live)
    await waited.close()
  })

  it('never answers from an empty index while the finished one takes over', async () => {
    const { archive, builder, release, isHeld, keyFile } = await heldBuild()
    const index = await SearchIndex.open(archive, { keyFile, builder, answerWhileBuilding: true })
    await until(isHeld)
    // A change during the build: the finished index catches it up from the files before it answers.
    await archive.createArticle({ title: 'Ferry timetable', text: 'New sailings.', tags: [] })
    let done = false
    const settled = index.migrated.then(() => {
      done = true
    })
    release()
    // Searched without a pause while the build ends and the finished index takes over: an answer not marked
    // partial is the whole index's (the search UI asks once more when indexing ends, and shows that answer).
    const whole: number[] = []
    while (!done) {
      const outcome = await index.find('grid', { limit: 500 })
      if (!outcome.partial) whole.push(outcome.total)
      await new Promise((resolve) => setImmediate(resolve))
    }
    await settled
    const final = (await index.find('grid', { limit: 500 })).total
    expect(final).toBeGreaterThan(0)
    expect(whole.filter((total) => total !== final)).toEqual([])
    await index.close()
  })

  it('closes while the build is held, and the build ending later changes nothing', async () => {
    const { dir, archive, builder, release, isHeld, keyFile } = await heldBuild()
    const index = await SearchIndex.open(archive, { keyFile, builder, answerWhileBuilding: true })
    await until(isHeld)
    await index.close()
    release()
    await index.migrated
    await expect(index.find('grid')).rejects.toMatchObject({ code: 'invalid_argument' })
    const reopened = await SearchIndex.open(await Archive.open(dir), { keyFile })
    expect(reopened.rebuiltBecause).toBeUndefined()
    expect((await reopened.find('grid')).total).toBeGreaterThan(0)
    await reopened.close()
  })
})
