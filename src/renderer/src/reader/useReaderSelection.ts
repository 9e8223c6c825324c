// Renderer: the passage the researcher has selected in the article, in text offsets, with where to show
// the toolbar; and the highlight under a click.
import { useCallback, useState } from 'react'
import type { RefObject } from 'react'
import { offsetAtClientPoint, offsetsFromRange } from './dom-text'
import type { DomText } from './dom-text'

export type TextSelection = { start: number; end: number; top: number; left: number }

export function useReaderSelection(
  model: DomText | null,
  body: RefObject<HTMLElement | null>,
  scroller: RefObject<HTMLElement | null>,
) {
  const [selection, setSelection] = useState<TextSelection | null>(null)

  const read = useCallback((): TextSelection | null => {
    const sel = window.getSelection()
    if (!model || !body.current || !scroller.current || !sel || sel.isCollapsed || sel.rangeCount === 0)
      return null
    const range = sel.getRangeAt(0)
    if (!body.current.contains(range.commonAncestorContainer)) return null
    const offsets = offsetsFromRange(model, range)
    if (!offsets) return null
    const rect = range.getBoundingClientRect()
    const box = scroller.current.getBoundingClientRect()
    return {
      ...offsets,
      top: rect.top - box.top + scroller.current.scrollTop - 46,
      left: Math.max(8, rect.left - box.left + rect.width / 2 - 150),
    }
  }, [model, body, scroller])

  const refresh = useCallback(() => setSelection(read()), [read])
  const clear = useCallback(() => {
    window.getSelection()?.removeAllRanges()
    setSelection(null)
  }, [])

  const offsetAt = useCallback(
    (x: number, y: number) => (model ? offsetAtClientPoint(model, x, y) : null),
    [model],
  )

  return { selection, refresh, clear, offsetAt }
}
