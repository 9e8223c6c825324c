// Renderer: paints highlights with the CSS Custom Highlight API, so the article's DOM is never rewritten:
// overlapping highlights, table cells and paragraphs need no special cases, and offsets stay valid.
import { HIGHLIGHT_COLORS } from '../../../shared/vocabulary'
import type { HighlightColor } from '../../../shared/types'
import { rangeFromOffsets } from './dom-text'
import type { DomText } from './dom-text'

export type Span = { start: number; end: number }
export type PaintedAnnotation = Span & { id: string; color: HighlightColor; kind: 'highlight' | 'figure' }

export type Layer = 'figure-candidate' | 'find-match' | 'find-current' | 'hl-focus' | 'hl-unsaved'

function registry(): HighlightRegistry | null {
  return typeof CSS !== 'undefined' && 'highlights' in CSS ? CSS.highlights : null
}

function rangesOf(model: DomText, spans: Span[]): Range[] {
  const out: Range[] = []
  for (const span of spans) {
    const range = rangeFromOffsets(model, span.start, span.end)
    if (range) out.push(range)
  }
  return out
}

export function paintAnnotations(model: DomText, annotations: PaintedAnnotation[]): void {
  const reg = registry()
  if (!reg) return
  for (const color of HIGHLIGHT_COLORS) {
    const spans = annotations.filter((a) => a.color === color)
    const highlight = new Highlight(...rangesOf(model, spans))
    highlight.priority = 1
    reg.set(`hl-${color}`, highlight)
  }
  const figures = new Highlight(
    ...rangesOf(
      model,
      annotations.filter((a) => a.kind === 'figure'),
    ),
  )
  figures.priority = 2
  reg.set('hl-figure', figures)
}

export function paintLayer(model: DomText | null, layer: Layer, spans: Span[]): void {
  const reg = registry()
  if (!reg) return
  const highlight = new Highlight(...(model ? rangesOf(model, spans) : []))
  highlight.priority = layer === 'find-current' || layer === 'hl-focus' ? 4 : 3
  reg.set(layer, highlight)
}

export function clearPaint(): void {
  registry()?.clear()
}
