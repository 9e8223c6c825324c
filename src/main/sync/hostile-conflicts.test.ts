// A team member (or the server) making any number of conflicting revisions of one document, through a real
// CouchDB-protocol server: each losing version was fetched whole, sent to the app and written into
// sync/state.json, which every sync rewrites and every status reads. A bounded number is kept; the rest stay
// conflicts in the database, to come once these are resolved.
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { memberHeaders, syncSuite, syncedNote } from '../../../test/sync/run-sync-suite'
import { MAX_KEPT_LOSERS } from './replica'

const { team } = syncSuite()

describe('a document with hundreds of conflicting revisions', () => {
  it(`keeps ${MAX_KEPT_LOSERS} losing versions, not every one, and the next ones after a resolution`, async () => {
    const { url, a, b } = await team()
    const { article, note } = await syncedNote(a)
    const id = `annotation:${article.id}:${note.id}`
    const auth = memberHeaders()
    const current = (await (await fetch(`${url}/${encodeURIComponent(id)}`, { headers: auth })).json()) as {
      _rev: string
      annotation: Record<string, unknown>
    }
    const parent = current._rev.slice(current._rev.indexOf('-') + 1)
    // 300 siblings of the next generation, each with a 10,000-character note.
    const siblings = Array.from({ length: 300 }, (_, i) => {
      const hash = (i + 1).toString(16).padStart(32, '0')
      return {
        ...current,
        annotation: { ...current.annotation, note: `${i} ${'x'.repeat(10_000)}` },
        _rev: `2-${hash}`,
        _revisions: { start: 2, ids: [hash, parent] },
      }
    })
    const res = await fetch(`${url}/_bulk_docs`, {
      method: 'POST',
      headers: auth,
      body: JSON.stringify({ docs: siblings, new_edits: false }),
    })
    expect(res.status).toBe(201)

    const report = await b.sync()
    expect(report.conflicts).toEqual([{ id, losers: MAX_KEPT_LOSERS }])
    const state = await readFile(join(b.dir, 'sync', 'state.json'), 'utf8')
    // 20 versions of 10 KB, not 300 (3 MB).
    expect(state.length).toBeLessThan(400_000)
    const [conflict] = await b.call('sync.conflicts', {})
    expect(conflict!.versions).toHaveLength(MAX_KEPT_LOSERS + 1)

    // Resolved here: those versions end everywhere, and the next sync brings the next ones.
    await b.call('sync.resolve', { id, rev: conflict!.versions[0]!.rev, note: 'kept' })
    expect((await b.sync()).conflicts).toEqual([{ id, losers: MAX_KEPT_LOSERS }])
  }, 120_000)
})
