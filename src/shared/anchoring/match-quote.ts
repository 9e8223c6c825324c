// Runs everywhere: finds where a quote now sits in a text — exactly (ignoring whitespace), then fuzzily.
import { exactCandidates, fuzzyCandidates } from './find-candidates'
import { toStrippedOffset } from './normalize-whitespace'
import type { Candidate, QuoteContext, QuoteQuery, ScoredCandidate } from './score-candidate'
import { bestAccepted, prepareQuery, scoreCandidate } from './score-candidate'
import type { SearchText } from './search-text'
import { createSearchText } from './search-text'

export type { QuoteContext } from './score-candidate'
export type QuoteMatch = { start: number; end: number; score: number; method: 'quote' | 'fuzzy' }

/** Candidates with the same stripped range are the same place, however much whitespace they take in. */
const key = (candidate: Candidate): string => `${candidate.from}:${candidate.to}`

/**
 * Characters either side of the old position searched first. A perfect copy (quote and context unchanged)
 * found within half of this is the answer: any copy farther out can only score lower.
 */
const NEAR = 4096

/** The perfect copy near the old position, if there is one: the common case after an edit above the quote. */
function perfectNearHint(searchText: SearchText, query: QuoteQuery): ScoredCandidate | null {
  if (query.hint === undefined) return null
  const { stripped } = searchText
  const window = {
    from: toStrippedOffset(stripped, query.hint - NEAR),
    to: Math.min(stripped.text.length, toStrippedOffset(stripped, query.hint + NEAR) + query.pattern.length),
  }
  const candidates = exactCandidates(searchText, query, window).map((c) =>
    scoreCandidate(searchText, query, c),
  )
  const best = bestAccepted(candidates)
  return best?.perfect && Math.abs(best.start - query.hint) <= NEAR / 2 ? best : null
}

/**
 * Finds the quote in a prepared text. Exact copies come first; one agreeing on both sides ends the search.
 * Otherwise fuzzy matches join the exact ones and the best accepted candidate wins, so that a copy agreeing
 * on one side cannot beat the edited passage that agrees on both elsewhere.
 */
export function findQuote(searchText: SearchText, quote: string, context: QuoteContext): QuoteMatch | null {
  if (quote.length === 0) return null
  const query = prepareQuery(quote, context)
  const near = perfectNearHint(searchText, query)
  if (near) return toMatch(near)
  const score = (candidate: Candidate): ScoredCandidate => scoreCandidate(searchText, query, candidate)
  const exact = exactCandidates(searchText, query).map(score)
  const bestExact = bestAccepted(exact)
  let best = bestExact
  if (!bestExact?.certain) {
    const known = new Set(exact.map(key))
    const fuzzy = fuzzyCandidates(searchText, query).filter((candidate) => !known.has(key(candidate)))
    best = bestAccepted([...(bestExact ? [bestExact] : []), ...fuzzy.map(score)])
    // A fuzzy match overlapping the exact copy is that copy plus edits at its edges (words inserted next to it,
    // "Sunday" become "Sundays"): keep the quote's own words.
    if (bestExact && best && best.from < bestExact.to && bestExact.from < best.to) best = bestExact
  }
  return best && toMatch(best)
}

const toMatch = (best: ScoredCandidate): QuoteMatch => ({
  start: best.start,
  end: best.end,
  score: best.score,
  method: best.errors === 0 ? 'quote' : 'fuzzy',
})

/**
 * Where `quote` is in `text`, or null. Context is optional: a side that is not given is not required,
 * so without context any exact copy is accepted (the one nearest `hint` if there are several).
 */
export function matchQuote(
  text: string,
  quote: string,
  context: QuoteContext = {},
): { start: number; end: number; score: number } | null {
  const match = findQuote(createSearchText(text), quote, context)
  return match && { start: match.start, end: match.end, score: match.score }
}
