import { describe, expect, it } from 'vitest'
import type { Annotation } from '../../../shared/types'
import { gone, memoryStore, noWait } from '../../../../test/reader/sync-helpers'
import { AnnotationSync } from './annotation-sync'
import type { PendingStore } from './pending-store'

const target = {
  quote: { type: 'TextQuoteSelector' as const, exact: '70%', prefix: 'repulse ', suffix: ' on average' },
  position: { type: 'TextPositionSelector' as const, start: 10, end: 13 },
}

// An in-memory stand-in for the archive that can be told to fail the next calls. `honourIds`: like the real
// archive, a creation's client-made id is kept and a creation sent again returns the one it made.
function fakeClient(honourIds = false) {
  const stored = new Map<string, Annotation>()
  const log: string[] = []
  let failures: { times: number; code?: string } = { times: 0 }
  let loseAnswers = 0
  let n = 0
  const maybeFail = () => {
    if (failures.times > 0) {
      failures.times--
      throw Object.assign(new Error(failures.code ? `refused: ${failures.code}` : 'connection lost'), {
        code: failures.code,
      })
    }
  }
  const client = {
    'annotations.create': async (args: { articleId: string } & Partial<Annotation>) => {
      maybeFail()
      const id = honourIds && args.id ? args.id : `srv${++n}`
      const made = stored.get(id)
      if (made) {
        log.push(`create ${id} again`)
        return made
      }
      const a = { ...args, id, createdAt: 'x', updatedAt: 'x' } as Annotation
      stored.set(a.id, a)
      log.push(`create ${a.id}`)
      if (loseAnswers > 0 && loseAnswers--) throw new Error('connection lost after the write')
      return a
    },
    'annotations.update': async (args: { id: string } & Partial<Annotation>) => {
      maybeFail()
      const a = { ...stored.get(args.id)!, ...args }
      stored.set(a.id, a)
      log.push(`update ${a.id}`)
      return a
    },
    'annotations.delete': async ({ id }: { id: string }) => {
      maybeFail()
      if (!stored.delete(id))
        throw Object.assign(new Error(`No annotation with id ${id}`), { code: 'not_found' })
      log.push(`delete ${id}`)
      return { ok: true as const }
    },
  }
  return {
    client,
    stored,
    log,
    failNext: (times: number, code?: string) => (failures = { times, code }),
    loseNextAnswer: () => (loseAnswers = 1),
  }
}

function setup() {
  const fake = fakeClient()
  const statuses: string[] = []
  const sync = new AnnotationSync('abcd1234', [], fake.client as never, async () => {})
  sync.subscribe(() => statuses.push(sync.getSnapshot().status.state))
  return { ...fake, sync, statuses }
}

describe('AnnotationSync', () => {
  it('shows a new highlight at once and saves it', async () => {
    const { sync, stored } = setup()
    const id = sync.create({ target, color: 'green', tags: ['strikes'] })
    expect(sync.getSnapshot().items).toMatchObject([{ id, color: 'green', unsaved: true }])
    await sync.flushed()
    expect(sync.getSnapshot().items[0].unsaved).toBeUndefined()
    expect(sync.getSnapshot().status.state).toBe('saved')
    expect([...stored.values()]).toMatchObject([{ color: 'green', tags: ['strikes'], target }])
  })

  it('retries a failed save until it lands, showing it as retrying meanwhile', async () => {
    const { sync, stored, failNext, statuses } = setup()
    failNext(3)
    sync.create({ target, color: 'yellow' })
    await sync.flushed()
    expect(statuses).toContain('retrying')
    expect(stored.size).toBe(1)
    expect(sync.getSnapshot().status.state).toBe('saved')
  })

  it('keeps a change it cannot save on screen, marked unsaved, with the reason', async () => {
    const { sync, stored, failNext } = setup()
    failNext(1, 'read_only')
    sync.create({ target, color: 'yellow' })
    await sync.flushed()
    expect(stored.size).toBe(0)
    expect(sync.getSnapshot().items).toMatchObject([{ unsaved: true }])
    expect(sync.getSnapshot().status).toEqual({ state: 'failed', message: 'refused: read_only' })
  })

  it('never says Saved while a refused change is on screen, until a later save covers it', async () => {
    const { sync, stored, failNext } = setup()
    const id = sync.create({ target, color: 'yellow' })
    await sync.flushed()
    failNext(1, 'invalid_argument')
    sync.update(id, { note: 'far too long' })
    await sync.flushed()
    // Another highlight saves: the refused note is still not on disk, and the status keeps saying so.
    sync.create({ target, color: 'green' })
    sync.update(id, { color: 'blue' })
    await sync.flushed()
    expect(stored.size).toBe(2)
    expect(sync.getSnapshot().status).toMatchObject({ state: 'failed' })
    expect(sync.isSaved(id)).toBe(false)
    expect(sync.getSnapshot().items.find((a) => a.id === id)?.unsaved).toBe(true)
    // The note saved at last (shortened): everything is on disk, and only now Saved.
    sync.update(id, { note: 'short' })
    await sync.flushed()
    expect(sync.getSnapshot().status).toEqual({ state: 'saved' })
    expect(sync.isSaved(id)).toBe(true)
    expect(sync.getSnapshot().items.every((a) => !a.unsaved)).toBe(true)
  })

  it('undoing a highlight whose creation was refused clears the refusal without a call', async () => {
    const { sync, stored, failNext, log } = setup()
    failNext(1, 'read_only')
    sync.create({ target, color: 'yellow' })
    await sync.flushed()
    expect(sync.getSnapshot().status.state).toBe('failed')
    sync.undo()
    await sync.flushed()
    expect(sync.getSnapshot()).toMatchObject({ items: [], status: { state: 'saved' } })
    expect(stored.size).toBe(0)
    expect(log).toEqual([])
  })

  it('undoes and redoes create, update and delete against the stored ids', async () => {
    const { sync, stored, log } = setup()
    const id = sync.create({ target, color: 'yellow' })
    sync.update(id, { note: 'avg over two weeks', color: 'blue' })
    await sync.flushed()
    expect([...stored.values()][0]).toMatchObject({ note: 'avg over two weeks', color: 'blue' })

    sync.undo() // the update
    await sync.flushed()
    expect([...stored.values()][0]).toMatchObject({ note: '', color: 'yellow' })
    sync.undo() // the create
    await sync.flushed()
    expect(stored.size).toBe(0)
    expect(sync.getSnapshot().items).toEqual([])
    expect(sync.getSnapshot().canUndo).toBe(false)

    sync.redo()
    sync.redo()
    await sync.flushed()
    expect([...stored.values()]).toMatchObject([{ note: 'avg over two weeks', color: 'blue' }])
    sync.remove(id)
    sync.undo()
    await sync.flushed()
    expect(stored.size).toBe(1)
    expect(log).toEqual([
      'create srv1',
      'update srv1',
      'update srv1',
      'delete srv1',
      'create srv2',
      'update srv2',
      'delete srv2',
      'create srv3',
    ])
  })

  it('a new change clears the redo stack', async () => {
    const { sync } = setup()
    const id = sync.create({ target, color: 'yellow' })
    sync.update(id, { color: 'pink' })
    sync.undo()
    expect(sync.getSnapshot().canRedo).toBe(true)
    sync.update(id, { color: 'green' })
    expect(sync.getSnapshot().canRedo).toBe(false)
    await sync.flushed()
  })
})

