// Sharing chosen collections only, and a read-only member, through the service against pouchdb-server: only the
// chosen collections' articles and annotations (and the tag colours they use) leave the archive; what the team
// sends is taken in whatever its collection; a read-only member takes everything in and is told plainly that the
// server does not accept its changes.
import { describe, expect, it } from 'vitest'
import { useTeamServer } from '../../../test/sync/team-server'
import { sampleTarget } from '../../../test/temp-archive'
import { sharedDocIds } from '../../shared/sync/scope'

const team = useTeamServer()

const TEXT = 'The harbour plan costs 40 million euros, the council said on Tuesday.'
const OTHER = 'Private notes on a source: the minister will resign on Friday, two aides said.'

/** Every document id on the server. */
async function serverIds(url: string): Promise<string[]> {
  const auth = { Authorization: `Basic ${Buffer.from('admin:admin-secret').toString('base64')}` }
  const res = await fetch(`${url}/_all_docs`, { headers: auth })
  const body = (await res.json()) as { rows: { id: string }[] }
  return body.rows.map((r) => r.id).filter((id) => !id.startsWith('_design/'))
}

describe('sharing chosen collections', () => {
  it('the scope: chosen collections, their annotations and tags (with parents), and anything sent before', () => {
    const docs = new Map([
      ['article:art1', { collections: ['coll1'], tags: ['budget/harbour'] }],
      ['article:art2', { collections: ['coll2'], tags: ['secret'] }],
      ['article:art3', { collections: [], tags: [] }],
      ['annotation:art1:note1', { tags: ['check/figure'] }],
      ['annotation:art2:note2', { tags: ['secret/source'] }],
      ['collection:coll1', {}],
      ['collection:coll2', {}],
      ['tag:budget', {}],
      ['tag:check/figure', {}],
      ['tag:secret', {}],
    ])
    const sent = new Set(['article:art3'])
    expect([...sharedDocIds(docs, ['coll1'], (id) => sent.has(id))].sort()).toEqual([
      'annotation:art1:note1',
      'article:art1',
      'article:art3',
      'collection:coll1',
      'tag:budget',
      'tag:check/figure',
    ])
    expect(sharedDocIds(docs, undefined, () => false).size).toBe(docs.size)
  })

  it('only the chosen collection leaves; the team’s articles come in; a shared one stays shared', async () => {
    const url = await team.couch.team('share1', { ann: 'pw-ann', rob: 'pw-rob' })
    const open = (user: string) => team.member(url, user)
    const a = await open('ann')
    const b = await open('rob')
    const port = await a.call('collections.create', { name: 'Port' })
    const shared = await a.call('articles.create', { title: 'Harbour plan', text: TEXT, tags: ['budget'] })
    const kept = await a.call('articles.create', { title: 'Source notes', text: OTHER, tags: ['secret'] })
    await a.archive.updateArticle(shared.id, { collections: [port.id] })
    await a.call('annotations.create', {
      articleId: shared.id,
      note: 'for the team',
      target: sampleTarget(TEXT, 'council'),
    })
    await a.call('annotations.create', {
      articleId: kept.id,
      note: 'mine only',
      target: sampleTarget(OTHER, 'minister'),
    })
    await a.call('tags.setColor', { name: 'budget', color: 'green' })
    await a.call('tags.setColor', { name: 'secret', color: 'pink' })
    const status = await a.call('sync.configure', { remote: url, user: 'ann', share: [port.id] })
    expect(status.share).toEqual([port.id])

    // The samples every archive starts with are in no collection: they stay here too.
    await a.call('sync.run', {})
    const onServer = await serverIds(url)
    expect(onServer.filter((id) => id.includes(kept.id) || id === 'tag:secret')).toEqual([])
    expect(onServer.some((id) => id.startsWith(`annotation:${shared.id}:`))).toBe(true)
    expect(onServer).toContain(`collection:${port.id}`)
    expect(onServer).toContain('tag:budget')
    expect(onServer.filter((id) => id.startsWith('article:'))).toEqual([`article:${shared.id}`])

    // Rob (whole archive) sends his own article; Ann takes it in though it is in none of her collections.
    const fromRob = await b.call('articles.create', {
      title: 'Budget vote',
      text: 'The council voted on Monday.',
    })
    await b.call('sync.run', {})
    expect(b.archive.catalog.has(kept.id)).toBe(false)
    expect((await b.call('annotations.list', { articleId: shared.id })).map((n) => n.note)).toEqual([
      'for the team',
    ])
    await a.call('sync.run', {})
    expect(a.archive.catalog.has(fromRob.id)).toBe(true)

    // Ann notes Rob's article and takes hers out of Port: both were exchanged, so both changes go to the team.
    await a.call('annotations.create', {
      articleId: fromRob.id,
      note: 'ann on rob’s article',
      target: sampleTarget('The council voted on Monday.', 'council'),
    })
    await a.archive.updateArticle(shared.id, { collections: [] })
    // Deleting the unshared article sends nothing (the server never had it).
    await a.call('articles.delete', { ids: [kept.id] })
    const report = await a.call('sync.run', {})
    expect(report.sent).toBe(2)
    await b.call('sync.run', {})
    expect((await b.call('annotations.list', { articleId: fromRob.id })).map((n) => n.note)).toEqual([
      'ann on rob’s article',
    ])
    expect((await b.call('articles.get', { id: shared.id })).collections ?? []).toEqual([])

    // Back to the whole archive: the samples go too (the deleted article, in the trash, goes as deleted).
    await a.call('sync.configure', { remote: url, user: 'ann', share: null })
    expect(await a.call('sync.status', {})).not.toHaveProperty('share')
    expect((await a.call('sync.run', {})).sent).toBeGreaterThan(2)
  }, 120_000)

  it('a read-only member takes everything in, and the status says plainly its changes are not accepted', async () => {
    const url = await team.couch.team('share2', { ann: 'pw-ann', ro: 'pw-ro' }, ['ro'])
    const open = (user: string) => team.member(url, user)
    const a = await open('ann')
    const article = await a.call('articles.create', { title: 'Harbour plan', text: TEXT })
    await a.call('sync.run', {})
    const r = await open('ro')
    expect((await r.call('sync.run', {})).received).toBeGreaterThanOrEqual(1)
    expect(r.archive.catalog.has(article.id)).toBe(true)
    await r.call('annotations.create', {
      articleId: article.id,
      note: 'read-only note',
      target: sampleTarget(TEXT, 'council'),
    })
    const report = await r.call('sync.run', {})
    expect(report.waiting.map((w) => w.reason)).toContain('read-only member of this database')
    const status = await r.call('sync.status', {})
    expect(status.waiting).toBeGreaterThan(0)
    expect(status.waitingReason).toBe('read-only member of this database')
    expect((await serverIds(url)).some((id) => id.startsWith(`annotation:${article.id}:`))).toBe(false)
  }, 120_000)
})
