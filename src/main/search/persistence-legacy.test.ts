// An index saved in the older single-file format (search-index.json): it answers searches while its
// replacement (the segmented index) is built, then is removed; a named pipe in its place is never waited on.
import { execFile } from 'node:child_process'
import { stat } from 'node:fs/promises'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'
import { annotate, fixtureArchive, snapshot, testKeyFile } from '../../../test/fixtures/search/kit'
import { QUERIES } from '../../../test/fixtures/search/saved-index'
import { Archive } from '../archive/archive'
import { archiveReader } from '../archive/reader'
import { buildIndexFile } from './build'
import { encodeIndex } from './index-codec'
import { indexHeader, writeIndexFile } from './index-file'
import { IndexState } from './index-state'
import type { IndexBuilder } from './load-state'
import { indexAll } from './load-state'
import { SearchIndex } from './search-index'

describe('an index saved in the older single-file format', () => {
  /** The archive with a `search-index.json` as the MiniSearch index wrote it, and that index's results. */
  async function legacyIndex() {
    const fixture = await fixtureArchive()
    const bank = fixture.byTitle('Central bank')
    await annotate(fixture.archive, bank.id, 'two members', { note: 'Ask the spokesperson', tags: ['rates'] })
    const state = new IndexState()
    const source = archiveReader(fixture.archive)
    await indexAll(
      source,
      state,
      source.list().map((m) => m.id),
    )
    const legacy = join(fixture.dir, 'search-index.json')
    await writeIndexFile(legacy, encodeIndex(indexHeader(state), state.ms))
    return { ...fixture, legacy, keyFile: await testKeyFile() }
  }

  it('builds a new index, without waiting, when a named pipe stands in its place', async () => {
    const { archive, dir } = await fixtureArchive()
    await promisify(execFile)('mkfifo', [join(dir, 'search-index.json')])
    const index = await SearchIndex.open(archive, { keyFile: await testKeyFile() })
    expect(index.rebuiltBecause).toBe('missing')
    expect(await index.search('corridor')).toHaveLength(2)
  })

  it('answers from it while the new index is built, then moves to the new one and removes it', async () => {
    const { archive, dir, legacy, keyFile } = await legacyIndex()
    let release: () => void = () => undefined
    const gate = new Promise<void>((resolve) => (release = resolve))
    const builder: IndexBuilder = async (request) => {
      await gate
      return buildIndexFile(request)
    }
    const index = await SearchIndex.open(archive, { keyFile, builder })
    expect(index.rebuiltBecause).toMatch(/^stale: the index was saved in an older format/)
    // Changes while the new index is built reach the old one, and then the new one.
    const pier = await archive.createArticle({ title: 'Pier reopens', text: 'The pier reopened.', tags: [] })
    expect((await index.search('pier')).map((h) => h.articleId)).toEqual([pier.id])
    const before = await snapshot(index, QUERIES)
    expect(before.flat().length).toBeGreaterThan(5)
    await stat(legacy)
    release()
    await index.migrated
    await expect(stat(legacy)).rejects.toMatchObject({ code: 'ENOENT' })
    expect(index.built?.problems).toEqual([])
    expect(await snapshot(index, QUERIES)).toEqual(before)
    expect((await index.search('pier')).map((h) => h.articleId)).toEqual([pier.id])
    await index.close()
    const reopened = await SearchIndex.open(await Archive.open(dir), { keyFile })
    expect(reopened.rebuiltBecause).toBeUndefined()
    expect(await snapshot(reopened, QUERIES)).toEqual(before)
  })
})
