// Runs everywhere: the one rule that turns a PDF page's text items (as pdf.js's getTextContent gives them) into
// the page's plain text, and tells which characters of that text each item holds. Import applies it in the parse
// process to index the text and detect figures; the reader applies it to the same items to build the text layer
// the researcher selects on, so offsets agree by construction (like text-model.ts for HTML).
//
// The text is what normalizePlainText would keep: lines of one paragraph are joined with a space (a word broken
// by a hyphen at a line end is joined again), paragraphs, columns, headings and footnotes are separated by a
// blank line, rows of a table by a line break and its cells by a tab. Ligatures are spelt out (ﬁ → fi).
import { describe } from './anchoring'
import { escapeLine } from './export/markdown-escape'
import type { PdfSelector, Target } from './types'

/** The part of a pdf.js TextItem this rule reads. */
export type PdfTextItem = {
  str: string
  /** [a, b, c, d, e, f]: e, f are the baseline origin in PDF units (y grows upwards). */
  transform: readonly number[]
  width: number
  height: number
}

/** Where one item's characters are in the page text: `text.slice(start, end)`; null for an item holding none. */
export type ItemSpan = { start: number; end: number } | null

export type PageText = { text: string; items: ItemSpan[] }

/** Separators between two items, as they appear in the text. */
export type Separator = '' | ' ' | '\t' | '\n' | '\n\n'

