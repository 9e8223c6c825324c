// Main process: documents that came from the remote, written into the archive. Everything from outside is
// hostile: each document is checked against the schemas and its id (shared/sync/docs.ts), then goes through
// the archive's one gate (records.ts: metadata addresses, bodies through the import sanitizer, annotations
// checked against their article), exactly as a backup restore does. A refusal names the document and the
// reason; it never stops the rest.
import { readDoc } from '../../shared/sync/docs'
import type { SyncDoc } from '../../shared/sync/docs'
import { parseDocId } from '../../shared/sync/doc-ids'
import { byCreation } from '../../shared/sync/plan'
import type { Annotation, ArticleMeta } from '../../shared/types'
import type { Archive } from '../archive/archive'
import { removeImages } from '../archive/assets'
import { CURRENT_VERSION } from '../archive/migrations'
import { admitMeta, checkAnnotations } from '../archive/records'
import { readTrash, removeTrash, writeTrash } from '../archive/trash'
import { trashedIds } from './archive-docs'

/** One winning revision to apply: its content, or `undefined` when the winner is a deletion. */
export type Incoming = { id: string; raw?: unknown }

const ORDER = { collection: 0, tag: 1, article: 2, annotation: 3 } as const

function fullMeta(meta: Omit<ArticleMeta, 'counts' | 'annotationTags' | 'textHash' | 'length'>): ArticleMeta {
  return {
    ...meta,
    textHash: '',
    length: 0,
    counts: { highlights: 0, figures: 0, notes: 0 },
    annotationTags: {},
  }
}

/** Applies the documents; returns a reason for each one refused. */
export async function applyIncoming(archive: Archive, incoming: Incoming[]): Promise<Map<string, string>> {
  const refused = new Map<string, string>()
  const trash = new Set(await trashedIds(archive.dir))
  const rank = (id: string) => ORDER[parseDocId(id)?.type ?? 'annotation']
  for (const item of [...incoming].sort((a, b) => rank(a.id) - rank(b.id))) {
    try {
      if (item.raw === undefined) await applyDeletion(archive, item.id, trash)
      else {
        const read = readDoc(item.id, item.raw)
        if (!read.ok) refused.set(item.id, read.reason)
        else await applyDoc(archive, read.doc, trash)
      }
    } catch (err) {
      refused.set(item.id, err instanceof Error ? err.message : String(err))
    }
  }
  return refused
}

async function applyDoc(archive: Archive, doc: SyncDoc, trash: Set<string>): Promise<void> {
  switch (doc.type) {
    case 'collection':
      if (archive.collections.all().find((c) => c.id === doc.id)?.name !== doc.name)
        await archive.collections.put(doc.id, doc.name)
      return
    case 'tag':
      if (archive.tagStore.colors()[doc.name]?.color !== doc.color)
        await archive.tagStore.setColor(doc.name, doc.color)
      return
    case 'article':
      return applyArticle(archive, doc, trash)
    case 'annotation':
      return applyAnnotation(archive, doc.annotation, trash)
  }
}

async function applyArticle(
  archive: Archive,
  doc: Extract<SyncDoc, { type: 'article' }>,
  trash: Set<string>,
): Promise<void> {
  const id = doc.meta.id
  const body = { text: doc.text, ...(doc.html ? { html: doc.html } : {}) }
  if (doc.trashed) {
    if (archive.catalog.has(id)) {
      await archive.deleteArticle(id)
      trash.add(id)
    } else if (!trash.has(id)) {
      // Never seen here and already deleted there: kept in the trash, through the same gate as any article.
      const meta = admitMeta(fullMeta(doc.meta)).value
      const admitted = await archive.admitBody(body, `“${meta.title}” (${id})`)
      await writeTrash(archive.dir, {
        version: 1,
        deletedAt: new Date().toISOString(),
        meta,
        body: { version: CURRENT_VERSION.body, id, ...admitted.value },
        annotations: [],
      })
      trash.add(id)
    }
    return
  }
  if (!archive.catalog.has(id) && trash.has(id)) {
    await archive.restoreArticle(id)
    trash.delete(id)
  }
  if (archive.catalog.has(id)) {
    const { title, source, url, author, publishedAt, tags, collections } = admitMeta(fullMeta(doc.meta)).value
    await archive.updateArticle(id, { title, source, url, author, publishedAt, tags, collections })
  } else {
    // As a backup restore does: the same text (or address) under another id is not stored twice — the
    // sample articles every new archive starts with, or one page two members imported on their own.
    const same = archive.findDuplicate({ text: doc.text, canonicalUrl: doc.meta.canonicalUrl })
    if (same) throw new Error(`the same article is here already as “${same.title}” (${same.id})`)
    await archive.putArticle(fullMeta(doc.meta), body, [])
  }
}

const placeIn = (list: Annotation[], annotation: Annotation) => {
  const at = list.findIndex((a) => a.id === annotation.id)
  if (at >= 0) list[at] = annotation
  else list.push(annotation)
  list.sort(byCreation)
}

async function applyAnnotation(archive: Archive, annotation: Annotation, trash: Set<string>): Promise<void> {
  const { articleId } = annotation
  const checked = checkAnnotations([annotation], articleId)
  if (!checked.ok) throw new Error(checked.reason)
  const admitted = checked.value[0]!
  if (archive.catalog.has(articleId)) {
    await archive.changeAnnotations(articleId, (list) => placeIn(list, admitted))
  } else if (trash.has(articleId)) {
    const record = await readTrash(archive.dir, articleId)
    placeIn(record.annotations, admitted)
    await writeTrash(archive.dir, record)
  } else throw new Error(`its article ${articleId} is not in this archive`)
}

async function applyDeletion(archive: Archive, docId: string, trash: Set<string>): Promise<void> {
  const ref = parseDocId(docId)
  if (!ref) return
  switch (ref.type) {
    case 'collection':
      if (archive.collections.has(ref.id)) await archive.collections.remove(ref.id)
      return
    case 'tag':
      if (archive.tagStore.colors()[ref.name]?.color) await archive.tagStore.setColor(ref.name, undefined)
      return
    case 'article':
      // Emptied from the trash on the other side: gone here too, by the same way (trash, then removal).
      if (archive.catalog.has(ref.id)) await archive.deleteArticle(ref.id)
      await removeTrash(archive.dir, ref.id)
      await removeImages(archive.dir, ref.id).catch(() => {})
      trash.delete(ref.id)
      return
    case 'annotation': {
      const drop = (list: Annotation[]) => {
        const at = list.findIndex((a) => a.id === ref.id)
        if (at >= 0) list.splice(at, 1)
      }
      if (archive.catalog.has(ref.articleId)) {
        const list = await archive.readAnnotations(ref.articleId)
        if (list.some((a) => a.id === ref.id)) await archive.changeAnnotations(ref.articleId, drop)
      } else if (trash.has(ref.articleId)) {
        const record = await readTrash(archive.dir, ref.articleId)
        drop(record.annotations)
        await writeTrash(archive.dir, record)
      }
    }
  }
}
