// Renderer: the Figures view's data, asked of main a page at a time (figures.page): the rows shown, the filter
// lists with counts, the conflicts and one metric's series. The window never holds every figure; while main is
// building or checking its figures index, the view polls its status and asks again as the index moves on.
import { useCallback, useEffect, useRef, useState } from 'react'
import type { ResultOf } from '../../../shared/contract'
import type { FigureFilter, FigureSort } from '../../../shared/figures'
import { api } from '../api'

export type FigurePage = ResultOf<'figures.page'>
export type FigureFacetsResult = ResultOf<'figures.facets'>
export type FigureIndexStatus = FigurePage['status']

/** Rows asked for at first and added by "Show more". */
export const ROWS_STEP = 300
const POLL_MS = 1_000

/** One answer that follows its arguments and the index's version; the newest question wins. */
function useAsked<T>(ask: (() => Promise<T>) | null, deps: unknown[]) {
  const [state, setState] = useState<{ value: T | null; error: string | null }>({ value: null, error: null })
  useEffect(() => {
    if (!ask) {
      setState({ value: null, error: null })
      return
    }
    let live = true
    ask().then(
      (value) => live && setState({ value, error: null }),
      (err: Error) => live && setState((s) => ({ value: s.value, error: err.message })),
    )
    return () => {
      live = false
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `ask` is rebuilt each render; deps say when to ask
  }, deps)
  return state
}

export function useFigurePages(filter: FigureFilter, sort: FigureSort) {
  // Bumped when the index moves on (seen by polling while it is built or checked): every question is asked again.
  const [reask, setReask] = useState(0)
  const known = useRef<number | null>(null)
  const [status, setStatus] = useState<FigureIndexStatus | null>(null)
  const key = JSON.stringify([filter, sort])
  const [page, setPage] = useState<{ key: string; value: FigurePage } | null>(null)
  const [error, setError] = useState<string | null>(null)
  const asking = useRef(0)

  const seen = useCallback((s: FigureIndexStatus, polled: boolean) => {
    setStatus(s)
    if (known.current !== null && known.current !== s.version && polled) setReask((r) => r + 1)
    known.current = s.version
  }, [])

  // The first rows for this filter and sort (and again when the index moves on).
  useEffect(() => {
    const turn = ++asking.current
    api['figures.page']({ filter, sort, offset: 0, limit: ROWS_STEP }).then(
      (value) => {
        if (turn !== asking.current) return
        setPage({ key, value })
        setError(null)
        seen(value.status, false)
      },
      (err: Error) => turn === asking.current && setError(err.message),
    )
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `key` stands for filter and sort
  }, [key, reask, seen])

  const current = page?.key === key
  const more = useCallback(() => {
    if (!page || !current) return
    const turn = ++asking.current
    const { value } = page
    api['figures.page']({ filter, sort, offset: value.items.length, limit: ROWS_STEP }).then(
      (next) => {
        if (turn !== asking.current) return
        setPage({ key, value: { ...next, offset: 0, items: [...value.items, ...next.items] } })
        seen(next.status, false)
      },
      (err: Error) => turn === asking.current && setError(err.message),
    )
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `key` stands for filter and sort
  }, [page, current, key, seen])

  // While the index is built or checked, its status is polled; each new version asks again.
  const settled = status?.state === 'ready'
  useEffect(() => {
    if (!status || settled) return
    const timer = setInterval(() => {
      api['figures.status']({}).then(
        (s) => seen(s, true),
        () => {},
      )
    }, POLL_MS)
    return () => clearInterval(timer)
  }, [status, settled, seen])

  const facets = useAsked(() => api['figures.facets']({}), [reask])
  const metric = filter.metric
  const conflicts = useAsked(
    () => api['figures.conflicts']({ ...(metric ? { metric } : {}) }),
    [metric, reask],
  )
  const series = useAsked(metric ? () => api['figures.series']({ metric }) : null, [metric, reask])

  return {
    /** The rows for the filter and sort asked last, or (while they come) the ones before. */
    page: page?.value ?? null,
    current,
    error: error ?? facets.error,
    status,
    facets: facets.value,
    conflicts: conflicts.value,
    series: series.value,
    more,
  }
}
