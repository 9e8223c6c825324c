// Renderer: what the user has typed and not yet confirmed — a note, a figure form, a tag field — kept in
// localStorage at every keystroke, so a reload, a crash of the page or a closed window gives it back.
// Editors also hand their pending commits to flushDrafts(), which runs them when the page is hidden or closed.

const PREFIX = 'glossa-draft:'

export function readDraft<T>(key: string): T | undefined {
  try {
    const raw = localStorage.getItem(PREFIX + key)
    return raw === null ? undefined : (JSON.parse(raw) as T)
  } catch {
    return undefined
  }
}

export function writeDraft(key: string, value: unknown): void {
  try {
    localStorage.setItem(PREFIX + key, JSON.stringify(value))
  } catch (err) {
    // A full or disabled storage loses only the draft copy; the debounced save still runs.
    console.warn('Glossa: could not keep a draft', err)
  }
}

export function clearDraft(key: string): void {
  try {
    localStorage.removeItem(PREFIX + key)
  } catch {
    // nothing was kept
  }
}

/**
 * A note draft is kept per tab (`#<tab id>`, tab-lease.ts), so a second tab on the article neither sends it nor
 * writes over it; the next tab to open the article takes over a closed tab's (draft-takeover.ts). Without `tab`:
 * the key an older Glossa shared by all tabs.
 */
export const noteDraftKey = (articleId: string, annotationId: string, tab?: string): string =>
  `note:${articleId}:${annotationId}${tab ? `#${tab}` : ''}`
/** A tag field's draft (the tag typed, not yet added), per tab like a note's; without `tab`: an older Glossa's. */
export const tagDraftKey = (articleId: string, annotationId: string, tab?: string): string =>
  `tags:${articleId}:${annotationId}${tab ? `#${tab}` : ''}`
/** The figure form's draft, one per article and tab; without `tab`: an older Glossa's, shared by all tabs. */
export const figureDraftKey = (articleId: string, tab?: string): string =>
  `figure:${articleId}${tab ? `#${tab}` : ''}`
// Outside the reader, scoped by the archive's folder (app.info): one window's storage may see several archives.
export const teamDraftKey = (archive: string): string => `team:${archive}`
export const newCollectionDraftKey = (archive: string): string => `collection:${archive}`
export const tagRenameDraftKey = (archive: string, from: string): string => `tag-rename:${archive}:${from}`

/** Every draft whose key begins with `head`: the rest of its key → its value. */
export function draftsUnder(head: string): Map<string, unknown> {
  const found = new Map<string, unknown>()
  try {
    for (let i = 0; i < localStorage.length; i++) {
      const key = localStorage.key(i)
      if (!key?.startsWith(PREFIX + head)) continue
      const value = readDraft<unknown>(key.slice(PREFIX.length))
      if (value !== undefined) found.set(key.slice(PREFIX.length + head.length), value)
    }
  } catch {
    // storage unavailable: no drafts to give back
  }
  return found
}

/**
 * A note being typed, with when it was typed: given back after a reload, it is sent as a change made then, so it
 * never overwrites a note another window saved later.
 */
export type NoteDraft = { text: string; at?: string }
export const noteDraft = (text: string): NoteDraft => ({ text, at: new Date().toISOString() })

/** A kept note draft (a bare string from before drafts had a time). */
export function asNoteDraft(value: unknown): NoteDraft | undefined {
  if (typeof value === 'string') return { text: value }
  const d = value as NoteDraft | undefined
  if (typeof d?.text !== 'string') return undefined
  return typeof d.at === 'string' ? { text: d.text, at: d.at } : { text: d.text }
}

/** One kept note draft of an article: its annotation, the tab that typed it (none: an older Glossa's), its key. */
export type KeptNote = { id: string; tab?: string; key: string; draft: NoteDraft }

/** A tag field's draft is kept as a note's is, text and time (a bare string: from before tag drafts had one). */
export const asTagDraft = asNoteDraft
export const tagDraft = noteDraft

/** A kept draft of one of an article's fields: `slot` names the field (an annotation, or '' for the figure form). */
export type KeptField = { slot: string; tab?: string; key: string; value: unknown; at: number }

/** Every tag-field draft of one article, of every tab. */
export function tagDraftsOf(articleId: string): KeptField[] {
  const found: KeptField[] = []
  for (const [rest, value] of draftsUnder(tagDraftKey(articleId, ''))) {
    const draft = asTagDraft(value)
    const [id, tab] = rest.split('#')
    if (!draft || !id) continue
    const at = draft.at ? Date.parse(draft.at) : 0
    found.push({ slot: id, key: tagDraftKey(articleId, id, tab), value, at, ...(tab ? { tab } : {}) })
  }
  return found
}

/** Every figure-form draft of one article, of every tab (`at`: when it was last typed in, 0 if unknown). */
export function figureDraftsOf(articleId: string): KeptField[] {
  const found: KeptField[] = []
  for (const [rest, value] of draftsUnder(figureDraftKey(articleId))) {
    // Another article whose id begins with this one's is not this article's.
    if (rest !== '' && !rest.startsWith('#')) continue
    const tab = rest.slice(1) || undefined
    const when = (value as { at?: unknown } | null)?.at
    const at = typeof when === 'string' ? Date.parse(when) || 0 : 0
    found.push({ slot: '', key: figureDraftKey(articleId, tab), value, at, ...(tab ? { tab } : {}) })
  }
  return found
}

/** Every note draft of one article, of every tab. */
export function noteDraftsOf(articleId: string): KeptNote[] {
  const found: KeptNote[] = []
  for (const [rest, value] of draftsUnder(noteDraftKey(articleId, ''))) {
    const draft = asNoteDraft(value)
    const [id, tab] = rest.split('#')
    if (draft && id) found.push({ id, key: noteDraftKey(articleId, id, tab), draft, ...(tab ? { tab } : {}) })
  }
  return found
}

const pendingCommits = new Set<() => void>()

/** Registers a commit to run at once if the page goes away first; returns the unregister function. */
export function onLeave(commit: () => void): () => void {
  pendingCommits.add(commit)
  return () => pendingCommits.delete(commit)
}

/** Runs every pending commit now (the page is being hidden, reloaded or closed). */
export function flushDrafts(): void {
  for (const commit of [...pendingCommits]) commit()
}

let installed = false
export function installDraftFlush(): void {
  if (installed) return
  installed = true
  window.addEventListener('pagehide', flushDrafts)
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') flushDrafts()
  })
}

/** How an annotation card keeps its drafts: the key for a field, and telling the reader it holds typing. */
export type DraftSink = {
  keyOf: (annotationId: string, field: 'note' | 'tags') => string
  setDirty: (key: string, dirty: boolean) => void
  /**
   * Whether drafts a closed tab left are moved under this tab's keys yet: a field that reads its draft when it opens
   * (the tag field) waits for it, or it would open empty and miss the draft taken over.
   */
  ready: boolean
}
