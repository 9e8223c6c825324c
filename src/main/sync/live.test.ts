// Live sync's scheduling with the sync itself stood in for: when it syncs, how it backs off and wakes, and when it
// stops. (live-sync.test.ts runs it for real against pouchdb-server.)
import { describe, expect, it } from 'vitest'
import { LiveSync, retryDelay } from './live'
import type { LiveFailure, LiveStatus } from './live'

class Offline extends Error {}
class Refused extends Error {}

function harness() {
  const calls: string[] = []
  let seq = 1
  let reachable = true
  let refused = false
  const statuses: LiveStatus[] = []
  const waiters: { test: (s: LiveStatus) => boolean; done: () => void }[] = []
  const sync = new LiveSync({
    pollMs: 20,
    debounceMs: 5,
    firstRetryMs: 5,
    maxRetryMs: 40,
    run: async () => {
      calls.push('run')
      if (!reachable) throw new Offline('no network')
      if (refused) throw new Refused('wrong password')
      return { received: 1, pending: 0 }
    },
    remoteSeq: async () => {
      if (!reachable) throw new Offline('no network')
      return String(seq)
    },
    countPending: async () => 3,
    classify: (err): LiveFailure => ({
      retry: err instanceof Offline,
      message: (err as Error).message,
    }),
    onStatus: (s) => {
      statuses.push(s)
      for (const w of [...waiters]) if (w.test(s)) w.done()
    },
  })
  const until = (test: (s: LiveStatus) => boolean) =>
    test(sync.current()) ? Promise.resolve() : new Promise<void>((done) => waiters.push({ test, done }))
  const runs = () => calls.length
  return {
    sync,
    statuses,
    until,
    runs,
    setSeq: (n: number) => (seq = n),
    setReachable: (r: boolean) => (reachable = r),
    setRefused: (r: boolean) => (refused = r),
  }
}

const pause = (ms: number) => new Promise((done) => setTimeout(done, ms))

describe('live sync', () => {
  it('syncs at start, after a local change and when the server changed; not when nothing did', async () => {
    const h = harness()
    h.sync.start()
    await h.until((s) => s.state === 'synced')
    expect(h.runs()).toBe(1)
    // Several polls with nothing changed anywhere: no sync.
    await pause(100)
    expect(h.runs()).toBe(1)
    h.sync.localChange()
    await h.until((s) => s.received === 2)
    h.setSeq(2)
    await h.until((s) => s.received === 3)
    expect(h.runs()).toBe(3)
    h.sync.stop()
  })

  it('offline: counts the changes waiting, retries with a growing wait, and syncs when the server is back', async () => {
    const h = harness()
    h.sync.start()
    await h.until((s) => s.state === 'synced')
    h.setReachable(false)
    h.sync.localChange()
    await h.until((s) => s.state === 'offline' && s.pending === 3)
    expect(h.sync.current().message).toBe('no network')
    h.setReachable(true)
    await h.until((s) => s.state === 'synced')
    expect(h.sync.current()).toMatchObject({ state: 'synced', pending: 0 })
    expect(h.sync.current()).not.toHaveProperty('message')
    h.sync.stop()
    expect([1, 2, 3, 4, 5, 10].map((n) => retryDelay(n, 1000, 60_000))).toEqual([
      1000, 2000, 4000, 8000, 16_000, 60_000,
    ])
  })

  it('waking tries at once; a refused password stops live sync until the settings change', async () => {
    const h = harness()
    h.setRefused(true)
    h.sync.start()
    await h.until((s) => s.state === 'error')
    expect(h.sync.current().message).toBe('wrong password')
    const after = h.runs()
    h.sync.localChange()
    await pause(100)
    expect(h.runs()).toBe(after)
    h.setRefused(false)
    h.sync.wake()
    await h.until((s) => s.state === 'synced')
    h.sync.stop()
  })
})
