// The reader's AnnotationSync against the real service on a real archive: two windows on one article (sharing
// one localStorage) never let an older change overwrite a newer saved one, and changes past the store's bounds
// are counted, not dropped in silence.
import { describe, expect, it, vi } from 'vitest'
import { AnnotationSync, KEPT_NOTICE } from '../../src/renderer/src/reader/annotation-sync'
import type { PendingStore } from '../../src/renderer/src/reader/pending-store'
import { MAX_KEPT } from '../../src/renderer/src/reader/pending-store'
import { serviceHarness } from '../service-harness'
import { sampleTarget } from '../temp-archive'
import { gone, heldRetries, memoryStore, noWait } from './sync-helpers'

const TEXT = 'The harbour plan costs 40 million euros, the council said on Tuesday.'

type Client = ConstructorParameters<typeof AnnotationSync>[2]

async function setup() {
  const h = await serviceHarness()
  const article = await h.call('articles.create', { title: 'Harbour plan', text: TEXT })
  const up: Client = {
    'annotations.create': (args) => h.call('annotations.create', args),
    'annotations.update': (args) => h.call('annotations.update', args),
    'annotations.delete': (args) => h.call('annotations.delete', args),
  }
  // The server is away for this window while `down.away` is true.
  const down = {
    away: true,
    client: Object.fromEntries(
      Object.entries(up).map(([name, call]) => [
        name,
        (args: never) => (down.away ? Promise.reject(new Error('Could not reach Glossa')) : call(args)),
      ]),
    ) as Client,
  }
  const first = new AnnotationSync(article.id, [], up, noWait)
  const id = first.create({ target: sampleTarget(TEXT, 'council'), color: 'yellow' })
  await first.flushed()
  const list = () => h.call('annotations.list', { articleId: article.id })
  /** A window that opens the article now, with what the archive holds. */
  const open = async (client: Client, sleep = noWait, store?: PendingStore) =>
    new AnnotationSync(article.id, await list(), client, sleep, store)
  return { h, articleId: article.id, id, up, down, list, open }
}

/** Waits until the clock has moved on, so the next change is made later than the last. */
async function tick(): Promise<void> {
  const start = Date.now()
  while (Date.now() === start) await new Promise((r) => setTimeout(r, 1))
}

describe('two windows on one article', () => {
  it('a change held by a window while the server was away does not overwrite a newer one saved meanwhile', async () => {
    const { id, up, down, list, open } = await setup()
    const held = heldRetries()
    const a = await open(down.client, held.sleep)
    a.update(id, { note: 'older', color: 'pink' })
    await tick()
    // The other window, which can reach the server, saves a newer note.
    const b = await open(up)
    b.update(id, { note: 'newer' })
    await b.flushed()

    down.away = false
    held.comeBack()
    await a.flushed()
    expect(await list()).toMatchObject([{ id, note: 'newer', color: 'yellow' }])
    // The first window shows what the archive holds, as saved.
    expect(a.getSnapshot().items).toMatchObject([{ id, note: 'newer', color: 'yellow' }])
    expect(a.getSnapshot().items[0].unsaved).toBeUndefined()
    expect(a.getSnapshot().status.state).toBe('saved')
  })

  it('a change kept for a reload and sent again after a newer one was saved leaves the newer one', async () => {
    const { h, articleId, id, up, down, list, open } = await setup()
    const store = memoryStore()
    const a = await open(down.client, gone, store)
    a.update(id, { note: 'older' })
    expect(store.data.size).toBe(1)
    await tick()
    // Saved elsewhere later: another window, the Figures view, the extension.
    await h.call('annotations.update', { articleId, id, note: 'newer' })

    // The first window is reloaded: its kept change is sent again, and the newer note stays.
    a.retire()
    const reloaded = await open(up, noWait, store)
    await reloaded.flushed()
    expect(await list()).toMatchObject([{ id, note: 'newer' }])
    expect(reloaded.getSnapshot().items).toMatchObject([{ id, note: 'newer' }])
    expect(reloaded.getSnapshot().status.state).toBe('saved')
    expect(store.data.size).toBe(0)
  })

  it('a kept change with no newer one saved is sent again and lands, with the time it was made', async () => {
    const { id, up, down, list, open } = await setup()
    const store = memoryStore()
    const a = await open(down.client, gone, store)
    a.update(id, { note: 'typed while away' })
    const [kept] = JSON.parse(store.data.get(store.key)!) as { change: { madeAt: string } }[]
    a.retire()
    const reloaded = await open(up, noWait, store)
    await reloaded.flushed()
    expect(await list()).toMatchObject([{ id, note: 'typed while away', updatedAt: kept!.change.madeAt }])
  })
})

