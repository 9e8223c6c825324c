// Main process: the one gate for every record that enters the archive — read from an archive file, restored
// from a backup or from the trash (and, later, synced). Shapes are src/shared's schemas, ids follow idSchema,
// and every article body goes through the import sanitizer's allow-list (records-body.ts). A record that fails
// is refused with a reason naming what is wrong; nothing here writes.
import type { z } from 'zod'
import { annotationSchema, articleMetaSchema, colorSchema, tagNameSchema } from '../../shared/schemas'
import type { Annotation, ArticleMeta } from '../../shared/types'
import { isWebUrl } from '../../shared/url-safety'
import { tagNameProblem } from '../../shared/vocabulary'
import { surelyAnnotation } from './annotation-check'
import { belongsIn, bucketAt } from './catalog-layout'
import { bucketOf, isPlainId } from './ids'

export type Checked<T> = { ok: true; value: T } | { ok: false; reason: string }

const MAX_REASON_FIELDS = 3

/** The first few fields a zod failure names, as one phrase. */
function reasonOf(error: z.ZodError): string {
  const parts = error.issues
    .slice(0, MAX_REASON_FIELDS)
    .map((i) => `${i.path.map(String).join('.') || 'the record'}: ${i.message}`)
  const more = error.issues.length - MAX_REASON_FIELDS
  return parts.join('; ') + (more > 0 ? ` (and ${more} more)` : '')
}

const shownKey = (key: string) => JSON.stringify(key.slice(0, 80))

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v)

/** The bucket an id belongs in, as deep as `bucket` when they share their first level. */
const rightBucket = (id: string, bucket: string) =>
  bucketOf(id) === bucket.slice(0, 2) ? bucketAt(id, bucket.length) : bucketOf(id)

/** One catalog entry, stored under `key` in catalog bucket `bucket`. */
export function checkMeta(raw: unknown, key: string, bucket?: string): Checked<ArticleMeta> {
  if (!isPlainId(key)) return { ok: false, reason: `entry ${shownKey(key)} is not under an article id` }
  const parsed = articleMetaSchema.safeParse(raw)
  if (!parsed.success) return { ok: false, reason: `entry ${shownKey(key)}: ${reasonOf(parsed.error)}` }
  const meta = parsed.data
  if (meta.id !== key)
    return { ok: false, reason: `entry ${shownKey(key)} holds article ${shownKey(meta.id)}` }
  // The schema takes any text as an address; the reader links it and exports cite it, so only http(s) passes.
  const badUrl = (['url', 'canonicalUrl'] as const).find((f) => meta[f] !== undefined && !isWebUrl(meta[f]))
  if (badUrl) return { ok: false, reason: `entry ${shownKey(key)}: ${badUrl}: is not an http(s) address` }
  // The per-tag counts are derived from annotations, whose tags and metrics all pass tagNameSchema (so the same
  // rule here, trimming first); the schema takes any key, and tags.list listed one that is none ('', 'a//b') as a
  // tag no call could rename or delete, outside its own contract.
  const badTag = Object.keys(meta.annotationTags).find((t) => tagNameProblem(t) !== null)
  if (badTag !== undefined)
    return {
      ok: false,
      reason: `entry ${shownKey(key)}: annotationTags: ${shownKey(badTag)} is not a tag name`,
    }
  if (bucket !== undefined && !belongsIn(meta.id, bucket))
    return {
      ok: false,
      reason: `entry ${shownKey(key)} belongs in catalog/${rightBucket(meta.id, bucket)}.json`,
    }
  return { ok: true, value: meta }
}

/** Every entry of a catalog bucket file: the entries that pass, and a reason for each one refused. */
export function checkCatalogEntries(
  articles: Record<string, unknown>,
  bucket: string,
  /** Whether the check kept an entry as it was read (catalog-trust.ts asks, to know what it may trust). */
  kept?: (raw: unknown, checked: ArticleMeta) => boolean,
): { metas: ArticleMeta[]; refused: string[]; unchanged: boolean } {
  const metas: ArticleMeta[] = []
  const refused: string[] = []
  let unchanged = kept !== undefined
  // Object.entries sees an own "__proto__" key (JSON.parse makes one) like any other, and refuses it.
  for (const [key, raw] of Object.entries(articles)) {
    const checked = checkMeta(raw, key, bucket)
    if (checked.ok) {
      metas.push(checked.value)
      if (unchanged && !kept!(raw, checked.value)) unchanged = false
    } else refused.push(checked.reason)
  }
  return { metas, refused, unchanged }
}

