// @vitest-environment happy-dom
// Which note drafts a tab gives back when an article opens: its own, a closed tab's and an older Glossa's shared
// one, each once and oldest first, moved under its own key; never an open tab's or another article's.
import { beforeEach, describe, expect, it } from 'vitest'
import { takeOverDrafts } from './draft-takeover'
import { figureDraftKey, noteDraftKey, readDraft, tagDraftKey, writeDraft } from './drafts'

/** Web Locks as one page sees them: `held` are the leases other tabs hold. */
function fakeLocks(held: string[]) {
  return {
    request: (async (_name: string, callback: (lock: unknown) => unknown) =>
      callback({})) as unknown as LockManager['request'],
    query: async () => ({ held: held.map((name) => ({ name, mode: 'exclusive' as const })) }),
  }
}

const at = (minute: number) => `2026-12-07T10:${String(minute).padStart(2, '0')}:00.000Z`
const keys = () => Object.keys(localStorage).sort()

beforeEach(() => localStorage.clear())

describe('takeOverDrafts', () => {
  it("gives back this tab's, a closed tab's and the shared one, oldest first; leaves an open tab's", async () => {
    writeDraft(noteDraftKey('art1', 'ann1', 'mine'), { text: 'mine, reloaded', at: at(3) })
    writeDraft(noteDraftKey('art1', 'ann2', 'closed'), { text: 'from a closed tab', at: at(2) })
    writeDraft(noteDraftKey('art1', 'ann3'), { text: 'from an older Glossa' })
    writeDraft(noteDraftKey('art1', 'ann1', 'open'), { text: 'typed in an open tab', at: at(4) })
    writeDraft(noteDraftKey('art2', 'ann9', 'closed'), { text: 'another article', at: at(1) })
    const given = await takeOverDrafts(fakeLocks(['glossa-tab:mine', 'glossa-tab:open']), 'art1', 'mine')
    expect(given.map((g) => g.draft.text)).toEqual([
      'from an older Glossa',
      'from a closed tab',
      'mine, reloaded',
    ])
    expect(keys()).toEqual(
      [
        'glossa-draft:note:art1:ann1#mine',
        'glossa-draft:note:art1:ann1#open',
        'glossa-draft:note:art1:ann2#mine',
        'glossa-draft:note:art1:ann3#mine',
        'glossa-draft:note:art2:ann9#closed',
      ].sort(),
    )
    // Taken once: the next tab finds nothing of the closed tab's or the shared one.
    const next = await takeOverDrafts(fakeLocks(['glossa-tab:mine', 'glossa-tab:open']), 'art1', 'third')
    expect(next).toEqual([])
  })

  it("keeps the newest text when a closed tab's draft and this tab's are of one annotation", async () => {
    writeDraft(noteDraftKey('art1', 'ann1', 'mine'), { text: 'older, mine', at: at(1) })
    writeDraft(noteDraftKey('art1', 'ann1', 'closed'), { text: 'newer, closed tab', at: at(5) })
    const given = await takeOverDrafts(fakeLocks(['glossa-tab:mine']), 'art1', 'mine')
    expect(given.map((g) => g.draft.text)).toEqual(['older, mine', 'newer, closed tab'])
    expect(readDraft(noteDraftKey('art1', 'ann1', 'mine'))).toMatchObject({ text: 'newer, closed tab' })
    expect(keys()).toEqual(['glossa-draft:note:art1:ann1#mine'])
  })

  it('without Web Locks gives back only its own and the shared drafts', async () => {
    writeDraft(noteDraftKey('art1', 'ann1', 'other'), { text: 'another tab', at: at(1) })
    writeDraft(noteDraftKey('art1', 'ann2', 'mine'), { text: 'mine', at: at(2) })
    const given = await takeOverDrafts(undefined, 'art1', 'mine')
    expect(given.map((g) => g.draft.text)).toEqual(['mine'])
    expect(keys()).toContain('glossa-draft:note:art1:ann1#other')
  })

  it("moves a closed tab's and the shared tag and figure drafts under this tab's keys, once; leaves an open tab's", async () => {
    writeDraft(tagDraftKey('art1', 'ann1', 'closed'), { text: 'war', at: at(2) })
    writeDraft(tagDraftKey('art1', 'ann2'), 'shared tag')
    writeDraft(tagDraftKey('art1', 'ann1', 'open'), { text: 'open tab tag', at: at(4) })
    writeDraft(figureDraftKey('art1', 'closed'), { start: 1, end: 4, quote: '500', at: at(3) })
    writeDraft(figureDraftKey('art1', 'open'), { start: 9, end: 12, quote: '700', at: at(5) })
    writeDraft(figureDraftKey('art10', 'closed'), { start: 1, end: 2, quote: 'another article', at: at(1) })
    await takeOverDrafts(fakeLocks(['glossa-tab:mine', 'glossa-tab:open']), 'art1', 'mine')
    expect(readDraft(tagDraftKey('art1', 'ann1', 'mine'))).toEqual({ text: 'war', at: at(2) })
    expect(readDraft(tagDraftKey('art1', 'ann2', 'mine'))).toBe('shared tag')
    expect(readDraft(figureDraftKey('art1', 'mine'))).toMatchObject({ quote: '500' })
    expect(keys()).toEqual(
      [
        'glossa-draft:figure:art1#mine',
        'glossa-draft:figure:art1#open',
        'glossa-draft:figure:art10#closed',
        'glossa-draft:tags:art1:ann1#mine',
        'glossa-draft:tags:art1:ann1#open',
        'glossa-draft:tags:art1:ann2#mine',
      ].sort(),
    )
    // Taken once: a third tab finds none of them while this one and the open one are open.
    await takeOverDrafts(fakeLocks(['glossa-tab:mine', 'glossa-tab:open']), 'art1', 'third')
    expect(keys().filter((k) => k.includes('#third'))).toEqual([])
  })

  it("keeps this tab's figure form over an older closed tab's, and a newer closed tab's over this one's", async () => {
    writeDraft(figureDraftKey('art1', 'mine'), { start: 1, end: 4, quote: 'mine', at: at(3) })
    writeDraft(figureDraftKey('art1', 'closed'), { start: 1, end: 4, quote: 'older', at: at(1) })
    writeDraft(tagDraftKey('art1', 'ann1', 'mine'), { text: 'older tag', at: at(1) })
    writeDraft(tagDraftKey('art1', 'ann1', 'closed'), { text: 'newer tag', at: at(6) })
    await takeOverDrafts(fakeLocks(['glossa-tab:mine']), 'art1', 'mine')
    expect(readDraft(figureDraftKey('art1', 'mine'))).toMatchObject({ quote: 'mine' })
    expect(readDraft(tagDraftKey('art1', 'ann1', 'mine'))).toMatchObject({ text: 'newer tag' })
    expect(keys()).toEqual(['glossa-draft:figure:art1#mine', 'glossa-draft:tags:art1:ann1#mine'])
  })
})
