// Renderer: loads one article's annotations and keeps them in an AnnotationSync for the reader. Changes not yet
// on disk are kept in localStorage under the archive's folder, the article and this tab, so a reload saves
// them; the next tab to open the article takes over those of a tab that was closed (tab-lease.ts).
import { useEffect, useMemo, useState, useSyncExternalStore } from 'react'
import { api } from '../api'
import { AnnotationSync } from '../reader/annotation-sync'
import type { SyncSnapshot } from '../reader/annotation-sync'
import { appInfo, knownArchive } from './archive-info'
import { loadAnnotations } from './article-openings'
import { keptBeforeLoad, tabId, takeOverGone } from '../reader/tab-lease'

const noop = () => () => {}

/**
 * What the reader shows until the article's sync exists: never "Saved" (nothing is acknowledged yet), but the
 * changes this tab kept for a reload, waiting to be sent, or "Loading…" when it kept none.
 */
function beforeLoad(articleId: string): SyncSnapshot {
  const waiting = keptBeforeLoad(localStorage, sessionStorage, knownArchive(), articleId)
  return {
    items: [],
    status: waiting > 0 ? { state: 'waiting', waiting } : { state: 'loading' },
    canUndo: false,
    canRedo: false,
    unkept: 0,
  }
}
/** The sync that owns each article's kept changes: a newer one for the same article retires the older. */
const owners = new Map<string, AnnotationSync>()

class Closed extends Error {}

/** `generation`: a new number loads the annotations again (a team-sync conflict resolved from the reader). */
export function useAnnotationSync(articleId: string, generation = 0) {
  // The sync of the article it was made for: another article's, still here while this one loads, is not shown.
  const [made, setSync] = useState<{ articleId: string; sync: AnnotationSync } | null>(null)
  const sync = made?.articleId === articleId ? made.sync : null
  const [error, setError] = useState<string | null>(null)

  useEffect(() => {
    let live = true
    Promise.all([loadAnnotations(articleId), appInfo(), tabId()])
      .then(([list, info, tab]) => {
        if (!live) return
        const base = `glossa-pending:${info.archive}:${articleId}`
        const key = `${base}#${tab}`
        return takeOverGone(navigator.locks, localStorage, base, key, (recovered) => {
          // Gone meanwhile: the changes of closed tabs stay where they are, for the next opening.
          if (!live) throw new Closed()
          owners.get(key)?.retire()
          const store = { key, storage: localStorage }
          const next = new AnnotationSync(articleId, list, api, undefined, store, recovered)
          owners.set(key, next)
          setSync({ articleId, sync: next })
        })
      })
      .catch((err: Error) => live && !(err instanceof Closed) && setError(err.message))
    return () => {
      live = false
    }
  }, [articleId, generation])

  // Read once per article (and again when its sync goes), so the first frame already says what is kept.
  const loading = useMemo(() => (sync ? null : beforeLoad(articleId)), [articleId, sync])
  const snapshot = useSyncExternalStore(sync?.subscribe ?? noop, sync?.getSnapshot ?? (() => loading!))
  return { sync, snapshot, error }
}
