// sync.* through the service, against pouchdb-server: team settings, the creator of new annotations (W3C
// `creator` in JSON-LD), a conflict listed with who wrote each version, and resolved by a merged note.
import { describe, expect, it } from 'vitest'
import { exportWebAnnotations } from '../../shared/export/web-annotation'
import { serviceHarness } from '../../../test/service-harness'
import { useTeamServer } from '../../../test/sync/team-server'
import { sampleTarget, tempDir } from '../../../test/temp-archive'
import { nodeProcess } from '../jobs/job-process'

const team = useTeamServer()

const TEXT = 'The harbour plan costs 40 million euros, the council said on Tuesday.'

describe('sync.* methods', () => {
  it('configure, sync, creator, a conflict with who wrote each version, a merge', async () => {
    const url = await team.couch.team('service1', { ann: 'pw-ann', rob: 'pw-rob' })
    const open = async (user: string) => {
      const h = await serviceHarness(await tempDir(), { syncJob: () => nodeProcess(team.worker.file) })
      const status = await h.call('sync.configure', { remote: url, user, password: `pw-${user}` })
      expect(status).toMatchObject({ remote: url, user, password: 'session', conflicts: 0 })
      return h
    }
    const a = await open('ann')
    const b = await open('rob')
    await expect(a.call('sync.status', {})).resolves.not.toHaveProperty('secret')
    const article = await a.call('articles.create', { title: 'Harbour plan', text: TEXT })
    const note = await a.call('annotations.create', {
      articleId: article.id,
      note: 'first',
      target: sampleTarget(TEXT, 'council'),
    })
    expect(note.creator).toBe('ann')
    const file = exportWebAnnotations({
      generatedAt: '2026-01-01T00:00:00Z',
      articles: [article],
      annotations: [note],
    })
    expect(file.content).toMatch(/"creator": {\s*"type": "Person",\s*"nickname": "ann"/)

    expect(await a.call('sync.run', {})).toMatchObject({ sent: 2, conflicts: 0 })
    expect(await b.call('sync.run', {})).toMatchObject({ received: 2 })
    await a.call('annotations.update', { articleId: article.id, id: note.id, note: 'from ann' })
    await b.call('annotations.update', { articleId: article.id, id: note.id, note: 'from rob' })
    await a.call('sync.run', {})
    expect(await b.call('sync.run', {})).toMatchObject({ conflicts: 1 })
    const [conflict] = await b.call('sync.conflicts', {})
    expect(conflict).toMatchObject({ kind: 'annotation', articleId: article.id, title: 'Harbour plan' })
    // Each version names who wrote it (ann created the note; rob's version is rob's).
    expect(conflict!.versions.map((v) => [v.creator, v.note]).sort()).toEqual([
      ['ann', 'from ann'],
      ['rob', 'from rob'],
    ])
    expect((await b.call('sync.status', {})).conflicts).toBe(1)

    await b.call('sync.resolve', {
      id: conflict!.id,
      rev: conflict!.versions[0]!.rev,
      note: 'from ann; from rob',
    })
    expect(await b.call('sync.conflicts', {})).toEqual([])
    await b.call('sync.run', {})
    await a.call('sync.run', {})
    expect(await a.call('sync.conflicts', {})).toEqual([])
    expect((await a.call('annotations.list', { articleId: article.id }))[0]!.note).toBe('from ann; from rob')
  }, 120_000)

  it('refuses clearly: no team set, a wrong password, no sync process', async () => {
    const h = await serviceHarness(await tempDir(), { syncJob: () => nodeProcess(team.worker.file) })
    await expect(h.call('sync.run', {})).rejects.toMatchObject({ code: 'invalid_argument' })
    const url = await team.couch.team('service2', { ann: 'pw-ann' })
    await h.call('sync.configure', { remote: url, user: 'ann', password: 'wrong' })
    await expect(h.call('sync.run', {})).rejects.toMatchObject({ code: 'unauthorized' })
    const plain = await serviceHarness(await tempDir())
    await plain.call('sync.configure', { remote: url, user: 'ann' })
    await expect(plain.call('sync.run', {})).rejects.toMatchObject({ code: 'unreachable' })
    await expect(plain.call('sync.resolve', { id: 'hasOwnProperty', rev: '1-x' })).rejects.toMatchObject({
      code: 'not_found',
    })
  }, 60_000)
})
