// Main process and CLI: turning bytes (a saved page, a Markdown note, a text file) or a URL into a clean article.
import { ImportError } from './errors'
import { parseHtml } from './extract-html'
import { parseMarkdown } from './parse-markdown'
import { parseText } from './parse-text'
import { sniff } from './sniff'
import { clean } from './metadata'
import { titleFromFileName } from './titles'
import type { ImportedDoc } from './types'
import { hostnameOf } from './urls'

export { ImportError } from './errors'
export type { ImportErrorCode } from './errors'
export { fetchPage } from './fetch-page'
export type { FetchPageOptions, FetchedPage } from './fetch-page'
export { parseHtml, parseMarkdown, parseText }
export { MAX_IMPORT_BYTES } from './types'
export type { ImportedDoc, ImportFormat } from './types'

export type ImportInput = {
  name: string
  bytes: Uint8Array
  url?: string
  /** See ParseHtmlOptions.keepImages. */
  keepImages?: boolean
  /** An encrypted PDF's password, typed by the user for this import only: never stored or logged. */
  password?: string
}

/** Sniffs the format from the extension and content, then parses; every failure is an ImportError. */
export function parseDocument(input: ImportInput): ImportedDoc {
  const { name, url, keepImages } = input
  const { format, text } = sniff(input)
  const doc =
    format === 'html'
      ? parseHtml(text, { url, name, keepImages })
      : format === 'markdown'
        ? parseMarkdown(text, { name })
        : parseText(text, { name })
  if (!doc.title.trim()) doc.title = titleFromFileName(name) || 'Untitled'
  if (url && !doc.url && /^https?:/i.test(url)) doc.url = url
  // Never a blank source in the library, CSV or citations: the page's domain, else the file's name.
  if (!doc.source?.trim()) {
    const source = hostnameOf(doc.url ?? doc.canonicalUrl) ?? clean(name.split(/[\\/]/).pop(), 300)
    if (source) doc.source = source
  }
  return doc
}

export function isImportError(err: unknown): err is ImportError {
  return err instanceof ImportError
}
