// Renderer: the team-sync conflicts of one article (its own, and its annotations'), for the reader's markers.
import { useCallback, useEffect, useState } from 'react'
import type { ResultOf } from '../../../shared/contract'
import { api } from '../api'

export type SyncConflict = ResultOf<'sync.conflicts'>[number]

export function useArticleConflicts(articleId: string) {
  const [list, setList] = useState<SyncConflict[]>([])
  const [generation, setGeneration] = useState(0)
  useEffect(() => {
    let live = true
    api['sync.conflicts']({}).then(
      (all) => live && setList(all.filter((c) => c.articleId === articleId)),
      () => live && setList([]),
    )
    return () => {
      live = false
    }
  }, [articleId, generation])
  const reload = useCallback(() => setGeneration((g) => g + 1), [])
  const ofAnnotation = useCallback(
    (id: string) => list.find((c) => c.kind === 'annotation' && c.annotationId === id),
    [list],
  )
  return { article: list.find((c) => c.kind === 'article'), ofAnnotation, reload }
}
