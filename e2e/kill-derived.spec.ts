// A real `glossa serve` killed with SIGKILL in the middle of saves, three times, then started again on the same
// archive: every save it acknowledged is there, and nothing derived from the records (the catalog's counts and its
// trust snapshot, the search index, the figures list) is stale about one of them. No browser: HTTP calls only.
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, test } from '@playwright/test'
import { CLI } from './glossa'
import { startServe } from './serve-process'
import type { ServeProcess } from './serve-process'
import { typedCall } from '../test/typed-call'

const TEXT = [
  'The council said 1,240 homes were connected in March, against 860 in February.',
  'Another 300 are planned before the summer, the utility added.',
].join('\n\n')

const client = (running: ServeProcess) => {
  const url = new URL(running.url)
  const token = url.hash.replace('#token=', '')
  return typedCall(async (method, args) => {
    const res = await fetch(`${url.origin}/api/${method}`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify(args),
    })
    const result = (await res.json()) as
      { ok: true; value: unknown } | { ok: false; error: { code: string; message: string } }
    if (!result.ok) throw Object.assign(new Error(result.error.message), { code: result.error.code })
    return result.value
  })
}

const killed = (running: ServeProcess) =>
  new Promise<void>((done) => {
    if (running.child.exitCode !== null || running.child.signalCode !== null) return done()
    running.child.once('exit', () => done())
    running.child.kill('SIGKILL')
  })

test('saves acknowledged before a SIGKILL are all there, and nothing derived from them is stale', async () => {
  test.setTimeout(240_000)
  const dir = await mkdtemp(join(tmpdir(), 'glossa-kill-'))
  let running = await startServe(CLI, dir, 30_000)
  try {
    const first = client(running)
    const article = await first('articles.create', { title: 'Connections', text: TEXT, source: 'E2E' })
    const target = {
      quote: { type: 'TextQuoteSelector' as const, exact: '1,240', prefix: 'said ', suffix: ' homes' },
      position: { type: 'TextPositionSelector' as const, start: 17, end: 22 },
    }
    const acked: { id: string; word: string }[] = []
    let n = 0
    for (let round = 0; round < 3; round++) {
      const call = client(running)
      // Saves one after another; the process is killed at a moment that falls inside one of them.
      const saving = (async () => {
        for (;;) {
          const word = `kilo${round}x${++n}q`
          const saved = await call('annotations.create', {
            articleId: article.id,
            kind: 'figure',
            note: `Checked against the ${word} register`,
            tags: ['kill/test'],
            target,
            figure: { value: 1240, unit: 'homes', metric: 'homes/connected' },
          })
          acked.push({ id: saved.id, word })
        }
      })().catch(() => {})
      // Killed a random moment after this round's first save was acknowledged (the archive may still be opening).
      const before = acked.length
      while (acked.length === before) await new Promise((r) => setTimeout(r, 20))
      await new Promise((r) => setTimeout(r, 200 + Math.floor(Math.random() * 1000)))
      await killed(running)
      await saving
      running = await startServe(CLI, dir, 30_000)
    }
    console.log(`${acked.length} saves acknowledged across three kills`)
    expect(acked.length).toBeGreaterThan(3)
    const call = client(running)
    const stored = await call('annotations.list', { articleId: article.id })
    const storedIds = new Set(stored.map((a) => a.id))
    expect(acked.filter((a) => !storedIds.has(a.id))).toEqual([])
    // The catalog's counts agree with the annotations file.
    const page = await call('articles.page', { offset: 0, limit: 10 })
    const row = page.items.find((i) => i.id === article.id)
    expect(row?.counts).toMatchObject({ notes: stored.length, figures: stored.length })
    // Every acknowledged figure is listed, and each acknowledged note is found by search.
    const figures = await call('figures.list', { metric: 'homes/connected' })
    const figureIds = new Set(figures.map((f) => f.annotation.id))
    expect(acked.filter((a) => !figureIds.has(a.id))).toEqual([])
    // A first build after the kill answers from what it has built so far and says so (`partial`): the claim here
    // is about the index once it is whole, so wait for the build (search.status) before asking.
    await expect
      .poll(async () => (await call('search.status', {})).indexing, { timeout: 60_000 })
      .toBeUndefined()
    const unfound: string[] = []
    for (const { id, word } of acked) {
      const { hits, partial } = await call('search.query', { q: word })
      expect(partial).toBeUndefined()
      if (!hits.some((h) => h.annotationId === id)) unfound.push(word)
    }
    expect(unfound).toEqual([])
    expect(running.output()).not.toMatch(/warning/i)
  } finally {
    await killed(running)
    await rm(dir, { recursive: true, force: true })
  }
})
