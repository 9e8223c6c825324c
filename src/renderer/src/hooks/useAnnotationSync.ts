// Renderer: loads one article's annotations and keeps them in an AnnotationSync for the reader.
import { useEffect, useState, useSyncExternalStore } from 'react'
import { api } from '../api'
import { AnnotationSync } from '../reader/annotation-sync'
import { loadAnnotations } from './article-openings'

const idle = { items: [], status: { state: 'saved' as const }, canUndo: false, canRedo: false }
const noop = () => () => {}

/** `generation`: a new number loads the annotations again (a team-sync conflict resolved from the reader). */
export function useAnnotationSync(articleId: string, generation = 0) {
  const [sync, setSync] = useState<AnnotationSync | null>(null)
  const [error, setError] = useState<string | null>(null)

  useEffect(() => {
    let live = true
    loadAnnotations(articleId).then(
      (list) => live && setSync(new AnnotationSync(articleId, list, api)),
      (err: Error) => live && setError(err.message),
    )
    return () => {
      live = false
    }
  }, [articleId, generation])

  const snapshot = useSyncExternalStore(sync?.subscribe ?? noop, sync?.getSnapshot ?? (() => idle))
  return { sync, snapshot, error }
}
