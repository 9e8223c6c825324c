// Runs everywhere: the places where a quote may now sit — exact copies (ignoring whitespace) and fuzzy matches.
import approxSearch from 'approx-string-match'
import { outwardDistance, touches } from './context-similarity'
import { countIgnorable, toOriginalRange, toStrippedOffset } from './normalize-whitespace'
import type { Candidate, QuoteQuery } from './score-candidate'
import { MIN_QUOTE_SIMILARITY } from './score-candidate'
import type { SearchText } from './search-text'
import { CONTEXT_LENGTH } from './text-quote'

/** Caps the fuzzy error budget so that a very long quote does not make the search crawl. */
export const MAX_FUZZY_ERRORS = 256

/** Where `pattern` starts in `text`, only counting copies that lie wholly within `[from, to)`. */
function indexesOf(text: string, pattern: string, from = 0, to = text.length): number[] {
  const found: number[] = []
  const last = to - pattern.length
  for (let at = text.indexOf(pattern, from); at !== -1 && at <= last; at = text.indexOf(pattern, at + 1)) {
    found.push(at)
  }
  return found
}

/** A stretch of the stripped text to search in. */
export type SearchWindow = { from: number; to: number }

/**
 * The original range of the stripped range `[from, to)`: the quote's own characters when they are there
 * verbatim, else the stripped range widened over whitespace wherever the quote began or ended with some.
 */
function toCandidate(
  searchText: SearchText,
  query: QuoteQuery,
  from: number,
  to: number,
  errors: number,
): Candidate {
  const { text, stripped } = searchText
  const verbatimStart = stripped.offsets[from] - query.leading
  if (errors === 0 && verbatimStart >= 0 && text.startsWith(query.quote, verbatimStart)) {
    return { start: verbatimStart, end: verbatimStart + query.quote.length, from, to, errors }
  }
  const widen = { before: query.leading, after: query.trailing }
  return { ...toOriginalRange(text, stripped, from, to, widen), from, to, errors }
}

/**
 * Copies of a quote that is nothing but whitespace, found verbatim. Ignoring whitespace cannot tell apart
 * the copies inside one run of it, so a copy must sit exactly as far into its run as the stored context says.
 */
function whitespaceCandidates(searchText: SearchText, query: QuoteQuery): Candidate[] {
  const { text } = searchText
  const { prefix, suffix } = query.context
  const fits = (start: number, end: number) =>
    (prefix === undefined || countIgnorable(text, start, -1) === countIgnorable(prefix, prefix.length, -1)) &&
    (suffix === undefined || countIgnorable(text, end, 1) === countIgnorable(suffix, 0, 1))
  return indexesOf(text, query.quote)
    .filter((start) => fits(start, start + query.quote.length))
    .map((start) => {
      const from = toStrippedOffset(searchText.stripped, start)
      return { start, end: start + query.quote.length, from, to: from, errors: 0 }
    })
}

/**
 * Exact copies of the quote once whitespace is ignored on both sides. A copy can be accepted only where the
 * characters touching it on one side are unchanged, so with context the others are dropped before scoring:
 * a one-word quote then yields a handful of candidates rather than hundreds.
 */
export function exactCandidates(
  searchText: SearchText,
  query: QuoteQuery,
  window: SearchWindow = { from: 0, to: searchText.stripped.text.length },
): Candidate[] {
  const { pattern, prefix, suffix } = query
  if (pattern.length === 0) return whitespaceCandidates(searchText, query)
  const text = searchText.stripped.text
  // Where a side could agree: its touching characters are there, or it reached the text edge and so do we.
  const couldAgree = (side: QuoteQuery['prefix'], at: number, direction: 1 | -1) =>
    side !== undefined &&
    (side.stored === ''
      ? side.atEdge && (direction === 1 ? at === text.length : at === 0)
      : touches(side.stored, text, at, direction))
  const unguarded = !prefix && !suffix
  return indexesOf(text, pattern, window.from, window.to)
    .filter((at) => unguarded || couldAgree(prefix, at, -1) || couldAgree(suffix, at + pattern.length, 1))
    .map((from) => toCandidate(searchText, query, from, from + pattern.length, 0))
}

/**
 * Approximate matches with at most a quarter of the quote's characters wrong, over the whole text and near
 * the old position: the library reports only the lowest-error matches, which may be untouched copies
 * elsewhere while the edited passage sits at home.
 */
export function fuzzyCandidates(searchText: SearchText, query: QuoteQuery): Candidate[] {
  const text = searchText.stripped.text
  const length = query.pattern.length
  const maxErrors = Math.min(Math.floor(length * (1 - MIN_QUOTE_SIMILARITY)), MAX_FUZZY_ERRORS)
  if (maxErrors < 1) return []
  const found = approxSearch(text, query.pattern, maxErrors)
  if (query.hint !== undefined) {
    const radius = 2 * length + 4 * CONTEXT_LENGTH
    const center = toStrippedOffset(searchText.stripped, query.hint)
    const offset = Math.max(0, center - radius)
    const near = approxSearch(text.slice(offset, center + length + radius), query.pattern, maxErrors)
    for (const match of near) found.push({ ...match, start: match.start + offset, end: match.end + offset })
  }
  const candidates = new Map<string, Candidate>()
  for (const match of found) {
    for (const from of snap(query.prefix?.stored, text, match.start, maxErrors, -1)) {
      for (const to of snap(query.suffix?.stored, text, match.end, maxErrors, 1)) {
        const moved = from !== match.start || to !== match.end
        const errors =
          moved && to > from ? outwardDistance(query.pattern, text.slice(from, to)).full : match.errors
        const key = `${from}:${to}`
        if (to > from && errors <= maxErrors && !candidates.has(key)) {
          candidates.set(key, toCandidate(searchText, query, from, to, errors))
        }
      }
    }
  }
  return [...candidates.values()]
}

/**
 * A match boundary, and the nearest place within `radius` where the stored context touches: the library
 * keeps only the lowest-error alignment, whose end may stop short of an edited last word ("Sunday" in
 * "Sundays") while the passage, with one more error, runs up to the unchanged context.
 */
function snap(
  stored: string | undefined,
  text: string,
  at: number,
  radius: number,
  direction: 1 | -1,
): number[] {
  if (!stored || touches(stored, text, at, direction)) return [at]
  for (let distance = 1; distance <= radius; distance++) {
    for (const near of [at - distance, at + distance]) {
      if (near >= 0 && near <= text.length && touches(stored, text, near, direction)) return [at, near]
    }
  }
  return [at]
}
