// Which kept lists a tab takes over when it opens an article: those of tabs whose lease is gone and the one list
// an older Glossa kept for all tabs; never a live tab's, another article's, or its own; each removed once taken.
import { describe, expect, it } from 'vitest'
import { memoryStore } from '../../../../test/reader/sync-helpers'
import { keptBeforeLoad, takeLease, takeOverGone } from './tab-lease'

const BASE = 'glossa-pending:/archive:abcd1234'
const entry = (note: string) => ({ n: 1, change: { type: 'update', id: 'a1', patch: { note }, before: {} } })

/** Web Locks as one page sees them: `held` are the leases other pages hold. */
function fakeLocks(held: string[]) {
  return {
    request: (async (name: string, ...rest: unknown[]) => {
      const callback = rest[rest.length - 1] as (lock: unknown) => unknown
      const options = (rest.length > 1 ? rest[0] : {}) as { ifAvailable?: boolean }
      if (held.includes(name)) {
        if (options.ifAvailable) return callback(null)
        throw new DOMException('timed out', 'AbortError')
      }
      const result = callback({ name })
      return name.startsWith('glossa-tab:') ? undefined : result
    }) as unknown as LockManager['request'],
    query: async () => ({ held: held.map((name) => ({ name, mode: 'exclusive' as const })) }),
  }
}

function storageOf(data: Record<string, unknown[]>) {
  const store = memoryStore()
  for (const [k, v] of Object.entries(data)) store.data.set(k, JSON.stringify(v))
  const storage = {
    ...store.storage,
    get length() {
      return store.data.size
    },
    key: (i: number) => [...store.data.keys()][i] ?? null,
  }
  return { data: store.data, storage }
}

describe('takeOverGone', () => {
  it("takes the lists of gone tabs and the shared old one, once, and leaves a live tab's and its own", async () => {
    const { data, storage } = storageOf({
      [`${BASE}#gone`]: [entry('from a closed tab')],
      [BASE]: [entry('from an older Glossa')],
      [`${BASE}#alive`]: [entry('from an open tab')],
      [`${BASE}#mine`]: [entry('my own')],
      'glossa-pending:/archive:other123#gone': [entry('another article')],
    })
    const locks = fakeLocks(['glossa-tab:alive'])
    const taken = await takeOverGone(locks, storage, BASE, `${BASE}#mine`, (recovered) =>
      recovered.map((e) => (e.change as { patch: { note: string } }).patch.note).sort(),
    )
    expect(taken).toEqual(['from a closed tab', 'from an older Glossa'])
    expect([...data.keys()].sort()).toEqual([
      `${BASE}#alive`,
      `${BASE}#mine`,
      'glossa-pending:/archive:other123#gone',
    ])
    // Opened again: nothing left to take.
    expect(await takeOverGone(locks, storage, BASE, `${BASE}#mine`, (r) => r)).toEqual([])
  })

  it('leaves the lists where they are when the opening fails (the tab went away meanwhile)', async () => {
    const { data, storage } = storageOf({ [`${BASE}#gone`]: [entry('from a closed tab')] })
    await expect(
      takeOverGone(fakeLocks([]), storage, BASE, `${BASE}#mine`, () => {
        throw new Error('closed')
      }),
    ).rejects.toThrow('closed')
    expect(data.has(`${BASE}#gone`)).toBe(true)
  })
})

describe('takeLease', () => {
  it('keeps the id of its session, or takes a new one when another open tab holds it (a duplicated tab)', async () => {
    const session = memoryStore().storage as unknown as Storage
    session.setItem('glossa-tab-id', 'mine')
    expect(await takeLease(fakeLocks([]), session)).toBe('mine')
    const copied = await takeLease(fakeLocks(['glossa-tab:mine']), session)
    expect(copied).toMatch(/^[0-9a-f]{16}$/)
    expect(session.getItem('glossa-tab-id')).toBe(copied)
  })
})

describe('keptBeforeLoad', () => {
  const session = { getItem: (k: string) => (k === 'glossa-tab-id' ? 'mine' : null) }
  const { storage } = storageOf({
    [`${BASE}#mine`]: [entry('a'), entry('b')],
    [BASE]: [entry('from an older Glossa')],
    [`${BASE}#alive`]: [entry('another tab')],
    'glossa-pending:/archive:other123#mine': [entry('another article')],
    'glossa-pending:/elsewhere:abcd1234#mine': [entry('another archive')],
  })

  it("counts this tab's own kept changes and the older shared list, no other tab's or article's", () => {
    expect(keptBeforeLoad(storage, session, '/archive', 'abcd1234')).toBe(3)
    expect(keptBeforeLoad(storage, session, '/archive', 'ffff0000')).toBe(0)
  })

  it('counts the article under every archive while the archive is not known yet', () => {
    expect(keptBeforeLoad(storage, session, null, 'abcd1234')).toBe(4)
  })
})
