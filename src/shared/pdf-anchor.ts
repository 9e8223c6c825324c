// Runs everywhere: placing the annotations of a PDF report on its text as the reader reads it now. Each
// annotation is anchored first on its page (the page selector's TextQuote/TextPosition on that page's text, when
// the PDF is the one it was made on: same pdf.js fingerprint), then on the whole text (the article-wide
// selectors), both through src/shared/anchoring (the one matcher). One that anchors on neither but kept the
// rectangles it covered on its page is "approximate": painted from them on that page, and said to be so. The
// rest are orphans, as on articles.
import { anchor, anchorAll } from './anchoring'
import type { Anchor } from './anchoring'
import type { PageRange } from './pdf-text'
import type { PdfSelector, Target } from './types'

type Anchorable = { id: string; target: Target; pdf?: PdfSelector }

export type PdfAnchors<T> = {
  placed: Map<string, Anchor & { on: 'page' | 'text' }>
  /** Not found in the text, painted from their stored rectangles on their page. */
  approximate: T[]
  orphans: T[]
}

/**
 * `pages` are the ranges of each page's text in `text` (as the reader reads them); `fingerprint` is the PDF's
 * now. A page selector made on another file (another fingerprint) is not trusted: its page and rectangles may
 * be somewhere else in this one.
 */
export function anchorPdf<T extends Anchorable>(
  text: string,
  pages: readonly PageRange[],
  fingerprint: string,
  items: readonly T[],
): PdfAnchors<T> {
  const placed = new Map<string, Anchor & { on: 'page' | 'text' }>()
  const rest: T[] = []
  const sameFile = (pdf: PdfSelector) => !pdf.fingerprint || !fingerprint || pdf.fingerprint === fingerprint
  for (const item of items) {
    const pdf = item.pdf
    const range = pdf && sameFile(pdf) ? pages[pdf.page] : undefined
    const found =
      range && range.end > range.start
        ? anchor(text.slice(range.start, range.end), { quote: pdf!.quote, position: pdf!.position })
        : null
    if (found && range)
      placed.set(item.id, {
        ...found,
        start: found.start + range.start,
        end: found.end + range.start,
        on: 'page',
      })
    else rest.push(item)
  }
  const wide = anchorAll(text, rest)
  for (const [id, found] of wide.placed) placed.set(id, { ...found, on: 'text' })
  const approximate: T[] = []
  const orphans: T[] = []
  for (const item of wide.orphans) {
    const pdf = item.pdf
    if (pdf?.rects?.length && sameFile(pdf) && pdf.page < pages.length) approximate.push(item)
    else orphans.push(item)
  }
  return { placed, approximate, orphans }
}
