// Renderer: full-text search as the researcher types, a moment after they pause.
import { useEffect, useState } from 'react'
import type { ResultOf } from '../../../shared/contract'
import { api } from '../api'

export type SearchHit = ResultOf<'search.query'>[number]

export function useSearch(query: string): { hits: SearchHit[] | null; error: string | null } {
  const [state, setState] = useState<{ q: string; hits: SearchHit[] | null; error: string | null }>({
    q: '',
    hits: null,
    error: null,
  })
  const q = query.trim()
  useEffect(() => {
    if (!q) return
    let live = true
    const timer = setTimeout(() => {
      api['search.query']({ q, limit: 50 }).then(
        (hits) => live && setState({ q, hits, error: null }),
        (err: Error) => live && setState({ q, hits: [], error: err.message }),
      )
    }, 120)
    return () => {
      live = false
      clearTimeout(timer)
    }
  }, [q])
  if (!q) return { hits: null, error: null }
  return state.q === q ? { hits: state.hits, error: state.error } : { hits: state.hits, error: null }
}
