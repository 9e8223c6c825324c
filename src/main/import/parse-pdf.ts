// Parse process (and CLI, tests): a PDF's bytes → an article. pdf.js (the legacy build, which runs on Node 20)
// reads the text of every page; src/shared/pdf-text.ts turns each page's items into its text, the same rule the
// reader applies, so offsets agree. The PDF is never rendered here, its scripts never run (no scripting, no
// eval) and its embedded files are never read. An encrypted file is read with the password the user typed (used
// for this parse only, never stored) or refused with a sentence asking for it; a damaged one is refused.
import { createHash } from 'node:crypto'
import { MAX_PDF_PAGES } from '../../shared/assets'
import { PDF_SAFE_OPTIONS } from '../../shared/pdf-limits'
import type * as PdfJsModule from 'pdfjs-dist/legacy/build/pdf.mjs'
import { documentText, pageText } from '../../shared/pdf-text'
import type { PdfTextItem } from '../../shared/pdf-text'
import { textToHtml } from '../../shared/text-model'
import { ImportError, formatBytes, quoteName } from './errors'
import type { ImportedDoc } from './types'

/** A report longer than this is refused (src/shared/assets.ts; the reader refuses it too). */
export { MAX_PDF_PAGES }
/**
 * A PDF larger than this is refused. Reading a 100 MB report (pages of photographs) peaks at about 380 MB in
 * the parse process, well inside its bound (`npm run bench`, bench/pdf.ts); the archive reads PDFs back up to
 * the same size (MAX_PDF_BYTES). Only files read from disk reach it (`glossa import`, files opened with the
 * app): the Import dialog and drops carry a file in one request, up to MAX_IMPORT_BYTES.
 */
export const MAX_PDF_IMPORT_BYTES = 100 * 1024 * 1024

type PdfJs = typeof PdfJsModule
let loading: Promise<PdfJs> | undefined

/** pdf.js, with its worker code run in this process (there is no Web Worker in Node; the parse process is the bound). */
export function loadPdfJs(): Promise<PdfJs> {
  loading ??= (async () => {
    // @ts-expect-error pdfjs-dist ships no types for its worker module; only its presence matters here.
    const worker: unknown = await import('pdfjs-dist/legacy/build/pdf.worker.mjs')
    ;(globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = worker
    return import('pdfjs-dist/legacy/build/pdf.mjs')
  })()
  return loading
}

/** True when the bytes are a PDF: its header within the first KB, as readers accept it. */
export function isPdf(bytes: Uint8Array): boolean {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024))
  return head.includes('%PDF-')
}

/** pdf.js's options for a document from outside (src/shared/pdf-limits.ts), the reader's too. */
export { PDF_SAFE_OPTIONS }

export type PdfPages = {
  numPages: number
  fingerprint: string
  /** Each page's text items (TextItem only, in pdf.js's order). */
  pages: PdfTextItem[][]
  labels: string[] | null
  info: Record<string, unknown>
}

/** pdf.js's PasswordException codes: no password given, or a wrong one. */
const INCORRECT_PASSWORD = 2

/**
 * Opens the PDF and reads every page's text items; refuses damaged ones, and encrypted ones without their
 * password (`encrypted`) or with a wrong one (`wrong_password`). The password opens the file here and is kept
 * nowhere.
 */
