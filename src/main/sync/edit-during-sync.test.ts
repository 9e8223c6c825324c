// A note or an article's fields edited here while a sync runs (live sync starts a moment after each save, and a
// sync takes seconds), when the team sends another version of the same record in that sync: the edit was made
// after the sync chose what to send, so it was not sent, and the team's version was written over it — what the
// user typed was gone, on every side. Two real archives through pouchdb-server and the bundled sync job.
import { describe, expect, it } from 'vitest'
import { syncSuite, syncedNote } from '../../../test/sync/run-sync-suite'
import type { Member } from '../../../test/sync/run-sync-suite'
import { nodeProcess } from '../jobs/job-process'
import type { JobProcess } from '../jobs/job-process'
import { runSync } from './run-sync'
import { readSyncState } from './state'

const { worker, team } = syncSuite()

/**
 * A sync of `member` (as rob) during which `edit` runs: started once the sync has chosen what to send (the job
 * starts after that), and finished before the job's first batch is taken in — the moment a person typing while
 * live sync runs hits.
 */
function syncEditingMeanwhile(member: Member, url: string, edit: () => Promise<unknown>) {
  return runSync(member.archive, { url, username: 'rob', password: 'pw-rob' }, (): JobProcess => {
    const job = nodeProcess(worker().file)
    const edited = edit()
    return {
      ...job,
      onMessage: (listener) => job.onMessage((message) => void edited.then(() => listener(message))),
    }
  })
}

describe('an edit made here while a sync brings the same record from the team', () => {
  it('keeps the note typed during the sync, and both versions reach the team as a conflict', async () => {
    const { url, a, b } = await team()
    const { article, note } = await syncedNote(a, 'first')
    await b.sync('rob')
    await a.call('annotations.update', { articleId: article.id, id: note.id, note: 'ann changed it' })
    await a.sync()

    const report = await syncEditingMeanwhile(b, url, () =>
      b.call('annotations.update', { articleId: article.id, id: note.id, note: 'rob typed this meanwhile' }),
    )
    expect(report.refused).toEqual([])
    const [here] = await b.call('annotations.list', { articleId: article.id })
    expect(here?.note).toBe('rob typed this meanwhile')

    // The next syncs send it; the two versions are a conflict on both sides, neither lost.
    await b.sync('rob')
    await a.sync()
    // Each side shows one version and keeps the other as the conflict's losing version.
    const versions = async (m: Member) => {
      const [winner] = await m.call('annotations.list', { articleId: article.id })
      const { conflicts } = await readSyncState(m.dir)
      const losers = Object.values(conflicts).flatMap((c) => c.losers)
      return [winner?.note, ...losers.map((l) => JSON.stringify(l.doc).match(/"note":"([^"]*)"/)?.[1])].sort()
    }
    expect(await versions(a)).toEqual(['ann changed it', 'rob typed this meanwhile'])
    expect(await versions(b)).toEqual(['ann changed it', 'rob typed this meanwhile'])
  }, 120_000)

  it("keeps an article's tags set during the sync", async () => {
    const { url, a, b } = await team()
    const { article } = await syncedNote(a, 'first')
    await b.sync('rob')
    await a.call('articles.update', { id: article.id, title: 'Harbour plan (ann)' })
    await a.sync()

    await syncEditingMeanwhile(b, url, () => b.call('articles.update', { id: article.id, tags: ['harbour'] }))
    expect(b.archive.meta(article.id).tags).toEqual(['harbour'])
    await b.sync('rob')
    await a.sync()
    // Both versions are on each side: one shown, the other kept as the conflict's losing version.
    for (const m of [a, b]) {
      const { conflicts } = await readSyncState(m.dir)
      const seen = JSON.stringify([m.archive.meta(article.id), conflicts])
      expect(seen).toContain('Harbour plan (ann)')
      expect(seen).toContain('"harbour"')
    }
  }, 120_000)

  it('keeps a collection renamed during the sync', async () => {
    const { url, a, b } = await team()
    const budget = await a.call('collections.create', { name: 'Budget' })
    await a.sync()
    await b.sync('rob')
    await a.call('collections.rename', { id: budget.id, name: 'Budget 2026' })
    await a.sync()

    await syncEditingMeanwhile(b, url, () =>
      b.call('collections.rename', { id: budget.id, name: 'Budget (rob)' }),
    )
    expect(b.archive.collections.all()).toEqual([{ id: budget.id, name: 'Budget (rob)' }])
  }, 120_000)
})
