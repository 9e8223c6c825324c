// Runs everywhere: anchoring highlights on an article's plain text with W3C Web Annotation selectors
// (TextQuoteSelector + TextPositionSelector), modelled on the Hypothesis client's src/annotator/anchoring.
//
// anchor() tries, in order: the stored position (the quote is still there, one side of context unchanged);
// exact copies of the quote, ignoring whitespace and invisible characters on both sides; fuzzy matches
// (approx-string-match, at most a quarter of the quote's characters wrong). A candidate is scored with
// Hypothesis's weights (quote 50, prefix 20, suffix 20, position 2) but placed only with enough evidence:
// both sides of context agreeing, or one side agreeing strongly for an exact copy. Anything less is an
// orphan (null): a highlight is placed correctly or not at all.
export type { Anchor } from './anchor'
export { anchor, anchorAll, describe } from './anchor'
export type { QuoteContext } from './match-quote'
export { matchQuote } from './match-quote'
export { CONTEXT_LENGTH } from './text-quote'
