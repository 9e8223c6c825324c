// An article emptied from the trash on one side while another member, offline, annotated it: the deletion must
// not take the unsent notes with it (#17, "nothing a user typed is ever lost"). Two real archives through a real
// CouchDB-protocol server (pouchdb-server, in memory) and the bundled sync job, as the app runs it.
import { copyFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { serviceHarness } from '../../../test/service-harness'
import { sampleTarget, tempDir } from '../../../test/temp-archive'
import { useTeamServer } from '../../../test/sync/team-server'
import { removeTrash } from '../archive/trash'
import { nodeProcess } from '../jobs/job-process'
import { annotationDoc, changeKey } from '../../shared/sync/docs'
import { applyIncoming } from './apply'
import { runSync } from './run-sync'

const server = useTeamServer()

const TEXT = 'The harbour plan costs 40 million euros, the council said on Tuesday.'
const members = { ann: 'pw-ann', rob: 'pw-rob' }
let dbCount = 0

async function team() {
  const url = await server.couch.team(`keep${++dbCount}`, members)
  const open = async () => {
    const h = await serviceHarness(await tempDir())
    const sync = (user: keyof typeof members) =>
      runSync(h.archive, { url, username: user, password: members[user] }, () =>
        nodeProcess(server.worker.file),
      )
    return { ...h, sync }
  }
  const a = await open()
  const b = await open()
  // One article with one note, on both sides.
  const article = await a.call('articles.create', { title: 'Harbour plan', text: TEXT })
  const first = await a.call('annotations.create', {
    articleId: article.id,
    note: 'first note',
    target: sampleTarget(TEXT, 'council'),
  })
  await a.sync('ann')
  await b.sync('rob')
  expect(b.archive.catalog.has(article.id)).toBe(true)
  return { a, b, article, first }
}

/** B deletes the article and empties it from the trash, then sends that to the team. */
async function emptiedByB(b: Awaited<ReturnType<typeof team>>['b'], id: string) {
  await b.call('articles.delete', { ids: [id] })
  await removeTrash(b.dir, id)
  await b.sync('rob')
  expect(b.archive.catalog.has(id)).toBe(false)
}

const notes = async (h: { call: Awaited<ReturnType<typeof team>>['a']['call'] }, articleId: string) =>
  (await h.call('annotations.list', { articleId })).map((n) => n.note).sort()

describe('an article emptied from the trash on one side, annotated offline on the other', () => {
  it('keeps the article and the new note here, tells the user, and sends both back to the team', async () => {
    const { a, b, article } = await team()
    await emptiedByB(b, article.id)
    // A, offline, adds a note to the article B emptied from the trash.
    await a.call('annotations.create', {
      articleId: article.id,
      note: 'typed offline',
      target: sampleTarget(TEXT, '40 million euros'),
    })
    const report = await a.sync('ann')
    expect(a.archive.catalog.has(article.id)).toBe(true)
    expect(await notes(a, article.id)).toEqual(['first note', 'typed offline'])
    expect(report.kept).toEqual([
      {
        id: `article:${article.id}`,
        reason: expect.stringContaining('“Harbour plan” was emptied from the trash by another member'),
      },
    ])
    // B syncs in between: the note alone cannot be taken in yet (its article is gone there).
    await b.sync('rob')
    // A's next sync sends the article and its notes back; B's next sync takes them in.
    expect((await a.sync('ann')).sent).toBeGreaterThanOrEqual(3)
    await b.sync('rob')
    expect(b.archive.catalog.has(article.id)).toBe(true)
    expect(await notes(b, article.id)).toEqual(['first note', 'typed offline'])
    // And it stays: nothing more moves, nothing is deleted on either side.
    await a.sync('ann')
    await b.sync('rob')
    expect(await notes(a, article.id)).toEqual(['first note', 'typed offline'])
    expect(await notes(b, article.id)).toEqual(['first note', 'typed offline'])
  }, 120_000)

  it('killed after keeping the article and before recording the sync: the next sync keeps it again', async () => {
    const { a, b, article } = await team()
    await emptiedByB(b, article.id)
    await a.call('annotations.create', {
      articleId: article.id,
      note: 'typed offline',
      target: sampleTarget(TEXT, '40 million euros'),
    })
    await a.archive.flush()
    // The archive is written before the sync state: a kill between the two leaves the state as it was before.
    const state = join(a.dir, 'sync', 'state.json')
    await copyFile(state, `${state}.before`)
    await a.sync('ann')
    await copyFile(`${state}.before`, state)
    expect((await a.sync('ann')).kept).toHaveLength(1)
    expect(await notes(a, article.id)).toEqual(['first note', 'typed offline'])
    await a.sync('ann')
    await b.sync('rob')
    expect(await notes(b, article.id)).toEqual(['first note', 'typed offline'])
  }, 120_000)

  it('keeps an existing note edited offline the same way', async () => {
    const { a, b, article, first } = await team()
    await emptiedByB(b, article.id)
    await a.call('annotations.update', { articleId: article.id, id: first.id, note: 'edited offline' })
    await a.sync('ann')
    expect(await notes(a, article.id)).toEqual(['edited offline'])
    await a.sync('ann')
    await b.sync('rob')
    expect(await notes(b, article.id)).toEqual(['edited offline'])
  }, 120_000)

  it('with nothing changed here, the deletion applies as before', async () => {
    const { a, b, article } = await team()
    await emptiedByB(b, article.id)
    const report = await a.sync('ann')
    expect(report.kept).toEqual([])
    expect(a.archive.catalog.has(article.id)).toBe(false)
    expect(await a.archive.list()).toEqual([])
    await b.sync('rob')
    expect(b.archive.catalog.has(article.id)).toBe(false)
  }, 120_000)

  it('an article moved to the trash there keeps the note typed here, in the trash', async () => {
    const { a, b, article } = await team()
    await b.call('articles.delete', { ids: [article.id] })
    await b.sync('rob')
    await a.call('annotations.create', {
      articleId: article.id,
      note: 'typed offline',
      target: sampleTarget(TEXT, '40 million euros'),
    })
    await a.sync('ann')
    expect(a.archive.catalog.has(article.id)).toBe(false)
    await a.call('articles.restore', { ids: [article.id] })
    expect(await notes(a, article.id)).toEqual(['first note', 'typed offline'])
  }, 120_000)

  it('an annotation deletion from the team against an edit here not yet sent keeps the edit', async () => {
    const h = await serviceHarness(await tempDir())
    const article = await h.call('articles.create', { title: 'Harbour plan', text: TEXT })
    const note = await h.call('annotations.create', {
      articleId: article.id,
      note: 'as exchanged',
      target: sampleTarget(TEXT, 'council'),
    })
    const docId = `annotation:${article.id}:${note.id}`
    const exchanged = changeKey(annotationDoc(note))
    const unsent = (id: string, key?: string) => id === docId && key !== exchanged
    await h.call('annotations.update', { articleId: article.id, id: note.id, note: 'edited here' })
    // The deletion arrives while the edit has not been sent: the edit stays.
    await applyIncoming(h.archive, [{ id: docId }], { unsent, kept: new Map() })
    expect(await notes(h, article.id)).toEqual(['edited here'])
    // Once that edit was exchanged, the same deletion applies.
    await applyIncoming(h.archive, [{ id: docId }], { unsent: () => false, kept: new Map() })
    expect(await notes(h, article.id)).toEqual([])
  }, 60_000)
})
