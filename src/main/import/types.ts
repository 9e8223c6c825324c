// Main process and CLI: what an import produces, before the archive gives it an id.
import type { PendingImage } from './images'

export type ImportFormat = 'html' | 'text' | 'markdown' | 'pdf'

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
  /** A PDF: its bytes, kept in the archive as `assets/<id>/<name>` for the reader to render. */
  pdf?: ImportedPdf
}

export type ImportedPdf = {
  /** `<sha256 of the bytes>.pdf` */
  name: string
  bytes: Uint8Array
  pages: number
  /** pdf.js's fingerprint of the document (the first of its two ids). */
  fingerprint: string
  /** True when no page has any text (a scan): shown, not annotatable. */
  scanned: boolean
  /** [start, end] of each page's text in the document's text (documentText in src/shared/pdf-text.ts). */
  pageRanges: [number, number][]
  /** The PDF's own page labels ("iv", "12"), when it has any that differ from the page numbers. */
  labels?: string[]
}

export const MAX_IMPORT_BYTES = 20 * 1024 * 1024
