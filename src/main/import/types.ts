// Main process and CLI: what an import produces, before the archive gives it an id.
import type { PendingImage } from './images'

export type ImportFormat = 'html' | 'text' | 'markdown'

export type ImportedDoc = {
  title: string
  /** The plain text annotations anchor on: `buildTextModel(<body> of html).text`. */
  text: string
  /** Sanitized body HTML; re-parsing it and running the text model gives `text` back exactly. */
  html: string
  source?: string
  url?: string
  canonicalUrl?: string
  author?: string
  /** YYYY-MM-DD, or a full ISO timestamp when the page gave one. */
  publishedAt?: string
  language?: string
  excerpt?: string
  /** Only Markdown front matter carries tags; each one already passes `tagNameSchema`. */
  tags?: string[]
  format: ImportFormat
  /** Images still to fetch: `html` holds `glossa-pending:<ref>` for each until the importer stores them. */
  images?: PendingImage[]
}

export const MAX_IMPORT_BYTES = 20 * 1024 * 1024
