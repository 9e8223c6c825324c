// The merge job (segment-merge.ts): a segment whose tombstoned share passes the mark is written again without its
// tombstoned documents — by the builder process (a real bundled search worker) or here — and the app adopts it:
// searches answer as an index built from scratch, changes made while the job ran are kept, the manifest names
// the merged file (the old one removed) and the index reopens from it without a rebuild.
import { readFile, readdir, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { annotate, snapshot, testKeyFile } from '../../../test/fixtures/search/kit'
import { synthetic } from '../../../test/fixtures/search/synthetic'
import { bundleChild } from '../../../test/reliability/bundle-child'
import type { BundledChild } from '../../../test/reliability/bundle-child'
import { tempDir } from '../../../test/temp-archive'
import { Archive } from '../archive/archive'
import { buildIndexFile } from './build'
import type { BuildRequest } from './load-state'
import { nodeBuilder } from './process-builder'
import { SearchIndex } from './search-index'
import { MANIFEST } from './segment-store'
import { mergeSegmentFile } from './segment-merge'
import type { SegmentMerger } from './segment-merge'

const MERGE_AT = { share: 0.3, minDocs: 1 }

let worker: BundledChild
beforeAll(async () => {
  worker = await bundleChild('src/main/search/build-worker.ts')
}, 120_000)
afterAll(() => worker?.dispose())

type Manifest = { segments: { file: string; docs: number; dead: number[] }[] }

async function archiveWith(count: number) {
  const dir = await tempDir('glossa-merge-')
  const archive = await Archive.open(dir)
  const gen = synthetic(11)
  const metas = []
  for (let i = 0; i < count; i++) metas.push(await archive.createArticle(gen.article(i, 800)))
  for (const m of metas.slice(0, 6))
    await annotate(archive, m.id, (await archive.getArticle(m.id)).text.slice(0, 10), {
      note: `seen ${m.title}`,
    })
  const queries = metas.slice(0, 10).map((m) => m.title.split(' ').slice(0, 2).join(' '))
  queries.push('grid', 'seen', 'repairs', 'substa')
  return { dir, archive, metas, queries, keyFile: await testKeyFile() }
}

const manifestOf = async (dir: string): Promise<Manifest> =>
  JSON.parse(await readFile(join(dir, 'search-index', MANIFEST), 'utf8'))

describe('the merge job', () => {
  it('takes the tombstones out of a segment, keeping the changes made while it ran', async () => {
    const { dir, archive, metas, queries, keyFile } = await archiveWith(60)
    let during = 0
    // The job's own code, run here; a change reaches the app while it works.
    const merger: SegmentMerger = async (request) => {
      during++
      const report = await mergeSegmentFile(request)
      await archive.deleteArticle(metas[50].id)
      await archive.updateArticle(metas[51].id, { title: 'Retitled while merging' })
      return report
    }
    const builder = Object.assign((request: BuildRequest) => buildIndexFile(request), { merge: merger })
    const index = await SearchIndex.open(archive, { keyFile, mergeAt: MERGE_AT, builder })
    const built = await manifestOf(dir)
    expect(built.segments).toHaveLength(1)
    const [first] = built.segments
    for (const m of metas.slice(0, 25)) await archive.deleteArticle(m.id)
    await index.flush()
    await index.mergeSettled
    expect(during).toBe(1)
    expect(index.problems).toEqual([])
    const merged = await manifestOf(dir)
    expect(merged.segments.map((s) => s.file)).not.toContain(first.file)
    expect(merged.segments[0].docs).toBeLessThan(first.docs - 25)
    // The article deleted while the job ran is a tombstone in the merged segment (or its new version is saved).
    expect(merged.segments[0].dead.length).toBeGreaterThan(0)
    const files = await readdir(join(dir, 'search-index'))
    expect(files).not.toContain(first.file)
    const after = await snapshot(index, [...queries, 'retitled merging'])
    expect((await index.search('retitled merging')).map((h) => h.articleId)).toEqual([metas[51].id])
    await index.close()

    const reopened = await SearchIndex.open(await Archive.open(dir), { keyFile })
    expect(reopened.rebuiltBecause).toBeUndefined()
    expect(await snapshot(reopened, [...queries, 'retitled merging'])).toEqual(after)
    await reopened.close()
    await rm(join(dir, 'search-index'), { recursive: true })
    const rebuilt = await SearchIndex.open(await Archive.open(dir), { keyFile })
    expect(await snapshot(rebuilt, [...queries, 'retitled merging'])).toEqual(after)
    await rebuilt.close()
  })

  it('a failed job is reported once and not started again at every save', async () => {
    const { archive, metas, queries, keyFile } = await archiveWith(30)
    let calls = 0
    const merge: SegmentMerger = async () => {
      calls++
      throw new Error('disk full')
    }
    const builder = Object.assign((request: BuildRequest) => buildIndexFile(request), { merge })
    const index = await SearchIndex.open(archive, { keyFile, mergeAt: MERGE_AT, builder })
    const before = await snapshot(index, queries)
    for (const m of metas.slice(0, 15)) await archive.deleteArticle(m.id)
    await index.flush()
    await index.mergeSettled
    await archive.deleteArticle(metas[20].id)
    await index.flush()
    await index.mergeSettled
    expect(calls).toBe(1)
    expect(index.problems).toEqual(['A search index segment could not be merged: disk full'])
    // Search goes on over the tombstoned segment.
    expect((await snapshot(index, queries)).flat().length).toBeLessThan(before.flat().length)
    await index.close()
  })

  it('runs in the builder process (a real search worker) and is adopted', async () => {
    const { dir, archive, metas, queries, keyFile } = await archiveWith(40)
    const index = await SearchIndex.open(archive, {
      keyFile,
      mergeAt: MERGE_AT,
      builder: nodeBuilder(worker.file),
    })
    const [first] = (await manifestOf(dir)).segments
    for (const m of metas.slice(0, 20)) await archive.deleteArticle(m.id)
    await index.flush()
    await index.mergeSettled
    expect(index.problems).toEqual([])
    const merged = await manifestOf(dir)
    expect(merged.segments).toHaveLength(1)
    expect(merged.segments[0].file).not.toBe(first.file)
    expect(merged.segments[0].dead).toEqual([])
    const after = await snapshot(index, queries)
    await index.close()
    await rm(join(dir, 'search-index'), { recursive: true })
    const rebuilt = await SearchIndex.open(await Archive.open(dir), { keyFile })
    expect(await snapshot(rebuilt, queries)).toEqual(after)
    await rebuilt.close()
  })
})
