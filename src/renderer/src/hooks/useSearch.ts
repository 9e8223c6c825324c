// Renderer: full-text search as the researcher types, a moment after they pause.
import { useEffect, useState } from 'react'
import type { ResultOf } from '../../../shared/contract'
import { api } from '../api'

export type SearchOutcome = ResultOf<'search.query'>
export type SearchHit = SearchOutcome['hits'][number]

/** `outcome` is null until the first answer; it stays on the last answer while a new one is on its way. */
export function useSearch(query: string): { outcome: SearchOutcome | null; error: string | null } {
  const [state, setState] = useState<{ q: string; outcome: SearchOutcome | null; error: string | null }>({
    q: '',
    outcome: null,
    error: null,
  })
  const q = query.trim()
  useEffect(() => {
    if (!q) return
    let live = true
    const timer = setTimeout(() => {
      api['search.query']({ q, limit: 50 }).then(
        (outcome) => live && setState({ q, outcome, error: null }),
        (err: Error) => live && setState({ q, outcome: null, error: err.message }),
      )
    }, 120)
    return () => {
      live = false
      clearTimeout(timer)
    }
  }, [q])
  if (!q) return { outcome: null, error: null }
  return state.q === q ? state : { outcome: state.outcome, error: null }
}
