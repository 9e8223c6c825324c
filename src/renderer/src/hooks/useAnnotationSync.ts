// Renderer: loads one article's annotations and keeps them in an AnnotationSync for the reader. Changes not yet
// on disk are kept in localStorage under the archive's folder and the article, so a reload saves them.
import { useEffect, useState, useSyncExternalStore } from 'react'
import { api } from '../api'
import { AnnotationSync } from '../reader/annotation-sync'
import { appInfo } from './archive-info'
import { loadAnnotations } from './article-openings'

const idle = { items: [], status: { state: 'saved' as const }, canUndo: false, canRedo: false, unkept: 0 }
const noop = () => () => {}
/** The sync that owns each article's kept changes: a newer one for the same article retires the older. */
const owners = new Map<string, AnnotationSync>()

/** `generation`: a new number loads the annotations again (a team-sync conflict resolved from the reader). */
export function useAnnotationSync(articleId: string, generation = 0) {
  const [sync, setSync] = useState<AnnotationSync | null>(null)
  const [error, setError] = useState<string | null>(null)

  useEffect(() => {
    let live = true
    Promise.all([loadAnnotations(articleId), appInfo()]).then(
      ([list, info]) => {
        if (!live) return
        const key = `glossa-pending:${info.archive}:${articleId}`
        owners.get(key)?.retire()
        const next = new AnnotationSync(articleId, list, api, undefined, { key, storage: localStorage })
        owners.set(key, next)
        setSync(next)
      },
      (err: Error) => live && setError(err.message),
    )
    return () => {
      live = false
    }
  }, [articleId, generation])

  const snapshot = useSyncExternalStore(sync?.subscribe ?? noop, sync?.getSnapshot ?? (() => idle))
  return { sync, snapshot, error }
}
