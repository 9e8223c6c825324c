// Renderer: full-text search as the researcher types, a moment after they pause. While the index is first
// built, an answer says it is partial (`partial`): then the build's progress is asked every half second
// (search.status, kept as `indexing`), and the query is asked again whenever the index answers from more
// articles, and once the build is done.
import { useEffect, useState } from 'react'
import type { ResultOf } from '../../../shared/contract'
import { api } from '../api'

export type Indexing = NonNullable<ResultOf<'search.status'>['indexing']>
/** The answer, and while it is partial, the build's latest progress. */
export type SearchOutcome = ResultOf<'search.query'> & { indexing?: Indexing }
export type SearchHit = SearchOutcome['hits'][number]

const STATUS_EVERY_MS = 500

/** `outcome` is null until the first answer; it stays on the last answer while a new one is on its way. */
export function useSearch(query: string): { outcome: SearchOutcome | null; error: string | null } {
  const [state, setState] = useState<{ q: string; outcome: SearchOutcome | null; error: string | null }>({
    q: '',
    outcome: null,
    error: null,
  })
  /** Bumped to ask the same query again (the index grew while it was built). */
  const [round, setRound] = useState(0)
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
  }, [q, round])
  const partial = state.q === q ? state.outcome?.partial : undefined
  useEffect(() => {
    if (!partial) return
    let live = true
    const timer = setInterval(() => {
      api['search.status']({}).then(
        ({ indexing }) => {
          if (!live) return
          if (!indexing || indexing.searched !== partial.searched) setRound((r) => r + 1)
          else setState((s) => (s.q === q && s.outcome ? { ...s, outcome: { ...s.outcome, indexing } } : s))
        },
        () => undefined,
      )
    }, STATUS_EVERY_MS)
    return () => {
      live = false
      clearInterval(timer)
    }
  }, [q, partial])
  if (!q) return { outcome: null, error: null }
  return state.q === q ? state : { outcome: state.outcome, error: null }
}
