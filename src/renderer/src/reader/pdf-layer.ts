// Renderer: a PDF page's text layer. The page's items go through the same rule import used
// (src/shared/pdf-text.ts), and each item becomes one transparent span over the canvas holding exactly its
// characters of the page text, followed by the separator the rule put after it (a space or tab inside the span,
// a <br> for a line break, a new block for a blank line). The text model (src/shared/text-model.ts) then reads the
// pages back as exactly the article's stored text, so selection, highlights, figures and find work as on articles.
import { pageText } from '../../../shared/pdf-text'
import type { PdfTextItem } from '../../../shared/pdf-text'

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
