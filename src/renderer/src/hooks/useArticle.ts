// Renderer: one article with its text and HTML, loaded when the selection changes.
import { useEffect, useState } from 'react'
import type { Article } from '../../../shared/types'
import { loadArticle } from './article-openings'

export type ArticleState = { article: Article | null; error: string | null }

export function useArticle(id: string): ArticleState {
  const [state, setState] = useState<ArticleState & { id: string | null }>({
    id: null,
    article: null,
    error: null,
  })

  useEffect(() => {
    let live = true
    loadArticle(id).then(
      (article) => live && setState({ id, article, error: null }),
      (err: Error) => live && setState({ id, article: null, error: err.message }),
    )
    return () => {
      live = false
    }
  }, [id])

  return state.id === id ? state : { article: null, error: null }
}
