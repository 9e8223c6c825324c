// Main process: the excerpt of a note shown with a search hit. Notes are Markdown and the renderer shows them as
// Markdown, so the excerpt is made of whole blocks (paragraphs, list items, headings): a cut inside a block could
// leave `**` or `[` open and show raw markup. Blocks left out are marked by a paragraph of its own, "…".
import { cutSnippet } from './snippet'
import type { Snippet } from './snippet'
import type { Span } from './terms'

/** Whole blocks are kept up to this many characters; one longer block is cut like article text. */
export const NOTE_EXCERPT_WIDTH = 400
const GAP = '…'

type Block = { start: number; end: number }

/** Paragraphs and list items: runs of lines between blank lines, a list item starting a block of its own. */
function blocks(note: string): Block[] {
  const out: Block[] = []
  const line = /[^\n]*(?:\n|$)/g
  let current: Block | undefined
  for (const m of note.matchAll(line)) {
    if (m[0] === '') break
    const start = m.index
    const end = start + m[0].replace(/\n$/, '').length
    const blank = note.slice(start, end).trim() === ''
    const item = /^\s*(?:[-*+]|\d+[.)]|#{1,6})\s/.test(note.slice(start, end))
    if (blank || item) current = undefined
    if (blank) continue
    if (current) current.end = end
    else out.push((current = { start, end }))
  }
  return out
}

export function noteExcerpt(note: string, spans: Span[]): Snippet {
  const all = blocks(note)
  if (all.length === 0) return { snippet: '', marks: [] }
  const whole = excerpt(note, 0, all.length - 1, all, spans)
  if (whole.snippet.length <= NOTE_EXCERPT_WIDTH || spans.length === 0) return whole
  const anchor = spans[0]
  const first = Math.max(
    0,
    all.findIndex((b) => anchor.start <= b.end),
  )
  // One block longer than the excerpt is cut on a space, as article text is.
  if (all[first].end - all[first].start > NOTE_EXCERPT_WIDTH) return cutSnippet(note, spans)
  let last = first
  while (last + 1 < all.length && all[last + 1].end - all[first].start <= NOTE_EXCERPT_WIDTH) last++
  return excerpt(note, first, last, all, spans)
}

function excerpt(note: string, first: number, last: number, all: Block[], spans: Span[]): Snippet {
  const start = all[first].start
  const end = all[last].end
  const before = first > 0 ? `${GAP}\n\n` : ''
  const after = last < all.length - 1 ? `\n\n${GAP}` : ''
  const shift = before.length - start
  const marks = spans
    .filter((s) => s.start >= start && s.end <= end)
    .map((s): [number, number] => [s.start + shift, s.end + shift])
  const anchor = spans.find((s) => s.start >= start && s.end <= end)
  return { snippet: before + note.slice(start, end) + after, marks, ...(anchor ? { anchor } : {}) }
}
