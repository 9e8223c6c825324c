// Runs everywhere: which links may leave the app for the system browser.
const SAFE_SCHEMES = new Set(['https:', 'http:', 'mailto:'])

/** True only for well-formed http(s) URLs with a host, and mailto: links. Everything else stays inside. */
export function isSafeExternalUrl(raw: string): boolean {
  if (typeof raw !== 'string' || raw.length > 4096) return false
  // Control characters and whitespace are how scheme checks get smuggled past (e.g. "java\tscript:").
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  if (/[\u0000-\u0020\u007f-\u009f]/.test(raw)) return false
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    return false
  }
  if (!SAFE_SCHEMES.has(url.protocol)) return false
  if (url.protocol === 'mailto:') return url.pathname.includes('@')
  if (url.username || url.password) return false
  return url.hostname !== ''
}

/** An article's address: what import keeps, an absolute http(s) URL with a host and no credentials. */
export function isWebUrl(raw: string): boolean {
  return isSafeExternalUrl(raw) && /^https?:/i.test(raw)
}
