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
  const fields: [string, string | undefined][] = [
    ['metric', figure.metric],
    ['period', figurePeriod(figure)],
    ['place', figure.place],
    ['said by', figure.attributedTo],
  ]
  const details = fields
    .filter((field): field is [string, string] => Boolean(field[1]?.trim()))
    .map(([label, value]) => `${label}: ${escapeLine(value)}`)
  return `- ${figureHeadline(figure)}${details.length ? ` — ${details.join(' · ')}` : ''}`
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
  const blocks: string[] = []
  if (annotation.figure) blocks.push(figureLine(annotation.figure))
  // A figure's quote is the sentence it stands in: the number alone is already in its line.
  blocks.push(
    blockquote(annotation.figure ? quoteSentence(annotation.target.quote) : annotation.target.quote.exact),
  )
  if (page) blocks.push(`(${page})`)
  if (annotation.note.trim()) blocks.push(fitNote(annotation.note, sectionLevel))
  const tags = annotation.tags.map(obsidianTag).join(' ')
  blocks.push([tags, `colour:: ${annotation.color}`].filter(Boolean).join('\n'))
  return [...blocks, ...extra].join('\n\n')
}