describe('while a change is being retried', () => {
  it('says "retrying", not "saving", for the changes made behind it, and "saved" once the archive has them', async () => {
    const { id, down, list, open } = await setup()
    const held = heldRetries()
    const a = await open(down.client, held.sleep)
    a.update(id, { note: 'first' })
    await held.firstFailure
    expect(a.getSnapshot().status).toEqual({ state: 'retrying', message: 'Could not reach Glossa' })
    a.update(id, { color: 'pink' })
    a.create({ target: sampleTarget(TEXT, 'harbour'), color: 'green' })
    expect(a.getSnapshot().status).toEqual({ state: 'retrying', message: 'Could not reach Glossa' })

    down.away = false
    held.comeBack()
    await a.flushed()
    expect(a.getSnapshot().status.state).toBe('saved')
    expect(await list()).toMatchObject([{ id, note: 'first', color: 'pink' }, { color: 'green' }])
  })
})

describe('a deletion held by one window', () => {
  it('leaves an annotation another window changed after the deletion was made, and shows it back', async () => {
    const { id, up, down, list, open } = await setup()
    const held = heldRetries()
    const a = await open(down.client, held.sleep)
    a.remove(id)
    expect(a.getSnapshot().items).toEqual([])
    await tick()
    // The other window, which can reach the server, changes the note after the deletion was made.
    const b = await open(up)
    b.update(id, { note: 'changed after the deletion' })
    await b.flushed()

    down.away = false
    held.comeBack()
    await a.flushed()
    expect(await list()).toMatchObject([{ id, note: 'changed after the deletion' }])
    expect(a.getSnapshot().items).toMatchObject([{ id, note: 'changed after the deletion' }])
    expect(a.getSnapshot().items[0].unsaved).toBeUndefined()
    expect(a.getSnapshot()).toMatchObject({ status: { state: 'saved' }, notice: KEPT_NOTICE })
    // The next change made clears the notice.
    a.update(id, { color: 'pink' })
    expect(a.getSnapshot().notice).toBeUndefined()
  })

  it('still deletes an annotation changed before the deletion was made, and one this window created while away', async () => {
    const { id, up, down, list, open } = await setup()
    const b = await open(up)
    b.update(id, { note: 'changed before the deletion' })
    await b.flushed()
    await tick()
    const held = heldRetries()
    const a = await open(down.client, held.sleep)
    a.remove(id)
    // Created and deleted while away: the creation lands (stamped then), and the deletion after it.
    const made = a.create({ target: sampleTarget(TEXT, 'harbour'), color: 'green' })
    a.remove(made)
    await tick()
    down.away = false
    held.comeBack()
    await a.flushed()
    expect(await list()).toEqual([])
    expect(a.getSnapshot()).toMatchObject({ items: [], status: { state: 'saved' } })
    expect(a.getSnapshot().notice).toBeUndefined()
  })
})

describe('changes past the bounds of the store', () => {
  it('counts the changes only this page holds, and none once they are saved', async () => {
    const { id, down, list, open } = await setup()
    const store = memoryStore()
    const held = heldRetries()
    const a = await open(down.client, held.sleep, store)
    for (let i = 0; i < MAX_KEPT; i++) a.update(id, { color: i % 2 ? 'pink' : 'green' })
    expect(a.getSnapshot().unkept).toBe(0)
    a.update(id, { note: 'one too many' })
    a.update(id, { note: 'two too many' })
    expect(a.getSnapshot().unkept).toBe(2)
    expect((JSON.parse(store.data.get(store.key)!) as unknown[]).length).toBe(MAX_KEPT)

    down.away = false
    held.comeBack()
    await a.flushed()
    expect(a.getSnapshot().unkept).toBe(0)
    expect(store.data.size).toBe(0)
    expect(await list()).toMatchObject([{ note: 'two too many' }])
  })

  it('counts every change when the storage refuses them (full or disabled)', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    const { id, down, open } = await setup()
    const full: PendingStore = {
      key: 'k',
      storage: {
        getItem: () => null,
        setItem: () => {
          throw new Error('QuotaExceededError')
        },
        removeItem: () => {},
      },
    }
    const a = await open(down.client, gone, full)
    a.update(id, { note: 'a' })
    a.update(id, { note: 'ab' })
    expect(a.getSnapshot().unkept).toBe(2)
    expect(warn).toHaveBeenCalled()
    warn.mockRestore()
  })
})
