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

const EDGE_CHARS = new Set([' ', '\t', '\r', '\n', '\u00a0'])
const EDGE_SPACE = /^[ \t\r\n\u00a0]+|[ \t\r\n\u00a0]+$/g

export function buildTextModel<N extends TextModelNode>(root: N): TextModel<N> {
  // Pieces joined once at the end: reading back characters of a growing string flattens it every time.
  const pieces: string[] = []
  let length = 0
  const segments: TextSegment<N>[] = []
  let pending = ''

  const request = (sep: string) => {
    if (STRENGTH[sep] > STRENGTH[pending]) pending = sep
  }
  const trimTrailing = () => {
    while (pieces.length) {
      const last = pieces[pieces.length - 1]
      let keep = last.length
      while (keep > 0 && EDGE_CHARS.has(last[keep - 1])) keep--
      if (keep === last.length) return
      length -= last.length - keep
      if (keep === 0) pieces.pop()
      else pieces[pieces.length - 1] = last.slice(0, keep)
      while (segments.length && segments[segments.length - 1].end > length) {
        const seg = segments[segments.length - 1]
        if (seg.start >= length) segments.pop()
        else seg.end = length
      }
      if (keep > 0) return
    }
  }
  const emit = (node: N) => {
    const value = node.nodeValue ?? ''
    let from = 0
    if (length === 0 || pending !== '') {
      while (from < value.length && EDGE_CHARS.has(value[from])) from++
      if (from === value.length) return
      if (length > 0) {
        trimTrailing()
        pieces.push(pending)
        length += pending.length
      }
      pending = ''
    }
    const piece = from ? value.slice(from) : value
    segments.push({ node, nodeStart: from, start: length, end: length + piece.length })
    pieces.push(piece)
    length += piece.length
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
  return { text: pieces.join(''), segments }
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
