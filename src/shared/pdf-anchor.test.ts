import { describe as suite, expect, it } from 'vitest'
import { anchorAll, describe } from './anchoring'
import { anchorPdf } from './pdf-anchor'
import { documentText, pdfSelector } from './pdf-text'
import type { PdfSelector, Target } from './types'

const FORM = 'Monthly return. Shelters open: 42. Beds in use: 1,310 of 1,500.'
const FP = 'a'.repeat(32)

/** A report of `pages`, and an annotation on `quote`'s copy on page `page` (its selectors as the reader makes them). */
function report(pages: string[]) {
  const { text, pages: ranges } = documentText(pages)
  const meta = {
    pages: pages.length,
    pageRanges: ranges.map((r) => [r.start, r.end] as [number, number]),
    fingerprint: FP,
  }
  const on = (page: number, quote: string, id: string, rects?: PdfSelector['rects']) => {
    const start = ranges[page].start + pages[page].indexOf(quote)
    const target = describe(text, start, start + quote.length)
    const pdf = pdfSelector(meta, text, target)!
    return { id, target, pdf: rects ? { ...pdf, rects } : pdf }
  }
  return { text, ranges, on }
}

suite('anchorPdf', () => {
  it('places an annotation by its page selector first: the copy on its page, not an identical one elsewhere', () => {
    // Three pages of the same form; the annotation is on page 3's "1,310". Its article-wide selectors were
    // made on an earlier reading where page 1 was shorter, so they point at page 2's identical copy now.
    const r = report([FORM, FORM, FORM])
    const item = r.on(2, '1,310', 'x')
    const stale: Target = describe(
      r.text,
      r.ranges[1].start + FORM.indexOf('1,310'),
      r.ranges[1].start + FORM.indexOf('1,310') + 5,
    )
    const annotation = { ...item, target: stale }
    // The article-wide selectors alone land on page 2.
    const wide = anchorAll(r.text, [annotation]).placed.get('x')!
    expect(wide.start).toBe(r.ranges[1].start + FORM.indexOf('1,310'))
    const { placed, orphans, approximate } = anchorPdf(r.text, r.ranges, FP, [annotation])
    expect(placed.get('x')).toMatchObject({ start: r.ranges[2].start + FORM.indexOf('1,310'), on: 'page' })
    expect(orphans).toEqual([])
    expect(approximate).toEqual([])
  })

  it('re-anchors on the page after the page text changed elsewhere on the page', () => {
    const r = report(['Cover page', 'Beds in use rose to 1,310 in March, the ministry said.'])
    const item = r.on(1, '1,310', 'x')
    // The reader now reads page 2 with a heading before it (a new pdf.js): the page selector still finds it.
    const now = documentText([
      'Cover page',
      'Shelters\n\nBeds in use rose to 1,310 in March, the ministry said.',
    ])
    const { placed } = anchorPdf(now.text, now.pages, FP, [item])
    const at = placed.get('x')!
    expect(now.text.slice(at.start, at.end)).toBe('1,310')
    expect(at.on).toBe('page')
  })

  it('falls back to the article-wide selectors when the page selector does not anchor or is from another file', () => {
    const r = report(['Cover page', 'Beds in use rose to 1,310 in March.'])
    const wrongPage = { ...r.on(1, '1,310', 'a'), pdf: { ...r.on(1, '1,310', 'a').pdf, page: 0 } }
    const otherFile = {
      ...r.on(1, '1,310', 'b'),
      pdf: { ...r.on(1, '1,310', 'b').pdf, fingerprint: 'b'.repeat(32) },
    }
    const noPdf = { id: 'c', target: r.on(1, '1,310', 'c').target }
    const { placed, orphans } = anchorPdf(r.text, r.ranges, FP, [wrongPage, otherFile, noPdf])
    for (const id of ['a', 'b', 'c']) {
      expect(placed.get(id)).toMatchObject({ on: 'text' })
      expect(r.text.slice(placed.get(id)!.start, placed.get(id)!.end)).toBe('1,310')
    }
    expect(orphans).toEqual([])
  })

  it('paints one that anchors on neither from its rectangles (approximate); without them, or from another file, it is an orphan', () => {
    const r = report(['Cover page', 'Beds in use rose to 1,310 in March.'])
    const rects: PdfSelector['rects'] = [[72, 120, 40, 12]]
    const gone = r.on(1, '1,310', 'a', rects)
    const noRects = r.on(1, '1,310', 'b')
    const elsewhere = { ...r.on(1, '1,310', 'c', rects) }
    elsewhere.pdf = { ...elsewhere.pdf, fingerprint: 'c'.repeat(32) }
    // The text no longer has the figure at all (say, a page that became a scan).
    const now = documentText(['Cover page', 'Beds in use rose in March.'])
    const { placed, approximate, orphans } = anchorPdf(now.text, now.pages, FP, [gone, noRects, elsewhere])
    expect(placed.size).toBe(0)
    expect(approximate.map((a) => a.id)).toEqual(['a'])
    expect(orphans.map((a) => a.id)).toEqual(['b', 'c'])
  })
})
