// Bench (Node): synthetic annotations on an article's text — highlights, notes, figures and tags — anchored
// with the real `describe`, so every target is what the reader would have saved for that selection.
import { describe } from '../src/shared/anchoring'
import type { Annotation, Figure } from '../src/shared/types'
import type { Random } from './random'
import { COLORS, NOTE_LINES, PLACES, SURNAMES, TOPICS } from './vocabulary'

const FIGURE_PATTERN =
  /\b\d[\d,.]*(?: (?:million|billion|percent|tonnes|megawatts|homes|patients|drones|missiles))?/g
const TAGS = [
  ...TOPICS.map((t) => t.tag),
  'to-check',
  'quote',
  'chapter-2',
  'contradiction',
  'sources/official',
]

/** Word-aligned spans to highlight: a run of 3–25 words starting at a random word. */
function wordSpan(r: Random, text: string, from: number, to: number): { start: number; end: number } | null {
  let start = r.int(from, Math.max(from, to - 20))
  while (start > from && text[start - 1] !== ' ' && text[start - 1] !== '\n') start--
  let end = start
  for (let words = r.int(3, 25); words > 0 && end < to; words--) {
    end = text.indexOf(' ', end + 1)
    if (end < 0 || end > to) end = to
  }
  while (end > start && /[\s,.;]/.test(text[end - 1])) end--
  return end > start ? { start, end } : null
}

function figureFor(r: Random, quote: string, topicTag: string): Figure {
  const value = Number(quote.replace(/[^\d.]/g, '')) || 1
  const figure: Figure = { value, metric: `${topicTag}/${r.pick(['count', 'total', 'change'])}` }
  const unit = /[a-z]+$/.exec(quote)?.[0]
  if (unit) figure.unit = unit
  if (r.chance(0.5)) figure.place = r.pick(PLACES)
  if (r.chance(0.4)) figure.attributedTo = r.pick(SURNAMES)
  if (r.chance(0.3)) figure.periodStart = `202${r.int(1, 4)}-0${r.int(1, 9)}-01`
  return figure
}

function figureSpans(text: string): { start: number; end: number }[] {
  return [...text.matchAll(FIGURE_PATTERN)].map((m) => {
    const quote = m[0].replace(/[.,]+$/, '')
    return { start: m.index, end: m.index + quote.length }
  })
}

export type AnnotationPlan = {
  articleId: string
  text: string
  count: number
  topicTag: string
  /** Spread the spans evenly without overlap (the long read's 500 highlights); random otherwise. */
  evenly?: boolean
  stamp: string
}

export function syntheticAnnotations(r: Random, plan: AnnotationPlan): Annotation[] {
  const { text, count, articleId } = plan
  const figures = plan.evenly ? [] : figureSpans(text)
  const out: Annotation[] = []
  const slot = text.length / count
  for (let i = 0, attempts = 0; out.length < count && attempts < count * 10; attempts++) {
    const asFigure = figures.length > 0 && r.chance(0.2)
    const span = asFigure
      ? r.pick(figures)
      : plan.evenly
        ? wordSpan(r, text, Math.floor(i * slot), Math.floor((i + 1) * slot) - 1)
        : wordSpan(r, text, 0, text.length)
    if (!span || span.end <= span.start) continue
    i++
    const target = describe(text, span.start, span.end)
    const tags = r.chance(0.4) ? [r.pick(TAGS), ...(r.chance(0.3) ? [r.pick(TAGS)] : [])] : []
    out.push({
      id: r.id(),
      articleId,
      kind: asFigure ? 'figure' : 'highlight',
      color: r.pick(COLORS),
      note: r.chance(0.25) ? r.pick(NOTE_LINES) : '',
      tags: [...new Set(tags)],
      target,
      ...(asFigure ? { figure: figureFor(r, target.quote.exact, plan.topicTag) } : {}),
      createdAt: plan.stamp,
      updatedAt: plan.stamp,
    })
  }
  return out
}
