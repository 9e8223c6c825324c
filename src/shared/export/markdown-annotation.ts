// Runs everywhere: one annotation as Markdown blocks (quote, figure line, note, tags, colour).
import type { Annotation, Figure } from '../types'
import { groupedNumber } from './numbers'
import { blockquote, escapeLine, obsidianTag } from './markdown-escape'
import { fitNote } from './markdown-note'
import { quoteSentence } from './quote-sentence'

/** `**more than 1,200–1,500** drones a month`: qualifier and value (or range) in bold, then the unit. */
export function figureHeadline(figure: Figure): string {
  const range =
    figure.max !== undefined && figure.max !== figure.value
      ? `${groupedNumber(figure.value)}–${groupedNumber(figure.max)}`
      : groupedNumber(figure.value)
  const unit = figure.unit?.trim() ?? ''
  const percent = unit === '%'
  const bold = [figure.qualifier?.trim() ? escapeLine(figure.qualifier) : '', percent ? `${range}%` : range]
    .filter(Boolean)
    .join(' ')
  return unit && !percent ? `**${bold}** ${escapeLine(unit)}` : `**${bold}**`
}

/** `2023-12-20 – 2023-12-31`, a single date when both ends agree, `from …`/`until …` when one is missing. */
export function figurePeriod(figure: Figure): string {
  const { periodStart: start, periodEnd: end } = figure
  if (start && end) return start === end ? start : `${start} – ${end}`
  if (start) return `from ${start}`
  return end ? `until ${end}` : ''
}

/** The list item for a figure: headline, then ` — metric: … · period: … · place: … · said by: …`. */
export function figureLine(figure: Figure): string {
  let details = ''
  const detail = (label: string, value: string | undefined) => {
    if (value?.trim()) details += `${details ? ' · ' : ' — '}${label}: ${escapeLine(value)}`
  }
  detail('metric', figure.metric)
  detail('period', figurePeriod(figure))
  detail('place', figure.place)
  detail('said by', figure.attributedTo)
  return `- ${figureHeadline(figure)}${details}`
}

/**
 * An annotation as Markdown blocks separated by blank lines: a figure's line first, then the quote as a
 * blockquote (a figure's: its sentence) and its page in a PDF report, the note (kept as Markdown, fitted under `sectionLevel`), its tags and its colour as an
 * Obsidian/Dataview inline field. `extra` blocks (a citation) come last.
 */
export function annotationBlocks(
  annotation: Annotation,
  sectionLevel: number,
  extra: string[] = [],
  /** `p. 12`: a PDF report's page, shown under the quote. */
  page?: string,
): string {
  // Written as one string rather than an array of blocks joined: the same text, with less garbage per
  // annotation (bench/README "Tenth session").
  let text = annotation.figure ? `${figureLine(annotation.figure)}\n\n` : ''
  // A figure's quote is the sentence it stands in: the number alone is already in its line.
  text += blockquote(
    annotation.figure ? quoteSentence(annotation.target.quote) : annotation.target.quote.exact,
  )
  if (page) text += `\n\n(${page})`
  if (annotation.note.trim()) text += `\n\n${fitNote(annotation.note, sectionLevel)}`
  text += '\n\n'
  for (const tag of annotation.tags) text += `${obsidianTag(tag)} `
  // The tags on one line, then the colour on its own.
  if (annotation.tags.length) text = `${text.slice(0, -1)}\n`
  text += `colour:: ${annotation.color}`
  for (const block of extra) text += `\n\n${block}`
  return text
}
