// Runs everywhere: scores a place where a quote may now be, and decides whether it is safe to put it there.
import type { SideAgreement } from './context-similarity'
import { compareSide, reverse, touches, windowLength } from './context-similarity'
import { isIgnorable, stripString } from './normalize-whitespace'
import type { SearchText } from './search-text'
import { CONTEXT_LENGTH, reachesTextEdge } from './text-quote'

/** Hypothesis's weights: the quote matters most, each side of context less, closeness to the old place least. */
export const WEIGHTS = { quote: 50, prefix: 20, suffix: 20, position: 2 } as const
/** A fuzzy match may differ from the quote in at most a quarter of its (non-whitespace) characters. */
export const MIN_QUOTE_SIMILARITY = 0.75

/** Longer stored contexts (from other tools) are cut to the characters nearest the quote. */
const MAX_CONTEXT_CHARS = 2 * CONTEXT_LENGTH

export type QuoteContext = { prefix?: string; suffix?: string; hint?: number }

/** A quote and its context, stripped of whitespace once for all the candidates. */
export type QuoteQuery = {
  quote: string
  /** The stripped quote. */
  pattern: string
  /** How many whitespace characters the quote begins and ends with. */
  leading: number
  trailing: number
  /** The stripped prefix, reversed so that it reads outward from the quote. */
  prefix?: { stored: string; atEdge: boolean }
  suffix?: { stored: string; atEdge: boolean }
  hint?: number
  /** The context as given. */
  context: QuoteContext
}

/** A place in the text: `start`/`end` in the original text, `from`/`to` in the stripped one. */
export type Candidate = { start: number; end: number; from: number; to: number; errors: number }

export type ScoredCandidate = Candidate & {
  score: number
  accepted: boolean
  /** Both sides of the given context agree (or none was given). */
  certain: boolean
  /** The quote and every given side of context are unchanged (and the sides agree). */
  perfect: boolean
}

export function prepareQuery(quote: string, context: QuoteContext): QuoteQuery {
  const side = (stored: string | undefined, outward: (s: string) => string, atEdge: boolean) =>
    stored === undefined
      ? undefined
      : { stored: outward(stripString(stored)).slice(0, MAX_CONTEXT_CHARS), atEdge }
  const pattern = stripString(quote)
  let leading = 0
  while (leading < quote.length && isIgnorable(quote.charCodeAt(leading))) leading++
  let trailing = 0
  while (leading + trailing < quote.length && isIgnorable(quote.charCodeAt(quote.length - 1 - trailing)))
    trailing++
  return {
    quote,
    pattern,
    leading,
    trailing,
    // A short prefix reached the start of the text, unless the old position says it did not.
    prefix: side(
      context.prefix,
      reverse,
      reachesTextEdge(context.prefix ?? '') &&
        (context.hint === undefined || context.hint === context.prefix?.length),
    ),
    suffix: side(context.suffix, (s) => s, reachesTextEdge(context.suffix ?? '')),
    hint: context.hint,
    context,
  }
}

const NO_AGREEMENT: SideAgreement = { similarity: 0, agrees: false, strong: false }

function prefixAgreement(searchText: SearchText, query: QuoteQuery, from: number): SideAgreement | undefined {
  if (!query.prefix) return undefined
  const { text } = searchText.stripped
  if (!touches(query.prefix.stored, text, from, -1)) return NO_AGREEMENT
  const windowStart = from - windowLength(query.prefix.stored.length)
  const actual = reverse(text.slice(Math.max(0, windowStart), from))
  return compareSide(query.prefix.stored, actual, {
    storedAtEdge: query.prefix.atEdge,
    actualAtEdge: windowStart <= 0,
  })
}

function suffixAgreement(searchText: SearchText, query: QuoteQuery, to: number): SideAgreement | undefined {
  if (!query.suffix) return undefined
  const { text } = searchText.stripped
  if (!touches(query.suffix.stored, text, to, 1)) return NO_AGREEMENT
  const windowEnd = to + windowLength(query.suffix.stored.length)
  const actual = text.slice(to, windowEnd)
  return compareSide(query.suffix.stored, actual, {
    storedAtEdge: query.suffix.atEdge,
    actualAtEdge: windowEnd >= text.length,
  })
}

/**
 * Scores a candidate the Hypothesis way (each part a similarity in 0–1, weighted, normalised to 0–1) and
 * accepts it only with enough evidence that it is the same passage:
 * - the quote differs in at most a quarter of its characters, and
 * - both sides of context agree, or, for an exact quote, one side agrees strongly
 *   (a side that was not given is not required).
 * The weighted score alone cannot decide this: an exact quote with no context at all still scores 50/92.
 */
export function scoreCandidate(
  searchText: SearchText,
  query: QuoteQuery,
  candidate: Candidate,
): ScoredCandidate {
  const quoteSimilarity = query.pattern.length === 0 ? 1 : 1 - candidate.errors / query.pattern.length
  const sides = [
    prefixAgreement(searchText, query, candidate.from),
    suffixAgreement(searchText, query, candidate.to),
  ]
  const positionSimilarity =
    query.hint === undefined
      ? 1
      : 1 - Math.abs(candidate.start - query.hint) / Math.max(1, searchText.text.length)
  // A side that does not agree is noise, not evidence: it must not outweigh closeness to the old position.
  const [prefix, suffix] = sides.map((side) => (side === undefined ? 1 : side.agrees ? side.similarity : 0))
  const raw =
    WEIGHTS.quote * quoteSimilarity +
    WEIGHTS.prefix * prefix +
    WEIGHTS.suffix * suffix +
    WEIGHTS.position * positionSimilarity
  const score = raw / (WEIGHTS.quote + WEIGHTS.prefix + WEIGHTS.suffix + WEIGHTS.position)

  const given = sides.filter((side): side is SideAgreement => side !== undefined)
  const certain = given.every((side) => side.agrees)
  const oneStrongSide = given.some((side) => side.strong)
  const contextAgrees = given.length === 0 || certain || (candidate.errors === 0 && oneStrongSide)
  const perfect = candidate.errors === 0 && certain && given.every((side) => side.similarity === 1)
  const accepted = quoteSimilarity >= MIN_QUOTE_SIMILARITY && contextAgrees
  return { ...candidate, score, certain, perfect, accepted }
}

/** The accepted candidate with the highest score; the earlier one wins a tie. */
export function bestAccepted(candidates: ScoredCandidate[]): ScoredCandidate | null {
  let best: ScoredCandidate | null = null
  for (const candidate of candidates) {
    if (candidate.accepted && (best === null || candidate.score > best.score)) best = candidate
  }
  return best
}
