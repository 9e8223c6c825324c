// The search index saved beside the archive (segment files and a signed manifest, segment-store.ts) and opened
// again: what was saved answers alike; what changed while it was closed is re-indexed; a damaged, forged,
// unverifiable or older index is rebuilt with the same results, never trusted and never a crash; an index in
// the older single-file format answers searches while its replacement is built.
import { execFile } from 'node:child_process'
import { readFile, readdir, rm, stat, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { editInPlace } from '../../../test/edit-in-place'
import { annotate, fixtureArchive, snapshot, testKeyFile } from '../../../test/fixtures/search/kit'
import { synthetic } from '../../../test/fixtures/search/synthetic'
import { tempDir } from '../../../test/temp-archive'
import { Archive } from '../archive/archive'
import { articleFile } from '../archive/ids'
import { archiveReader } from '../archive/reader'
import { buildIndexFile } from './build'
import { encodeIndex } from './index-codec'
import { indexHeader, writeIndexFile } from './index-file'
import { IndexState } from './index-state'
import type { IndexBuilder } from './load-state'
import { indexAll } from './load-state'
import { SearchIndex } from './search-index'
import { MANIFEST } from './segment-store'

const QUERIES = ['corridor', 'repa', 'shellng', 'heatwave', 'kharkiv shelling', 'spokesperson', 'town crier']

/** An archive with a saved, closed index, and the results that index gave. */
async function savedIndex() {
  const fixture = await fixtureArchive()
  const keyFile = await testKeyFile()
  const bank = fixture.byTitle('Central bank')
  await annotate(fixture.archive, bank.id, 'two members', { note: 'Ask the spokesperson', tags: ['rates'] })
  const index = await SearchIndex.open(fixture.archive, { keyFile })
  expect(index.rebuiltBecause).toBe('missing')
  const before = await snapshot(index, QUERIES)
  await index.close()
  const folder = join(fixture.dir, 'search-index')
  const reopen = async (opts: { keyFile?: string } = { keyFile }) =>
    SearchIndex.open(await Archive.open(fixture.dir), opts)
  return { ...fixture, keyFile, folder, manifest: join(folder, MANIFEST), before, reopen }
}

const readJson = async (file: string) => JSON.parse(await readFile(file, 'utf8'))
/** The article signatures the saved index holds: its signature files applied in order (signature-files.ts). */
async function savedSignatures(folder: string): Promise<Record<string, unknown>> {
  const out: Record<string, unknown> = {}
  for (const { file } of (await readJson(join(folder, MANIFEST))).signatures as { file: string }[])
    for (const [id, value] of Object.entries((await readJson(join(folder, file))).articles))
      if (value) out[id] = value
      else delete out[id]
  return out
}
const segmentsIn = async (folder: string) => (await readdir(folder)).filter((n) => n.endsWith('.seg'))

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

  it('rebuilds a missing index', async () => {
    const { folder, manifest, before, reopen } = await savedIndex()
    await rm(folder, { recursive: true })
    const index = await reopen()
    expect(index.rebuiltBecause).toBe('missing')
    expect(await snapshot(index, QUERIES)).toEqual(before)
    await index.flush()
    await stat(manifest)
  })

  const run = promisify(execFile)
  it.each([
    {
      name: 'a truncated manifest',
      damage: async (f: string) =>
        writeFile(join(f, MANIFEST), (await readFile(join(f, MANIFEST))).subarray(0, 40)),
      reason: /^corrupt: the manifest is not JSON/,
    },
    {
      name: 'a manifest with an article hidden behind a forged tombstone',
      damage: async (f: string) => {
        const saved = await readJson(join(f, MANIFEST))
        saved.segments[0].dead.push(0)
        await writeFile(join(f, MANIFEST), JSON.stringify(saved))
      },
      reason: /^corrupt: the manifest was not written by this Glossa/,
    },
    {
      name: 'a signature file whose article signatures were edited',
      damage: async (f: string) => {
        const [{ file }] = (await readJson(join(f, MANIFEST))).signatures
        const saved = await readJson(join(f, file))
        const [id] = Object.keys(saved.articles)
        saved.articles[id][0] = 'AAAAAAAAAAAAAAAA'
        await writeFile(join(f, file), JSON.stringify(saved))
      },
      reason: /^corrupt: sig-[0-9a-f]{16}\.json is not the signature file the manifest names/,
    },
    {
      name: 'a manifest naming no signature files (every article would look new, or a forged file)',
      damage: async (f: string) => {
        const saved = await readJson(join(f, MANIFEST))
        saved.signatures = []
        await writeFile(join(f, MANIFEST), JSON.stringify(saved))
      },
      reason: /^corrupt: the manifest was not written by this Glossa/,
    },
    {
      name: 'a signature file missing',
      damage: async (f: string) => {
        const [{ file }] = (await readJson(join(f, MANIFEST))).signatures
        await rm(join(f, file))
      },
      reason: /^corrupt: sig-[0-9a-f]{16}\.json could not be read/,
    },
    {
      name: 'a named pipe in place of a signature file',
      damage: async (f: string) => {
        const [{ file }] = (await readJson(join(f, MANIFEST))).signatures
        await rm(join(f, file))
        await run('mkfifo', [join(f, file)])
      },
      reason: /^corrupt: sig-[0-9a-f]{16}\.json could not be read \(Error: it is not a regular file\)/,
    },
    {
      name: 'a named pipe in place of the manifest',
      damage: async (f: string) => {
        await rm(join(f, MANIFEST))
        await run('mkfifo', [join(f, MANIFEST)])
      },
      reason: /^corrupt: the manifest is not a regular file/,
    },
    {
      name: 'a segment with a flipped byte',
      damage: async (f: string) => {
        const [seg] = await segmentsIn(f)
        const bytes = await readFile(join(f, seg))
        bytes[bytes.length - 60] ^= 0xff
        await writeFile(join(f, seg), bytes)
      },
      reason: /^corrupt: /,
    },
    {
      name: 'a missing segment',
      damage: async (f: string) => rm(join(f, (await segmentsIn(f))[0])),
      reason: /^corrupt: /,
    },
    {
      name: 'an older format',
      damage: async (f: string) => {
        const saved = await readJson(join(f, MANIFEST))
        await writeFile(join(f, MANIFEST), JSON.stringify({ ...saved, version: 0 }))
      },
      reason: /^stale: index format 0/,
    },
  ])('rebuilds an index with $name, with the same results', async ({ damage, reason }) => {
    const { folder, before, reopen } = await savedIndex()
    await damage(folder)
    const index = await reopen()
    expect(index.rebuiltBecause).toMatch(reason)
    expect(await snapshot(index, QUERIES)).toEqual(before)
    await index.close()
    expect((await reopen()).rebuiltBecause).toBeUndefined()
  })

  it('does not trust an index signed with another key, nor one it cannot verify without a key', async () => {
    const { before, reopen } = await savedIndex()
    const other = await reopen({ keyFile: await testKeyFile() })
    expect(other.rebuiltBecause).toMatch(/^corrupt: .*not written by this Glossa/)
    expect(await snapshot(other, QUERIES)).toEqual(before)
    await other.close()
    const keyless = await reopen({})
    expect(keyless.rebuiltBecause).toBe('unverified: there is no trust key to check the saved index with')
    expect(await snapshot(keyless, QUERIES)).toEqual(before)
  })

  it('makes the trust key when its file is not there yet, saves, and opens the saved index next time', async () => {
    const fixture = await fixtureArchive()
    const keyFile = join(await tempDir('glossa-nokey-'), 'keys', 'catalog-trust.key')
    const first = await SearchIndex.open(fixture.archive, { keyFile })
    expect(first.rebuiltBecause).toBe('missing')
    const before = await snapshot(first, QUERIES)
    await first.close()
    expect((await stat(keyFile)).size).toBe(32)
    expect((await readdir(join(fixture.dir, 'search-index'))).length).toBeGreaterThan(1)
    const again = await SearchIndex.open(await Archive.open(fixture.dir), { keyFile })
    expect(again.rebuiltBecause).toBeUndefined()
    expect(await snapshot(again, QUERIES)).toEqual(before)
    await again.close()
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
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
    const { archive, keyFile, folder, reopen } = await savedIndex()
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
