// Tests (Node): a backup (or a snapshot) holding an article under the id of one in this archive's trash. The
// restore took the id, so the trashed article — with the notes typed on it — could no longer be restored ("already
// in the archive"), and emptying the trash after 30 days removed its record as that of an article in the catalog.
// A real archive on disk and the real service.
import { describe, expect, it } from 'vitest'
import { serviceHarness } from '../service-harness'
import { sampleTarget } from '../temp-archive'

const TEXT = 'The council approved 40 new buses on Tuesday.'

describe('a backup naming an article that is in the trash here', () => {
  it('leaves the trashed article and its notes restorable, and says why the backup’s was not restored', async () => {
    const h = await serviceHarness()
    const mine = await h.call('articles.create', { title: 'Buses', text: TEXT })
    await h.call('annotations.create', {
      articleId: mine.id,
      note: 'typed by me',
      target: sampleTarget(TEXT, 'council'),
    })
    await h.call('articles.delete', { ids: [mine.id] })

    const stamp = '2024-01-01T00:00:00.000Z'
    const backup = {
      format: 'glossa-backup',
      version: 1,
      generatedAt: stamp,
      articles: [
        {
          id: mine.id,
          title: 'Same id, other article',
          addedAt: stamp,
          tags: [],
          textHash: '',
          length: 1,
          counts: { highlights: 0, figures: 0, notes: 0 },
          annotationTags: {},
          text: 'Something else entirely.',
        },
      ],
      annotations: [],
      tagColors: {},
      collections: [],
    }
    const [result] = await h.call('import.files', {
      files: [{ name: 'b.json', dataBase64: Buffer.from(JSON.stringify(backup)).toString('base64') }],
    })
    expect(JSON.stringify(result)).toContain('trash')

    await h.call('articles.restore', { ids: [mine.id] })
    const back = await h.call('articles.get', { id: mine.id })
    expect(back.text).toBe(TEXT)
    const notes = await h.call('annotations.list', { articleId: mine.id })
    expect(notes.map((n) => n.note)).toEqual(['typed by me'])
  })
  it('a snapshot brings back an article deleted since, from the trash: the notes typed after the snapshot stay', async () => {
    const h = await serviceHarness()
    const mine = await h.call('articles.create', { title: 'Buses', text: TEXT })
    const note = { articleId: mine.id, target: sampleTarget(TEXT, 'council') }
    await h.call('annotations.create', { ...note, note: 'before the snapshot' })
    const snapshot = await h.call('backups.create', {})
    await h.call('annotations.create', { ...note, note: 'after the snapshot' })
    await h.call('articles.delete', { ids: [mine.id] })

    const { messages } = await h.call('backups.restore', { id: snapshot.id, addMissing: true })
    expect(messages).toEqual(['Brought back 1 articles from the snapshot.'])
    const notes = await h.call('annotations.list', { articleId: mine.id })
    expect(notes.map((n) => n.note).sort()).toEqual(['after the snapshot', 'before the snapshot'])
  })
})
