// Main process: HTML serialisation for the sanitized tree. linkedom leaves "<" and ">" unescaped inside attribute
// values, as the old spec did; escaping them too (as current browsers do) means no stored attribute can ever read
// as markup to a later parser or a naive string check.
import type { DomNode } from './dom'
import { childrenOf, isElement, isText, tagOf } from './dom'

const VOID = new Set(['br', 'hr', 'img'])
// linkedom lists attributes newest first; a fixed order keeps stored HTML stable and readable.
const ORDER = ['href', 'rel', 'src', 'alt', 'title', 'colspan', 'rowspan', 'datetime', 'dir', 'lang']
const TEXT_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '\u00a0': '&nbsp;' }
const ATTR_ESCAPES: Record<string, string> = { ...TEXT_ESCAPES, '"': '&quot;' }

export function serializeChildren(node: DomNode): string {
  let out = ''
  for (const child of childrenOf(node)) {
    if (isText(child)) out += (child.nodeValue ?? '').replace(/[&<>\u00a0]/g, (c) => TEXT_ESCAPES[c])
    if (!isElement(child)) continue
    const tag = tagOf(child)
    const attrs = Array.from(child.attributes)
      .sort((a, b) => ORDER.indexOf(a.name) - ORDER.indexOf(b.name))
      .map((a) => ` ${a.name}="${a.value.replace(/[&<>"\u00a0]/g, (c) => ATTR_ESCAPES[c])}"`)
      .join('')
    out += VOID.has(tag) ? `<${tag}${attrs}>` : `<${tag}${attrs}>${serializeChildren(child)}</${tag}>`
  }
  return out
}
