// Renderer: the library's article list, loaded through the contract.
import type { ArticleListItem } from '../../../shared/types'
import { api } from '../api'
import { useApiValue } from './useApiValue'

const load = () => api['articles.list']({})

export function useArticles(): {
  articles: ArticleListItem[] | null
  error: string | null
  reload: () => void
} {
  const { value, error, refresh } = useApiValue(load)
  return { articles: value, error, reload: refresh }
}
