// Renderer: what the reader paints over the text — the annotations (those not yet saved marked), the focused one,
// and the figures the detector underlines.
import { useEffect } from 'react'
import type { LocalAnnotation } from './annotation-sync'
import type { DomText } from './dom-text'
import { paintAnnotations, paintLayer } from './paint'

type Span = { start: number; end: number }

export function useReaderPaint(
  model: DomText | null,
  placed: LocalAnnotation[],
  spans: ReadonlyMap<string, Span>,
  focusedId: string | null,
  candidates: Span[],
): void {
  useEffect(() => {
    paintLayer(model, 'figure-candidate', candidates)
  }, [model, candidates])

  useEffect(() => {
    if (!model) return
    paintAnnotations(
      model,
      placed.map((a) => ({ ...spans.get(a.id)!, id: a.id, color: a.color, kind: a.kind })),
    )
    paintLayer(
      model,
      'hl-unsaved',
      placed.filter((a) => a.unsaved).map((a) => spans.get(a.id)!),
    )
  }, [model, placed, spans])

  useEffect(() => {
    const span = focusedId ? spans.get(focusedId) : undefined
    paintLayer(model, 'hl-focus', span ? [span] : [])
  }, [model, focusedId, spans])
}
