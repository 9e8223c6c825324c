// Runs everywhere: the one rule that turns an article's HTML into the plain text annotations are anchored on.
// Main applies it to linkedom's DOM when an article is imported; the renderer applies it to the live DOM to map
// text offsets to DOM ranges. Both see the same nodes, so offsets agree by construction.

/** The part of a DOM node this rule reads; both the browser DOM and linkedom satisfy it. */
export type TextModelNode = {
  nodeType: number
  nodeName: string
  nodeValue: string | null
  childNodes: ArrayLike<TextModelNode>
}

/** One text node's contribution: `node.nodeValue.slice(nodeStart, nodeStart + (end - start))` is `text.slice(start, end)`. */
export type TextSegment<N extends TextModelNode = TextModelNode> = {
  node: N
  nodeStart: number
  start: number
  end: number
}

export type TextModel<N extends TextModelNode = TextModelNode> = { text: string; segments: TextSegment<N>[] }

const TEXT_NODE = 3
const ELEMENT_NODE = 1

// Separator strength: a paragraph break outranks a line break, which outranks a cell break.
const PARAGRAPH = '\n\n'
const LINE = '\n'
const CELL = '\t'
const STRENGTH: Record<string, number> = { '': 0, [CELL]: 1, [LINE]: 2, [PARAGRAPH]: 3 }

const BLOCKS = new Set(
  'ADDRESS ARTICLE ASIDE BLOCKQUOTE CAPTION DD DIV DL DT FIGCAPTION FIGURE FOOTER H1 H2 H3 H4 H5 H6 HEADER HR LI MAIN NAV OL P PRE SECTION TABLE TBODY TFOOT THEAD UL'.split(
    ' ',
  ),
)
const SKIPPED = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT', 'HEAD', 'TITLE'])

function separatorFor(name: string): string {
  if (name === 'TD' || name === 'TH') return CELL
  if (name === 'TR' || name === 'BR') return LINE
  return BLOCKS.has(name) ? PARAGRAPH : ''
}

const TRAILING_SPACE = /[ \t\r\n\u00a0]+$/
const EDGE_SPACE = /^[ \t\r\n\u00a0]+|[ \t\r\n\u00a0]+$/g

export function buildTextModel<N extends TextModelNode>(root: N): TextModel<N> {
  let text = ''
  const segments: TextSegment<N>[] = []
  let pending = ''

  const request = (sep: string) => {
    if (STRENGTH[sep] > STRENGTH[pending]) pending = sep
  }
  const trimTrailing = () => {
    const match = TRAILING_SPACE.exec(text)
    if (!match) return
    const cut = text.length - match[0].length
    text = text.slice(0, cut)
    while (segments.length && segments[segments.length - 1].end > cut) {
      const last = segments[segments.length - 1]
      if (last.start >= cut) segments.pop()
      else last.end = cut
    }
  }
  const emit = (node: N) => {
    const value = node.nodeValue ?? ''
    let from = 0
    const atBoundary = text === '' || pending !== ''
    if (atBoundary) {
      from = value.length - value.replace(/^[ \t\r\n\u00a0]+/, '').length
      if (from === value.length) return
      if (text !== '') {
        trimTrailing()
        text += pending
      }
      pending = ''
    }
    const piece = value.slice(from)
    segments.push({ node, nodeStart: from, start: text.length, end: text.length + piece.length })
    text += piece
  }
  const walk = (node: N) => {
    if (node.nodeType === TEXT_NODE) return emit(node)
    if (node.nodeType !== ELEMENT_NODE && node.nodeType !== 9 && node.nodeType !== 11) return
    const name = node.nodeName.toUpperCase()
    if (SKIPPED.has(name)) return
    const sep = separatorFor(name)
    if (sep) request(sep)
    const children = node.childNodes
    for (let i = 0; i < children.length; i++) walk(children[i] as N)
    if (sep) request(sep)
  }
  walk(root)
  trimTrailing()
  return { text, segments }
}

/** Plain text to the HTML the reader shows for it: one paragraph per blank-line block. */
export function textToHtml(text: string): string {
  return text
    .split(/\n{2,}/)
    .map((para) => `<p>${escapeHtml(para).replace(/\n/g, '<br>')}</p>`)
    .join('\n')
}

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)
}

/** Plain text as the text model would read it back from `textToHtml`: what a text article stores. */
export function normalizePlainText(raw: string): string {
  return raw
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t]*\n\s*/)
    .map((para) =>
      para
        .replace(/[ \t]+\n/g, '\n')
        .replace(/\n[ \t]+/g, '\n')
        .replace(EDGE_SPACE, ''),
    )
    .filter((para) => para !== '')
    .join('\n\n')
}
