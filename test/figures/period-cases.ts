// Tests: the period prefill of one figure in a short text, and a short article with its date line — shared by
// the period tests of every round (src/shared/figures/period-*.test.ts).
import { prefillFigure } from '../../src/shared/figures/index'

/**
 * The prefilled period of the first occurrence of `figure` in `text` (the last with `last`, for a figure the
 * lead names before the paragraph under test), as [start, end], or undefined.
 */
export function period(
  text: string,
  figure: string,
  lang: string,
  { last = false } = {},
): [string, string] | undefined {
  const start = last ? text.lastIndexOf(figure) : text.indexOf(figure)
  if (start < 0) throw new Error(`"${figure}" is not in the text`)
  const articleDate = /^date (\S+)/.exec(text)?.[1]
  const p = prefillFigure({ text, start, end: start + figure.length, lang, articleDate }).period
  return p ? [p.start, p.end] : undefined
}

/** An article: its `date` line with a title, then the paragraphs. */
export const article = (date: string, ...paragraphs: string[]): string =>
  [`date ${date} Title`, ...paragraphs].join('\n\n')
