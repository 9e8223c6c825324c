// Main process: tidy the whitespace of sanitized markup the way a browser would lay it out, so the stored HTML
// reads cleanly and the text model (which keeps inner whitespace as it finds it) reads like the page looks.
import type { DomDocument, DomElement, DomNode } from './dom'
import { childrenOf, isElement, isText, tagOf } from './dom'

// The elements the text model separates with a break (its BLOCKS plus cells, rows and <br>).
const BREAKS = new Set(
  (
    'address article aside blockquote caption dd div dl dt figcaption figure footer h1 h2 h3 h4 h5 h6 header hr ' +
    'li main nav ol p pre section table tbody tfoot thead ul td th tr br'
  ).split(' '),
)
// Breaks that get a newline of their own in the stored HTML.
const LINES = new Set([...BREAKS].filter((t) => t !== 'td' && t !== 'th' && t !== 'br'))
const SPACE_RUN = /[ \t\n\r\f]+/g

export function normalizeWhitespace(root: DomElement, doc: DomDocument): void {
  collapseSpaces(root)
  trimBeforeBreaks(root)
  breakLines(root, doc)
}

/** Outside <pre>: every run of spaces becomes one, and none starts a line. */
function collapseSpaces(root: DomNode): void {
  let spaceBefore = true
  const walk = (node: DomNode) => {
    for (const child of childrenOf(node)) {
      if (isText(child)) {
        let value = (child.nodeValue ?? '').replace(SPACE_RUN, ' ')
        if (spaceBefore && value.startsWith(' ')) value = value.slice(1)
        if (value) {
          child.nodeValue = value
          spaceBefore = value.endsWith(' ')
        } else node.removeChild(child)
      } else if (isElement(child)) {
        const tag = tagOf(child)
        if (tag === 'img') spaceBefore = false
        else if (tag === 'pre') spaceBefore = true
        else {
          if (BREAKS.has(tag)) spaceBefore = true
          walk(child)
          if (BREAKS.has(tag)) spaceBefore = true
        }
      }
    }
  }
  walk(root)
}

/** The mirror image: no line ends in a space. */
function trimBeforeBreaks(root: DomNode): void {
  let breakAfter = true
  const walk = (node: DomNode) => {
    for (const child of childrenOf(node).reverse()) {
      if (isText(child)) {
        const value = breakAfter ? (child.nodeValue ?? '').replace(/ $/, '') : (child.nodeValue ?? '')
        if (value) {
          child.nodeValue = value
          breakAfter = false
        } else node.removeChild(child)
      } else if (isElement(child)) {
        const tag = tagOf(child)
        if (tag === 'img') breakAfter = false
        else if (tag === 'pre') breakAfter = true
        else {
          if (BREAKS.has(tag)) breakAfter = true
          walk(child)
          if (BREAKS.has(tag)) breakAfter = true
        }
      }
    }
  }
  walk(root)
}

/** A newline between neighbouring blocks; the text model skips whitespace at a break, so `text` is unchanged. */
function breakLines(node: DomNode, doc: DomDocument): void {
  let previousIsLine = false
  for (const child of childrenOf(node)) {
    const isLine = isElement(child) && LINES.has(tagOf(child))
    if (isLine && previousIsLine) node.insertBefore(doc.createTextNode('\n'), child)
    previousIsLine = isLine
    if (isElement(child) && tagOf(child) !== 'pre') breakLines(child, doc)
  }
}
