// Renderer: a PDF report's pages, drawn by pdf.js on canvases (only the pages near the view), each under a text
// layer built from the same page text rule import used (reader/pdf-layer.ts), so the reader's text model reads
// the pages back as the article's stored text and highlights, figures and find work as on articles. pdf.js runs
// with eval off, no scripting, no XFA, no installed fonts and bounded images (shared/pdf-limits.ts); its worker code runs in a Web Worker from the
// bundled pdf.worker file (the CSP's worker-src 'self': no blob:, no eval), so parsing a long report does not
// block the window. Zoom, page navigation and the PDF's outline are in the bar above the pages. An encrypted PDF asks
// for its password here; it is kept in this window's memory for the session (never stored, never sent to main).
import { memo, useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react'
import { MAX_PDF_PAGES } from '../../../shared/assets'
import { PDF_SAFE_OPTIONS, findOversizeImages, oversizeNote } from '../../../shared/pdf-limits'
import type { Article } from '../../../shared/types'
import { api } from '../api'
import { readDomText } from '../reader/dom-text'
import type { DomText } from '../reader/dom-text'
import { buildTextLayer, paintApproximate } from '../reader/pdf-layer'
import type { ApproximateMark, LayerInput } from '../reader/pdf-layer'
import { fromBase64, loadPdfJs, outlineOf } from '../reader/pdf-doc'
import type { OutlineEntry, PdfDocument } from '../reader/pdf-doc'
import ArticleBody from './ArticleBody'
import PdfBar from './PdfBar'
import PdfPassword from './PdfPassword'
import type { PasswordAsk } from './PdfPassword'
import PdfThumbnails, { THUMB_WIDTH } from './PdfThumbnails'
import './pdf-body.css'

type Props = {
  article: Article
  onModel: (model: DomText, container: HTMLElement) => void
  /** Annotations that did not anchor, painted from their stored rectangles on their pages. */
  approximate?: readonly ApproximateMark[]
  onFocusAnnotation?: (id: string) => void
}

/** Encrypted PDFs' passwords that opened them, by article id: this window's memory only, for the session. */
const passwords = new Map<string, string>()
/** pdf.js's reasons for asking: no password yet, or the one given was wrong. */
const INCORRECT_PASSWORD = 2

const ZOOMS = [0.5, 0.75, 0.9, 1, 1.1, 1.25, 1.5, 2, 3]
/** The thumbnails' column beside the pages: the thumbnail, its padding and the gap. */
const THUMBS_SPACE = THUMB_WIDTH + 40
/** Whether the thumbnails are shown: the reader's last choice in this window, else by the column's width. */
let thumbsChoice: boolean | undefined
const thumbsByWidth = (column: number) => column >= 760

const NONE: readonly ApproximateMark[] = []

function PdfBody({ article, onModel, approximate = NONE, onFocusAnnotation }: Props) {
  const pagesRef = useRef<HTMLDivElement>(null)
  const [doc, setDoc] = useState<PdfDocument | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [scale, setScale] = useState(1)
  const [current, setCurrent] = useState(1)
  const [pageInput, setPageInput] = useState('1')
  const [outline, setOutline] = useState<OutlineEntry[]>([])
  const [ask, setAsk] = useState<PasswordAsk | null>(null)
  const [password, setPassword] = useState('')
  const [locked, setLocked] = useState(false)
  const [thumbs, setThumbs] = useState(thumbsChoice ?? false)
  const [aspect, setAspect] = useState(0.7)
  // The document as soon as it is open (the thumbnails need no text layers); `doc` waits for every page's layer.
  const [opening, setOpening] = useState<PdfDocument | null>(null)
  const sizes = useRef<{ width: number; height: number }[]>([])
  const rendered = useRef(new Map<number, number>())
  const [oversize, setOversize] = useState(0)
  const scaleRef = useRef(scale)
  scaleRef.current = scale

  // Load the file and build every page's box and text layer; the canvases are drawn as they come into view.
  useEffect(() => {
    let live = true
    let opened: PdfDocument | null = null
    void (async () => {
      try {
        const [{ base64 }, { pdfjs, worker }] = await Promise.all([
          api['articles.pdf']({ id: article.id }),
          loadPdfJs(),
        ])
        const data = fromBase64(base64)
        // Images declared larger than pdf.js draws (pdf-limits.ts), which it leaves out in silence: said above
        // the pages, and on each page found to draw one.
        const oversize = findOversizeImages(data)
        const task = pdfjs.getDocument({ worker, data, ...PDF_SAFE_OPTIONS })
        // Asked for a password: the one that opened it this session, else the reader's.
        let tried: string | undefined
        task.onPassword = (update: (answer: string | Error) => void, reason: number) => {
          const known = passwords.get(article.id)
          if (reason !== INCORRECT_PASSWORD && known) {
            tried = known
            return update(known)
          }
          if (reason === INCORRECT_PASSWORD) passwords.delete(article.id)
          if (!live) return update(new Error('closed'))
          setPassword('')
          setAsk({
            wrong: reason === INCORRECT_PASSWORD,
            answer: (typed) => {
              setAsk(null)
              if (typed === null) {
                setLocked(true)
                return update(new Error('no password'))
              }
              tried = typed
              update(typed)
            },
          })
        }
        opened = await task.promise
        if (tried) passwords.set(article.id, tried)
        if (!live) return void opened.destroy()
        setOversize(oversize.count)
        // Import refuses such a PDF; one that came another way (a backup, a team member, a copied archive) is
        // not laid out page by page for hours.
        if (opened.numPages > MAX_PDF_PAGES)
          throw new Error(
            `it has ${opened.numPages.toLocaleString('en')} pages, and Glossa shows PDFs of up to ${MAX_PDF_PAGES.toLocaleString('en')} (the most import takes).`,
          )
        const container = pagesRef.current
        if (!container) return
        container.replaceChildren()
        sizes.current = []
        rendered.current.clear()
        const first = await opened.getPage(1)
        const vp0 = first.getViewport({ scale: 1 })
        // Fit the page to the reading column: the largest zoom step whose page fits (at most 150%).
        const column = container.closest('.reader-scroll')?.clientWidth ?? 800
        const showThumbs = opened.numPages > 1 && (thumbsChoice ?? thumbsByWidth(column))
        setThumbs(showThumbs)
        setAspect(vp0.width / vp0.height)
        setOpening(opened)
        const fit = Math.min(1.5, (column - 48 - (showThumbs ? THUMBS_SPACE : 0)) / vp0.width)
        const fitted = ZOOMS.filter((z) => z <= fit).pop() ?? ZOOMS[0]
        setScale(fitted)
        container.style.setProperty('--pdf-scale', String(fitted))
        for (let i = 1; i <= opened.numPages; i++) {
          const page = i === 1 ? first : await opened.getPage(i)
          const vp = page.getViewport({ scale: 1 })
          sizes.current.push({ width: vp.width, height: vp.height })
          const section = document.createElement('section')
          section.className = 'pdf-page'
          section.dataset.page = String(i)
          section.setAttribute('aria-label', `Page ${article.pdf?.labels?.[i - 1] ?? i}`)
          section.style.width = `calc(var(--pdf-scale) * ${vp.width}px)`
          section.style.height = `calc(var(--pdf-scale) * ${vp.height}px)`
          const canvas = document.createElement('canvas')
          canvas.className = 'pdf-canvas'
          const layer = document.createElement('div')
          layer.className = 'pdf-text-layer'
          const content = await page.getTextContent()
          buildTextLayer(layer, {
            transform: vp.transform,
            items: content.items.filter((it) => 'str' in it) as LayerInput['items'],
            styles: content.styles,
          })
          // The note is drawn by CSS over the page (pdf-body.css), outside the text layer the text model reads.
          if (page.ref && oversize.pages.includes(page.ref.num)) {
            section.dataset.refused = oversizeNote()
            section.setAttribute('aria-description', oversizeNote())
          }
          section.append(canvas, layer)
          container.append(section)
          if (!live) return
          if (i === 1) {
            // The first page is drawn at once, before the other pages' text layers are built.
            rendered.current.set(1, fitted)
            const ratio = window.devicePixelRatio || 1
            const vpDraw = page.getViewport({ scale: fitted * ratio })
            canvas.width = Math.floor(vpDraw.width)
            canvas.height = Math.floor(vpDraw.height)
            await page.render({ canvas, viewport: vpDraw }).promise.catch(() => rendered.current.delete(1))
          }
        }
        setDoc(opened)
        void outlineOf(opened).then((o) => live && setOutline(o))
        onModel(readDomText(container), container)
      } catch (err) {
        if (live && !(err instanceof Error && /no password/.test(err.message)))
          setError(err instanceof Error ? err.message : String(err))
      }
    })()
    return () => {
      live = false
      setAsk(null)
      setLocked(false)
      setOpening(null)
      setOversize(0)
      void opened?.destroy()
    }
  }, [article, onModel])

  const draw = useCallback(
    async (index: number) => {
      const container = pagesRef.current
      const section = container?.querySelector<HTMLElement>(`section[data-page="${index}"]`)
      const canvas = section?.querySelector('canvas')
      if (!doc || !canvas) return
      const s = scaleRef.current
      if (rendered.current.get(index) === s) return
      rendered.current.set(index, s)
      const page = await doc.getPage(index)
      const ratio = window.devicePixelRatio || 1
      const vp = page.getViewport({ scale: s * ratio })
      canvas.width = Math.floor(vp.width)
      canvas.height = Math.floor(vp.height)
      try {
        await page.render({ canvas, viewport: vp }).promise
      } catch {
        rendered.current.delete(index)
      }
    },
    [doc],
  )

  // Draw the pages near the view; note which page is at the top.
  useEffect(() => {
    const container = pagesRef.current
    if (!doc || !container) return
    const observer = new IntersectionObserver(
      (entries) => {
        for (const entry of entries) {
          const index = Number((entry.target as HTMLElement).dataset.page)
          if (entry.isIntersecting) void draw(index)
        }
        // The current page: the first whose bottom is below the top of the view (not one drawn ahead of it).
        const viewTop = container.closest('.reader-scroll')?.getBoundingClientRect().top ?? 0
        const shown = entries
          .filter((e) => e.isIntersecting && e.boundingClientRect.bottom > viewTop + 40)
          .map((e) => Number((e.target as HTMLElement).dataset.page))
        if (shown.length) {
          const index = Math.min(...shown)
          setCurrent(index)
          setPageInput(article.pdf?.labels?.[index - 1] ?? String(index))
        }
      },
      { rootMargin: '400px 0px' },
    )
    container.querySelectorAll('section.pdf-page').forEach((s) => observer.observe(s))
    return () => observer.disconnect()
  }, [doc, draw, article])

  useEffect(() => {
    const container = pagesRef.current
    if (doc && container) paintApproximate(container, approximate, (id) => onFocusAnnotation?.(id))
  }, [doc, approximate, onFocusAnnotation])

  // A new zoom: redraw the pages in view.
  useLayoutEffect(() => {
    const container = pagesRef.current
    if (!container) return
    container.style.setProperty('--pdf-scale', String(scale))
    if (!doc) return
    const view = container.closest('.reader-scroll')?.getBoundingClientRect()
    container.querySelectorAll<HTMLElement>('section.pdf-page').forEach((s) => {
      const r = s.getBoundingClientRect()
      if (!view || (r.bottom > view.top - 400 && r.top < view.bottom + 400)) void draw(Number(s.dataset.page))
    })
  }, [scale, doc, draw])

  const goTo = (index: number) => {
    const n = opening?.numPages ?? 1
    const target = Math.min(n, Math.max(1, index))
    pagesRef.current?.querySelector(`section[data-page="${target}"]`)?.scrollIntoView({ block: 'start' })
    setCurrent(target)
    setPageInput(article.pdf?.labels?.[target - 1] ?? String(target))
  }
  const pageFromInput = (value: string) => {
    const labels = article.pdf?.labels
    const byLabel = labels ? labels.indexOf(value.trim()) : -1
    return byLabel >= 0 ? byLabel + 1 : Number.parseInt(value, 10)
  }
  const zoom = (delta: 1 | -1) => {
    const at = ZOOMS.findIndex((z) => z >= scale - 1e-6)
    const next = ZOOMS[Math.min(ZOOMS.length - 1, Math.max(0, (at < 0 ? ZOOMS.length - 1 : at) + delta))]
    setScale(next)
  }

  const pages = doc?.numPages ?? article.pdf?.pages ?? 0
  // Its text shown instead: no page bar and no note about pages there is nothing to turn to.
  const asText = Boolean(error || locked)
  return (
    <div className="pdf-body">
      {!asText && (
        <PdfBar
          current={current}
          pages={pages}
          pageInput={pageInput}
          onPageInput={setPageInput}
          onGo={goTo}
          pageFromInput={pageFromInput}
          scale={scale}
          onZoom={zoom}
          thumbs={thumbs}
          onThumbs={(shown) => {
            thumbsChoice = shown
            setThumbs(shown)
          }}
          outline={outline}
        />
      )}
      {!asText && article.pdf?.scanned && (
        <p className="pdf-note" role="note">
          This PDF is a scan: its pages are pictures with no text layer, so they cannot be highlighted or
          searched yet.
        </p>
      )}
      {!asText && oversize > 0 && (
        <p className="pdf-note" role="note">
          This PDF has {oversize === 1 ? 'an image' : `${oversize.toLocaleString('en')} images`} larger than
          Glossa draws; {oversize === 1 ? 'it is' : 'they are'} left out, and each page found to draw one says
          so.
        </p>
      )}
      {ask && <PdfPassword ask={ask} password={password} onPassword={setPassword} />}
      {error && (
        <p className="error" role="alert">
          The PDF could not be shown: {error} Its text is shown instead.
        </p>
      )}
      {locked && (
        <p className="pdf-note" role="note">
          This PDF is protected by a password, so its text is shown instead of its pages.
        </p>
      )}
      {asText ? (
        <ArticleBody article={article} onModel={onModel} />
      ) : (
        <div className="pdf-layout">
          {thumbs && opening && (
            <PdfThumbnails
              doc={opening}
              current={current}
              labels={article.pdf?.labels}
              aspect={aspect}
              onGo={goTo}
            />
          )}
          <div ref={pagesRef} className="pdf-pages" data-testid="article-body" />
        </div>
      )}
    </div>
  )
}

export default memo(PdfBody)
