// Runs everywhere: the W3C TextPositionSelector of a range of an article's plain text.
import type { Target, TextPositionSelector } from '../types'
import { reachesTextEdge } from './text-quote'

export type TextRange = { start: number; end: number }

export function describePosition(text: string, start: number, end: number): TextPositionSelector {
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end <= start || end > text.length) {
    throw new RangeError(
      `Cannot describe the range ${start}–${end} of a ${text.length}-character text: ` +
        'select at least one character inside the text.',
    )
  }
  return { type: 'TextPositionSelector', start, end }
}

/**
 * The stored range, if the text still holds the quote there and the context on at least one side is
 * unchanged. The context check is what keeps a shifted text from landing a short quote on another copy
 * of the same word that happens to sit at the old offsets.
 */
export function matchPosition(text: string, target: Target): TextRange | null {
  const { start, end } = target.position
  const { exact, prefix, suffix } = target.quote
  if (end > text.length || text.slice(start, end) !== exact) return null
  const prefixHolds =
    (reachesTextEdge(prefix) ? start === prefix.length : start >= prefix.length) &&
    text.startsWith(prefix, start - prefix.length)
  const suffixHolds =
    (!reachesTextEdge(suffix) || end + suffix.length === text.length) && text.startsWith(suffix, end)
  return prefixHolds || suffixHolds ? { start, end } : null
}
