// Renderer: an article opened at a place — a search match (scrolled to and marked once the text is on screen) or
// a passage from the Figures view or a search result (focused once it is placed). Each happens once.
import { useEffect, useState } from 'react'
import type { DomText } from './dom-text'
import { paintLayer } from './paint'

type Span = { start: number; end: number }

type Options = {
  model: DomText | null
  spans: ReadonlyMap<string, Span>
  initialPosition: Span | undefined
  initialAnnotation: string | undefined
  scrollToSpan: (span: Span | undefined) => void
  focus: (id: string) => void
}

export function useArrival(o: Options): void {
  const { model, spans, initialPosition, initialAnnotation, scrollToSpan, focus } = o
  const [landed, setLanded] = useState(false)
  useEffect(() => {
    if (landed || !initialPosition || !model || initialPosition.end > model.text.length) return
    setLanded(true)
    paintLayer(model, 'find-current', [initialPosition])
    scrollToSpan(initialPosition)
  }, [landed, initialPosition, model, scrollToSpan])

  const [arrived, setArrived] = useState(false)
  useEffect(() => {
    if (arrived || !initialAnnotation || !spans.has(initialAnnotation)) return
    setArrived(true)
    focus(initialAnnotation)
  }, [arrived, initialAnnotation, spans, focus])
}
