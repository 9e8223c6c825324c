// Runs everywhere: what every exporter reads (an export bundle) and writes (files), plus the one reading order.
import type { Annotation, ArticleMeta } from '../types'

/** Everything an export needs; the caller gathers it, so formatters stay pure and never read the clock. */
export type ExportBundle = {
  /** ISO timestamp of the export, used for `accessed` dates and collection ids. */
  generatedAt: string
  /** The exported articles, metadata only, in the order the researcher chose. */
  articles: ArticleMeta[]
  /** Their annotations, in any order. Annotations of articles not in `articles` are left out. */
  annotations: Annotation[]
}

export type ExportFile = { name: string; content: string; mime: string }

export type ArticleAnnotations = { article: ArticleMeta; annotations: Annotation[] }

/** Reading order: where the passage starts, then where it ends, then id so equal spans never swap. */
export function compareReadingOrder(a: Annotation, b: Annotation): number {
  const pa = a.target.position
  const pb = b.target.position
  return pa.start - pb.start || pa.end - pb.end || compareText(a.id, b.id)
}

/** Code-unit comparison: the same order on every machine and locale. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

/** Articles in bundle order, each with its annotations in reading order. */
/**
 * Formats an export a slice of the bundle at a time — consecutive runs of its articles, each with their
 * annotations, in bundle order — so an exporter never holds every annotation at once. `finish` gives the same
 * files as formatting the whole bundle in one go.
 */
export type ExportWriter = { add(slice: ExportBundle): void; finish(): ExportFile[] }

/**
 * A one-file format written as it goes, for exports streamed to disk: `add` gives each slice's text, `end`
 * the text that goes before all of it (which may count what came through, as Markdown's front matter does)
 * and after it. The file is head + every slice's text + tail.
 */
export type StreamWriter = {
  name: string
  mime: string
  add(slice: ExportBundle): string
  end(): { head: string; tail: string }
}

/** A stream's text held until `finish`, for the callers that want the file as one string. */
export function writerOf(stream: StreamWriter): ExportWriter {
  const parts: string[] = []
  return {
    add: (slice) => void parts.push(stream.add(slice)),
    finish: () => {
      const { head, tail } = stream.end()
      return [{ name: stream.name, mime: stream.mime, content: head + parts.join('') + tail }]
    },
  }
}

export function writeWhole(writer: ExportWriter, bundle: ExportBundle): ExportFile[] {
  writer.add(bundle)
  return writer.finish()
}

export function groupByArticle(bundle: ExportBundle): ArticleAnnotations[] {
  const byArticle = new Map<string, Annotation[]>()
  for (const article of bundle.articles) byArticle.set(article.id, [])
  for (const annotation of bundle.annotations) byArticle.get(annotation.articleId)?.push(annotation)
  return bundle.articles.map((article) => ({
    article,
    annotations: [...(byArticle.get(article.id) ?? [])].sort(compareReadingOrder),
  }))
}

/** Every exported annotation beside its article: by article (bundle order), then reading order. */
export function orderedAnnotations(bundle: ExportBundle): { article: ArticleMeta; annotation: Annotation }[] {
  return groupByArticle(bundle).flatMap(({ article, annotations }) =>
    annotations.map((annotation) => ({ article, annotation })),
  )
}

/** The address an article is cited by: the URL it was saved from, else its canonical URL. */
export function articleUrl(article: ArticleMeta): string | undefined {
  return article.url || article.canonicalUrl || undefined
}

/** Tags an annotation is filed under, as the archive counts them: its tags plus its figure's metric. */
export function filingTags(annotation: Annotation): string[] {
  const tags = new Set(annotation.tags)
  if (annotation.figure?.metric) tags.add(annotation.figure.metric)
  return [...tags]
}

export function hasNote(annotation: Annotation): boolean {
  return annotation.note.trim() !== ''
}

/** The calendar date of an ISO date or timestamp as [year, month, day], as written (no time-zone shift). */
export function dateParts(iso: string | undefined): [number, number, number] | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso ?? '')
  if (!match) return undefined
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])]
  return month >= 1 && month <= 12 && day >= 1 && day <= 31 ? [year, month, day] : undefined
}
