// Renderer: the articles the library's tag or colour filter selects, asked of the main process, which holds
// every article's annotation tags and colours; asked again whenever the library reloads.
import { useEffect, useState } from 'react'
import type { ArticleListItem } from '../../../shared/types'
import { tagNameProblem } from '../../../shared/vocabulary'
import { api } from '../api'
import type { LibraryFilter } from '../library/library-filter'
import { needsMatching } from '../library/library-filter'

export type Matching = { ids: ReadonlySet<string> | null; pending: boolean; error: string | null }

type Answer = { key: string; ids: ReadonlySet<string>; error: string | null }

const NOTHING: ReadonlySet<string> = new Set()

export function useMatching(filter: LibraryFilter, articles: ArticleListItem[] | null): Matching {
  const { tag, color } = filter
  // No tag can be called that (a comma, an empty level…): nothing matches, and nothing needs asking.
  const impossible = tag !== undefined && tagNameProblem(tag) !== null
  const key = needsMatching(filter) && !impossible ? JSON.stringify([tag ?? null, color ?? null]) : null
  const [answer, setAnswer] = useState<Answer | null>(null)
  useEffect(() => {
    if (!key || !articles) return
    let live = true
    api['articles.matching']({ tag, color }).then(
      (ids) => live && setAnswer({ key, ids: new Set(ids), error: null }),
      (err: Error) => live && setAnswer({ key, ids: new Set(), error: err.message }),
    )
    return () => {
      live = false
    }
  }, [key, tag, color, articles])
  if (impossible) return { ids: NOTHING, pending: false, error: null }
  if (!key) return { ids: null, pending: false, error: null }
  // A reload keeps showing the last answer for the same filter until the new one arrives.
  if (answer?.key !== key) return { ids: null, pending: true, error: null }
  return { ids: answer.ids, pending: false, error: answer.error }
}
