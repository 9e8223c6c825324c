// Anyone who may write to the team's database can fill it with documents Glossa never makes, of any number and
// size. Through a real CouchDB-protocol server and the bundled sync job: their content is not sent to the app
// (the job sent every one whole, in one answer, to the process holding the archive), the first are named in the
// report, the rest counted, and the sync state does not list them all.
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { TEXT, memberHeaders, members, syncSuite } from '../../../test/sync/run-sync-suite'
import { nodeProcess } from '../jobs/job-process'
import type { JobProcess } from '../jobs/job-process'
import { MAX_FOREIGN_LISTED } from './replica'
import { runSync } from './run-sync'

const { worker, team } = syncSuite()
const COUNT = 6_000

describe('a team database filled with documents Glossa never makes', () => {
  it('counts them without sending them to the app, and takes in the real ones', async () => {
    const { url, a, b } = await team()
    const article = await a.call('articles.create', { title: 'Harbour plan', text: TEXT })
    await a.sync()
    const auth = memberHeaders()
    const filler = 'x'.repeat(2_000)
    for (let start = 0; start < COUNT; start += 500) {
      const docs = Array.from({ length: 500 }, (_, i) => ({ _id: `junk-${start + i}`, filler }))
      const res = await fetch(`${url}/_bulk_docs`, {
        method: 'POST',
        headers: auth,
        body: JSON.stringify({ docs }),
      })
      expect(res.status).toBe(201)
    }

    // The job's answer as the app receives it, measured.
    let answer = 0
    const job = (): JobProcess => {
      const child = nodeProcess(worker().file)
      return {
        ...child,
        onMessage: (listener) =>
          child.onMessage((message) => {
            answer = Math.max(answer, JSON.stringify(message).length)
            listener(message)
          }),
      }
    }
    const report = await runSync(b.archive, { url, username: 'ann', password: members.ann }, job)
    expect(b.archive.list().map((m) => m.id)).toEqual([article.id])
    // 6,000 documents of 2 KB were 12 MB of answer.
    expect(answer).toBeLessThan(200_000)
    expect(report.refused).toHaveLength(MAX_FOREIGN_LISTED + 1)
    expect(report.refused.at(-1)).toEqual({
      id: '…',
      reason: `and ${COUNT - MAX_FOREIGN_LISTED} more documents that are not Glossa's, left alone`,
    })
    const state = await readFile(join(b.dir, 'sync', 'state.json'), 'utf8')
    expect(state.length).toBeLessThan(50_000)
    // Read past: the next sync does not offer them again.
    expect((await b.sync()).refused).toEqual([])
  }, 180_000)
})
