// Main process: how text becomes search terms. The index and the snippet cutter share these, so a word the
// index matched is always found again at its exact offsets in the stored text.

/** A word is a run of letters, digits and combining marks; everything else (spaces, punctuation, symbols) separates. */
const WORD = /[\p{L}\p{N}\p{M}]+/gu
/** Longer "words" are URLs, hashes or base64 that nobody searches for; skipping them keeps the index lean. */
const MAX_TERM_LENGTH = 64

export type Span = { start: number; end: number; term: string }

export function tokenize(text: string): string[] {
  return text.match(WORD) ?? []
}

export function processTerm(term: string): string | null {
  return term.length > MAX_TERM_LENGTH ? null : term.toLowerCase()
}

/** Every occurrence in `content` of a word whose processed form is one of `terms`, in order. */
export function findSpans(content: string, terms: ReadonlySet<string>): Span[] {
  const spans: Span[] = []
  if (terms.size === 0) return spans
  for (const m of content.matchAll(WORD)) {
    const term = processTerm(m[0])
    if (term !== null && terms.has(term)) spans.push({ start: m.index, end: m.index + m[0].length, term })
  }
  return spans
}
