// Renderer: loads one article's annotations and keeps them in an AnnotationSync for the reader. Changes not yet
// on disk are kept in localStorage under the archive's folder, the article and this tab, so a reload saves
// them; the next tab to open the article takes over those of a tab that was closed (tab-lease.ts).
import { useEffect, useState, useSyncExternalStore } from 'react'
import { api } from '../api'
import { AnnotationSync } from '../reader/annotation-sync'
import { appInfo } from './archive-info'
import { loadAnnotations } from './article-openings'
import { tabId, takeOverGone } from '../reader/tab-lease'

const idle = { items: [], status: { state: 'saved' as const }, canUndo: false, canRedo: false, unkept: 0 }
const noop = () => () => {}
/** The sync that owns each article's kept changes: a newer one for the same article retires the older. */
const owners = new Map<string, AnnotationSync>()

class Closed extends Error {}

/** `generation`: a new number loads the annotations again (a team-sync conflict resolved from the reader). */
export function useAnnotationSync(articleId: string, generation = 0) {
  const [sync, setSync] = useState<AnnotationSync | null>(null)
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
          setSync(next)
        })
      })
      .catch((err: Error) => live && !(err instanceof Closed) && setError(err.message))
    return () => {
      live = false
    }
  }, [articleId, generation])

  const snapshot = useSyncExternalStore(sync?.subscribe ?? noop, sync?.getSnapshot ?? (() => idle))
  return { sync, snapshot, error }
}
