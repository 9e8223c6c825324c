// Renderer: the library's article list, loaded through the contract.
import type { ArticleListItem } from '../../../shared/types'
import { api } from '../api'
import { useApiValue } from './useApiValue'

// Asked for as soon as this code runs: React's first render and layout take tens of milliseconds on a slow
// machine, and the list is on its way meanwhile. Taken once, by the library's first load.
let first: Promise<ArticleListItem[]> | null = api['articles.list']({})
first.catch(() => {})

const load = () => {
  const list = first ?? api['articles.list']({})
  first = null
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
