// A member can write any number of documents with Glossa's ids into the team's database (50,000 annotations,
// say). Through a real CouchDB-protocol server and the bundled sync job: they reach the app in batches of at
// most BATCH_DOCS documents (the job sent every one in one answer), each applied and on disk before the sync
// state records the feed's position past it; a sync killed between batches keeps what it applied and the next
// one takes in the rest.
import { describe, expect, it } from 'vitest'
import { memberHeaders, members, syncSuite, syncedNote } from '../../../test/sync/run-sync-suite'
import { sampleTarget } from '../../../test/temp-archive'
import { nodeProcess } from '../jobs/job-process'
import type { JobProcess } from '../jobs/job-process'
import { BATCH_BYTES, BATCH_DOCS } from './replica'
import { runSync } from './run-sync'
import { readSyncState } from './state'

const { worker, team } = syncSuite()
const COUNT = 2_200
const auth = memberHeaders()

type Batch = { changes?: unknown[]; lastSeq?: string | number }
type Seen = { questions: Batch[]; largest: number; answers: number }

/** The sync job as the app runs it, its messages measured; with `killAfter`, killed once that many batches are answered. */
function measuredJob(seen: Seen, killAfter?: number) {
  return (): JobProcess => {
    const child = nodeProcess(worker().file)
    return {
      ...child,
      send: (message) => {
        const reply = message as { answerTo?: number }
        if (killAfter !== undefined && reply.answerTo === killAfter) return child.kill()
        child.send(message)
      },
      onMessage: (listener) =>
        child.onMessage((message) => {
          seen.largest = Math.max(seen.largest, JSON.stringify(message).length)
          const m = message as { ask?: number; question?: Batch }
          if (m.ask !== undefined) seen.questions.push(m.question!)
          else seen.answers++
          listener(message)
        }),
    }
  }
}

describe("many documents with Glossa's ids", () => {
  it('reach the app in bounded batches, all applied; a sync killed between batches resumes after them', async () => {
    const { url, a, b } = await team()
    const { article, note } = await syncedNote(a)
    // Another member’s 2,200 notes on the article, written straight into the team's database.
    const docId = `annotation:${article.id}:${note.id}`
    const res = await fetch(`${url}/${encodeURIComponent(docId)}`, { headers: auth })
    const { _id, _rev, ...template } = (await res.json()) as {
      _id: string
      _rev: string
      annotation: Record<string, unknown>
    }
    expect([_id, typeof _rev]).toEqual([docId, 'string'])
    const ids = Array.from({ length: COUNT }, (_, i) => `n${String(i).padStart(6, '0')}`)
    for (let start = 0; start < COUNT; start += 500) {
      const docs = ids.slice(start, start + 500).map((id) => ({
        ...template,
        _id: `annotation:${article.id}:${id}`,
        annotation: { ...template.annotation, id, note: `note ${id} `.repeat(20) },
      }))
      const put = await fetch(`${url}/_bulk_docs`, {
        method: 'POST',
        headers: auth,
        body: JSON.stringify({ docs }),
      })
      expect(put.status).toBe(201)
    }

    // Killed once the second batch is answered: what the two batches held is on disk, and recorded as such.
    const killed: Seen = { questions: [], largest: 0, answers: 0 }
    await expect(
      runSync(b.archive, { url, username: 'ann', password: members.ann }, measuredJob(killed, 2)),
    ).rejects.toThrow(/stopped/)
    const [one, two] = killed.questions
    const appliedNotes = [one!, two!].flatMap((q) => q.changes ?? []).length - 1
    expect(await b.call('annotations.list', { articleId: article.id })).toHaveLength(appliedNotes)
    expect((await readSyncState(b.dir)).since).toEqual(two!.lastSeq)

    // An article of B's own that no batch touches: its annotations file is read for the sync's list of what B
    // has, not again after each batch (which read the whole archive once a batch).
    const OWN = 'The ferry council met twice in March.'
    const own = await b.call('articles.create', { title: 'Ferry council', text: OWN })
    await b.call('annotations.create', { articleId: own.id, target: sampleTarget(OWN, 'council') })
    const readAnnotations = b.archive.readAnnotations.bind(b.archive)
    let ownReads = 0
    b.archive.readAnnotations = (id) => {
      if (id === own.id) ownReads++
      return readAnnotations(id)
    }

    // The next sync takes in the rest, in batches, each within the bounds.
    const seen: Seen = { questions: [], largest: 0, answers: 0 }
    const report = await runSync(
      b.archive,
      { url, username: 'ann', password: members.ann },
      measuredJob(seen),
    )
    expect(report.refused).toEqual([])
    expect(report.received).toBe(COUNT + 2 - (appliedNotes + 1))
    expect(seen.questions.length).toBeGreaterThanOrEqual(2)
    for (const q of seen.questions) expect(q.changes!.length).toBeLessThanOrEqual(BATCH_DOCS)
    expect(seen.largest).toBeLessThan(BATCH_BYTES + 100_000)
    expect(seen.answers).toBe(1)
    expect(seen.questions.length).toBeGreaterThanOrEqual(3)
    expect(ownReads).toBeLessThanOrEqual(2)
    const inB = await b.call('annotations.list', { articleId: article.id })
    expect(inB).toHaveLength(COUNT + 1)
    expect(new Set(inB.map((n) => n.id))).toEqual(new Set([note.id, ...ids]))
    expect(await a.sync()).toMatchObject({ refused: [] })
    expect(await a.call('annotations.list', { articleId: article.id })).toHaveLength(COUNT + 1)
    expect(await a.call('annotations.list', { articleId: own.id })).toHaveLength(1)
    // Nothing left over: the next sync has nothing to take in.
    expect(await b.sync()).toMatchObject({ received: 0, refused: [] })
  }, 240_000)
})
