// One hostile document on the team server must not stop everyone's sync: pouchdb-server 4.2.0 fails a whole
// replication batch on an attachment whose name holds `/`, which used to end the pull (reported as the server
// not answering). The pull now isolates the document that cannot be fetched, refuses it with its reason and
// takes in the rest.
import { readFile } from 'node:fs/promises'
import { createHash } from 'node:crypto'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { READER_DIR } from '../../../test/import/reader-score'
import { serviceHarness } from '../../../test/service-harness'
import { useTeamServer } from '../../../test/sync/team-server'
import { tempDir } from '../../../test/temp-archive'
import { nodeProcess } from '../jobs/job-process'

const team = useTeamServer()

const PHOTO = join(READER_DIR, '00-standard-saved_files/site-photo.png')

describe('a document the server cannot send', () => {
  it('is refused with its reason and the rest of the sync goes on', async () => {
    const url = await team.couch.team('hostile1', { ann: 'pw-ann' })
    const a = await serviceHarness(await tempDir(), { syncJob: () => nodeProcess(team.worker.file) })
    await a.call('sync.configure', { remote: url, user: 'ann', password: 'pw-ann' })
    const photo = await readFile(PHOTO)
    const name = `${createHash('sha256').update(photo).digest('hex')}.png`
    const article = (id: string, file?: string) => ({
      _id: `article:${id}`,
      type: 'article',
      meta: { id, title: `Team article ${id}`, addedAt: '2026-01-01T00:00:00Z', tags: [] },
      text: `Words of ${id}.`,
      html: `<p>Words of ${id}.</p>${file ? `<img src="glossa-asset:${file}">` : ''}`,
      ...(file
        ? { _attachments: { [file]: { content_type: 'image/png', data: photo.toString('base64') } } }
        : {}),
    })
    const good = Array.from({ length: 12 }, (_, i) => article(`good${String(i).padStart(4, '0')}`))
    const docs = [
      ...good.slice(0, 6),
      article('slash001', `../${name}`),
      article('image001', name),
      ...good.slice(6),
    ]
    const res = await fetch(`${url}/_bulk_docs`, {
      method: 'POST',
      headers: {
        Authorization: `Basic ${Buffer.from('ann:pw-ann').toString('base64')}`,
        'Content-Type': 'application/json',
      },
      body: JSON.stringify({ docs }),
    })
    expect(res.status).toBe(201)

    const report = await a.call('sync.run', {})
    const reasons = Object.fromEntries(report.refused.map((r) => [r.id, r.reason]))
    expect(Object.keys(reasons)).toEqual(['article:slash001'])
    expect(reasons['article:slash001']).toMatch(/not a Glossa file name/)
    expect(reasons['article:slash001']).not.toMatch(/reach|unreachable/i)
    expect(report.received).toBe(13)
    for (const d of good) expect(a.archive.catalog.has(d.meta.id)).toBe(true)
    expect(a.archive.catalog.has('slash001')).toBe(false)
    const served = await a.call('articles.image', { id: 'image001', name })
    expect(Buffer.from(served.base64, 'base64')).toEqual(photo)
    // The next sync refuses it again and breaks nothing.
    const again = await a.call('sync.run', {})
    expect(again.refused.map((r) => r.id)).toEqual(['article:slash001'])
    expect(again.received).toBe(0)
    expect((await a.call('sync.status', {})).lastSync).toBeDefined()
  }, 180_000)
})
