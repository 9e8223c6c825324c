// Main process: what goes into the MiniSearch index — one document per article and one per annotation that has
// a note or tags — and the options used both to build it and to load it back (they must be the same).
import { createHash } from 'node:crypto'
import type { Options, SearchOptions } from './minisearch-adapter'
import type { Annotation, ArticleMeta } from '../../shared/types'
import { processTerm, tokenize } from './terms'

/** Bump whenever fields, tokenizing or the document shape change: older index files are then rebuilt. */
export const INDEX_VERSION = 2

export type SearchField = 'title' | 'text' | 'tags' | 'source' | 'note'

export type SearchDoc = { id: string } & Record<SearchField, string>

/**
 * Every document has every field, empty when it does not apply: MiniSearch averages a field's length over the
 * documents added so far, so a field missing from some documents makes scores depend on the order documents were
 * added in, and a rebuilt index would rank differently from the one it replaces.
 */
const EMPTY: Omit<SearchDoc, 'id'> = { title: '', text: '', tags: '', source: '', note: '' }

export const FIELD_BOOST: Record<SearchField, number> = { title: 3, tags: 2, note: 1.5, text: 1, source: 1 }

export const INDEX_OPTIONS: Options<SearchDoc> = {
  fields: ['title', 'text', 'tags', 'source', 'note'],
  // Nothing is stored: titles come from the live catalog and snippets from the bodies on disk.
  storeFields: [],
  tokenize: (text) => tokenize(text),
  processTerm: (term) => processTerm(term),
}

export const SEARCH_OPTIONS: SearchOptions = {
  boost: FIELD_BOOST,
  // Prefix matching is for the word being typed, the last one. Shorter prefixes expand to thousands of terms.
  prefix: (term, i, terms) => i === terms.length - 1 && term.length >= 3,
  // 0.2 of the length, rounded: one edit from 4 letters, two from 8, never more (each allows many more terms).
  // Numbers match exactly: 2023 is not a typo of 2024.
  fuzzy: (term) => (term.length >= 4 && !/^\d+$/.test(term) ? 0.2 : false),
  maxFuzzy: 2,
}

/** Annotation documents are keyed `<articleId>#<annotationId>`; '#' never occurs in an id. */
export function annotationDocId(articleId: string, annotationId: string): string {
  return `${articleId}#${annotationId}`
}

export function parseDocId(id: string): { articleId: string; annotationId?: string } {
  const at = id.indexOf('#')
  return at < 0 ? { articleId: id } : { articleId: id.slice(0, at), annotationId: id.slice(at + 1) }
}

export function articleDoc(meta: ArticleMeta, text: string): SearchDoc {
  return {
    ...EMPTY,
    id: meta.id,
    title: meta.title,
    text,
    tags: meta.tags.join(' , '),
    source: meta.source ?? '',
  }
}

/** The tags an annotation is found by: its own, plus its figure's metric (as the catalog counts them). */
export function annotationTags(a: Annotation): string[] {
  return [...new Set(a.figure?.metric ? [...a.tags, a.figure.metric] : a.tags)]
}

export function annotationDocs(articleId: string, list: Annotation[]): SearchDoc[] {
  return list
    .filter((a) => a.note.trim() || annotationTags(a).length > 0)
    .map((a) => ({
      ...EMPTY,
      id: annotationDocId(articleId, a.id),
      note: a.note,
      tags: annotationTags(a).join(' , '),
    }))
}

/** Changes whenever the article's own document would: title, tags, source or text. */
export function metaSignature(meta: ArticleMeta): string {
  return createHash('sha1')
    .update(JSON.stringify([meta.title, meta.tags, meta.source ?? '', meta.textHash]))
    .digest('base64url')
    .slice(0, 16)
}
