// Runs everywhere: the target of a new figure annotation. Its TextQuoteSelector keeps the whole sentence the
// figure stands in as context (prefix back to the sentence's start, suffix on to its end, as far as 600
// characters each side; never less than anchoring's 32), so the Figures view, figures.csv and Markdown can quote
// the sentence (export/quote-sentence.ts) without the article's text. W3C selectors allow context of any length.
import { CONTEXT_LENGTH, describe } from '../anchoring'
import type { Target } from '../types'
import { sentenceAt, splitSentences } from './sentences'

/** How far a figure's context reaches at most, each side. */
export const SENTENCE_CONTEXT_MAX = 600

const isHigh = (code: number) => code >= 0xd800 && code <= 0xdbff
const isLow = (code: number) => code >= 0xdc00 && code <= 0xdfff

export function describeFigureTarget(text: string, start: number, end: number): Target {
  const target = describe(text, start, end)
  const sentences = splitSentences(text)
  if (!sentences.length) return target
  const first = sentences[sentenceAt(sentences, start)]
  const last = sentences[sentenceAt(sentences, Math.max(start, end - 1))]
  // Back past the space to the end of the sentence before (its full stop or line break), so the sentence's
  // start reads as one; on to the next sentence's first character, so its end does.
  let from = first.start
  while (from > 0 && /\s/.test(text[from - 1])) from--
  if (from > 0) from--
  let to = Math.max(last.end, end)
  while (to < text.length && /\s/.test(text[to])) to++
  if (to < text.length) to++
  let prefixStart = Math.max(
    0,
    Math.min(start - CONTEXT_LENGTH, Math.max(from, start - SENTENCE_CONTEXT_MAX)),
  )
  if (prefixStart > 0 && isLow(text.charCodeAt(prefixStart))) prefixStart++
  let suffixEnd = Math.min(
    text.length,
    Math.max(end + CONTEXT_LENGTH, Math.min(to, end + SENTENCE_CONTEXT_MAX)),
  )
  if (suffixEnd < text.length && isHigh(text.charCodeAt(suffixEnd - 1))) suffixEnd--
  return {
    ...target,
    quote: { ...target.quote, prefix: text.slice(prefixStart, start), suffix: text.slice(end, suffixEnd) },
  }
}
