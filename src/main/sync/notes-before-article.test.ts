// A member's push cut short (the sync killed) can leave the team's database holding an article's annotations
// without the article: the push sends documents in id order, `annotation:` before `article:`. Another member's
// sync in that moment refuses the annotations (their article is not in the archive) and reads the replica's
// changes past them; when the article arrives later, the annotations must arrive with it. They did not: the
// changes feed never offered them again, and that member kept the article without its notes for good (the
// intermittent "archive B has 100 of the 300 notes" of run-sync.test.ts's killed-sync test). Made exact here by
// copying A's documents, revisions and all, into a second database in two steps.
import { describe, expect, it } from 'vitest'
import { serviceHarness } from '../../../test/service-harness'
import { sampleTarget, tempDir } from '../../../test/temp-archive'
import { useTeamServer } from '../../../test/sync/team-server'
import { nodeProcess } from '../jobs/job-process'
import { runSync } from './run-sync'
import { readSyncState } from './state'

const team = useTeamServer()

const TEXT = 'The harbour plan costs 40 million euros, the council said on Tuesday.'
const headers = {
  Authorization: `Basic ${Buffer.from('ann:pw-ann').toString('base64')}`,
  'Content-Type': 'application/json',
}

type Row = { id: string; doc: { _id: string; _rev: string } }

/** Copies documents from one database to the other as a replication does: same ids, same revisions. */
async function copy(from: string, to: string, which: (id: string) => boolean) {
  const res = await fetch(`${from}/_all_docs?include_docs=true&attachments=true`, { headers })
  const rows = ((await res.json()) as { rows: Row[] }).rows.filter((r) => which(r.id))
  const put = await fetch(`${to}/_bulk_docs`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ docs: rows.map((r) => r.doc), new_edits: false }),
  })
  expect(put.status).toBe(201)
  return rows.length
}

describe('annotations that reach a member before their article', () => {
  it('are taken in when the article arrives, at the next sync', async () => {
    const members = { ann: 'pw-ann' }
    const full = await team.couch.team('full1', members)
    const partial = await team.couch.team('partial1', members)
    const job = () => nodeProcess(team.worker.file)
    const a = await serviceHarness(await tempDir())
    const b = await serviceHarness(await tempDir())
    const article = await a.call('articles.create', { title: 'Harbour plan', text: TEXT })
    for (const word of ['council', 'harbour', 'Tuesday'])
      await a.call('annotations.create', {
        articleId: article.id,
        note: word,
        target: sampleTarget(TEXT, word),
      })
    await runSync(a.archive, { url: full, username: 'ann', password: 'pw-ann' }, job)

    // What a push cut short leaves on the server: the annotations, not yet the article.
    expect(await copy(full, partial, (id) => id.startsWith('annotation:'))).toBe(3)
    const sync = () => runSync(b.archive, { url: partial, username: 'ann', password: 'pw-ann' }, job)
    const first = await sync()
    expect(first.refused.map((r) => r.reason)).toEqual(
      Array(3).fill(`its article ${article.id} is not in this archive`),
    )
    expect(b.archive.catalog.has(article.id)).toBe(false)

    // The rest of the push arrives: the article, and with it the annotations refused before.
    expect(await copy(full, partial, (id) => id.startsWith('article:'))).toBe(1)
    const second = await sync()
    expect(second.refused).toEqual([])
    expect(second.received).toBe(4)
    expect(await b.call('annotations.list', { articleId: article.id })).toEqual(
      await a.call('annotations.list', { articleId: article.id }),
    )
    expect((await readSyncState(b.dir)).refused).toEqual({})
    // Taken in once: the next sync has nothing more to take in or send.
    expect(await sync()).toMatchObject({ sent: 0, received: 0, refused: [] })
  }, 120_000)
})
