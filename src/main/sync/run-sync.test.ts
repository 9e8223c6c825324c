// Two archives syncing through a real CouchDB-protocol server (test/sync/run-sync-suite.ts): what one makes
// appears in the other — articles, annotations, deletions, a conflict on one note, 1,000 annotations a side.
import { describe, expect, it } from 'vitest'
import { TEXT, archiveFiles, catalogOf, syncSuite, syncedNote } from '../../../test/sync/run-sync-suite'
import { sampleTarget } from '../../../test/temp-archive'
import { resolveConflict } from './resolve'
import { readSyncState } from './state'

const { team } = syncSuite()

describe('glossa sync through pouchdb-server: what moves', () => {
  it('an article and an annotation made in A appear in B with the same ids and fields', async () => {
    const { a, b } = await team()
    const article = await a.call('articles.create', { title: 'Harbour plan', text: TEXT, tags: ['budget'] })
    const note = await a.call('annotations.create', {
      articleId: article.id,
      note: 'Check the **40 million**',
      tags: ['budget/harbour'],
      target: sampleTarget(TEXT, '40 million euros'),
    })
    await a.call('tags.setColor', { name: 'budget', color: 'green' })
    const coll = await a.call('collections.create', { name: 'Port' })
    await a.archive.updateArticle(article.id, { collections: [coll.id] })

    const sent = await a.sync()
    expect(sent.sent).toBe(4)
    const got = await b.sync()
    expect(got.received).toBe(4)

    expect(await b.call('annotations.list', { articleId: article.id })).toEqual([note])
    const inB = await b.call('articles.get', { id: article.id })
    expect(inB).toEqual(await a.call('articles.get', { id: article.id }))
    expect(await b.call('collections.list', {})).toEqual(await a.call('collections.list', {}))
    expect((await b.call('tags.list', {})).find((t) => t.name === 'budget')?.color).toBe('green')
    expect(await catalogOf(b)).toEqual(await catalogOf(a))

    // Nothing changed since: a second sync on either side sends and takes in nothing.
    expect((await a.sync()).sent).toBe(0)
    expect(await b.sync()).toMatchObject({ sent: 0, received: 0 })
  }, 60_000)
  it('a deletion propagates: annotation, then article to the trash, then restored', async () => {
    const { a, b } = await team()
    const { article, note } = await syncedNote(a, 'x')
    await b.sync()
    await b.call('annotations.delete', { articleId: article.id, id: note.id })
    await b.sync()
    await a.sync()
    expect(await a.call('annotations.list', { articleId: article.id })).toEqual([])

    await a.call('articles.delete', { ids: [article.id] })
    await a.sync()
    await b.sync()
    expect(b.archive.catalog.has(article.id)).toBe(false)
    expect(await b.call('articles.restore', { ids: [article.id] })).toHaveLength(1)
    await b.sync()
    await a.sync()
    expect(a.archive.catalog.has(article.id)).toBe(true)
    expect(await archiveFiles(a.dir)).toEqual(await archiveFiles(b.dir))
  }, 60_000)
  it('concurrent edits of one note: one conflict on both sides, both texts kept', async () => {
    const { a, b } = await team()
    const { article, note } = await syncedNote(a)
    await b.sync()
    await a.call('annotations.update', { articleId: article.id, id: note.id, note: 'text from A' })
    await b.call('annotations.update', { articleId: article.id, id: note.id, note: 'text from B' })
    await a.sync()
    const inB = await b.sync()
    await a.sync()
    expect(inB.conflicts).toEqual([{ id: `annotation:${article.id}:${note.id}`, losers: 1 }])
    for (const side of [a, b]) {
      const [kept] = await side.call('annotations.list', { articleId: article.id })
      const state = await readSyncState(side.dir)
      const conflict = state.conflicts[`annotation:${article.id}:${note.id}`]!
      const loser = conflict.losers[0]!.doc as { annotation: { note: string } }
      expect([kept!.note, loser.annotation.note].sort()).toEqual(['text from A', 'text from B'])
    }
    expect(await archiveFiles(a.dir)).toEqual(await archiveFiles(b.dir))

    // B merges the two texts; after a sync each way the conflict is gone everywhere and the merge is kept.
    const docId = `annotation:${article.id}:${note.id}`
    const [current] = await b.call('annotations.list', { articleId: article.id })
    await resolveConflict(b.archive, docId, {
      doc: { type: 'annotation', annotation: { ...current, note: 'text from A\n\ntext from B' } },
    })
    await b.sync()
    const inA = await a.sync()
    expect(inA.conflicts).toEqual([])
    expect((await b.sync()).conflicts).toEqual([])
    for (const side of [a, b])
      expect((await side.call('annotations.list', { articleId: article.id }))[0]!.note).toBe(
        'text from A\n\ntext from B',
      )
    expect(await archiveFiles(a.dir)).toEqual(await archiveFiles(b.dir))
  }, 90_000)
  it('1,000 annotations made on each side converge to identical files', async () => {
    const { a, b } = await team()
    const article = await a.call('articles.create', { title: 'Harbour plan', text: TEXT })
    await a.sync()
    await b.sync()
    const many = (side: string) =>
      Array.from({ length: 1000 }, (_, i) => ({
        id: `${side}${String(i).padStart(5, '0')}`,
        articleId: article.id,
        kind: 'highlight' as const,
        color: 'yellow' as const,
        note: `${side} note ${i}`,
        tags: [],
        target: sampleTarget(TEXT, 'council'),
        createdAt: new Date(Date.UTC(2026, 0, 1, 0, 0, i, side === 'a' ? 0 : 500)).toISOString(),
        updatedAt: '2026-01-01T00:00:00.000Z',
      }))
    await a.archive.changeAnnotations(article.id, (list) => list.push(...many('a')))
    await b.archive.changeAnnotations(article.id, (list) => list.push(...many('b')))
    await a.sync()
    await b.sync()
    await a.sync()
    expect(await a.call('annotations.list', { articleId: article.id })).toHaveLength(2000)
    expect(await archiveFiles(a.dir)).toEqual(await archiveFiles(b.dir))
  }, 180_000)
})
