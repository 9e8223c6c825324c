// Main process: the gate for article bodies that enter the archive — their HTML through the import sanitizer's
// allow-list (records.ts is the gate for every other record). Apart from records.ts so that what only reads the
// archive's records (an export process, the figures index job) does not load the HTML parser.
import { textToHtml } from '../../shared/text-model'
import { bodyOf, cleanBody } from '../import/clean-body'
import { all, tagOf } from '../import/dom'
import { loadHtml } from '../import/skeleton'
import type { Admitted } from './records'

/** Kinds of removed markup named per article in a restore's report. */
const MAX_KINDS = 12

/**
 * An article body as it may enter the archive: its HTML through the import sanitizer's allow-list. The text is
 * what annotations are anchored on, so it is kept; HTML whose text, once sanitized, is not that text would put
 * highlights on the wrong words, and is replaced by the text's own paragraphs.
 */
export function admitBody(body: ArticleBody): Admitted<ArticleBody> {
  if (!body.html) return { value: { text: body.text }, removed: [] }
  const counts = new Map<string, number>()
  const doc = loadHtml(body.html)
  // Whatever the parser moved into <head> (scripts, styles, meta refreshes) is never stored either.
  for (const el of all(doc, 'head *')) counts.set(`<${tagOf(el)}>`, (counts.get(`<${tagOf(el)}>`) ?? 0) + 1)
  const clean = cleanBody(bodyOf(doc), { removed: counts })
  // Capped: a body made of 100,000 invented tag names must not become a 100,000-part report.
  const kinds = [...counts].map(([what, n]) => (n > 1 ? `${n} × ${what}` : what))
  const removed =
    kinds.length > MAX_KINDS
      ? [...kinds.slice(0, MAX_KINDS), `${kinds.length - MAX_KINDS} more kinds`]
      : kinds
  if (clean.text === body.text) return { value: { text: body.text, html: clean.html }, removed }
  removed.push('markup whose text differs from the article text (replaced by the text)')
  return { value: { text: body.text, html: textToHtml(body.text) }, removed }
}

export type ArticleBody = { text: string; html?: string }
/**
 * Where admitBody runs for bodies that arrive whole from outside (backups, snapshots, the trash): the app and
 * browser mode send them to the parse process, bounded in time and memory like an imported page, so a body
 * built to freeze the sanitizer stops that process and not the app. `name` names the article in a refusal.
 */
export type BodyGate = (body: ArticleBody, name: string) => Promise<Admitted<ArticleBody>>
export const inProcessBodyGate: BodyGate = async (body) => admitBody(body)