const LIGATURES = /[\uFB00-\uFB06]/g
const INVISIBLE = /[\u00AD\u200B-\u200D\u2060\uFEFF]/g
const SPACES = /[\s\u00a0]+/g
const EDGE = /^[\s\u00a0]+|[\s\u00a0]+$/g
// A letter, then the hyphen that broke the word at the end of the line.
const BROKEN_WORD = /\p{L}-$/u
const STARTS_LOWER = /^\p{Ll}/u
const SENTENCE_END = /[.!?:;"”’)]$/
const MARKER = /^(?:\d{1,3}|[*†‡§]+)$/

type Piece = {
  index: number
  text: string
  x: number
  y: number
  right: number
  size: number
  spaceBefore: boolean
  spaceAfter: boolean
}

type Line = {
  pieces: Piece[]
  seps: Separator[]
  x: number
  right: number
  y: number
  size: number
  tabbed: boolean
}

/** One item's characters as the page text holds them (before joining). */
export function normalizeItemText(str: string): string {
  return str
    .replace(LIGATURES, (c) => c.normalize('NFKC'))
    .replace(INVISIBLE, '')
    .replace(SPACES, (s) => (s.includes('\u00a0') && !/[^\u00a0]/.test(s) ? s : ' '))
    .replace(EDGE, '')
}

function pieceOf(item: PdfTextItem, index: number): Piece | undefined {
  if (typeof item.str !== 'string') return undefined
  const text = normalizeItemText(item.str)
  if (!text) return undefined
  const t = item.transform
  const size = Math.abs(Math.hypot(t[2] ?? 0, t[3] ?? 0)) || Math.abs(item.height) || 1
  const x = t[4] ?? 0
  return {
    index,
    text,
    x,
    y: t[5] ?? 0,
    right: x + Math.max(0, item.width || 0),
    size,
    spaceBefore: /^[\s\u00a0]/.test(item.str),
    spaceAfter: /[\s\u00a0]$/.test(item.str),
  }
}

/** The separator between two pieces on one line, or undefined when b starts a new line. */
function sameLineSeparator(a: Piece, b: Piece): Separator | undefined {
  const size = Math.max(a.size, b.size)
  const dy = b.y - a.y
  if (Math.abs(dy) > 0.45 * size) return undefined
  const gap = b.x - a.right
  if (gap < -0.5 * size) return undefined // went back left: a new line at nearly the same height
  if (gap > 1.5 * size) return '\t'
  // A footnote marker (smaller, raised) is kept apart from the word or number it follows.
  const raised = (p: Piece, base: Piece) =>
    p.size < 0.85 * base.size && p.y - base.y > 0.15 * base.size && MARKER.test(p.text)
  if (raised(b, a) || raised(a, b)) return ' '
  if (a.spaceAfter || b.spaceBefore || gap > 0.12 * Math.min(a.size, b.size)) return ' '
  return ''
}

function groupLines(pieces: Piece[]): Line[] {
  const lines: Line[] = []
  let line: Line | undefined
  for (const p of pieces) {
    const last = line?.pieces[line.pieces.length - 1]
    const sep = line && last ? sameLineSeparator(last, p) : undefined
    if (line && sep !== undefined) {
      line.pieces.push(p)
      line.seps.push(sep)
      line.right = Math.max(line.right, p.right)
      line.x = Math.min(line.x, p.x)
      if (sep === '\t') line.tabbed = true
      // The line's size and baseline are its body text's, not a raised marker's.
      if (p.size > line.size) {
        line.size = p.size
        line.y = p.y
      }
      continue
    }
    line = { pieces: [p], seps: [], x: p.x, right: p.right, y: p.y, size: p.size, tabbed: false }
    lines.push(line)
  }
  return lines
}

function lineText(line: Line): string {
  return line.pieces.map((p, i) => (i ? line.seps[i - 1] : '') + p.text).join('')
}

/** What separates two consecutive lines; `hyphen` when a word broken at a's end continues on b. */
function lineBreak(a: Line, b: Line, widest: number): Separator | 'hyphen' {
  const size = Math.max(a.size, b.size)
  const drop = a.y - b.y
  // Up the page (the next column), a gap of more than about a blank line, or a change of type size
  // (heading, footnotes): a new block.
  if (drop <= 0.3 * size || drop > 1.9 * size) return '\n\n'
  if (Math.abs(a.size - b.size) > 0.12 * size) return '\n\n'
  if (Math.abs(b.x - a.x) > 4 * size && b.x > a.right) return '\n\n' // side by side: another column
  if (a.tabbed || b.tabbed) return '\n'
  const aText = lineText(a)
  // A short line ending a sentence closes its paragraph.
  if (widest > 0 && a.right - a.x < 0.7 * widest && SENTENCE_END.test(aText)) return '\n\n'
  if (BROKEN_WORD.test(aText) && STARTS_LOWER.test(b.pieces[0].text)) return 'hyphen'
  return ' '
}

/**
 * A page's text items → its plain text and where each item's characters are. Items are read in the order
 * pdf.js gives them (the order the page draws them, which is reading order in the PDFs publishers make);
 * geometry decides only what separates them.
 */
export function pageText(items: readonly PdfTextItem[]): PageText {
  const pieces: Piece[] = []
  items.forEach((item, i) => {
    const p = pieceOf(item, i)
    if (p) pieces.push(p)
  })
  const spans: ItemSpan[] = items.map(() => null)
  const lines = groupLines(pieces)
  const widest = lines.reduce((w, l) => (l.tabbed ? w : Math.max(w, l.right - l.x)), 0)
  const out: string[] = []
  let length = 0
  lines.forEach((line, li) => {
    if (li) {
      const brk = lineBreak(lines[li - 1], line, widest)
      if (brk === 'hyphen') {
        // Drop the hyphen from the text and from the last item of the previous line.
        const prev = lines[li - 1].pieces[lines[li - 1].pieces.length - 1]
        const span = spans[prev.index]!
        span.end -= 1
        out[out.length - 1] = out[out.length - 1].slice(0, -1)
        length -= 1
        if (span.end === span.start) spans[prev.index] = null
      } else {
        out.push(brk)
        length += brk.length
      }
    }
    line.pieces.forEach((p, pi) => {
      if (pi) {
        const sep = line.seps[pi - 1]
        out.push(sep)
        length += sep.length
      }
      spans[p.index] = { start: length, end: length + p.text.length }
      out.push(p.text)
      length += p.text.length
    })
  })
  return { text: out.join(''), items: spans }
}

/** Where each page's text is in the document's text. */
export type PageRange = { start: number; end: number }

/**
 * The document's text: its pages' texts joined by a blank line, an empty page (a scan) adding nothing, as the
 * text model reads the reader's pages back. `pages[i]` is page i's range (empty for an empty page).
 */
export function documentText(pages: readonly string[]): { text: string; pages: PageRange[] } {
  const ranges: PageRange[] = []
  const parts: string[] = []
  let length = 0
  for (const page of pages) {
    if (!page) {
      ranges.push({ start: length, end: length })
      continue
    }
    if (parts.length) length += 2
    ranges.push({ start: length, end: length + page.length })
    parts.push(page)
    length += page.length
  }
  return { text: parts.join('\n\n'), pages: ranges }
}

/** The index of the page holding document offset `offset` (a separator counts with the page before it). */
export function pageAt(pages: readonly PageRange[], offset: number): number {
  let found = 0
  for (let i = 0; i < pages.length; i++) {
    if (pages[i].end > pages[i].start && pages[i].start <= offset) found = i
  }
  return found
}

/** Splits a document span at page boundaries: one span per page it touches, without the separators. */
export function splitByPage(
  pages: readonly PageRange[],
  start: number,
  end: number,
): { page: number; start: number; end: number }[] {
  const parts: { page: number; start: number; end: number }[] = []
  pages.forEach((p, i) => {
    const s = Math.max(start, p.start)
    const e = Math.min(end, p.end)
    if (e > s) parts.push({ page: i, start: s, end: e })
  })
  return parts
}

/** What an article keeps of its PDF's pages (ArticleMeta's `pdf`). */
export type PdfPagesMeta = { pages: number; pageRanges?: [number, number][]; labels?: string[] }

/** The page (0-based index and label) where a span of the article's text starts, or undefined without pages. */
export function pageOfOffset(
  pdf: PdfPagesMeta | undefined,
  offset: number,
): { index: number; label: string } | undefined {
  if (!pdf?.pageRanges?.length) return undefined
  const index = pageAt(
    pdf.pageRanges.map(([start, end]) => ({ start, end })),
    offset,
  )
  return { index, label: pdf.labels?.[index] ?? String(index + 1) }
}

/**
 * "p. 12" (the page's label when the PDF has its own), for citations in Markdown exports. The label is the PDF's
 * (any 40 characters its maker chose: `<img src=https://…>` too), so it is escaped as a line of Markdown text.
 */
export function pageCitation(pdf: PdfPagesMeta | undefined, offset: number): string | undefined {
  const page = pageOfOffset(pdf, offset)
  return page ? `p. ${escapeLine(page.label)}` : undefined
}

/** The page selector of a span of a PDF article's text: page, label, fingerprint, and selectors on the page. */
export function pdfSelector(
  pdf: (PdfPagesMeta & { fingerprint: string }) | undefined,
  text: string,
  target: Target,
): PdfSelector | undefined {
  const page = pageOfOffset(pdf, target.position.start)
  const range = pdf?.pageRanges?.[page?.index ?? -1]
  if (!pdf || !page || !range) return undefined
  const [from, to] = range
  const start = target.position.start - from
  const end = Math.min(target.position.end, to) - from
  if (start < 0 || end <= start) return undefined
  const local = describe(text.slice(from, to), start, end)
  return { page: page.index, label: page.label, fingerprint: pdf.fingerprint, ...local }
}
