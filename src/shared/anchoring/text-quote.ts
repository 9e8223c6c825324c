// Runs everywhere: the W3C TextQuoteSelector of a range of an article's plain text.
import type { TextQuoteSelector } from '../types'

/** Characters of context kept on each side of a quote (Hypothesis uses the same). */
export const CONTEXT_LENGTH = 32

const isHighSurrogate = (code: number): boolean => code >= 0xd800 && code <= 0xdbff
const isLowSurrogate = (code: number): boolean => code >= 0xdc00 && code <= 0xdfff

/** The quote of `text[start, end)` with up to CONTEXT_LENGTH characters either side, never half a surrogate pair. */
export function describeQuote(text: string, start: number, end: number): TextQuoteSelector {
  let prefixStart = Math.max(0, start - CONTEXT_LENGTH)
  if (prefixStart > 0 && isLowSurrogate(text.charCodeAt(prefixStart))) prefixStart++
  let suffixEnd = Math.min(text.length, end + CONTEXT_LENGTH)
  if (suffixEnd < text.length && isHighSurrogate(text.charCodeAt(suffixEnd - 1))) suffixEnd--
  return {
    type: 'TextQuoteSelector',
    exact: text.slice(start, end),
    prefix: text.slice(prefixStart, start),
    suffix: text.slice(end, suffixEnd),
  }
}

/**
 * Whether a stored context is shorter than describeQuote makes it away from the edges of the text, which
 * means the quote was within CONTEXT_LENGTH characters of the start (prefix) or the end (suffix).
 */
export function reachesTextEdge(context: string): boolean {
  return context.length < CONTEXT_LENGTH - 1
}
