// Main process: a plain-text article. Blank lines separate paragraphs; a first line
// "date YYYY-MM-DD Title" (the form Glossa's own samples use) gives the date and title.
import { normalizePlainText, textToHtml } from '../../shared/text-model'
import { textOfHtml } from './clean-body'
import { isCalendarDate } from './dates'
import { ImportError, quoteName } from './errors'
import { titleFromText } from './titles'
import type { ImportedDoc } from './types'

const DATE_LINE = /^[ \t]*date[ \t]+(\d{4})-(\d{2})-(\d{2})[ \t]+(\S.*?)[ \t]*$/i
const MAX_TITLE_LINE = 200

export function parseText(raw: string, opts: { name?: string } = {}): ImportedDoc {
  const lines = cleanControls(raw).split('\n')
  const at = lines.findIndex((line) => /\S/.test(line))
  if (at < 0)
    throw new ImportError(
      'empty',
      `${quoteName(opts.name, 'The text')} is empty; there is no text to import.`,
    )
  const first = lines[at]
  const rest = lines.slice(at + 1).join('\n')
  const dated = DATE_LINE.exec(first)
  let title: string | undefined
  let publishedAt: string | undefined
  let body = lines.slice(at).join('\n')
  if (dated && isCalendarDate(+dated[1], +dated[2], +dated[3])) {
    publishedAt = `${dated[1]}-${dated[2]}-${dated[3]}`
    title = dated[4]
    body = rest
  } else if (isHeadline(first, lines[at + 1]) && /\S/.test(rest)) {
    title = first.trim()
    body = rest
  }
  const text = normalizePlainText(body)
  if (!text) {
    throw new ImportError(
      'empty',
      `${quoteName(opts.name, 'The text')} has a title line but no article text under it.`,
    )
  }
  const html = textToHtml(text)
  // textToHtml and the text model disagree on rare whitespace (a no-break space at a line end); trust the model.
  const modelText = textOfHtml(html)
  return {
    title: title ?? titleFromText(modelText),
    text: modelText,
    html,
    ...(publishedAt ? { publishedAt } : {}),
    format: 'text',
  }
}

// Closing quotes and brackets may follow the stop: a lead often ends `… cheaper and quieter."`.
const ENDS_SENTENCE = /[.,;:!…]["'”’»)\]]*$/
// One sentence ends and the next begins (`… twice," said X. "This …`): a paragraph, never a headline.
const SENTENCE_BREAK = /\p{Ll}{2,}[.!…]["'”’»)\]]*\s+["'“‘«(]?\p{Lu}/u

/** A short line standing alone, not ending like a sentence: how a headline looks in a text file. */
function isHeadline(line: string, next: string | undefined): boolean {
  const trimmed = line.trim()
  return (
    trimmed.length <= MAX_TITLE_LINE &&
    !/\S/.test(next ?? '') &&
    !ENDS_SENTENCE.test(trimmed) &&
    !SENTENCE_BREAK.test(trimmed)
  )
}

/** Line endings to \n; form feeds (page breaks) become paragraph breaks; other control characters go. */
function cleanControls(raw: string): string {
  return (
    raw
      .replace(/^\ufeff/, '')
      .replace(/\r\n?/g, '\n')
      .replace(/\f/g, '\n\n')
      .replace(/\v/g, '\n')
      // eslint-disable-next-line no-control-regex -- stripping control characters is the point
      .replace(/[\u0000-\u0008\u000e-\u001f\u007f]/g, '')
  )
}
