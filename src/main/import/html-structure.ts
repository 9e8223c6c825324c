// Main process: reshape sanitized markup so a browser parsing the stored HTML builds the very tree we built here.
// Where the HTML parser would reshape it (a <div> inside a <p>, a <tr> outside a table, a link in a link), the
// renderer's text model would disagree with ours and every annotation offset after that point would drift.
import type { DomDocument, DomElement, DomNode } from './dom'
import { all, childrenOf, isText, rename, tagOf, unwrap } from './dom'

// Start tags that make the parser close an open <p> (from the allow-list).
const CLOSES_P =
  'div, p, h1, h2, h3, h4, h5, h6, ul, ol, li, dl, dt, dd, blockquote, pre, table, hr, figure, figcaption'
const HEADINGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6'])
const SECTIONS = new Set(['thead', 'tbody', 'tfoot'])
const PARENTS: Record<string, (parent: string) => boolean> = {
  td: (p) => p === 'tr',
  th: (p) => p === 'tr',
  tr: (p) => p === 'table' || SECTIONS.has(p),
  thead: (p) => p === 'table',
  tbody: (p) => p === 'table',
  tfoot: (p) => p === 'table',
  caption: (p) => p === 'table',
  li: (p) => p === 'ul' || p === 'ol',
  dt: (p) => p === 'dl',
  dd: (p) => p === 'dl',
}

export function repairStructure(root: DomElement, doc: DomDocument): void {
  for (const el of all(root, Object.keys(PARENTS).join(', '))) {
    const parent = el.parentNode
    if (!parent || !PARENTS[tagOf(el)](tagOf(parent))) rename(el, 'div', doc)
  }
  for (const table of all(root, 'table')) fixTable(table, doc)
  for (const link of all(root, 'a a')) unwrap(link)
  for (const heading of all(root, 'h1, h2, h3, h4, h5, h6')) {
    if (heading.parentNode && HEADINGS.has(tagOf(heading.parentNode))) unwrap(heading)
  }
  for (const p of all(root, 'p')) {
    if (p.querySelector(CLOSES_P)) rename(p, 'div', doc)
  }
  for (const pre of all(root, 'pre')) {
    // The parser drops a newline right after <pre>; drop it here too so both sides keep the same text node.
    const first = pre.firstChild
    if (first && isText(first)) first.nodeValue = (first.nodeValue ?? '').replace(/^(\r?\n)+/, '')
  }
}

/** Rows go into a <tbody>, cells into rows; anything else the parser would move ("foster") before the table. */
function fixTable(table: DomElement, doc: DomDocument): void {
  let body: DomElement | null = null
  for (const child of childrenOf(table)) {
    const tag = tagOf(child)
    if (tag === 'tr') {
      if (!body) body = table.insertBefore(doc.createElement('tbody'), child)
      body.appendChild(child)
      fixCells(child as DomElement, table)
    } else if (SECTIONS.has(tag) || tag === 'caption') {
      body = null
      if (tag !== 'caption') fixRows(child as DomElement, table)
    } else if (!isBlank(child)) foster(child, table)
  }
}

function fixRows(section: DomElement, table: DomElement): void {
  for (const child of childrenOf(section)) {
    if (tagOf(child) === 'tr') fixCells(child as DomElement, table)
    else if (!isBlank(child)) foster(child, table)
  }
}

function fixCells(row: DomElement, table: DomElement): void {
  for (const child of childrenOf(row)) {
    const tag = tagOf(child)
    if (tag !== 'td' && tag !== 'th' && !isBlank(child)) foster(child, table)
  }
}

function foster(node: DomNode, table: DomElement): void {
  table.parentNode?.insertBefore(node, table)
}

function isBlank(node: DomNode): boolean {
  return isText(node) && !/[^ \t\n\r\f]/.test(node.nodeValue ?? '')
}
