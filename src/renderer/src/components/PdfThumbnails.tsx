// Renderer: a PDF report's page thumbnails, beside its pages. The list is virtualised (only the thumbnails in view,
// and a few around them, are in the DOM, so a 500-page report has a dozen), and each is drawn by pdf.js when it
// first comes into the list, then kept (one small canvas per page drawn so far). Choosing one goes to its page; the
// page in view is marked.
import { useVirtualizer } from '@tanstack/react-virtual'
import { memo, useEffect, useLayoutEffect, useRef } from 'react'
import type * as PdfJsModule from 'pdfjs-dist'

type PdfDocument = Awaited<ReturnType<(typeof PdfJsModule)['getDocument']>['promise']>

type Props = {
  doc: PdfDocument
  /** The page in view (1-based). */
  current: number
  labels?: string[]
  /** Width over height of the first page: every thumbnail's box has this shape. */
  aspect: number
  onGo: (page: number) => void
}

/** A thumbnail's width in CSS pixels; its height follows the first page's shape. */
export const THUMB_WIDTH = 96
const LABEL_HEIGHT = 18
const GAP = 10

function PdfThumbnails({ doc, current, labels, aspect, onGo }: Props) {
  const scrollRef = useRef<HTMLDivElement>(null)
  const drawn = useRef(new Map<number, HTMLCanvasElement>())
  const boxHeight = Math.round(THUMB_WIDTH / (aspect > 0 ? aspect : 0.7))
  const virtualizer = useVirtualizer({
    count: doc.numPages,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => boxHeight + LABEL_HEIGHT + GAP,
    overscan: 4,
  })

  // The page in view stays in view in the list.
  useLayoutEffect(() => {
    virtualizer.scrollToIndex(current - 1, { align: 'center' })
  }, [current, virtualizer])

  // A new document: the canvases drawn for the last one are let go.
  useEffect(() => {
    const cache = drawn.current
    return () => cache.clear()
  }, [doc])

  const items = virtualizer.getVirtualItems()
  return (
    <nav className="pdf-thumbs" aria-label="Page thumbnails" ref={scrollRef}>
      <ol style={{ height: virtualizer.getTotalSize() }}>
        {items.map((item) => {
          const page = item.index + 1
          const label = labels?.[item.index] ?? String(page)
          return (
            <li key={item.key} style={{ transform: `translateY(${item.start}px)` }}>
              <button
                type="button"
                className={page === current ? 'pdf-thumb current' : 'pdf-thumb'}
                aria-label={`Page ${label}`}
                aria-current={page === current ? 'page' : undefined}
                onClick={() => onGo(page)}
              >
                <Thumb doc={doc} page={page} height={boxHeight} drawn={drawn.current} />
                <span className="pdf-thumb-label">{label}</span>
              </button>
            </li>
          )
        })}
      </ol>
    </nav>
  )
}

/** One thumbnail's box, holding its page's canvas once drawn. */
function Thumb({
  doc,
  page,
  height,
  drawn,
}: {
  doc: PdfDocument
  page: number
  height: number
  drawn: Map<number, HTMLCanvasElement>
}) {
  const box = useRef<HTMLSpanElement>(null)
  useEffect(() => {
    const el = box.current
    if (!el) return
    let live = true
    const kept = drawn.get(page)
    if (kept) {
      el.replaceChildren(kept)
      return
    }
    void (async () => {
      try {
        const p = await doc.getPage(page)
        if (!live) return
        const base = p.getViewport({ scale: 1 })
        const ratio = window.devicePixelRatio || 1
        const fit = Math.min(THUMB_WIDTH / base.width, height / base.height)
        const vp = p.getViewport({ scale: fit * ratio })
        const canvas = document.createElement('canvas')
        canvas.width = Math.floor(vp.width)
        canvas.height = Math.floor(vp.height)
        canvas.style.width = `${Math.floor(vp.width / ratio)}px`
        canvas.style.height = `${Math.floor(vp.height / ratio)}px`
        await p.render({ canvas, viewport: vp }).promise
        drawn.set(page, canvas)
        if (live) el.replaceChildren(canvas)
      } catch {
        // A page pdf.js cannot draw keeps its empty box.
      }
    })()
    return () => {
      live = false
    }
  }, [doc, page, height, drawn])
  return <span ref={box} className="pdf-thumb-box" style={{ height }} data-page={page} />
}

export default memo(PdfThumbnails)
