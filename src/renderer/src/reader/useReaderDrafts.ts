// Renderer: the reader's side of drafts. Cards and the figure form keep what is typed under keys of the archive's
// annotation ids and of this tab; drafts left by a reload or a closed tab are given back (and saved) when the article opens
// again (draft-takeover.ts), never those of a tab still open; a draft is dropped once its text is on disk. In
// Electron, closing the window waits for pending saves.
import { useCallback, useEffect, useMemo, useState } from 'react'
import { isBrowserMode } from '../api'
import type { AnnotationPatch, AnnotationSync } from './annotation-sync'
import type { DraftSink } from './drafts'
import { takeOverDrafts } from './draft-takeover'
import {
  asNoteDraft,
  clearDraft,
  figureDraftKey,
  flushDrafts,
  installDraftFlush,
  noteDraftKey,
  readDraft,
  tagDraftKey,
} from './drafts'
import { heldTabId } from './tab-lease'

export function useReaderDrafts(articleId: string, sync: AnnotationSync | null) {
  // Known once the sync exists: the annotations load only after this tab holds its lease.
  const tab = sync ? heldTabId() : undefined
  // The article whose drafts left by closed tabs are moved under this tab's keys (takeOverDrafts below).
  const [takenOver, setTakenOver] = useState<string | null>(null)
  const ready = !!sync && takenOver === articleId
  const sink = useMemo<DraftSink | undefined>(
    () =>
      sync
        ? {
            keyOf: (id, field) =>
              field === 'note'
                ? noteDraftKey(articleId, sync.archiveId(id), tab)
                : tagDraftKey(articleId, sync.archiveId(id), tab),
            setDirty: (key, dirty) => sync.setEditing(key, dirty),
            ready,
          }
        : undefined,
    [articleId, sync, tab, ready],
  )

  const dropWhenSaved = useCallback(
    (id: string, note: string) => {
      if (!sync) return
      const key = noteDraftKey(articleId, sync.archiveId(id), tab)
      void sync.flushed().then(() => {
        if (sync.isSaved(id) && asNoteDraft(readDraft<unknown>(key))?.text === note) clearDraft(key)
      })
    },
    [articleId, sync, tab],
  )

  const onChange = useCallback(
    (id: string, patch: AnnotationPatch, session?: string, madeAt?: string) => {
      if (!sync) return
      sync.update(id, patch, session, madeAt)
      if (patch.note !== undefined) dropWhenSaved(id, patch.note)
    },
    [sync, dropWhenSaved],
  )

  // The figure form's draft, this tab's: known with the tab, read once drafts left by a closed tab are moved here.
  const figureKey = tab ? figureDraftKey(articleId, tab) : undefined

  // Notes typed before a reload, a crash or in a tab since closed come back and are saved, once; tag fields and
  // the figure form are moved under this tab's keys.
  useEffect(() => {
    if (!sync || !tab) return
    let live = true
    void takeOverDrafts(navigator.locks, articleId, tab).then(
      (given) => {
        if (!live) return
        setTakenOver(articleId)
        // Sent as made when typed: a note saved later (another window) stays.
        for (const { id, draft } of given) {
          const current = sync.getSnapshot().items.find((a) => a.id === id)
          if (!current) continue
          if (current.note === draft.text) dropWhenSaved(id, draft.text)
          else onChange(id, { note: draft.text }, `recovered-${id}`, draft.at)
        }
      },
      () => {
        // Storage refused: this tab's own drafts are still read where they are.
        if (live) setTakenOver(articleId)
      },
    )
    return () => {
      live = false
    }
  }, [articleId, sync, tab, onChange, dropWhenSaved])

  useEffect(() => {
    installDraftFlush()
    if (!sync) return
    if (isBrowserMode) {
      // Changes kept in localStorage come back after a reload; past its bounds they would not: the browser asks.
      const beforeUnload = (e: BeforeUnloadEvent) => {
        if (sync.getSnapshot().unkept === 0) return
        e.preventDefault()
        e.returnValue = ''
      }
      window.addEventListener('beforeunload', beforeUnload)
      return () => window.removeEventListener('beforeunload', beforeUnload)
    }
    // Electron: closing the window hands over what is typed, waits for it to be on disk, then closes.
    const beforeUnload = (e: BeforeUnloadEvent) => {
      flushDrafts()
      if (sync.getSnapshot().status.state === 'saved') return
      e.preventDefault()
      e.returnValue = ''
      void sync.flushed().then(() => window.close())
    }
    window.addEventListener('beforeunload', beforeUnload)
    return () => window.removeEventListener('beforeunload', beforeUnload)
  }, [sync])

  return { sink, onChange, figureKey, ready }
}
