// Renderer: the bar above a PDF report's pages — page by page or by number (or the PDF's own page label), zoom,
// the thumbnails, and the PDF's outline.
import type { OutlineEntry } from '../reader/pdf-doc'

type Props = {
  current: number
  pages: number
  pageInput: string
  onPageInput: (value: string) => void
  onGo: (page: number) => void
  /** The page a typed value names: a page label of the PDF's, else a number. */
  pageFromInput: (value: string) => number
  scale: number
  onZoom: (delta: 1 | -1) => void
  thumbs: boolean
  onThumbs: (shown: boolean) => void
  outline: OutlineEntry[]
}

export default function PdfBar(props: Props) {
  const { current, pages, pageInput, onPageInput, onGo, pageFromInput } = props
  const { scale, onZoom, thumbs, onThumbs, outline } = props
  return (
    <div className="pdf-bar" role="toolbar" aria-label="PDF pages">
      <button
        type="button"
        onClick={() => onGo(current - 1)}
        disabled={current <= 1}
        aria-label="Previous page"
      >
        ‹
      </button>
      <label className="pdf-page-field">
        Page{' '}
        <input
          aria-label="Page"
          value={pageInput}
          onChange={(e) => onPageInput(e.target.value)}
          onKeyDown={(e) => {
            e.stopPropagation()
            if (e.key === 'Enter') onGo(pageFromInput(pageInput))
          }}
          size={4}
        />{' '}
        of {pages}
      </label>
      <button
        type="button"
        onClick={() => onGo(current + 1)}
        disabled={current >= pages}
        aria-label="Next page"
      >
        ›
      </button>
      <span className="pdf-bar-gap" />
      <button type="button" onClick={() => onZoom(-1)} aria-label="Zoom out">
        −
      </button>
      <span className="pdf-zoom" aria-live="polite">
        {Math.round(scale * 100)}%
      </span>
      <button type="button" onClick={() => onZoom(1)} aria-label="Zoom in">
        +
      </button>
      {pages > 1 && (
        <button
          type="button"
          className="pdf-thumbs-toggle"
          aria-pressed={thumbs}
          onClick={() => onThumbs(!thumbs)}
        >
          Thumbnails
        </button>
      )}
      {outline.length > 0 && (
        <select
          aria-label="Outline"
          value=""
          onChange={(e) => e.target.value && onGo(Number(e.target.value) + 1)}
        >
          <option value="">Outline…</option>
          {outline.map((o, i) => (
            <option key={i} value={o.page}>
              {`${'  '.repeat(Math.min(o.depth, 4))}${o.title}`}
            </option>
          ))}
        </select>
      )}
    </div>
  )
}
