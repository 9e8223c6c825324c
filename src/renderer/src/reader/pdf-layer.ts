// Renderer: a PDF page's text layer. The page's items go through the same rule import used
// (src/shared/pdf-text.ts), and each item becomes one transparent span over the canvas holding exactly its
// characters of the page text, followed by the separator the rule put after it (a space or tab inside the span,
// a <br> for a line break, a new block for a blank line). The text model (src/shared/text-model.ts) then reads the
// pages back as exactly the article's stored text, so selection, highlights, figures and find work as on articles.
import { pageText } from '../../../shared/pdf-text'
import type { PageRange, PdfTextItem } from '../../../shared/pdf-text'
import type { DomText } from './dom-text'

/** What the layer needs of pdf.js: the page's viewport transform at scale 1 and its text items with styles. */
export type LayerInput = {
  /** viewport.transform at scale 1 (PDF units → CSS pixels, y down). */
  transform: number[]
  items: (PdfTextItem & { fontName?: string })[]
  styles: Record<string, { fontFamily?: string; ascent?: number } | undefined>
}

function multiply(m: number[], n: readonly number[]): number[] {
  return [
    m[0] * n[0] + m[2] * n[1],
    m[1] * n[0] + m[3] * n[1],
    m[0] * n[2] + m[2] * n[3],
    m[1] * n[2] + m[3] * n[3],
    m[0] * n[4] + m[2] * n[5] + m[4],
    m[1] * n[4] + m[3] * n[5] + m[5],
  ]
}

let measurer: CanvasRenderingContext2D | null | undefined
function measure(text: string, font: string): number {
  measurer ??= document.createElement('canvas').getContext('2d')
  if (!measurer) return 0
  measurer.font = font
  return measurer.measureText(text).width
}

const px = (n: number) => `calc(var(--pdf-scale) * ${n.toFixed(2)}px)`

/** Builds the layer's nodes into `layer` (emptied first); returns the page's text. */
export function buildTextLayer(layer: HTMLElement, input: LayerInput): string {
  const { text, items: spans } = pageText(input.items)
  layer.replaceChildren()
  let block = document.createElement('div')
  block.className = 'pdf-block'
  layer.append(block)
  const order = spans
    .map((span, index) => ({ span, index }))
    .filter((x): x is { span: { start: number; end: number }; index: number } => !!x.span)
  order.forEach(({ span, index }, k) => {
    const item = input.items[index]
    const next = order[k + 1]?.span.start ?? text.length
    const sep = text.slice(span.end, next)
    const own = text.slice(span.start, span.end)
    const el = document.createElement('span')
    el.textContent = sep === ' ' || sep === '\t' ? own + sep : own
    const tx = multiply(input.transform, item.transform)
    const fontHeight = Math.hypot(tx[2], tx[3]) || 1
    const style = item.fontName ? input.styles[item.fontName] : undefined
    const family = style?.fontFamily || 'sans-serif'
    const ascent = style?.ascent && style.ascent > 0 && style.ascent < 1.5 ? style.ascent : 0.8
    const angle = Math.atan2(tx[1], tx[0])
    el.style.left = px(tx[4])
    el.style.top = px(tx[5] - fontHeight * ascent)
    el.style.fontSize = px(fontHeight)
    el.style.fontFamily = family
    const natural = measure(own, `${fontHeight}px ${family}`)
    const width = item.width * Math.hypot(input.transform[0], input.transform[1])
    const scaleX = natural > 0 && width > 0 ? width / natural : 1
    el.style.transform = `${angle ? `rotate(${angle}rad) ` : ''}scaleX(${scaleX.toFixed(4)})`
    block.append(el)
    if (sep === '\n') block.append(document.createElement('br'))
    else if (sep === '\n\n') {
      block = document.createElement('div')
      block.className = 'pdf-block'
      layer.append(block)
    }
  })
  return text
}

/**
 * The rectangles a range covers on one PDF page, in the page's units at scale 1 (origin top left), merged per
 * line: stored with an annotation as a fallback for painting it where its text cannot be anchored.
 */
export function pageRects(range: Range, pageIndex: number): [number, number, number, number][] {
  const section = document.querySelector<HTMLElement>(`section.pdf-page[data-page="${pageIndex + 1}"]`)
  const pages = section?.parentElement
  if (!section || !pages) return []
  const scale = Number.parseFloat(getComputedStyle(pages).getPropertyValue('--pdf-scale')) || 1
  const box = section.getBoundingClientRect()
  const out: [number, number, number, number][] = []
  for (const r of range.getClientRects()) {
    if (r.width < 0.5 || r.height < 0.5) continue
    if (r.bottom < box.top || r.top > box.bottom) continue
    const rect: [number, number, number, number] = [
      (r.left - box.left) / scale,
      (r.top - box.top) / scale,
      r.width / scale,
      r.height / scale,
    ].map((n) => Math.round(n * 100) / 100) as [number, number, number, number]
    const last = out[out.length - 1]
    // Pieces of one line (one span per text item) become one rectangle.
    if (last && Math.abs(last[1] - rect[1]) < 2 && rect[0] <= last[0] + last[2] + 8) {
      const right = Math.max(last[0] + last[2], rect[0] + rect[2])
      last[2] = Math.round((right - last[0]) * 100) / 100
      last[3] = Math.max(last[3], rect[3])
    } else out.push(rect)
    if (out.length >= 200) break
  }
  return out
}

/**
 * Each page's range in the reader's text, as the text model read the pages (one section each): what the page
 * selectors anchor on. A page with no text gets an empty range where it falls.
 */
export function modelPageRanges(model: DomText, container: HTMLElement): PageRange[] {
  const sections = [...container.querySelectorAll<HTMLElement>('section.pdf-page')]
  const index = new Map<Element, number>(sections.map((s, i) => [s, i]))
  const ranges = sections.map(() => ({ start: -1, end: -1 }))
  for (const seg of model.segments) {
    const section = seg.node.parentElement?.closest('section.pdf-page')
    const i = section ? index.get(section) : undefined
    if (i === undefined) continue
    if (ranges[i].start < 0) ranges[i].start = seg.start
    ranges[i].end = seg.end
  }
  let last = 0
  for (const r of ranges) {
    if (r.start < 0) r.start = r.end = last
    else last = r.end
  }
  return ranges
}

/** An annotation painted from its stored rectangles on its page (it did not anchor on the text). */
export type ApproximateMark = {
  id: string
  color: string
  page: number
  rects: [number, number, number, number][]
}

/** Paints the approximate marks over their pages (replacing the ones painted before); clicking one focuses it. */
export function paintApproximate(
  container: HTMLElement,
  marks: readonly ApproximateMark[],
  onFocus: (id: string) => void,
) {
  container.querySelectorAll('.pdf-approx').forEach((el) => el.remove())
  for (const mark of marks) {
    const section = container.querySelector<HTMLElement>(`section.pdf-page[data-page="${mark.page + 1}"]`)
    if (!section) continue
    for (const [x, y, w, h] of mark.rects) {
      const el = document.createElement('div')
      el.className = `pdf-approx approx-${mark.color}`
      el.dataset.annotation = mark.id
      el.title = 'Approximate: painted where this highlight was; its text was not found on the page'
      el.style.left = px(x)
      el.style.top = px(y)
      el.style.width = px(w)
      el.style.height = px(h)
      el.addEventListener('click', () => onFocus(mark.id))
      section.append(el)
    }
  }
}
