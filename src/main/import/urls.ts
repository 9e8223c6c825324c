// Main process: which URLs an imported article may keep, resolved against the page it came from.
import { ASSET_SRC } from '../../shared/assets'
import { isSafeExternalUrl } from '../../shared/url-safety'

/**
 * An absolute URL for `raw` against `base`, or undefined when it cannot be made absolute. The WHATWG parser
 * strips the tabs, newlines and control characters browsers ignore, so "java\tscript:" is seen as javascript:.
 */
export function resolveUrl(raw: string | null | undefined, base?: string): string | undefined {
  if (!raw || !raw.trim()) return undefined
  try {
    return new URL(raw, base || undefined).href
  } catch {
    return undefined
  }
}

/** A link target the reader may show: http(s) or mailto, absolute, with no credentials. */
export function safeHref(raw: string | null | undefined, base?: string): string | undefined {
  const url = resolveUrl(raw, base)
  return url && isSafeExternalUrl(url) ? url : undefined
}

/** An http(s) URL, resolved; anything else (file:, javascript:, junk) is dropped. */
export function httpUrl(raw: string | null | undefined, base?: string): string | undefined {
  const url = safeHref(raw, base)
  return url && /^https?:/i.test(url) ? url : undefined
}

// Only inline raster images and the archive's own copies survive: a remote one would be fetched (and could
// track) whenever the article opens.
const DATA_IMAGE = /^data:image\/(?:png|jpeg|gif|webp);base64,[a-z0-9+/]+={0,2}$/i

export function safeImageSrc(raw: string | null | undefined): string | undefined {
  if (!raw) return undefined
  const compact = raw.replace(/\s+/g, '')
  if (ASSET_SRC.test(compact)) return compact
  return DATA_IMAGE.test(compact) ? compact : undefined
}

export function hostnameOf(url: string | undefined): string | undefined {
  if (!url) return undefined
  try {
    return new URL(url).hostname.replace(/^www\./, '') || undefined
  } catch {
    return undefined
  }
}
