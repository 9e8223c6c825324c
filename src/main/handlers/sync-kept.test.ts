// sync.run and sync.status say in the window what a sync kept here against a deletion from the team: an article
// another member emptied from the trash while this side had notes on it not yet sent (#17). Two archives through
// the service and pouchdb-server, as the window runs them.
import { describe, expect, it } from 'vitest'
import { useTeamServer } from '../../../test/sync/team-server'
import { sampleTarget } from '../../../test/temp-archive'
import { removeTrash } from '../archive/trash'

const team = useTeamServer()

const TEXT = 'The harbour plan costs 40 million euros, the council said on Tuesday.'

describe('sync.run and sync.status report what was kept', () => {
  it('names the kept article and why, until the next sync has sent it back', async () => {
    const url = await team.couch.team('kept1', { ann: 'pw-ann', rob: 'pw-rob' })
    const open = (user: string) => team.member(url, user)
    const a = await open('ann')
    const b = await open('rob')
    const article = await a.call('articles.create', { title: 'Harbour plan', text: TEXT })
    await a.call('sync.run', {})
    await b.call('sync.run', {})
    // Rob deletes it and empties the trash; Ann, offline, adds a note to it.
    await b.call('articles.delete', { ids: [article.id] })
    await removeTrash(b.dir, article.id)
    await b.call('sync.run', {})
    await a.call('annotations.create', {
      articleId: article.id,
      note: 'typed offline',
      target: sampleTarget(TEXT, 'council'),
    })
    const message =
      'Kept here: “Harbour plan” — emptied from the trash by another member; your unsent changes kept it, ' +
      'the next sync sends it back.'
    const report = await a.call('sync.run', {})
    expect(report.kept).toEqual([{ id: article.id, title: 'Harbour plan', message }])
    expect((await a.call('sync.status', {})).kept).toEqual([
      { id: article.id, title: 'Harbour plan', message },
    ])
    expect(a.archive.catalog.has(article.id)).toBe(true)

    // The next sync sends it back: nothing is kept any more, and the status says nothing of it.
    expect((await a.call('sync.run', {})).kept).toEqual([])
    expect(await a.call('sync.status', {})).not.toHaveProperty('kept')
    await b.call('sync.run', {})
    expect(b.archive.catalog.has(article.id)).toBe(true)
    expect((await b.call('sync.status', {})).kept).toBeUndefined()
  }, 180_000)
})
