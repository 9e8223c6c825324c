// Runs everywhere: W3C Web Annotation Data Model (JSON-LD) export of every annotation.
import type { Annotation, ArticleMeta, Figure } from '../types'
import type { ExportBundle, ExportFile } from './bundle'
import { articleUrl, hasNote, orderedAnnotations } from './bundle'

export type WebAnnotationOptions = { baseUri?: string }

export const JSONLD_MIME = 'application/ld+json'
export const ANNO_CONTEXT = 'http://www.w3.org/ns/anno.jsonld'
/** Namespace of Glossa's extension properties (`glossa:color`). A URN: Glossa owns no web domain. */
export const GLOSSA_NAMESPACE = 'urn:glossa:vocab:'
export const CONTEXT = [ANNO_CONTEXT, { glossa: GLOSSA_NAMESPACE }] as const

export type TextualBody = {
  type: 'TextualBody'
  value: string
  purpose: 'commenting' | 'tagging' | 'describing'
  format?: string
}

export type WebAnnotation = {
  '@context': typeof CONTEXT
  id: string
  type: 'Annotation'
  motivation: 'describing' | 'commenting' | 'tagging' | 'highlighting'
  created: string
  modified: string
  body?: TextualBody[]
  target: {
    source: string
    selector: [
      { type: 'TextQuoteSelector'; exact: string; prefix: string; suffix: string },
      { type: 'TextPositionSelector'; start: number; end: number },
    ]
  }
  /** Who made it (a team member's user name), as the model's `creator`, a Person. */
  creator?: { type: 'Person'; nickname: string }
  /** Extension: the highlight colour, one of Glossa's six names. */
  'glossa:color': string
}

/**
 * The one motivation of an annotation (the model says there SHOULD be exactly one): a figure is
 * `describing` (it describes a number in the text), else a note makes it `commenting`, else tags alone
 * make it `tagging`, else it is `highlighting`. Each body also carries its own `purpose`.
 */
export function motivationOf(annotation: Annotation): WebAnnotation['motivation'] {
  if (annotation.figure) return 'describing'
  if (hasNote(annotation)) return 'commenting'
  return annotation.tags.length ? 'tagging' : 'highlighting'
}

/** The figure as JSON with its fields in schema order, so output never depends on how it was stored. */
export function figureJson(figure: Figure): string {
  const { value, max, unit, qualifier, metric, periodStart, periodEnd, place, attributedTo } = figure
  return JSON.stringify({ value, max, unit, qualifier, metric, periodStart, periodEnd, place, attributedTo })
}

/**
 * Bodies: the note (`commenting`, Markdown), one `tagging` body per tag, and for a figure a
 * `describing` body whose value is the figure as JSON (`format: application/json`) — a Glossa
 * convention; other clients show it as text.
 */
export function bodiesOf(annotation: Annotation): TextualBody[] {
  const bodies: TextualBody[] = []
  if (hasNote(annotation)) {
    bodies.push({
      type: 'TextualBody',
      value: annotation.note,
      format: 'text/markdown',
      purpose: 'commenting',
    })
  }
  for (const tag of annotation.tags) bodies.push({ type: 'TextualBody', value: tag, purpose: 'tagging' })
  if (annotation.figure) {
    const value = figureJson(annotation.figure)
    bodies.push({ type: 'TextualBody', value, format: 'application/json', purpose: 'describing' })
  }
  return bodies
}

type Ids = {
  collection: string
  page: string
  annotation: (id: string) => string
  article: (id: string) => string
}

/** IRIs under `baseUri` when given (`<base>/annotations/<id>`), else `urn:glossa:…` URNs. */
export function idsFor(bundle: ExportBundle, baseUri: string | undefined): Ids {
  const base = baseUri?.trim().replace(/\/+$/, '')
  if (base) {
    return {
      collection: `${base}/annotations`,
      page: `${base}/annotations?page=0`,
      annotation: (id) => `${base}/annotations/${encodeURIComponent(id)}`,
      article: (id) => `${base}/articles/${encodeURIComponent(id)}`,
    }
  }
  const exportId = `urn:glossa:export:${encodeURI(bundle.generatedAt.trim())}`
  return {
    collection: exportId,
    page: `${exportId}:page:0`,
    annotation: (id) => `urn:glossa:annotation:${encodeURIComponent(id)}`,
    article: (id) => `urn:glossa:article:${encodeURIComponent(id)}`,
  }
}

/** The article's own address when it is an absolute http(s) URL, else Glossa's id for it. */
function sourceOf(article: ArticleMeta, ids: Ids): string {
  const url = articleUrl(article)?.trim()
  return url && /^https?:\/\/[^\s<>"{}|\\^`]+$/i.test(url) ? url : ids.article(article.id)
}

export function toWebAnnotation(annotation: Annotation, article: ArticleMeta, ids: Ids): WebAnnotation {
  const { quote, position } = annotation.target
  const body = bodiesOf(annotation)
  return {
    '@context': CONTEXT,
    id: ids.annotation(annotation.id),
    type: 'Annotation',
    motivation: motivationOf(annotation),
    created: annotation.createdAt,
    modified: annotation.updatedAt,
    ...(annotation.creator ? { creator: { type: 'Person' as const, nickname: annotation.creator } } : {}),
    ...(body.length ? { body } : {}),
    target: {
      source: sourceOf(article, ids),
      selector: [
        { type: 'TextQuoteSelector', exact: quote.exact, prefix: quote.prefix, suffix: quote.suffix },
        { type: 'TextPositionSelector', start: position.start, end: position.end },
      ],
    },
    'glossa:color': annotation.color,
  }
}

/** annotations.jsonld: one AnnotationCollection whose single page holds every annotation in reading order. */
export function exportWebAnnotations(bundle: ExportBundle, opts: WebAnnotationOptions = {}): ExportFile {
  const ids = idsFor(bundle, opts.baseUri)
  const items = orderedAnnotations(bundle).map(({ article, annotation }) =>
    toWebAnnotation(annotation, article, ids),
  )
  const collection = {
    '@context': CONTEXT,
    id: ids.collection,
    type: 'AnnotationCollection',
    label: `Glossa annotations on ${bundle.articles.length} articles`,
    generated: bundle.generatedAt,
    total: items.length,
    first: { id: ids.page, type: 'AnnotationPage', startIndex: 0, items },
  }
  return {
    name: 'annotations.jsonld',
    content: `${JSON.stringify(collection, null, 2)}\n`,
    mime: JSONLD_MIME,
  }
}
