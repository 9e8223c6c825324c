// Main process: parse a page into a document that really has <html>, <head> and <body>. Browsers infer missing
// ones; linkedom does not, and then `document.body` is empty while the text sits beside it.
import { escapeHtml } from '../../shared/text-model'
import type { DomDocument, DomElement, DomNode } from './dom'
import { childrenOf, isElement, isText, loadDom, tagOf, unwrap } from './dom'
import { ImportError, quoteName } from './errors'
import { MAX_NESTING, MAX_PARTS, limitNesting } from './nesting'

const HEAD_TAGS = new Set(['title', 'meta', 'link', 'base', 'style', 'script', 'noscript', 'template'])
const KEPT_ROOT_ATTRS = ['lang', 'dir', 'xml:lang']

const RAW_TEXT = new Set('script style template noscript textarea title xmp iframe noembed'.split(' '))

/** Parses a page, refusing one too big to parse in reasonable time and memory; `name` names it in errors. */
export function loadHtml(html: string, opts: { name?: string } = {}): DomDocument {
  // Hostile or broken pages nest thousands deep: parsing them, and Readability, would take minutes.
  const limited = limitNesting(html)
  if (limited.parts > MAX_PARTS) {
    throw new ImportError(
      'too_complex',
      `${quoteName(opts.name, 'The page')} is too complex to import: it has ${limited.parts.toLocaleString('en')} tags, attributes and comments, and Glossa reads at most ${MAX_PARTS.toLocaleString('en')} in one page. Save only the article and import that.`,
    )
  }
  const loaded = loadDom(limited.html)
  const doc = hasSkeleton(loaded) ? loaded : rebuild(loaded)
  flattenDeepNesting(doc)
  return doc
}

/** Unwraps every element nested deeper than MAX_NESTING, keeping its text (but never a script's): the few
 * levels rebuild() adds, and anything limitNesting read differently from the parser. */
function flattenDeepNesting(doc: DomDocument): void {
  const deep: DomElement[] = []
  const stack: [DomNode, number][] = [[doc, 0]]
  for (let item = stack.pop(); item; item = stack.pop()) {
    const [node, depth] = item
    if (isElement(node) && depth > MAX_NESTING) deep.push(node)
    for (const child of childrenOf(node)) if (isElement(child)) stack.push([child, depth + 1])
  }
  for (const el of deep) {
    if (RAW_TEXT.has(tagOf(el))) el.parentNode?.removeChild(el)
    else unwrap(el)
  }
}

function hasSkeleton(doc: DomDocument): boolean {
  const root = doc.documentElement
  if (!root || tagOf(root) !== 'html') return false
  const parts = childrenOf(root).filter((n) => isElement(n) || !isBlank(n))
  return parts.length === 2 && tagOf(parts[0]) === 'head' && tagOf(parts[1]) === 'body'
}

/** Sorts every top-level node into head or body the way a browser would, then parses the result again. */
function rebuild(doc: DomDocument): DomDocument {
  const head: string[] = []
  const body: string[] = []
  let inBody = false
  let rootAttrs = ''
  let bodyAttrs = ''
  const visit = (node: DomNode) => {
    const tag = tagOf(node)
    if (tag === 'html' || tag === 'head' || tag === 'body') {
      if (tag === 'html') rootAttrs = attrsOf(node as DomElement)
      if (tag === 'body') bodyAttrs = attrsOf(node as DomElement)
      if (tag === 'body') inBody = true
      childrenOf(node).forEach(visit)
      return
    }
    if (isElement(node) && !inBody && HEAD_TAGS.has(tag)) return void head.push(node.outerHTML)
    if (isText(node)) {
      if (!isBlank(node) || inBody) body.push(escapeHtml(node.nodeValue ?? ''))
      if (!isBlank(node)) inBody = true
      return
    }
    if (isElement(node)) {
      inBody = true
      body.push(node.outerHTML)
    }
  }
  childrenOf(doc).forEach(visit)
  return loadDom(
    `<!doctype html><html${rootAttrs}><head>${head.join('')}</head><body${bodyAttrs}>${body.join('')}</body></html>`,
  )
}

function attrsOf(el: DomElement): string {
  return KEPT_ROOT_ATTRS.map((name) => {
    const value = el.getAttribute(name)
    return value === null ? '' : ` ${name}="${escapeHtml(value)}"`
  }).join('')
}

function isBlank(node: DomNode): boolean {
  return isText(node) ? !/\S/.test(node.nodeValue ?? '') : !isElement(node)
}
