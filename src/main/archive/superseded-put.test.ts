// Tests (Node), on a real archive on disk: a save's catalog write that a later write of the same article
// supersedes while the article's bucket is being opened (a new article, its bucket not yet on disk). The
// superseded put used to return at once, writing nothing: its saves-in-flight mark ended while the entry holding
// the save's counts was not on disk yet, so a kill then left the counts to nobody (README, "Not covered").
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import { serviceHarness } from '../../../test/service-harness'
import { sampleTarget } from '../../../test/temp-archive'
import type { ArticleMeta } from '../../shared/types'

const TEXT = 'The grid held at 70% of capacity overnight.'

describe('a catalog write superseded while its bucket opens', () => {
  it('settles only once the entry with its counts is on disk: the save mark never ends before', async () => {
    const h = await serviceHarness()
    const { archive } = h
    // The first write to a bucket opens it: held here until the save and a later write of the article wait on it.
    const store = archive.catalog as unknown as { open(bucket: string): Promise<unknown> }
    const open = store.open.bind(store)
    let release = () => {}
    const held = new Promise<void>((resolve) => (release = resolve))
    store.open = (bucket) => held.then(() => open(bucket))

    const created = archive.createArticle({ title: 'Grid', text: TEXT, tags: [] })
    await vi.waitFor(() => expect(archive.list()).toHaveLength(1))
    const id = archive.list()[0].id
    const bucketFile = join(h.dir, 'catalog', `${archive.catalog.bucketFor(id)}.json`)
    const onDisk = () => {
      try {
        const file = JSON.parse(readFileSync(bucketFile, 'utf8')) as { articles: Record<string, ArticleMeta> }
        return file.articles[id]?.counts ?? 'no entry'
      } catch {
        return 'no bucket file'
      }
    }
    // What the catalog on disk says of the article at the moment the save's mark ends.
    type Marker = { end(id: string): void }
    const inFlight = (archive as unknown as { saves: { marker: Marker } }).saves.marker
    const end = inFlight.end.bind(inFlight)
    const atEnd: unknown[] = []
    inFlight.end = (ended) => {
      atEnd.push(onDisk())
      end(ended)
    }

    await h.call('annotations.create', { articleId: id, target: sampleTarget(TEXT, 'grid held') })
    const updated = archive.updateArticle(id, { tags: ['energy'] })
    release()
    await Promise.all([created, updated])
    await archive.flush()

    expect(atEnd).toEqual([{ highlights: 1, figures: 0, notes: 0 }])
    expect(onDisk()).toEqual({ highlights: 1, figures: 0, notes: 0 })
    expect(archive.meta(id).tags).toEqual(['energy'])
  })
})
