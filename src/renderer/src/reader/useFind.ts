// Renderer: find in article — every case-insensitive match of the query in the article's text.
import { useCallback, useMemo, useState } from 'react'
import type { Span } from './paint'

export function useFind(text: string) {
  const [open, setOpen] = useState(false)
  const [query, setQuery] = useState('')
  const [current, setCurrent] = useState(0)

  const matches = useMemo<Span[]>(() => {
    const q = query.trim().toLowerCase()
    if (!open || !q) return []
    const haystack = text.toLowerCase()
    const out: Span[] = []
    for (
      let at = haystack.indexOf(q);
      at >= 0 && out.length < 5000;
      at = haystack.indexOf(q, at + q.length)
    ) {
      out.push({ start: at, end: at + q.length })
    }
    return out
  }, [text, query, open])

  const index = matches.length ? Math.min(current, matches.length - 1) : 0
  const show = useCallback(() => setOpen(true), [])
  return {
    open,
    query,
    matches,
    current: index,
    show,
    close: () => {
      setOpen(false)
      setQuery('')
    },
    setQuery: (q: string) => {
      setQuery(q)
      setCurrent(0)
    },
    step: (delta: 1 | -1) =>
      setCurrent((c) => (matches.length ? (c + delta + matches.length) % matches.length : 0)),
  }
}
