// Main process: the one pipeline every format ends in. Sanitize, reshape, tidy whitespace, then read `text` off
// the very DOM that `html` is serialised from, so the two cannot disagree.
import { buildTextModel } from '../../shared/text-model'
import type { DomDocument, DomElement, DomNode } from './dom'
import { childrenOf, emptyDocument, isElement, isText, loadDom, tagOf, unwrap } from './dom'
import { repairStructure } from './html-structure'
import { cleanAttribute, sanitizeInto } from './sanitize'
import { serializeChildren } from './serialize'
import { normalizeWhitespace } from './whitespace'

export type CleanBodyOptions = {
  baseUrl?: string
  dir?: string
  lang?: string
  /** Counts what the sanitizer left out, for a report (see SanitizeOptions). */
  removed?: Map<string, number>
  /** See SanitizeOptions.keepPendingImages. */
  keepPendingImages?: boolean
}
export type CleanBody = { html: string; text: string }

export function cleanBody(source: DomNode, opts: CleanBodyOptions = {}): CleanBody {
  const doc = emptyDocument()
  const body = bodyOf(doc)
  const root = wrapperFor(doc, body, opts)
  sanitizeInto(source, root, doc, {
    baseUrl: opts.baseUrl,
    removed: opts.removed,
    keepPendingImages: opts.keepPendingImages,
  })
  unwrapLoneDivs(root)
  repairStructure(body, doc)
  normalizeWhitespace(body, doc)
  return { html: serializeChildren(body), text: buildTextModel(body).text }
}

/** Article direction and language ride on one <div> around the content, since only the body is stored. */
function wrapperFor(doc: DomDocument, body: DomElement, opts: CleanBodyOptions): DomElement {
  const dir = cleanAttribute('dir', opts.dir)
  const lang = cleanAttribute('lang', opts.lang)
  if (!dir && !lang) return body
  const div = doc.createElement('div')
  if (dir) div.setAttribute('dir', dir)
  if (lang) div.setAttribute('lang', lang)
  return body.appendChild(div)
}

/** Page layout leaves <div><div><p>…; a <div> that is all there is, with no attributes, says nothing. */
function unwrapLoneDivs(root: DomElement): void {
  for (;;) {
    const parts = childrenOf(root).filter((n) => isElement(n) || (isText(n) && /\S/.test(n.nodeValue ?? '')))
    const only = parts[0]
    if (parts.length !== 1 || !isElement(only) || tagOf(only) !== 'div' || only.attributes.length > 0) return
    unwrap(only)
  }
}

export function bodyOf(doc: DomDocument): DomElement {
  if (!doc.body) throw new Error('linkedom gave a document without a body')
  return doc.body
}

/** What the renderer will read off stored `html`: the text model of a document whose body is exactly it. */
export function textOfHtml(html: string): string {
  return buildTextModel(bodyOf(loadDom(`<!doctype html><html><head></head><body>${html}</body></html>`))).text
}
