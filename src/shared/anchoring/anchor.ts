// Runs everywhere: describes a range of an article's plain text as a Target, and places Targets again
// after the text has changed — at the stored position, else by quote, else fuzzily, else not at all.
import type { Target } from '../types'
import { findQuote } from './match-quote'
import type { SearchText } from './search-text'
import { createSearchText } from './search-text'
import { describePosition, matchPosition } from './text-position'
import { describeQuote } from './text-quote'

export type Anchor = { start: number; end: number; method: 'position' | 'quote' | 'fuzzy'; score?: number }

/** The Target of `text[start, end)`; throws a RangeError unless 0 ≤ start < end ≤ text.length. */
export function describe(text: string, start: number, end: number): Target {
  return { position: describePosition(text, start, end), quote: describeQuote(text, start, end) }
}

function anchorIn(searchText: SearchText, target: Target): Anchor | null {
  const { position, quote } = target
  const stored = matchPosition(searchText.text, target)
  if (stored) return { ...stored, method: 'position' }
  const match = findQuote(searchText, quote.exact, {
    prefix: quote.prefix,
    suffix: quote.suffix,
    hint: position.start,
  })
  if (!match) return null
  const atStoredPosition =
    match.method === 'quote' && match.start === position.start && match.end === position.end
  return {
    start: match.start,
    end: match.end,
    method: atStoredPosition ? 'position' : match.method,
    score: match.score,
  }
}

/** Where `target` is in `text` now, or null when it cannot be placed with confidence (an orphan). */
export function anchor(text: string, target: Target): Anchor | null {
  return anchorIn(createSearchText(text), target)
}

/**
 * Anchors many targets on one text, sharing the work of preparing it (the whitespace-stripped view is built
 * once, and only if some target is not at its stored position). Orphans keep their input order; if two
 * items share an id, the later one's anchor is kept.
 */
export function anchorAll<T extends { id: string; target: Target }>(
  text: string,
  items: T[],
): { placed: Map<string, Anchor>; orphans: T[] } {
  const searchText = createSearchText(text)
  const placed = new Map<string, Anchor>()
  const orphans: T[] = []
  for (const item of items) {
    const found = anchorIn(searchText, item.target)
    if (found) placed.set(item.id, found)
    else orphans.push(item)
  }
  return { placed, orphans }
}
