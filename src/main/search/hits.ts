// Main process: turns MiniSearch results into what the renderer shows — one hit per article (its best
// document), a snippet with the matched words marked, and where in the article to scroll to.
import type { SearchResult } from './minisearch-adapter'
import type { Annotation, ArticleMeta } from '../../shared/types'
import { annotationTags, parseDocId } from './documents'
import type { SearchField } from './documents'
import { noteExcerpt } from './note-excerpt'
import { cutSnippet } from './snippet'
import type { ArchiveReader } from '../archive/reader'
import { findSpans } from './terms'

export type HitField = 'title' | 'text' | 'note' | 'tags'

export type SearchHit = {
  articleId: string
  title: string
  score: number
  /** Where the match is in the article's plain text, so the reader can scroll to it (for annotation hits: the annotation's passage). */
  position?: { start: number; end: number }
  /** Set when the match is in an annotation's note or tags: the reader focuses that annotation. */
  annotationId?: string
  /** ~200 chars around the match: from the article text (or the note) when a matched word occurs there, else from the field itself. */
  snippet: string
  /** [start, end) offsets into `snippet` of the matched words. */
  marks: [number, number][]
  /** The highest-weighted field that matched (a match in the source counts as the title line). */
  field: HitField
}

export type HitSources = {
  archive: ArchiveReader
  /** The article's plain text, for snippets. */
  text: (articleId: string) => Promise<string>
}

/**
 * Keeps each article's best-scoring document, orders articles by score (newer first on a tie, so the order
 * does not depend on the order the index was built in), then takes the first `limit`. Results arrive sorted
 * by score, so the walk stops at the first score below the `limit`-th article's: a query for a common word
 * matches every document, and only the top ones need a catalog lookup.
 */
export async function toHits(
  results: Iterable<SearchResult>,
  limit: number,
  src: HitSources,
): Promise<SearchHit[]> {
  const best = new Map<string, SearchResult>()
  let cutoff: number | undefined
  for (const r of results) {
    if (cutoff !== undefined && byScore(r.score, cutoff) > 0) break
    const { articleId } = parseDocId(String(r.id))
    if (best.has(articleId) || !src.archive.has(articleId)) continue
    best.set(articleId, r)
    if (best.size === limit) cutoff = r.score
  }
  const dated = [...best].map(([id, r]) => ({ r, id, date: dateOf(src.archive.meta(id)) }))
  dated.sort((a, b) => byScore(a.r.score, b.r.score) || compare(b.date, a.date) || compare(a.id, b.id))
  const hits = await Promise.all(dated.slice(0, limit).map(({ r }) => toHit(r, src)))
  return hits.filter((h): h is SearchHit => h !== undefined)
}

/** Scores that differ only by floating-point noise (it depends on the order documents were added) tie. */
function byScore(a: number, b: number): number {
  return Math.abs(a - b) <= 1e-9 * Math.max(Math.abs(a), Math.abs(b)) ? 0 : b - a
}

function dateOf(meta: ArticleMeta): string {
  return meta.publishedAt ?? meta.addedAt
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

async function toHit(r: SearchResult, src: HitSources): Promise<SearchHit | undefined> {
  const { articleId, annotationId } = parseDocId(String(r.id))
  if (!src.archive.has(articleId)) return undefined
  const meta = src.archive.meta(articleId)
  const fields = new Set(Object.values(r.match).flat() as SearchField[])
  const terms = new Set(r.terms)
  const base = { articleId, title: meta.title, score: r.score }
  if (annotationId === undefined) return { ...base, ...(await articleSnippet(meta, fields, terms, src)) }
  const annotation = await findAnnotation(src.archive, articleId, annotationId)
  if (!annotation) return undefined
  return { ...base, annotationId, ...annotationSnippet(annotation, terms) }
}

type Located = Pick<SearchHit, 'field' | 'snippet' | 'marks' | 'position'>

async function articleSnippet(
  meta: ArticleMeta,
  fields: Set<SearchField>,
  terms: Set<string>,
  src: HitSources,
): Promise<Located> {
  const field: HitField = fields.has('title')
    ? 'title'
    : fields.has('tags')
      ? 'tags'
      : fields.has('text')
        ? 'text'
        : 'title'
  const text = await src.text(meta.id)
  const spans = findSpans(text, terms)
  if (spans.length > 0) {
    const { snippet, marks, anchor } = cutSnippet(text, spans)
    return {
      field,
      snippet,
      marks,
      ...(anchor ? { position: { start: anchor.start, end: anchor.end } } : {}),
    }
  }
  const line =
    field === 'tags'
      ? meta.tags.join(', ')
      : fields.has('source') && meta.source
        ? `${meta.title} · ${meta.source}`
        : meta.title
  const { snippet, marks } = cutSnippet(line, findSpans(line, terms))
  return { field, snippet, marks }
}

function annotationSnippet(a: Annotation, terms: Set<string>): Located {
  const noteSpans = findSpans(a.note, terms)
  // 'note' exactly when the snippet is the note's Markdown (the renderer renders it so).
  const field: HitField = noteSpans.length > 0 ? 'note' : 'tags'
  const content = `${annotationTags(a).join(', ')} — ${a.target.quote.exact}`
  // A note is Markdown, shown as Markdown: its excerpt is whole blocks, line breaks kept.
  const { snippet, marks } =
    noteSpans.length > 0 ? noteExcerpt(a.note, noteSpans) : cutSnippet(content, findSpans(content, terms))
  const { start, end } = a.target.position
  return { field, snippet, marks, position: { start, end } }
}

async function findAnnotation(
  archive: ArchiveReader,
  articleId: string,
  id: string,
): Promise<Annotation | undefined> {
  try {
    return (await archive.readAnnotations(articleId)).find((a) => a.id === id)
  } catch {
    return undefined
  }
}
