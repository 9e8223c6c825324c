// Renderer: the library's rows, asked of the main process a page at a time (articles.page), filtered and
// sorted there. The virtual list says which rows it shows (`want`); only their pages are fetched, so 100,000
// articles cost the window what a screenful does. A reload (the archive changed) fetches the pages in view
// again and keeps showing the old rows until they arrive; a new filter or sort starts from nothing.
import { useCallback, useEffect, useRef, useState } from 'react'
import type { LibraryFilter, LibrarySort } from '../../../shared/library-query'
import type { ArticleListItem } from '../../../shared/types'
import { api } from '../api'

/** Rows per request: a few screens' worth, so a scroll rarely waits, and each answer stays small. */
export const PAGE_ROWS = 100

type Page = { total: number; all: number; offset: number; items: ArticleListItem[]; loading?: boolean }

// Asked for as soon as this code runs: React's first render takes tens of milliseconds on a slow machine, and
// the first page is on its way meanwhile. Taken once, by the first load with no filter and the default sort.
let first: Promise<Page> | null = api['articles.page']({ offset: 0, limit: PAGE_ROWS })
first.catch(() => {})

/** What the main process is sent: only the filters that are set. */
export function filterArgs(f: LibraryFilter): LibraryFilter {
  const out: LibraryFilter = {}
  for (const [k, v] of Object.entries(f) as [keyof LibraryFilter, unknown][]) {
    if (v !== undefined && v !== '' && v !== false) (out as Record<string, unknown>)[k] = v
  }
  return out
}

export type LibraryRows = {
  /** Articles the filter keeps; null until the first page is in. */
  total: number | null
  /** Articles in the archive. */
  all: number | null
  /**
   * The rows shown came from the library's head while the archive opens (src/main/archive/library-head.ts):
   * other sorts, filters and rows further down wait for it.
   */
  loading: boolean
  error: string | null
  /** The row at `index`, or undefined while its page is on its way. */
  rowAt(index: number): ArticleListItem | undefined
  /** Where a loaded row is, or -1. */
  indexOf(id: string): number
  /** The list shows rows `start`…`end`: fetch the pages they are on. */
  want(start: number, end: number): void
  /** Every id the filter keeps, in order (for a range selection or an export of the filtered list). */
  allIds(): Promise<string[]>
}

export function useLibraryPages(filter: LibraryFilter, sort: LibrarySort, generation: number): LibraryRows {
  const args = filterArgs(filter)
  const key = JSON.stringify([args, sort])
  const [, setTick] = useState(0)
  const state = useRef({
    key: '',
    generation: -1,
    total: null as number | null,
    all: null as number | null,
    error: null as string | null,
    loading: false,
    pages: new Map<number, { items: ArticleListItem[]; generation: number }>(),
    asked: new Map<number, number>(),
    view: [0, 0] as [number, number],
  })
  const s = state.current

  const fetchPage = useCallback(
    (page: number) => {
      const at = s.key
      const gen = s.generation
      if (s.asked.get(page) === gen) return
      s.asked.set(page, gen)
      const [filterNow, sortNow] = JSON.parse(at) as [LibraryFilter, LibrarySort]
      const empty = Object.keys(filterNow).length === 0 && sortNow === 'added'
      const ask = (whole: boolean) =>
        api['articles.page']({
          filter: filterNow,
          sort: sortNow,
          offset: page * PAGE_ROWS,
          limit: PAGE_ROWS,
          ...(whole ? { whole } : {}),
        })
      const answer = page === 0 && first && empty ? first : ask(false)
      if (page === 0) first = null
      const take = (p: Page) => {
        if (s.key !== at || s.generation !== gen) return
        s.total = p.total
        s.all = p.all
        s.error = null
        s.loading = !!p.loading
        s.pages.set(page, { items: p.items, generation: gen })
        setTick((t) => t + 1)
        // Early rows from the head: the same page again from the whole catalog, answered once it is open.
        if (p.loading) ask(true).then(take, () => {})
      }
      answer.then(take, (err: Error) => {
        if (s.key !== at || s.generation !== gen) return
        s.asked.delete(page)
        s.error = err.message
        setTick((t) => t + 1)
      })
    },
    [s],
  )

  const want = useCallback(
    (start: number, end: number) => {
      s.view = [start, end]
      const last = Math.max(start, end)
      for (let p = Math.floor(start / PAGE_ROWS); p <= Math.floor(last / PAGE_ROWS); p++) fetchPage(p)
    },
    [s, fetchPage],
  )

  // A new filter or sort: nothing shown is still right. A reload: the rows shown stay until their pages
  // are in again; pages out of view are dropped.
  if (s.key !== key) {
    s.key = key
    s.generation = generation
    s.total = null
    s.pages.clear()
    s.asked.clear()
    s.view = [0, 0]
  } else if (s.generation !== generation) {
    s.generation = generation
    s.asked.clear()
    const [a, b] = s.view
    for (const p of [...s.pages.keys()]) {
      if (p < Math.floor(a / PAGE_ROWS) || p > Math.floor(b / PAGE_ROWS)) s.pages.delete(p)
    }
  }
  useEffect(() => {
    // The first page is always needed (the count line, the first rows); the rest follow the list's view.
    want(s.view[0], s.view[1])
  }, [key, generation, want, s])

  return {
    total: s.total,
    all: s.all,
    loading: s.loading,
    error: s.error,
    rowAt: (index) => s.pages.get(Math.floor(index / PAGE_ROWS))?.items[index % PAGE_ROWS],
    indexOf: (id) => {
      for (const [p, { items }] of s.pages) {
        const i = items.findIndex((a) => a.id === id)
        if (i >= 0) return p * PAGE_ROWS + i
      }
      return -1
    },
    want,
    allIds: () => api['articles.ids']({ filter: args, sort }),
  }
}
