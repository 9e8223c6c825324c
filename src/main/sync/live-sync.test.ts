// Live sync for real: two archives with live sync on, through pouchdb-server (its databases on disk, so it can be
// stopped and started again like a server the network lost). A note saved in A reaches B with no "Sync now"; with
// the server gone, A says offline with its change waiting, keeps it, and sends it when the server is back.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { bundleChild } from '../../../test/reliability/bundle-child'
import type { BundledChild } from '../../../test/reliability/bundle-child'
import { serviceHarness } from '../../../test/service-harness'
import { startCouch } from '../../../test/sync/couch-server'
import type { CouchServer } from '../../../test/sync/couch-server'
import { sampleTarget, tempDir } from '../../../test/temp-archive'
import { nodeProcess } from '../jobs/job-process'

let couch: CouchServer
let worker: BundledChild
beforeAll(async () => {
  process.env.GLOSSA_SYNC_POLL_MS = '400'
  ;[couch, worker] = await Promise.all([
    startCouch({ onDisk: true }),
    bundleChild('src/main/sync/sync-worker.ts'),
  ])
}, 120_000)
afterAll(async () => {
  delete process.env.GLOSSA_SYNC_POLL_MS
  await couch?.stop()
  await worker?.dispose()
})

const TEXT = 'The harbour plan costs 40 million euros, the council said on Tuesday.'

/** Polls `read` until `test` holds (no time limit but the test's own). */
async function until<T>(read: () => Promise<T>, test: (value: T) => boolean): Promise<T> {
  for (;;) {
    const value = await read()
    if (test(value)) return value
    await new Promise((done) => setTimeout(done, 100))
  }
}

describe('live sync through pouchdb-server', () => {
  it('a save arrives on the other side by itself; offline it waits, and is sent when the server is back', async () => {
    const url = await couch.team('live1', { ann: 'pw-ann', rob: 'pw-rob' })
    const open = async (user: string) => {
      const h = await serviceHarness(await tempDir(), { syncJob: () => nodeProcess(worker.file) })
      await h.call('sync.configure', { remote: url, user, password: `pw-${user}`, live: true })
      return h
    }
    const a = await open('ann')
    const b = await open('rob')
    const synced = (h: typeof a) =>
      until(
        () => h.call('sync.status', {}),
        (s) => s.live?.state === 'synced',
      )
    await Promise.all([synced(a), synced(b)])

    const article = await a.call('articles.create', { title: 'Harbour plan', text: TEXT })
    const first = await a.call('annotations.create', {
      articleId: article.id,
      note: 'saved while online',
      target: sampleTarget(TEXT, 'council'),
    })
    await until(
      () => b.call('annotations.list', { articleId: article.id }).catch(() => []),
      (list) => list.some((n) => n.id === first.id),
    )
    const bStatus = await until(
      () => b.call('sync.status', {}),
      (s) => (s.live?.received ?? 0) >= 2,
    )
    expect(bStatus.live).toMatchObject({ received: 2 })

    // The network goes: A saves, says offline, and its change waits.
    await couch.pause()
    const second = await a.call('annotations.create', {
      articleId: article.id,
      note: 'saved while offline',
      target: sampleTarget(TEXT, 'harbour'),
    })
    const offline = await until(
      () => a.call('sync.status', {}),
      (s) => s.live?.state === 'offline' && s.live.pending === 1,
    )
    expect(offline.live?.message).toContain('Could not reach')
    expect((await a.call('annotations.list', { articleId: article.id })).map((n) => n.note)).toContain(
      'saved while offline',
    )

    // Back: A syncs by itself (retry with backoff), and B receives the change without being asked.
    await couch.resume()
    await until(
      () => a.call('sync.status', {}),
      (s) => s.live?.state === 'synced' && s.live.pending === 0,
    )
    await until(
      () => b.call('annotations.list', { articleId: article.id }),
      (list) => list.some((n) => n.id === second.id),
    )
    expect((await b.call('annotations.list', { articleId: article.id })).map((n) => n.note).sort()).toEqual([
      'saved while offline',
      'saved while online',
    ])
    // Live sync off: it stops.
    for (const h of [a, b]) {
      const s = await h.call('sync.configure', { remote: url, user: h === a ? 'ann' : 'rob', live: false })
      expect(s).not.toHaveProperty('live')
    }
  }, 180_000)
})
