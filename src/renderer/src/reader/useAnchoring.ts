// Renderer: where the article's annotations lie in the text on screen — placed (in text order, with their spans),
// orphans (their quote is nowhere), and on a PDF those placed only approximately, by their page rectangles.
import { useMemo } from 'react'
import type { RefObject } from 'react'
import { anchorAll } from '../../../shared/anchoring'
import { anchorPdf } from '../../../shared/pdf-anchor'
import type { Article } from '../../../shared/types'
import type { LocalAnnotation } from './annotation-sync'
import type { DomText } from './dom-text'
import { modelPageRanges } from './pdf-layer'

export function useAnchoring(
  model: DomText | null,
  article: Article | null,
  items: LocalAnnotation[],
  body: RefObject<HTMLElement | null>,
) {
  // On a PDF, each page's range in the text as the reader reads it: page selectors anchor there first.
  const pdfPages = useMemo(
    () => (model && article?.pdf && body.current ? modelPageRanges(model, body.current) : null),
    [model, article, body],
  )
  const anchored = useMemo(() => {
    if (!model)
      return {
        placed: [],
        orphans: [],
        approximate: [],
        spans: new Map<string, { start: number; end: number }>(),
      }
    const result =
      pdfPages && article?.pdf
        ? anchorPdf(model.text, pdfPages, article.pdf.fingerprint, items)
        : { ...anchorAll(model.text, items), approximate: [] }
    const ordered = items
      .filter((a) => result.placed.has(a.id))
      .sort((a, b) => result.placed.get(a.id)!.start - result.placed.get(b.id)!.start)
    return { placed: ordered, orphans: result.orphans, approximate: result.approximate, spans: result.placed }
  }, [model, items, pdfPages, article])
  const { approximate } = anchored
  const approximateMarks = useMemo(
    () =>
      approximate.map((a) => ({ id: a.id, color: a.color, page: a.pdf!.page, rects: a.pdf!.rects ?? [] })),
    [approximate],
  )
  return { ...anchored, approximateMarks }
}
