// Renderer: the library's article list, loaded through the contract.
import type { ArticleListItem } from '../../../shared/types'
import { api } from '../api'
import { warmFormats } from '../format'
import { useApiValue } from './useApiValue'

const load = () => {
  const list = api['articles.list']({})
  // The rows need the date and number formatters: build them while the list is on its way.
  window.setTimeout(warmFormats)
  return list
}

export function useArticles(): {
  articles: ArticleListItem[] | null
  error: string | null
  reload: () => void
} {
  const { value, error, refresh } = useApiValue(load)
  return { articles: value, error, reload: refresh }
}