export async function readPdf(bytes: Uint8Array, name: string, password?: string): Promise<PdfPages> {
  const file = quoteName(name, 'The PDF')
  const pdfjs = await loadPdfJs()
  // pdf.js takes the buffer over; it gets a copy so the caller's bytes stay whole. With no onPassword, a
  // missing or wrong password rejects the task with a PasswordException (never asked twice, never guessed).
  const task = pdfjs.getDocument({
    data: new Uint8Array(bytes),
    ...PDF_SAFE_OPTIONS,
    ...(password ? { password } : {}),
  })
  let doc: Awaited<typeof task.promise>
  try {
    doc = await task.promise
  } catch (err) {
    const e = err as { name?: string; message?: string; code?: number }
    if (e?.name === 'PasswordException' && e.code === INCORRECT_PASSWORD && password)
      throw new ImportError(
        'wrong_password',
        `The password for ${file} is wrong: the PDF did not open with it. Nothing was imported; type it again.`,
      )
    if (e?.name === 'PasswordException' || /password/i.test(e?.message ?? ''))
      throw new ImportError(
        'encrypted',
        `${file} is protected by a password. Import it again with its password (Glossa uses it to read the text and never stores it; the reader asks for it again when you open the PDF).`,
      )
    throw new ImportError(
      'damaged',
      `${file} is damaged and cannot be read as a PDF (${e?.message ?? String(err)}). Nothing was imported; try downloading it again.`,
    )
  }
  try {
    if (doc.numPages > MAX_PDF_PAGES)
      throw new ImportError(
        'too_large',
        `${file} has ${doc.numPages} pages; Glossa imports PDFs of up to ${MAX_PDF_PAGES} pages. Split it and import the parts.`,
      )
    const pages: PdfTextItem[][] = []
    for (let i = 1; i <= doc.numPages; i++) {
      try {
        const page = await doc.getPage(i)
        const content = await page.getTextContent()
        pages.push(content.items.filter((it) => 'str' in it) as PdfTextItem[])
        page.cleanup()
      } catch {
        // One unreadable page is shown empty; the rest of the report still imports.
        pages.push([])
      }
    }
    const meta = await doc.getMetadata().catch(() => ({ info: {} }))
    const labels = await doc.getPageLabels().catch(() => null)
    return {
      numPages: doc.numPages,
      fingerprint: doc.fingerprints[0] ?? '',
      pages,
      labels,
      info: (meta.info ?? {}) as Record<string, unknown>,
    }
  } finally {
    await doc.destroy()
  }
}

/** The largest text on the page, in reading order: a report's title when its metadata has none. */
export function largestText(items: readonly PdfTextItem[]): string {
  const sized = items
    .map((it) => ({ str: it.str.trim(), size: Math.hypot(it.transform[2] ?? 0, it.transform[3] ?? 0) }))
    .filter((it) => it.str)
  const max = Math.max(0, ...sized.map((it) => it.size))
  if (!max) return ''
  return sized
    .filter((it) => it.size >= max * 0.95)
    .map((it) => it.str)
    .join(' ')
    .replace(/\s+/g, ' ')
    .slice(0, 300)
}

/** "D:20250314090000Z" (a PDF date) → "2025-03-14", or undefined. */
export function pdfDate(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined
  const m = /^(?:D:)?(\d{4})(\d{2})?(\d{2})?/.exec(value.trim())
  if (!m) return undefined
  const [y, mo = '01', d = '01'] = [m[1], m[2], m[3]]
  if (+mo < 1 || +mo > 12 || +d < 1 || +d > 31 || +y < 1900) return undefined
  return `${y}-${mo}-${d}`
}

const field = (v: unknown, max: number) =>
  typeof v === 'string' && v.trim() ? v.replace(/\s+/g, ' ').trim().slice(0, max) : undefined

export async function parsePdf(input: {
  name: string
  bytes: Uint8Array
  password?: string
}): Promise<ImportedDoc> {
  const { name, bytes, password } = input
  if (bytes.length > MAX_PDF_IMPORT_BYTES)
    throw new ImportError(
      'too_large',
      `${quoteName(name, 'The PDF')} is ${formatBytes(bytes.length)}; Glossa imports PDFs of up to ${formatBytes(MAX_PDF_IMPORT_BYTES)}. Split it (most PDF readers can save a range of pages) and import the parts.`,
    )
  const pdf = await readPdf(bytes, name, password)
  const pageTexts = pdf.pages.map((items) => pageText(items).text)
  const { text, pages } = documentText(pageTexts)
  const labels = pdf.labels?.map((l) => l.slice(0, 40))
  const ownLabels = labels && labels.length === pdf.numPages && labels.some((l, i) => l !== String(i + 1))
  const title =
    field(pdf.info.Title, 1000) ||
    field(largestText(pdf.pages.find((p) => p.length) ?? []), 1000) ||
    name.replace(/^.*[\\/]/, '').replace(/\.pdf$/i, '') ||
    'Untitled PDF'
  const author = field(pdf.info.Author, 500)
  const publishedAt = pdfDate(pdf.info.CreationDate)
  const sha = createHash('sha256').update(bytes).digest('hex')
  return {
    title,
    text,
    html: text ? textToHtml(text) : '',
    format: 'pdf',
    ...(author ? { author } : {}),
    ...(publishedAt ? { publishedAt } : {}),
    ...(text ? { excerpt: text.slice(0, 300) } : {}),
    pdf: {
      name: `${sha}.pdf`,
      bytes,
      pages: pdf.numPages,
      fingerprint: pdf.fingerprint,
      scanned: !text,
      pageRanges: pages.map((p) => [p.start, p.end]),
      ...(ownLabels ? { labels } : {}),
    },
  }
}
