// Renderer: which note drafts a tab gives back when an article opens. Its own (a reload), a closed tab's (taken
// over once, under the lock all tabs share, and moved under this tab's key) and an older Glossa's shared one (read
// once, moved the same way); never a draft of a tab that is still open, which that tab sends itself.
import type { KeptNote, NoteDraft } from './drafts'
import { clearDraft, noteDraftKey, noteDraftsOf, writeDraft } from './drafts'
import { withGoneTabs } from './tab-lease'

type Locks = Parameters<typeof withGoneTabs>[0]

/** A draft to give back: the annotation, the text and when it was typed, oldest first. */
export type GivenBack = { id: string; draft: NoteDraft }

export function takeOverDrafts(locks: Locks, articleId: string, tab: string): Promise<GivenBack[]> {
  return withGoneTabs(locks, (gone) => {
    const mine = noteDraftsOf(articleId).filter((d) => d.tab === tab || d.tab === undefined || gone(d.tab))
    const newest = new Map<string, KeptNote>()
    for (const d of mine) {
      const before = newest.get(d.id)
      if (!before || typedAt(d) >= typedAt(before)) newest.set(d.id, d)
    }
    // Moved under this tab's key: the newest of each annotation is kept, the others were given back and go.
    for (const d of mine) if (d.tab !== tab) clearDraft(d.key)
    for (const d of newest.values())
      if (d.tab !== tab) writeDraft(noteDraftKey(articleId, d.id, tab), d.draft)
    return mine.sort((a, b) => typedAt(a) - typedAt(b)).map(({ id, draft }) => ({ id, draft }))
  })
}

/** When a draft was typed (0 for one from before drafts had a time: oldest). */
const typedAt = (d: KeptNote) => (d.draft.at ? Date.parse(d.draft.at) : 0)