/** One article's annotations file: every annotation must have the schema's shape and belong to the article. */
export function checkAnnotationFile(data: Record<string, unknown>, articleId: string): true | string {
  if ('articleId' in data && data.articleId !== articleId)
    return `it names article ${shownKey(String(data.articleId))}, not ${articleId}`
  if (!Array.isArray(data.annotations)) return 'it has no list of annotations'
  const list: unknown[] = data.annotations
  // Two annotations under one id: a delete or an edit would reach only the first, and the other would come back
  // as the one deleted. Glossa never writes two (a create sent again returns the one made).
  const ids = new Set<string>()
  for (let i = 0; i < list.length; i++) {
    const raw = list[i]
    // The schema's verdict without its copy for what surely passes (annotation-check.ts); zod for the rest.
    if (!surelyAnnotation(raw)) {
      const parsed = annotationSchema.safeParse(raw)
      if (!parsed.success) return `annotation ${i}: ${reasonOf(parsed.error)}`
    }
    const { id, articleId: owner } = raw as { id: string; articleId: string }
    if (owner !== articleId) return `annotation ${id} belongs to article ${owner}`
    if (ids.has(id)) return `annotation ${id} appears twice`
    ids.add(id)
  }
  return true
}

/** Annotations checked one by one (a backup's, a trash record's): the first that fails is the reason. */
export function checkAnnotations(list: unknown[], articleId: string): Checked<Annotation[]> {
  const verdict = checkAnnotationFile({ annotations: list }, articleId)
  if (verdict !== true) return { ok: false, reason: verdict }
  return { ok: true, value: list.map((a) => annotationSchema.parse(a)) }
}

/** An article body file: plain text, optional HTML, and its own id. */
export function checkBodyFile(data: Record<string, unknown>, id: string): true | string {
  if (data.id !== undefined && data.id !== id) return `it holds the body of ${shownKey(String(data.id))}`
  if (typeof data.text !== 'string') return 'it has no text'
  if (data.html !== undefined && typeof data.html !== 'string') return 'its html is not text'
  return true
}

/** A trash record: the article's metadata, body and annotations, each checked as if read from its own file. */
export function checkTrashRecord(
  raw: unknown,
  id: string,
): Checked<{ meta: ArticleMeta; body: { text: string; html?: string }; annotations: Annotation[] }> {
  if (!isRecord(raw)) return { ok: false, reason: 'it is not a trash record' }
  const meta = checkMeta(raw.meta, id)
  if (!meta.ok) return meta
  if (!isRecord(raw.body)) return { ok: false, reason: 'it has no body' }
  const body = checkBodyFile(raw.body, id)
  if (body !== true) return { ok: false, reason: body }
  if (!Array.isArray(raw.annotations)) return { ok: false, reason: 'it has no list of annotations' }
  const annotations = checkAnnotations(raw.annotations, id)
  if (!annotations.ok) return annotations
  const { text, html } = raw.body as { text: string; html?: string }
  return { ok: true, value: { meta: meta.value, body: { text, html }, annotations: annotations.value } }
}

export type Admitted<T> = { value: T; removed: string[] }

/**
 * An article's metadata as it may enter the archive: addresses other than http(s) (`javascript:`, `data:`)
 * are left out, as import leaves them out.
 */
export function admitMeta(meta: ArticleMeta): Admitted<ArticleMeta> {
  const removed: string[] = []
  const value = { ...meta }
  for (const field of ['url', 'canonicalUrl'] as const) {
    const url = value[field]
    if (url !== undefined && !isWebUrl(url)) {
      delete value[field]
      removed.push(`${field} that is not an http(s) address`)
    }
  }
  return { value, removed }
}

/** tags.json: every key a tag name, every value an optional highlight colour. */
export function checkTagsFile(data: Record<string, unknown>): true | string {
  if (!isRecord(data.tags)) return 'it has no map of tags'
  for (const [name, entry] of Object.entries(data.tags)) {
    if (!tagNameSchema.safeParse(name).success || name !== name.trim())
      return `${shownKey(name)} is not a tag name`
    if (!isRecord(entry)) return `tag ${shownKey(name)} has no settings`
    if (entry.color !== undefined && !colorSchema.safeParse(entry.color).success)
      return `tag ${shownKey(name)} has no such colour`
  }
  return true
}

/** collections.json: every key a collection id, every value a name. */
export function checkCollectionsFile(data: Record<string, unknown>): true | string {
  if (!isRecord(data.collections)) return 'it has no map of collections'
  for (const [id, entry] of Object.entries(data.collections)) {
    if (!isPlainId(id)) return `${shownKey(id)} is not a collection id`
    if (!isRecord(entry) || typeof entry.name !== 'string' || !entry.name.trim() || entry.name.length > 200)
      return `collection ${shownKey(id)} has no usable name`
  }
  return true
}
