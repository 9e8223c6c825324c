// Main process: cuts a ~200-character excerpt around the densest cluster of matched words, on word boundaries,
// and reports where the matched words sit inside it so the renderer can mark them without searching again.
import type { Span } from './terms'

export type Snippet = {
  snippet: string
  /** [start, end) offsets into `snippet` of each matched word. */
  marks: [number, number][]
  /** The match the excerpt is built around (offsets into the content), if any word matched. */
  anchor?: Span
}

export const SNIPPET_WIDTH = 200
/** Context kept before the anchor, so the excerpt reads as a sentence rather than starting on the match. */
const LEAD = 50
/** A query for a very common word can match hundreds of times; the densest cluster is found among the first ones. */
const MAX_CANDIDATES = 400
const ELLIPSIS = '…'

export function cutSnippet(content: string, spans: Span[], width = SNIPPET_WIDTH): Snippet {
  const anchor = densest(spans, width - LEAD)
  let start = 0
  let end = content.length
  if (content.length > width) {
    const from = anchor?.start ?? 0
    start = Math.max(0, from - LEAD)
    if (start > 0) start = afterWhitespace(content, start, from)
    end = Math.min(content.length, start + width)
    if (end < content.length) end = lastWhitespace(content, Math.max(anchor?.end ?? start, start + 1), end)
  }
  while (start < end && isSpace(content[start])) start++
  while (end > start && isSpace(content[end - 1])) end--

  const before = /\S/.test(content.slice(0, start)) ? ELLIPSIS : ''
  const after = /\S/.test(content.slice(end)) ? ELLIPSIS : ''
  const body = content.slice(start, end).replace(/\s/g, ' ')
  const shift = before.length - start
  const marks = spans
    .filter((s) => s.start >= start && s.end <= end)
    .map((s): [number, number] => [s.start + shift, s.end + shift])
  return { snippet: before + body + after, marks, ...(anchor ? { anchor } : {}) }
}

/** The span that starts the window holding the most distinct matched terms (the earliest on a tie). */
function densest(spans: Span[], reach: number): Span | undefined {
  const candidates = spans.slice(0, MAX_CANDIDATES)
  let best: Span | undefined
  let bestCount = 0
  for (let i = 0; i < candidates.length; i++) {
    const terms = new Set<string>()
    const limit = candidates[i].start + reach
    for (let j = i; j < candidates.length && candidates[j].end <= limit; j++) terms.add(candidates[j].term)
    if (terms.size > bestCount) {
      best = candidates[i]
      bestCount = terms.size
    }
  }
  return best ?? candidates[0]
}

/** The first word start in [from, limit]; `limit` itself when one word spans the whole range. */
function afterWhitespace(content: string, from: number, limit: number): number {
  for (let i = from; i < limit; i++) if (isSpace(content[i - 1]) && !isSpace(content[i])) return i
  return limit
}

/** The last whitespace position in [min, max] to cut at; `max` when there is none (one very long word). */
function lastWhitespace(content: string, min: number, max: number): number {
  for (let i = max; i >= min; i--) if (isSpace(content[i])) return i
  return max
}

function isSpace(ch: string | undefined): boolean {
  return ch !== undefined && /\s/.test(ch)
}
