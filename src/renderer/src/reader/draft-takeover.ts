// Renderer: which drafts a tab gives back when an article opens. Its own (a reload), a closed tab's (taken over
// once, under the lock all tabs share, and moved under this tab's key) and an older Glossa's shared one (read
// once, moved the same way); never a draft of a tab that is still open, which that tab keeps and sends itself.
// Notes are given back to be saved; tag fields and the figure form are moved under this tab's keys, where the
// fields read them when they open.
import type { KeptField, KeptNote, NoteDraft } from './drafts'
import {
  clearDraft,
  figureDraftKey,
  figureDraftsOf,
  noteDraftKey,
  noteDraftsOf,
  tagDraftKey,
  tagDraftsOf,
  writeDraft,
} from './drafts'
import { withGoneTabs } from './tab-lease'

type Locks = Parameters<typeof withGoneTabs>[0]

/** A draft to give back: the annotation, the text and when it was typed, oldest first. */
export type GivenBack = { id: string; draft: NoteDraft }

export function takeOverDrafts(locks: Locks, articleId: string, tab: string): Promise<GivenBack[]> {
  return withGoneTabs(locks, (gone) => {
    const notes: KeptField[] = noteDraftsOf(articleId).map((d) => ({
      ...d,
      slot: d.id,
      value: d.draft,
      at: typedAt(d),
    }))
    const given = moveToTab(notes, tab, gone, (id) => noteDraftKey(articleId, id, tab))
    moveToTab(tagDraftsOf(articleId), tab, gone, (id) => tagDraftKey(articleId, id, tab))
    moveToTab(figureDraftsOf(articleId), tab, gone, () => figureDraftKey(articleId, tab))
    return given.map((d) => ({ id: d.slot, draft: d.value as NoteDraft }))
  })
}

/**
 * Moves the drafts this tab takes (its own, a gone tab's, the shared one) under its own key: of each field, the
 * newest is kept and the others go. Returns all it took, oldest first.
 */
function moveToTab(
  found: KeptField[],
  tab: string,
  gone: (tab: string) => boolean,
  keyFor: (slot: string) => string,
): KeptField[] {
  const mine = found.filter((d) => d.tab === tab || d.tab === undefined || gone(d.tab))
  const newest = new Map<string, KeptField>()
  for (const d of mine) {
    const before = newest.get(d.slot)
    if (!before || d.at >= before.at) newest.set(d.slot, d)
  }
  for (const d of mine) if (d.tab !== tab) clearDraft(d.key)
  for (const d of newest.values()) if (d.tab !== tab) writeDraft(keyFor(d.slot), d.value)
  return mine.sort((a, b) => a.at - b.at)
}

/** When a draft was typed (0 for one from before drafts had a time: oldest). */
const typedAt = (d: KeptNote) => (d.draft.at ? Date.parse(d.draft.at) : 0)
