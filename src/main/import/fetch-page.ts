// Main process: download one web page for import, with a deadline, a size cap and the page's own charset.
import { bomEncoding, decodeWith, headerCharset, metaCharset } from './charset'
import { formatBytes, ImportError } from './errors'
import { readCapped } from './read-capped'
import { MAX_IMPORT_BYTES } from './types'

export type FetchPageOptions = { timeoutMs?: number; maxBytes?: number; fetchImpl?: typeof fetch }
export type FetchedPage = { html: string; finalUrl: string }

const HTML_TYPES = /^(text\/html|application\/xhtml\+xml)$/i
const USER_AGENT = 'Mozilla/5.0 (compatible; Glossa article importer)'

export async function fetchPage(url: string, opts: FetchPageOptions = {}): Promise<FetchedPage> {
  const { timeoutMs = 15_000, maxBytes = MAX_IMPORT_BYTES, fetchImpl = fetch } = opts
  const target = checkUrl(url)
  const controller = new AbortController()
  let timedOut = false
  const timer = setTimeout(() => {
    timedOut = true
    controller.abort()
  }, timeoutMs)
  try {
    const response = await fetchImpl(target.href, {
      signal: controller.signal,
      redirect: 'follow',
      headers: { accept: 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.1', 'user-agent': USER_AGENT },
    })
    const finalUrl = response.url || target.href
    const site = new URL(finalUrl).host
    if (!response.ok) {
      throw new ImportError(
        'fetch_failed',
        `${site} answered ${response.status}${response.statusText ? ` ${response.statusText}` : ''} for ${finalUrl}. Check the address, or open the page in a browser, save it as HTML and import the file.`,
      )
    }
    const contentType = response.headers.get('content-type')
    checkContentType(contentType, finalUrl)
    const declared = Number(response.headers.get('content-length'))
    if (declared > maxBytes) throw tooLarge(finalUrl, maxBytes)
    const bytes = await readCapped(response, maxBytes, controller)
    if (!bytes) throw tooLarge(finalUrl, maxBytes)
    return { html: decodePage(bytes, contentType), finalUrl }
  } catch (err) {
    if (timedOut) {
      throw new ImportError(
        'timeout',
        `${target.host} did not send the page within ${timeoutMs < 1000 ? `${timeoutMs} ms` : `${Math.round(timeoutMs / 1000)} seconds`}. Try again later, or save the page from a browser and import the file.`,
        { cause: err },
      )
    }
    if (err instanceof ImportError) throw err
    const reason = err instanceof Error ? (causeMessage(err) ?? err.message) : String(err)
    throw new ImportError(
      'fetch_failed',
      `Could not download ${target.href} (${reason}). Check the address and your connection, or save the page from a browser and import the file.`,
      { cause: err },
    )
  } finally {
    clearTimeout(timer)
  }
}

function checkUrl(url: string): URL {
  let parsed: URL
  try {
    parsed = new URL(url.trim())
  } catch {
    throw new ImportError(
      'unsupported',
      `“${url}” is not a web address; paste the full address, starting with https://.`,
    )
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new ImportError(
      'unsupported',
      `Glossa only downloads http and https pages, not ${parsed.protocol} addresses. For a file on this computer, use Import file instead.`,
    )
  }
  return parsed
}

function checkContentType(contentType: string | null, url: string): void {
  const mime = contentType?.split(';')[0].trim().toLowerCase()
  if (!mime || HTML_TYPES.test(mime)) return
  const kind = mime === 'application/pdf' ? 'a PDF' : mime.startsWith('image/') ? 'an image' : `“${mime}”`
  throw new ImportError(
    'unsupported',
    `${url} is ${kind}, not a web page. Glossa imports web pages; download the file and, if it is text, import it from disk.`,
  )
}

/** BOM first, then the Content-Type charset, then a <meta> charset, then UTF-8, as browsers do. */
function decodePage(bytes: Uint8Array, contentType: string | null): string {
  const bom = bomEncoding(bytes)
  if (bom) return decodeWith(bom.label, bytes.subarray(bom.bomLength))
  return decodeWith(headerCharset(contentType) ?? metaCharset(bytes) ?? 'utf-8', bytes)
}

function tooLarge(url: string, maxBytes: number): ImportError {
  return new ImportError(
    'too_large',
    `${url} is larger than ${formatBytes(maxBytes)}, more than any article needs. Save just the article from a browser and import the file.`,
  )
}

/** undici hides the useful part ("ECONNREFUSED", "ENOTFOUND") in `cause`. */
function causeMessage(err: Error): string | undefined {
  const cause = (err as { cause?: unknown }).cause
  if (cause instanceof Error) return (cause as { code?: string }).code ?? cause.message
  return undefined
}
