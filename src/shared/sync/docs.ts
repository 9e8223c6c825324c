// Runs everywhere: archive records as CouchDB document bodies and back. One document per article (metadata and
// body; a deleted article stays a document marked `trashed` while it is in the trash), per annotation, per
// coloured tag and per collection. Fields the archive derives (counts, text hash, length) are not sent: each
// side derives them from what it stores. A document read back is checked against the schemas and its id.
import { z } from 'zod'
import { annotationSchema, articleMetaSchema, colorSchema, idSchema, tagNameSchema } from '../schemas'
import type { Annotation, ArticleMeta, HighlightColor } from '../types'
import { articleDocId, annotationDocId, collectionDocId, parseDocId, tagDocId } from './doc-ids'

const TEXT_MAX = 20_000_000

export const syncedMetaSchema = articleMetaSchema.omit({
  counts: true,
  annotationTags: true,
  annotationColors: true,
  annotationCreators: true,
  textHash: true,
  length: true,
})
export type SyncedMeta = z.infer<typeof syncedMetaSchema>

export const articleDocSchema = z.object({
  type: z.literal('article'),
  meta: syncedMetaSchema,
  text: z.string().max(TEXT_MAX),
  html: z.string().max(TEXT_MAX).optional(),
  trashed: z.literal(true).optional(),
})
export const annotationDocSchema = z.object({ type: z.literal('annotation'), annotation: annotationSchema })
export const tagDocSchema = z.object({ type: z.literal('tag'), name: tagNameSchema, color: colorSchema })
export const collectionDocSchema = z.object({
  type: z.literal('collection'),
  id: idSchema,
  name: z.string().trim().min(1).max(200),
})
export const syncDocSchema = z.discriminatedUnion('type', [
  articleDocSchema,
  annotationDocSchema,
  tagDocSchema,
  collectionDocSchema,
])

export type ArticleDoc = z.infer<typeof articleDocSchema>
export type AnnotationDoc = z.infer<typeof annotationDocSchema>
export type TagDoc = z.infer<typeof tagDocSchema>
export type CollectionDoc = z.infer<typeof collectionDocSchema>
export type SyncDoc = z.infer<typeof syncDocSchema>

/** The metadata a document carries: everything but what the archive derives from body and annotations. */
export function syncedMeta(meta: ArticleMeta): SyncedMeta {
  const {
    counts: _c,
    annotationTags: _t,
    annotationColors: _a,
    annotationCreators: _p,
    textHash: _h,
    length: _l,
    ...rest
  } = meta
  return rest
}

export function articleDoc(
  meta: ArticleMeta,
  body: { text: string; html?: string },
  trashed = false,
): ArticleDoc {
  return {
    type: 'article',
    meta: syncedMeta(meta),
    text: body.text,
    ...(body.html ? { html: body.html } : {}),
    ...(trashed ? { trashed: true as const } : {}),
  }
}

export const annotationDoc = (annotation: Annotation): AnnotationDoc => ({ type: 'annotation', annotation })
export const tagDoc = (name: string, color: HighlightColor): TagDoc => ({ type: 'tag', name, color })
export const collectionDoc = (c: { id: string; name: string }): CollectionDoc => ({
  type: 'collection',
  ...c,
})

/** The id a document of this content must have. */
export function docIdFor(doc: SyncDoc): string {
  switch (doc.type) {
    case 'article':
      return articleDocId(doc.meta.id)
    case 'annotation':
      return annotationDocId(doc.annotation.articleId, doc.annotation.id)
    case 'tag':
      return tagDocId(doc.name)
    case 'collection':
      return collectionDocId(doc.id)
  }
}

export type ReadDoc = { ok: true; doc: SyncDoc; by?: string } | { ok: false; reason: string }

/** A document from the remote (hostile): its shape by the schemas, and its content must match its id. */
export function readDoc(docId: string, raw: unknown): ReadDoc {
  if (!parseDocId(docId)) return { ok: false, reason: `${short(docId)} is not a Glossa document id` }
  const { by, fields } = splitBy(stripCouchFields(raw))
  const parsed = syncDocSchema.safeParse(fields)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    const where = issue?.path.map(String).join('.') || 'the document'
    return { ok: false, reason: `${short(docId)}: ${where}: ${issue?.message ?? 'not a Glossa document'}` }
  }
  if (docIdFor(parsed.data) !== docId)
    return { ok: false, reason: `${short(docId)} holds ${short(docIdFor(parsed.data))}` }
  return { ok: true, doc: parsed.data, ...(by ? { by } : {}) }
}

/**
 * A document's `by`: the team user who sent this version (who wrote it, for a conflict's list). It is not part
 * of the record, so it is left out of what the archive stores and of what tells two versions apart.
 */
export function splitBy(raw: unknown): { by?: string; fields: unknown } {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw) || !('by' in raw)) return { fields: raw }
  const { by, ...fields } = raw as Record<string, unknown>
  return { ...(typeof by === 'string' && by.trim() ? { by: by.trim().slice(0, 200) } : {}), fields }
}

const short = (s: string) => JSON.stringify(s.slice(0, 100))

/** A document's own fields, without CouchDB's `_id`, `_rev`, `_conflicts`, `_revisions` and the like. */
export function stripCouchFields(raw: unknown): unknown {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return raw
  return Object.fromEntries(Object.entries(raw).filter(([k]) => !k.startsWith('_')))
}

/** JSON with every object's keys sorted: the same content always gives the same text, to hash and compare. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`
  }
  return JSON.stringify(value) ?? 'null'
}

/** cyrb53, a fast non-cryptographic 53-bit string hash (public domain, by bryc). */
function cyrb53(text: string, seed: number): number {
  let h1 = 0xdeadbeef ^ seed
  let h2 = 0x41c6ce57 ^ seed
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i)
    h1 = Math.imul(h1 ^ ch, 2654435761)
    h2 = Math.imul(h2 ^ ch, 1597334677)
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909)
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909)
  return 4294967296 * (2097151 & h2) + (h1 >>> 0)
}

/** 106 bits of hash as hex: enough to tell whether one document changed, never used for security. */
export function hashText(text: string): string {
  return cyrb53(text, 1).toString(16).padStart(14, '0') + cyrb53(text, 2).toString(16).padStart(14, '0')
}

/**
 * What a document's change is judged by (a hash). An article's body is written once and never edited, so its text hash
 * stands for text and HTML: whether an article changed is known without reading its body.
 */
export function changeKey(doc: SyncDoc, textHash?: string): string {
  if (doc.type !== 'article') return hashText(canonicalJson(doc))
  const { text: _t, html: _h, ...rest } = doc
  return hashText(canonicalJson({ ...rest, textHash }))
}
