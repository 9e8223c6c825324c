// Renderer: the library's article list, loaded through the contract.
import { useCallback, useEffect, useState } from 'react'
import type { ArticleMeta } from '../../../shared/types'
import { api } from '../api'

export type ArticlesState = { articles: ArticleMeta[] | null; error: string | null; reload: () => void }

export function useArticles(): ArticlesState {
  const [articles, setArticles] = useState<ArticleMeta[] | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [generation, setGeneration] = useState(0)

  useEffect(() => {
    let live = true
    api['articles.list']({}).then(
      (list) => live && (setArticles(list), setError(null)),
      (err: Error) => live && setError(err.message),
    )
    return () => {
      live = false
    }
  }, [generation])

  const reload = useCallback(() => setGeneration((g) => g + 1), [])
  return { articles, error, reload }
}
