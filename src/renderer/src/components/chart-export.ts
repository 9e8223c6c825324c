// Renderer: the chart saved as a file — an SVG that stands alone (colours, background and legend written into
// it) or a PNG drawn from that SVG on a canvas. Saved the way the Export dialog saves: a download, which
// Electron turns into a save dialog. No remote fonts: the SVG names system fonts only.

const SVG_NS = 'http://www.w3.org/2000/svg'

export type LegendEntry = { label: string; colour: string }

function element(name: string, attrs: Record<string, string | number>): SVGElement {
  const el = document.createElementNS(SVG_NS, name)
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v))
  return el
}

/** A copy of the shown chart as standalone SVG text, with the page's colours, a title and a legend. */
export function chartSvg(shown: SVGSVGElement, opts: { title: string; legend: LegendEntry[] }): string {
  const svg = shown.cloneNode(true) as SVGSVGElement
  for (const tip of svg.querySelectorAll('[aria-label="tip"]')) tip.remove()
  const css = getComputedStyle(shown)
  const width = Number(shown.getAttribute('width'))
  const height = Number(shown.getAttribute('height'))
  const [top, rowHeight, perRow] = [28, 18, Math.max(1, Math.floor((width - 24) / 180))]
  const legendHeight = Math.ceil(opts.legend.length / perRow) * rowHeight + 8
  const total = top + height + legendHeight
  svg.setAttribute('xmlns', SVG_NS)
  svg.setAttribute('width', String(width))
  svg.setAttribute('height', String(total))
  svg.setAttribute('viewBox', `0 0 ${width} ${total}`)
  svg.setAttribute('color', css.color)
  svg.removeAttribute('class')
  const body = element('g', { transform: `translate(0,${top})` })
  body.append(...svg.childNodes)
  const title = element('text', { x: 12, y: 19, 'font-size': 14, 'font-weight': 600, 'text-anchor': 'start' })
  title.textContent = opts.title
  const legend = element('g', { transform: `translate(12,${top + height + 8})`, 'font-size': 12 })
  opts.legend.forEach((entry, i) => {
    const [x, y] = [(i % perRow) * 180, Math.floor(i / perRow) * rowHeight]
    legend.append(element('circle', { cx: x + 5, cy: y + 6, r: 5, fill: entry.colour }))
    const label = element('text', { x: x + 15, y: y + 10, 'text-anchor': 'start' })
    label.textContent = entry.label.length > 26 ? `${entry.label.slice(0, 25)}…` : entry.label
    legend.append(label)
  })
  const background = element('rect', { width: '100%', height: '100%', fill: css.backgroundColor })
  svg.append(background, title, body, legend)
  return new XMLSerializer().serializeToString(svg)
}

/** The SVG text drawn on a canvas at twice its size, as PNG bytes. */
export async function chartPng(svgText: string): Promise<Blob> {
  const image = new Image()
  // A data: address: the CSP lets images come from data: and never from blob:.
  image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svgText)}`
  await image.decode()
  const scale = 2
  const canvas = document.createElement('canvas')
  canvas.width = image.naturalWidth * scale
  canvas.height = image.naturalHeight * scale
  const context = canvas.getContext('2d')
  if (!context) throw new Error('This browser cannot draw the chart on a canvas.')
  context.scale(scale, scale)
  context.drawImage(image, 0, 0)
  return new Promise((resolve, reject) =>
    canvas.toBlob(
      (blob) => (blob ? resolve(blob) : reject(new Error('The chart could not be drawn as PNG.'))),
      'image/png',
    ),
  )
}

/** Has the browser download `href` as `name` (a same-origin or blob: address, so the download attribute holds). */
export function downloadFrom(href: string, name: string): void {
  const a = document.createElement('a')
  a.href = href
  a.download = name
  document.body.append(a)
  a.click()
  a.remove()
}

export function saveFile(name: string, blob: Blob): void {
  const url = URL.createObjectURL(blob)
  downloadFrom(url, name)
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}
