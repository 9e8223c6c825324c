// Main process: download one article image at import (never when the article is read), with fetch-page's kind of
// limits: http(s) only, a deadline, a size cap, and no address on this computer or its private network, checked
// again at every redirect.
import { lookup } from 'node:dns/promises'
import { isIP } from 'node:net'
import { IMAGE_LIMITS } from '../../shared/assets'
import { readCapped } from './read-capped'

export type FetchImageOptions = { timeoutMs?: number; fetchImpl?: typeof fetch; allowPrivate?: boolean }

const MAX_REDIRECTS = 3

/** The image's bytes, or a reason it was not fetched (the import goes on without the image). */
export async function fetchImage(
  url: string,
  opts: FetchImageOptions = {},
): Promise<{ bytes: Uint8Array } | { reason: string }> {
  const { timeoutMs = 15_000, fetchImpl = fetch } = opts
  const controller = new AbortController()
  const timer = setTimeout(() => controller.abort(), timeoutMs)
  try {
    let target = url
    for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
      const refused = await refusedAddress(target, opts.allowPrivate)
      if (refused) return { reason: refused }
      const response = await fetchImpl(target, {
        signal: controller.signal,
        redirect: 'manual',
        headers: { accept: 'image/avif,image/webp,image/png,image/jpeg,image/gif;q=0.9' },
      })
      const next = response.headers.get('location')
      if (response.status >= 300 && response.status < 400 && next) {
        target = new URL(next, target).href
        continue
      }
      if (!response.ok) return { reason: `the server answered ${response.status}` }
      if (Number(response.headers.get('content-length')) > IMAGE_LIMITS.maxBytes)
        return { reason: 'it is larger than an article image may be' }
      const bytes = await readCapped(response, IMAGE_LIMITS.maxBytes, controller)
      return bytes ? { bytes } : { reason: 'it is larger than an article image may be' }
    }
    return { reason: 'it redirects too many times' }
  } catch (err) {
    return { reason: controller.signal.aborted ? 'it took too long' : String(err) }
  } finally {
    clearTimeout(timer)
  }
}

/** Why `url` may not be fetched, or undefined when it may. */
export async function refusedAddress(url: string, allowPrivate = false): Promise<string | undefined> {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return 'it is not an address'
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return `${parsed.protocol} is not http(s)`
  if (parsed.username || parsed.password) return 'it carries credentials'
  if (allowPrivate) return undefined
  const host = parsed.hostname.replace(/^\[|\]$/g, '')
  const addresses = isIP(host)
    ? [host]
    : await lookup(host, { all: true }).then(
        (list) => list.map((a) => a.address),
        () => [] as string[],
      )
  if (!addresses.length) return `${host} could not be found`
  return addresses.some(isPrivateAddress) ? `${host} is on this computer or a private network` : undefined
}

export function isPrivateAddress(address: string): boolean {
  const v4 = /^(?:::ffff:)?(\d+)\.(\d+)\.(\d+)\.(\d+)$/i.exec(address)
  if (v4) {
    const [a, b] = [Number(v4[1]), Number(v4[2])]
    return (
      a === 0 ||
      a === 10 ||
      a === 127 ||
      (a === 100 && b >= 64 && b <= 127) ||
      (a === 169 && b === 254) ||
      (a === 172 && b >= 16 && b <= 31) ||
      (a === 192 && b === 168) ||
      (a === 198 && (b === 18 || b === 19)) ||
      a >= 224
    )
  }
  const v6 = address.toLowerCase()
  return v6 === '::' || v6 === '::1' || /^f[cd]/.test(v6) || /^fe[89ab]/.test(v6) || /^ff/.test(v6)
}
