// Main process: the allow-list deciding which of a page's markup may be stored and shown later. DOMPurify cannot
// run on linkedom (see dompurify-linkedom.test.ts), so this copies allowed nodes into a fresh document rather than
// deleting bad ones in place: nothing reaches the output unless it was explicitly let through.
import type { DomDocument, DomElement, DomNode } from './dom'
import { childrenOf, isElement, isText, tagOf } from './dom'
import { PENDING_SRC } from './images'
import { safeHref, safeImageSrc } from './urls'

export const ALLOWED_TAGS = new Set(
  (
    'h1 h2 h3 h4 h5 h6 p br hr ul ol li blockquote pre code em strong b i u s sub sup mark small table thead tbody ' +
    'tfoot tr th td caption figure figcaption img a span div dl dt dd abbr cite q time'
  ).split(' '),
)

/** Never content: removed with everything inside. */
const DROPPED = new Set(
  (
    'script style template noscript iframe frame frameset object embed applet param svg math form input button ' +
    'select option optgroup textarea datalist output progress meter head title meta link base audio video source ' +
    'track canvas map area noembed noframes xmp plaintext listing dialog portal slot rp'
  ).split(' '),
)

/** Containers whose content is kept under a tag from the allow-list; any other unknown tag is unwrapped. */
const RENAMED: Record<string, string> = {
  ...Object.fromEntries(
    'article section main aside header footer nav address details summary center hgroup fieldset legend search'
      .split(' ')
      .map((t) => [t, 'div']),
  ),
  menu: 'ul',
  dir: 'ul',
  kbd: 'code',
  samp: 'code',
  tt: 'code',
  var: 'i',
  ins: 'u',
  del: 's',
  strike: 's',
  bdi: 'span',
  bdo: 'span',
}

const VOID = new Set(['br', 'hr', 'img'])
const GLOBAL_ATTRS = ['title', 'dir', 'lang']
const TAG_ATTRS: Record<string, string[]> = {
  a: ['href'],
  img: ['src', 'alt'],
  td: ['colspan', 'rowspan'],
  th: ['colspan', 'rowspan'],
  time: ['datetime'],
}
// Deeper markup is flattened so the recursive passes after this one cannot overflow the stack.
const MAX_DEPTH = 48
// eslint-disable-next-line no-control-regex -- stripping control characters is the point
const CONTROL = /[\u0000-\u0008\u000b\u000e-\u001f\u007f]/g

export type SanitizeOptions = {
  baseUrl?: string
  /** When given, counts what was left out ("<script>", "onerror attribute on <img>"), for a report. */
  removed?: Map<string, number>
  /** Import only: lets the placeholders of images.ts through, until the importer puts the archive's address in. */
  keepPendingImages?: boolean
}

function note(opts: SanitizeOptions, what: string): void {
  if (opts.removed) opts.removed.set(what, (opts.removed.get(what) ?? 0) + 1)
}

/** Copies the allowed part of `source`'s children into `target` (an element of `doc`). */
export function sanitizeInto(
  source: DomNode,
  target: DomElement,
  doc: DomDocument,
  opts: SanitizeOptions = {},
) {
  const stack: { node: DomNode; parent: DomNode; depth: number }[] = childrenOf(source)
    .reverse()
    .map((node) => ({ node, parent: target, depth: 0 }))
  for (let item = stack.pop(); item; item = stack.pop()) {
    const { node, parent, depth } = item
    if (isText(node)) {
      parent.appendChild(
        doc.createTextNode((node.nodeValue ?? '').replace(CONTROL, '').replace(/\r\n?/g, '\n')),
      )
      continue
    }
    if (!isElement(node)) continue // comments, doctypes, processing instructions
    const tag = tagOf(node)
    if (DROPPED.has(tag)) {
      note(opts, `<${tag}>`)
      continue
    }
    let into = parent
    let nextDepth = depth
    const mapped = ALLOWED_TAGS.has(tag) ? tag : RENAMED[tag]
    if (!mapped) note(opts, `<${tag}> tag (its text kept)`)
    if (mapped && depth < MAX_DEPTH) {
      const el = copyElement(node, mapped, doc, opts)
      if (el === 'drop') continue
      if (el) {
        parent.appendChild(el)
        into = el
        nextDepth = depth + 1
      }
    }
    if (VOID.has(tag)) continue
    for (const child of childrenOf(node).reverse())
      stack.push({ node: child, parent: into, depth: nextDepth })
  }
}

/** The clean copy of `node` as `tag`; null to keep only its content, 'drop' to lose it entirely. */
function copyElement(node: DomElement, tag: string, doc: DomDocument, opts: SanitizeOptions) {
  const el = doc.createElement(tag)
  const allowed = [...GLOBAL_ATTRS, ...(TAG_ATTRS[tag] ?? [])]
  for (const name of allowed) {
    const raw = node.getAttribute(name)
    const value = cleanAttribute(name, raw, opts)
    if (value !== undefined) el.setAttribute(name, value)
    else if (raw !== null && raw.trim()) note(opts, refusedValue(tag, name))
  }
  if (opts.removed) {
    for (const { name } of Array.from(node.attributes)) {
      const lower = name.toLowerCase()
      if (!allowed.includes(lower) && !(tag === 'a' && lower === 'rel'))
        note(opts, `${lower} attribute on <${tag}>`)
    }
  }
  if (tag === 'img') return el.getAttribute('src') ? el : 'drop'
  if (tag === 'a') {
    if (!el.getAttribute('href')) return null
    el.setAttribute('rel', 'noopener noreferrer')
  }
  return el
}

function refusedValue(tag: string, name: string): string {
  if (name === 'src') return `remote or non-image source on <${tag}>`
  if (name === 'href') return `unsafe link on <${tag}>`
  return `${name} attribute on <${tag}> (value refused)`
}

export function cleanAttribute(
  name: string,
  raw: string | null | undefined,
  opts: SanitizeOptions = {},
): string | undefined {
  if (raw === null || raw === undefined) return undefined
  switch (name) {
    case 'href':
      return safeHref(raw, opts.baseUrl)
    case 'src':
      return opts.keepPendingImages && PENDING_SRC.test(raw.trim()) ? raw.trim() : safeImageSrc(raw)
    case 'dir':
      return /^\s*(ltr|rtl|auto)\s*$/i.test(raw) ? raw.trim().toLowerCase() : undefined
    case 'lang':
      return /^\s*[a-z]{1,8}(-[a-z0-9]{1,8})*\s*$/i.test(raw) ? raw.trim() : undefined
    case 'colspan':
    case 'rowspan': {
      if (!/^\s*\d{1,5}\s*$/.test(raw)) return undefined
      const n = Math.min(Number(raw), name === 'colspan' ? 1000 : 65534)
      return n >= (name === 'colspan' ? 1 : 0) ? String(n) : undefined
    }
    default: {
      // A tooltip holding markup or a script URL is an attack, never a caption worth keeping.
      const value = raw.replace(CONTROL, '').trim().slice(0, 1000)
      return value && !/[<>]|(java|vb)script:|data:/i.test(value) ? value : undefined
    }
  }
}
