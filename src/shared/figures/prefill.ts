// Runs everywhere: what the figure form is prefilled with for a span of an article — the number read
// there, the period it refers to and who said it. The form and `glossa figures --json` use this one function.
import { detectFigures } from './detect'
import { articleLexicon } from './lang'
import { suggestPeriod } from './period'
import { attributeSpeaker } from './speaker-model'
import type { FigureCandidate } from './types'

export type Prefill = {
  value?: number
  max?: number
  unit?: string
  qualifier?: string
  period?: { start: string; end: string }
  attributedTo?: string
}

/**
 * `lang` is the article's language (`en`, `fr`, …); `articleDate` an ISO date the period is read against.
 * `candidate` is the detected figure at the span, when there is one.
 */
export function prefillFigure(args: {
  text: string
  start: number
  end: number
  lang?: string
  articleDate?: string
  candidate?: FigureCandidate
}): Prefill {
  const { text, start, end, candidate } = args
  const lex = articleLexicon(args.lang, text)
  const prefill: Prefill = {}
  if (candidate) {
    prefill.value = candidate.value
    if (candidate.max !== undefined) prefill.max = candidate.max
    if (candidate.unit) prefill.unit = candidate.unit
    if (candidate.qualifier) prefill.qualifier = candidate.qualifier
  }
  const period = suggestPeriod({ text, start, end, articleDate: args.articleDate, lex })
  // A span that ends before it starts is a misreading, never a period to offer (ISO dates compare as strings)
  if (period && period.start <= period.end) prefill.period = { start: period.start, end: period.end }
  const attributedTo = attributeSpeaker({ text, start, end, lex })
  if (attributedTo) prefill.attributedTo = attributedTo
  return prefill
}

/** Every figure of `text` with its prefill, for scripts (`glossa figures FILE --json`). */
export function figuresWithPrefill(args: {
  text: string
  lang?: string
  articleDate?: string
}): (FigureCandidate & { period?: Prefill['period']; attributedTo?: string })[] {
  const lex = articleLexicon(args.lang, args.text)
  return detectFigures(args.text, lex).map((candidate) => {
    const { period, attributedTo } = prefillFigure({
      ...args,
      lang: lex.code,
      start: candidate.start,
      end: candidate.end,
      candidate,
    })
    return { ...candidate, ...(period ? { period } : {}), ...(attributedTo ? { attributedTo } : {}) }
  })
}
