// Runs everywhere: the sentence a figure stands in, read from its TextQuoteSelector (prefix + exact + suffix),
// so a figure's quote reads "…412 of the 520 attack drones that Russia launched…" rather than "520" again.
import { CONTEXT_LENGTH } from '../anchoring'
import { SENTENCE_CONTEXT_MAX } from '../figures/figure-target'
import type { TextQuoteSelector } from '../types'

/** Words whose full stop ends no sentence ("Mr. Smith", "Jan. 10", "U.S. officials"). */
const ABBREVIATIONS =
  /(?:^|[\s(])(?:mr|mrs|ms|dr|prof|gen|col|lt|sgt|st|no|vs|etc|jan|feb|aug|sept|oct|nov|dec|e\.g|i\.e|u\.s|u\.k|[\p{L}])\.$/iu

/**
 * Context shorter than the 32 characters a selector keeps means the quote is that near the start or end of
 * the article (as anchoring/text-quote.ts reads it): nothing was cut there.
 */
const reachesEdge = (context: string): boolean => context.length < 31

/**
 * Context longer than 32 characters was kept by figures/figure-target.ts, which stops only at a sentence's
 * bounds (or the article's), or at SENTENCE_CONTEXT_MAX characters: short of that, nothing was cut there.
 */
const reachesSentence = (context: string): boolean =>
  context.length > CONTEXT_LENGTH && context.length < SENTENCE_CONTEXT_MAX

/** Where a sentence ends inside `text`: after its closing punctuation and quotes, before the space. */
function sentenceEnds(text: string): number[] {
  const ends: number[] = []
  for (const m of text.matchAll(/[.!?]+["'”’)\]]*(?=\s+(?:["'“‘„(]|«\s?)?[\p{Lu}\d])|\n/gu)) {
    if (m[0] !== '\n' && ABBREVIATIONS.test(text.slice(0, m.index + 1))) continue
    ends.push(m.index + m[0].length)
  }
  return ends
}

/**
 * The sentence holding the quote, as far as the selector's context reaches. Where the context stops before
 * the sentence does, the text is cut at a word and marked with `…`. Whitespace runs read as one space.
 */
export function quoteSentence(quote: TextQuoteSelector): string {
  const text = quote.prefix + quote.exact + quote.suffix
  const from = quote.prefix.length
  const to = from + quote.exact.length
  const ends = sentenceEnds(text)
  const before = ends.filter((end) => end <= from).at(-1)
  const after = ends.find((end) => end >= to)
  let start = before ?? 0
  let end = after ?? text.length
  // A context that stops mid-sentence (not at the article's start or end): drop the half word at the cut.
  const cutStart = before === undefined && !reachesEdge(quote.prefix) && !reachesSentence(quote.prefix)
  const cutEnd =
    after === undefined &&
    !reachesEdge(quote.suffix) &&
    !reachesSentence(quote.suffix) &&
    !/[.!?]["'”’)\]]*\s*$/.test(text)
  if (cutStart) start = Math.min(from, start + (/^\S*\s/.exec(text.slice(start, from))?.[0].length ?? 0))
  if (cutEnd) {
    const tail = text.slice(to, end)
    const lastSpace = tail.search(/\s\S*$/)
    if (lastSpace >= 0) end = to + lastSpace
  }
  const sentence = text.slice(start, end).replace(/\s+/g, ' ').trim()
  return `${cutStart ? '…' : ''}${sentence}${cutEnd ? '…' : ''}`
}