describe('AnnotationSync: typing sessions and editors', () => {
  it('saves each pause of one typing session and undoes the session as one step', async () => {
    const { sync, stored, log } = setup()
    const id = sync.create({ target, color: 'yellow' })
    await sync.flushed()
    sync.update(id, { note: 'first' }, 'note-1')
    sync.update(id, { note: 'first, then more' }, 'note-1')
    await sync.flushed()
    expect([...stored.values()][0].note).toBe('first, then more')
    expect(log.filter((l) => l.startsWith('update'))).toHaveLength(2)
    sync.undo()
    await sync.flushed()
    expect([...stored.values()][0].note).toBe('')
    expect(sync.getSnapshot().canUndo).toBe(true) // the creation is still there to undo
    sync.redo()
    await sync.flushed()
    expect([...stored.values()][0].note).toBe('first, then more')
  })

  it('keeps updates of different sessions as separate steps', async () => {
    const { sync, stored } = setup()
    const id = sync.create({ target, color: 'yellow' })
    sync.update(id, { note: 'one' }, 'note-1')
    sync.update(id, { note: 'two' }, 'note-2')
    await sync.flushed()
    sync.undo()
    await sync.flushed()
    expect([...stored.values()][0].note).toBe('one')
  })

  it('says "editing", not "saved", while an editor holds typing, and saved once it is handed over', async () => {
    const { sync } = setup()
    const id = sync.create({ target, color: 'yellow' })
    await sync.flushed()
    expect(sync.getSnapshot().status.state).toBe('saved')
    sync.setEditing('note', true)
    expect(sync.getSnapshot().status.state).toBe('editing')
    sync.setEditing('note', false)
    sync.update(id, { note: 'typed' }, 's')
    expect(sync.getSnapshot().status.state).toBe('saving')
    await sync.flushed()
    expect(sync.getSnapshot().status.state).toBe('saved')
    expect(sync.isSaved(id)).toBe(true)
    expect(sync.archiveId(id)).toMatch(/^srv/)
  })
})

describe('AnnotationSync: refusals no retry can fix', () => {
  it('marks a change the server refuses as too large unsaved at once, without retrying', async () => {
    const { sync, failNext, statuses } = setup()
    failNext(1, 'too_large')
    sync.create({ target, color: 'yellow' })
    await sync.flushed()
    expect(sync.getSnapshot().status.state).toBe('failed')
    expect(statuses).not.toContain('retrying')
  })
})

