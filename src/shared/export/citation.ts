// Runs everywhere: the one-line, APA-like citation printed under each article in Markdown notes.
import { sourceOrDomain } from '../article-source'
import type { ArticleMeta } from '../types'
import { articleUrl, dateParts } from './bundle'

export const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
]

/** `2023, December 21` from an ISO date or timestamp (the date as written, no time-zone shift); `n.d.` if none. */
export function citationDate(publishedAt: string | undefined): string {
  const parts = dateParts(publishedAt)
  if (!parts) return 'n.d.'
  const [year, month, day] = parts
  return `${year}, ${MONTHS[month - 1]} ${day}`
}

/** Collapses line breaks and runs of spaces so user text stays on one line. */
export function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim()
}

/** Ends a piece with a full stop unless it already ends a sentence. */
function sentence(text: string): string {
  return /[.?!…]$/.test(text) ? text : `${text}.`
}

/**
 * Everything but the URL: `Author (2023, December 21). Title. Source.`
 * With no author the title takes the author's place, as APA does: `Title. (n.d.). Source.`
 */
export function citationWithoutUrl(article: ArticleMeta): string {
  const author = oneLine(article.author ?? '')
  const title = oneLine(article.title)
  // No source named: the URL's domain stands in; with no URL either, the title (already leading) is enough.
  const source = oneLine(sourceOrDomain(article) ?? '')
  const date = `(${citationDate(article.publishedAt)})`
  const parts = author ? [`${author} ${date}.`, sentence(title)] : [sentence(title), `${date}.`]
  if (source) parts.push(sentence(source))
  return parts.join(' ')
}

/** One line: `Author (Year, Month D). Title. Source. URL`. */
export function citation(article: ArticleMeta): string {
  const url = articleUrl(article)
  const lead = citationWithoutUrl(article)
  return url ? `${lead} ${oneLine(url)}` : lead
}
