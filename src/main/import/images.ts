// Main process: article images at import, before Readability runs. Each <img> gets the one address worth keeping
// (lazy-load attributes, the largest sensible srcset candidate, a <picture>'s sources) and a placeholder src that
// only the import's own sanitizer pass lets through (SanitizeOptions.keepPendingImages). The importer then reads
// or downloads the bytes (image-assets.ts) and puts the archive's address in place of each placeholder, or drops
// the image: nothing remote is ever stored, so nothing is fetched when the article is read.
import type { DomDocument, DomElement } from './dom'
import { all, tagOf } from './dom'
import { resolveUrl } from './urls'

export const PENDING_SCHEME = 'glossa-pending:'
export const PENDING_SRC = /^glossa-pending:\d{1,4}$/

/** An image the article shows, by its placeholder number, and where its bytes are (absolute or file-relative). */
export type PendingImage = { ref: number; url: string }

/** More than any article shows; the rest of a gallery is left out rather than fetched. */
export const MAX_IMAGES = 40
// Wide enough for a reader column on a high-density screen, without pulling a 6000-pixel original.
const PREFERRED_WIDTH = 1600
const LAZY_ATTRS = ['data-src', 'data-lazy-src', 'data-original', 'data-full-src', 'data-hi-res-src']
const KEPT_ATTRS = new Set(['src', 'alt', 'title'])

/** An AMP page's `<amp-img>` as the `<img>` it stands for (its address, srcset and text; its fallbacks dropped). */
function ampImages(doc: DomDocument): void {
  for (const amp of all(doc, 'amp-img')) {
    if (!amp.parentNode || (amp.parentNode && tagOf(amp.parentNode) === 'amp-img')) continue
    const img = doc.createElement('img')
    for (const name of ['src', 'srcset', 'alt', 'title']) {
      const value = amp.getAttribute(name)
      if (value !== null) img.setAttribute(name, value)
    }
    amp.parentNode.replaceChild(img, amp)
  }
}

export function markImages(doc: DomDocument, baseUrl: string | undefined): PendingImage[] {
  ampImages(doc)
  const found: PendingImage[] = []
  for (const img of all(doc, 'img')) {
    const raw = chooseSource(img)
    const url = raw && !/^\s*data:/i.test(raw) ? (resolveUrl(raw, baseUrl) ?? relativePath(raw)) : undefined
    // Readability's lazy-image repair would put srcset or data-src back over the placeholder: keep only these.
    for (const { name } of Array.from(img.attributes)) {
      if (!KEPT_ATTRS.has(name.toLowerCase())) img.removeAttribute(name)
    }
    if (!url || found.length >= MAX_IMAGES) {
      if (url || !raw) img.parentNode?.removeChild(img)
      continue
    }
    img.setAttribute('src', `${PENDING_SCHEME}${found.length}`)
    found.push({ ref: found.length, url })
  }
  return found
}

function chooseSource(img: DomElement): string | undefined {
  const picture =
    img.parentNode && tagOf(img.parentNode) === 'picture' ? (img.parentNode as DomElement) : null
  const candidates: string[] = []
  if (picture) {
    for (const source of all(picture, 'source')) {
      const type = source.getAttribute('type')
      if (type && !/^image\/(png|jpeg|webp|gif|avif)$/i.test(type.trim())) continue
      const best = bestOfSrcset(source.getAttribute('srcset') ?? source.getAttribute('data-srcset'))
      if (best) candidates.push(best)
    }
  }
  candidates.push(
    ...[bestOfSrcset(img.getAttribute('srcset') ?? img.getAttribute('data-srcset'))].filter(
      (v): v is string => !!v,
    ),
  )
  for (const name of LAZY_ATTRS) {
    const value = img.getAttribute(name)?.trim()
    if (value) candidates.push(value)
  }
  const src = img.getAttribute('src')?.trim()
  // A lazy page's src is a 1×1 placeholder (often data:); a real address elsewhere wins over it.
  if (src) candidates.push(src)
  return candidates.find((c) => !/^\s*data:/i.test(c)) ?? candidates[0]
}

/** The candidate closest to PREFERRED_WIDTH from below (or the smallest above it); `2x` counts as 2 × 800. */
export function bestOfSrcset(srcset: string | null | undefined): string | undefined {
  if (!srcset?.trim()) return undefined
  const parsed = srcset
    .split(/,\s+/)
    .map((part) => part.trim().split(/\s+/))
    .filter(([url]) => !!url)
    .map(([url, descriptor = '1x']) => {
      const n = parseFloat(descriptor)
      const width = /w$/i.test(descriptor) ? n : /x$/i.test(descriptor) ? n * 800 : NaN
      return { url, width: Number.isFinite(width) ? width : 800 }
    })
  const fitting = parsed.filter((c) => c.width <= PREFERRED_WIDTH).sort((a, b) => b.width - a.width)
  return (fitting[0] ?? parsed.sort((a, b) => a.width - b.width)[0])?.url
}

/** A saved page's own files ("Page_files/photo.jpg"): relative, no scheme, no query. */
function relativePath(raw: string): string | undefined {
  const value = raw.trim()
  if (/^[a-z][a-z0-9+.-]*:/i.test(value) || value.startsWith('//') || value.startsWith('/')) return undefined
  return value.split(/[?#]/)[0] || undefined
}

/** The placeholders still present in sanitized `html`, in order (Readability and the sanitizer drop some). */
export function pendingIn(html: string, images: PendingImage[]): PendingImage[] {
  const refs = new Set([...html.matchAll(/src="glossa-pending:(\d{1,4})"/g)].map((m) => Number(m[1])))
  return images.filter((image) => refs.has(image.ref))
}
