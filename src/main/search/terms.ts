// Main process: how text becomes search terms. The index and the snippet cutter share these, so a word the
// index matched is always found again at its exact offsets in the stored text.

/** A word is a run of letters, digits and combining marks; everything else (spaces, punctuation, symbols) separates. */
const WORD = /[\p{L}\p{N}\p{M}]+/gu
/** Longer "words" are URLs, hashes or base64 that nobody searches for; skipping them keeps the index lean. */
const MAX_TERM_LENGTH = 64

export type Span = { start: number; end: number; term: string }

/**
 * Words too common to narrow a search. They stay in the index (a query of only such words still works), but
 * a query drops them when it has others: "could not be independently verified" searches "independently
 * verified" instead of scoring nearly every article.
 */
export const QUERY_STOP_WORDS = new Set(
  'a an and are as at be been but by can could did do for from had has have he her his i in is it its not of on or our she that the their them they this to was we were which who will with would you'.split(
    ' ',
  ),
)

export function dropStopWords(terms: string[]): string[] {
  const content = terms.filter((t) => !QUERY_STOP_WORDS.has(t.toLowerCase()))
  return content.length ? content : terms
}

export function tokenize(text: string): string[] {
  return text.match(WORD) ?? []
}

export function processTerm(term: string): string | null {
  return term.length > MAX_TERM_LENGTH ? null : term.toLowerCase()
}

/** Terms of ASCII letters and digits only: found by one case-insensitive pattern instead of every word. */
const ASCII_TERM = /^[a-z0-9]+$/

/** Every occurrence in `content` of a word whose processed form is one of `terms`, in order. */
export function findSpans(content: string, terms: ReadonlySet<string>): Span[] {
  const spans: Span[] = []
  if (terms.size === 0) return spans
  if ([...terms].every((t) => ASCII_TERM.test(t))) return findAsciiSpans(content, terms)
  for (const m of content.matchAll(WORD)) {
    const term = processTerm(m[0])
    if (term !== null && terms.has(term)) spans.push({ start: m.index, end: m.index + m[0].length, term })
  }
  return spans
}

/**
 * findSpans for ASCII terms: one pattern matches each term as a whole word (no letter, digit or mark on either
 * side) in any case, and each match is checked as findSpans checks a word (Unicode case folding also matches
 * the long s or the Kelvin sign, which processTerm does not lower to ASCII). Every word whose processed form is
 * an ASCII term matches the pattern, so the spans are the same as a walk over every word gives, without making
 * a match object and a lower-cased copy of every word of a 5 KB text.
 */
function findAsciiSpans(content: string, terms: ReadonlySet<string>): Span[] {
  const spans: Span[] = []
  const longestFirst = [...terms].sort((a, b) => b.length - a.length)
  const pattern = new RegExp(
    `(?<![\\p{L}\\p{N}\\p{M}])(?:${longestFirst.join('|')})(?![\\p{L}\\p{N}\\p{M}])`,
    'giu',
  )
  for (const m of content.matchAll(pattern)) {
    const term = processTerm(m[0])
    if (term !== null && terms.has(term)) spans.push({ start: m.index, end: m.index + m[0].length, term })
  }
  return spans
}