describe('AnnotationSync: changes not yet on disk survive a reload', () => {
  // localStorage as a Map; a sync whose retries never run again (`gone`) stands for the page that went away.
  const store = () => {
    const persist = memoryStore('glossa-pending:/archive:abcd1234')
    return { data: persist.data, persist }
  }
  const list = (stored: Map<string, Annotation>) => [...stored.values()]
  /** The article opened (again) on what the fake archive holds. */
  const open = (fake: ReturnType<typeof fakeClient>, persist: PendingStore, sleep = noWait) =>
    new AnnotationSync('abcd1234', list(fake.stored), fake.client as never, sleep, persist)

  it('gives back a highlight, a colour, a tag and a deletion made while the server was down, and saves them', async () => {
    const fake = fakeClient(true)
    const { data, persist } = store()
    const before = open(fake, persist)
    const kept = before.create({ target, color: 'yellow' })
    const dropped = before.create({ target, color: 'blue' })
    await before.flushed()
    expect(data.size).toBe(0)

    // The server goes away; the page is reloaded while every change waits for its retry.
    fake.failNext(1000)
    const down = open(fake, persist, gone)
    const fresh = down.create({ target, color: 'pink', note: 'new while down' })
    down.update(kept, { color: 'green' })
    down.update(kept, { tags: ['strikes'] })
    down.remove(dropped)
    expect(data.size).toBe(1)

    fake.failNext(0)
    const after = open(fake, persist)
    // Shown at once, as not yet saved.
    expect(after.getSnapshot().items.map((a) => [a.id, a.color, a.unsaved])).toEqual([
      [kept, 'green', true],
      [fresh, 'pink', true],
    ])
    expect(after.getSnapshot().status.state).toBe('saving')
    await after.flushed()
    expect(after.getSnapshot().status.state).toBe('saved')
    expect(list(fake.stored)).toMatchObject([
      { id: kept, color: 'green', tags: ['strikes'] },
      { id: fresh, color: 'pink', note: 'new while down' },
    ])
    expect(data.size).toBe(0)
  })

  it('sends a creation again after a reload without making it twice when its answer was lost', async () => {
    const fake = fakeClient(true)
    const { data, persist } = store()
    fake.loseNextAnswer()
    const before = open(fake, persist, gone)
    const id = before.create({ target, color: 'yellow' })
    before.update(id, { note: 'after' })
    await new Promise((r) => setTimeout(r, 0))
    expect(fake.stored.size).toBe(1) // on disk, but the reader never heard

    const after = open(fake, persist)
    expect(after.getSnapshot().items).toHaveLength(1)
    await after.flushed()
    expect(list(fake.stored)).toMatchObject([{ id, note: 'after' }])
    expect(fake.log).toEqual([`create ${id}`, `create ${id} again`, `update ${id}`])
    expect(data.size).toBe(0)
  })

  it('keeps a refused change across a reload, still not saved, until a later save covers it', async () => {
    const fake = fakeClient(true)
    const { data, persist } = store()
    const before = open(fake, persist)
    const id = before.create({ target, color: 'yellow' })
    await before.flushed()
    fake.failNext(1, 'too_large')
    before.update(id, { note: 'x' })
    await before.flushed()
    expect(before.getSnapshot().status.state).toBe('failed')

    fake.failNext(1, 'too_large')
    const after = open(fake, persist)
    await after.flushed()
    expect(after.getSnapshot().status.state).toBe('failed')
    expect(after.getSnapshot().items[0]).toMatchObject({ note: 'x', unsaved: true })
    expect(data.size).toBe(1)

    after.update(id, { note: 'shorter' })
    await after.flushed()
    expect(after.getSnapshot().status.state).toBe('saved')
    expect(data.size).toBe(0)
    expect(list(fake.stored)).toMatchObject([{ note: 'shorter' }])
  })

  it('a sync that took over the kept changes retires the older one: nothing sent twice, a deletion that landed is done', async () => {
    const fake = fakeClient(true)
    const { data, persist } = store()
    const first = open(fake, persist)
    const id = first.create({ target, color: 'yellow' })
    await first.flushed()
    // The deletion lands but its answer is lost; the old sync waits to retry it.
    let retry = () => {}
    const waiting = open(fake, persist, () => new Promise<void>((r) => (retry = r)))
    const realDelete = fake.client['annotations.delete']
    fake.client['annotations.delete'] = async (args) => {
      await realDelete(args)
      throw new Error('connection lost after the write')
    }
    waiting.remove(id)
    await new Promise((r) => setTimeout(r, 0))
    fake.client['annotations.delete'] = realDelete
    expect(fake.stored.size).toBe(0)

    // The article is opened again: the new sync takes over, the old one is retired.
    waiting.retire()
    const after = open(fake, persist)
    retry()
    await after.flushed()
    await waiting.flushed()
    expect(after.getSnapshot().status.state).toBe('saved')
    expect(fake.log).toEqual([`create ${id}`, `delete ${id}`])
    expect(data.size).toBe(0)
  })

  it('drops kept changes it cannot read instead of failing to open the article', () => {
    const fake = fakeClient(true)
    const { data, persist } = store()
    data.set(persist.key, '{not json')
    expect(open(fake, persist, gone).getSnapshot().items).toEqual([])
    data.set(persist.key, JSON.stringify([{ n: 1, change: { type: 'create' } }, 7]))
    expect(open(fake, persist, gone).getSnapshot().items).toEqual([])
  })
})
