// Main process: the slice of linkedom's DOM this module uses, typed. linkedom's declarations name the DOM lib's
// `Window`, which tsconfig.node.json does not load, so its values would arrive untyped; `loadDom` is the one cast.
import { parseHTML } from 'linkedom'

export const TEXT_NODE = 3
export const ELEMENT_NODE = 1

export type DomNode = {
  nodeType: number
  nodeName: string
  nodeValue: string | null
  textContent: string | null
  parentNode: DomNode | null
  childNodes: ArrayLike<DomNode>
  firstChild: DomNode | null
  lastChild: DomNode | null
  previousSibling: DomNode | null
  nextSibling: DomNode | null
  appendChild<T extends DomNode>(node: T): T
  insertBefore<T extends DomNode>(node: T, ref: DomNode | null): T
  removeChild<T extends DomNode>(node: T): T
  replaceChild<T extends DomNode>(node: DomNode, old: T): T
}

export type DomElement = DomNode & {
  localName: string
  attributes: ArrayLike<{ name: string; value: string }>
  getAttribute(name: string): string | null
  setAttribute(name: string, value: string): void
  removeAttribute(name: string): void
  querySelector(selector: string): DomElement | null
  querySelectorAll(selector: string): ArrayLike<DomElement>
  innerHTML: string
  outerHTML: string
}

export type DomDocument = DomNode & {
  documentElement: DomElement | null
  head: DomElement | null
  body: DomElement | null
  title: string
  createElement(name: string): DomElement
  createTextNode(data: string): DomNode
  querySelector(selector: string): DomElement | null
  querySelectorAll(selector: string): ArrayLike<DomElement>
  toString(): string
}

/** Parses markup as given; see `loadHtml` in skeleton.ts for pages that may lack <html>, <head> or <body>. */
export function loadDom(html: string): DomDocument {
  return parseHTML(html).document as DomDocument
}

export function emptyDocument(): DomDocument {
  return loadDom('<!doctype html><html><head></head><body></body></html>')
}

export function isElement(node: DomNode | null | undefined): node is DomElement {
  return node?.nodeType === ELEMENT_NODE
}

export function isText(node: DomNode | null | undefined): boolean {
  return node?.nodeType === TEXT_NODE
}

/** Lower-case tag name; linkedom keeps the case `createElement` was given (Readability passes "DIV"). */
export function tagOf(node: DomNode): string {
  return isElement(node) ? node.localName.toLowerCase() : ''
}

export function all(root: { querySelectorAll(selector: string): ArrayLike<DomElement> }, selector: string) {
  return Array.from(root.querySelectorAll(selector))
}

export function childrenOf(node: DomNode): DomNode[] {
  return Array.from(node.childNodes)
}

/** Replaces `el` with its children. */
export function unwrap(el: DomNode): void {
  const parent = el.parentNode
  if (!parent) return
  while (el.firstChild) parent.insertBefore(el.firstChild, el)
  parent.removeChild(el)
}

const GLOBAL_ATTRS = ['dir', 'lang', 'title']

/** Gives `el`'s children and place to a new element named `tag`, keeping only the attributes any tag may carry. */
export function rename(el: DomElement, tag: string, doc: DomDocument): DomElement {
  const next = doc.createElement(tag)
  for (const name of GLOBAL_ATTRS) {
    const value = el.getAttribute(name)
    if (value !== null) next.setAttribute(name, value)
  }
  while (el.firstChild) next.appendChild(el.firstChild)
  el.parentNode?.replaceChild(next, el)
  return next
}
