// Renderer: the annotations a selection in the reader becomes — one, or on a PDF report a selection across pages
// one per page, linked by a group and each with its page's rectangles.
import { describe } from '../../../shared/anchoring'
import { splitByPage } from '../../../shared/pdf-text'
import type { Article, HighlightColor } from '../../../shared/types'
import type { AnnotationSync } from './annotation-sync'
import { rangeFromOffsets } from './dom-text'
import type { DomText } from './dom-text'
import { pageRects } from './pdf-layer'

/** Creates the selection's annotations through `sync`; returns their ids, in text order. */
export function createFromSelection(
  sync: AnnotationSync,
  model: DomText,
  article: Article | null,
  selection: { start: number; end: number },
  color: HighlightColor,
): string[] {
  const ranges = article?.pdf?.pageRanges?.map(([start, end]) => ({ start, end }))
  const parts = ranges ? splitByPage(ranges, selection.start, selection.end) : []
  const spans: { start: number; end: number; page?: number }[] = parts.length > 1 ? parts : [selection]
  const group = spans.length > 1 ? `pages-${Date.now().toString(36)}-${spans[0].start}` : undefined
  return spans.map((span) => {
    const range = ranges ? rangeFromOffsets(model, span.start, span.end) : null
    const page = parts.length > 1 ? span.page : undefined
    const index = page ?? (ranges ? splitByPage(ranges, span.start, span.end)[0]?.page : undefined)
    const rects = range && index !== undefined ? pageRects(range, index) : undefined
    return sync.create(
      { target: describe(model.text, span.start, span.end), color },
      ranges ? { group, rects } : undefined,
    )
  })
}
