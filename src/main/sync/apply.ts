// Main process: documents that came from the remote, written into the archive. Everything from outside is
// hostile: each document is checked against the schemas and its id (shared/sync/docs.ts), then goes through
// the archive's one gate (records.ts: metadata addresses, bodies through the import sanitizer, annotations
// checked against their article), exactly as a backup restore does. A refusal names the document and the
// reason; it never stops the rest.
import { annotationDoc, changeKey, readDoc } from '../../shared/sync/docs'
import type { SyncDoc } from '../../shared/sync/docs'
import { annotationDocId, articleDocId, parseDocId } from '../../shared/sync/doc-ids'
import { byCreation } from '../../shared/sync/plan'
import type { Annotation, ArticleMeta, HighlightColor } from '../../shared/types'
import type { Archive } from '../archive/archive'
import { ASSET_NAME, IMAGE_LIMITS, PDF_ASSET_NAME } from '../../shared/assets'
import { MAX_PDF_BYTES } from '../archive/archive'
import { removeImages } from '../archive/assets'
import { writeArticleAssets } from '../archive/backup-assets'
import type { SyncAsset } from './sync-protocol'
import { CURRENT_VERSION } from '../archive/migrations'
import { admitMeta, checkAnnotations } from '../archive/records'
import { readTrash, removeTrash, writeTrash } from '../archive/trash'
import { trashedIds } from './archive-docs'

/**
 * One winning revision to apply: its content, or `undefined` when the winner is a deletion; an article's files
 * (its attachments) beside it, hostile like the rest.
 */
export type Incoming = { id: string; raw?: unknown; assets?: SyncAsset[] }

/**
 * An article's files from the team, checked as a backup restore checks them (writeArticleAssets: the name is the
 * SHA-256 of the bytes and the bytes are the type the name says) and within the archive's limits; written before
 * the body that names them. Returns how to take back what was written.
 */
async function writeIncomingAssets(
  archive: Archive,
  id: string,
  assets: SyncAsset[],
): Promise<() => Promise<void>> {
  let images = 0
  for (const a of assets) {
    const size = Math.floor((a.dataBase64.length * 3) / 4)
    if (PDF_ASSET_NAME.test(a.name)) {
      if (size > MAX_PDF_BYTES + 3) throw new Error(`its file ${a.name} is larger than a PDF Glossa keeps`)
    } else if (ASSET_NAME.test(a.name)) {
      images += size
      if (size > IMAGE_LIMITS.maxBytes + 3) throw new Error(`its image ${a.name} is larger than Glossa keeps`)
    } else
      throw new Error(
        `it carries a file ${JSON.stringify(a.name.slice(0, 80))} that is not a Glossa file name`,
      )
  }
  if (images > IMAGE_LIMITS.maxTotalBytes + 3) throw new Error('its images are more than an article may keep')
  return writeArticleAssets(
    archive.dir,
    id,
    assets.map((a) => ({ articleId: id, ...a })),
  )
}

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

/**
 * What was changed here and never exchanged, so that a deletion from the team does not take it away (#17: nothing
 * a user typed is lost; CouchDB itself keeps an edit over a deletion). `unsent` says whether a document (with
 * the change key it has now, when given) differs from what was last exchanged or was never exchanged; `kept` receives each article kept here against a
 * deletion, with the message for the user.
 */
export type LocalChanges = {
  unsent: (docId: string, key?: string) => boolean
  kept: Map<string, string>
  /**
   * Whether a record, with the change key it has now, was changed here after the sync chose what to send (a note
   * typed while live sync ran): the team's version is then not written over it but left for the next sync, which
   * sends the edit on the revision it was made from, so both versions meet as a conflict.
   */
  editedMeanwhile?: (docId: string, key: string) => boolean
  /** Receives each document left for the next sync that way: not recorded as exchanged. */
  deferred?: Set<string>
}

/** Applies the documents; returns a reason for each one refused. */
export async function applyIncoming(
  archive: Archive,
  incoming: Incoming[],
  local: LocalChanges = { unsent: () => false, kept: new Map() },
): Promise<Map<string, string>> {
  const refused = new Map<string, string>()
  const trash = new Set(await trashedIds(archive.dir))
  const deleting = new Set(incoming.filter((i) => i.raw === undefined).map((i) => i.id))
  const rank = (id: string) => ORDER[parseDocId(id)?.type ?? 'annotation']
  // New and changed annotations are written one article at a time, each article's file once: taking in 1,000
  // notes on one article rewrote its file 1,000 times before (bench/sync.ts).
  const annotations = new Map<string, { docId: string; annotation: Annotation }[]>()
  // Tag colours in one write of tags.json: a member sending 2,000 made 2,000 writes of a growing file (11 s).
  const colors = new Map<string, { name: string; color: HighlightColor }>()
  const writeColors = async () => {
    const changed = [...colors].filter(([, c]) => archive.tagStore.colors()[c.name]?.color !== c.color)
    colors.clear()
    if (!changed.length) return
    try {
      await archive.tagStore.setColors(changed.map(([, c]) => [c.name, c.color]))
    } catch (err) {
      for (const [docId] of changed) refused.set(docId, err instanceof Error ? err.message : String(err))
    }
  }
  for (const item of [...incoming].sort((a, b) => rank(a.id) - rank(b.id))) {
    // Tags sort before articles: their colours are written before any article comes.
    if (rank(item.id) > ORDER.tag) await writeColors()
    try {
      if (item.raw === undefined) await applyDeletion(archive, item.id, trash, local, deleting)
      else {
        const read = readDoc(item.id, item.raw)
        if (!read.ok) refused.set(item.id, read.reason)
        else if (read.doc.type === 'tag') colors.set(item.id, { name: read.doc.name, color: read.doc.color })
        else if (read.doc.type === 'annotation') {
          const { articleId } = read.doc.annotation
          annotations.set(articleId, [
            ...(annotations.get(articleId) ?? []),
            { docId: item.id, annotation: read.doc.annotation },
          ])
        } else await applyDoc(archive, read.doc, trash, item.assets ?? [])
      }
    } catch (err) {
      refused.set(item.id, err instanceof Error ? err.message : String(err))
    }
  }
  await writeColors()
  for (const [articleId, items] of annotations) {
    try {
      await applyAnnotations(archive, articleId, items, trash, refused, local)
    } catch (err) {
      for (const { docId } of items) refused.set(docId, err instanceof Error ? err.message : String(err))
    }
  }
  return refused
}

async function applyDoc(
  archive: Archive,
  doc: SyncDoc,
  trash: Set<string>,
  assets: SyncAsset[],
): Promise<void> {
  switch (doc.type) {
    case 'collection':
      if (archive.collections.all().find((c) => c.id === doc.id)?.name !== doc.name)
        await archive.collections.put(doc.id, doc.name, { sameName: true })
      return
    case 'tag':
      if (archive.tagStore.colors()[doc.name]?.color !== doc.color)
        await archive.tagStore.setColor(doc.name, doc.color)
      return
    case 'article':
      return applyArticle(archive, doc, trash, assets)
    case 'annotation':
      return applyAnnotations(
        archive,
        doc.annotation.articleId,
        [{ docId: '', annotation: doc.annotation }],
        trash,
      )
  }
}

async function applyArticle(
  archive: Archive,
  doc: Extract<SyncDoc, { type: 'article' }>,
  trash: Set<string>,
  assets: SyncAsset[],
): Promise<void> {
  const id = doc.meta.id
  // The files first: the body names them (an article already here gets any it lacks).
  const undo = await writeIncomingAssets(archive, id, assets)
  try {
    await placeArticle(archive, doc, trash)
  } catch (err) {
    await undo()
    throw err
  }
}

async function placeArticle(
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

/**
 * One article's incoming annotations, each checked against the article on its own (a refused one is named in
 * `refused`, or thrown when there is no such map), then written together: the article's file once.
 */
async function applyAnnotations(
  archive: Archive,
  articleId: string,
  items: { docId: string; annotation: Annotation }[],
  trash: Set<string>,
  refused?: Map<string, string>,
  local?: LocalChanges,
): Promise<void> {
  if (!archive.catalog.has(articleId) && !trash.has(articleId))
    throw new Error(`its article ${articleId} is not in this archive`)
  const admitted: { docId: string; annotation: Annotation }[] = []
  for (const { docId, annotation } of items) {
    const checked = checkAnnotations([annotation], articleId)
    if (checked.ok) admitted.push({ docId, annotation: checked.value[0]! })
    else if (refused) refused.set(docId, checked.reason)
    else throw new Error(checked.reason)
  }
  if (!admitted.length) return
  // Judged against the list as it is written, so a note saved a moment before is never written over.
  const place = (list: Annotation[]) => {
    for (const { docId, annotation: a } of admitted) {
      const at = list.findIndex((x) => x.id === a.id)
      if (at >= 0 && local?.editedMeanwhile?.(docId, changeKey(annotationDoc(list[at]!)))) {
        local.deferred?.add(docId)
        continue
      }
      if (at >= 0) list[at] = a
      else list.push(a)
    }
    list.sort(byCreation)
  }
  if (archive.catalog.has(articleId)) await archive.changeAnnotations(articleId, place)
  else {
    const record = await readTrash(archive.dir, articleId)
    place(record.annotations)
    await writeTrash(archive.dir, record)
  }
}

/** An article's annotations here, in the catalog or in the trash. */
async function localAnnotations(archive: Archive, id: string, trash: Set<string>): Promise<Annotation[]> {
  if (archive.catalog.has(id)) return archive.readAnnotations(id)
  if (trash.has(id)) return (await readTrash(archive.dir, id)).annotations
  return []
}

async function applyDeletion(
  archive: Archive,
  docId: string,
  trash: Set<string>,
  local: LocalChanges,
  deleting: ReadonlySet<string>,
): Promise<void> {
  const ref = parseDocId(docId)
  if (!ref) return
  // An annotation of an article kept here against its deletion stays with it (sent back at the next sync), and
  // an annotation edited here and not yet sent keeps that edit.
  if (ref.type === 'annotation') {
    if (local.kept.has(articleDocId(ref.articleId))) return
    const here = (await localAnnotations(archive, ref.articleId, trash)).find((a) => a.id === ref.id)
    if (here && local.unsent(docId, changeKey(annotationDoc(here)))) return
  }
  switch (ref.type) {
    case 'collection':
      if (archive.collections.has(ref.id)) await archive.collections.remove(ref.id)
      return
    case 'tag':
      if (archive.tagStore.colors()[ref.name]?.color) await archive.tagStore.setColor(ref.name, undefined)
      return
    case 'article': {
      // Emptied from the trash on the other side while this side changed the article or its annotations and
      // had not sent that (or the team still holds annotations of it the other side never saw): kept here as
      // it is, and sent back to the team at the next sync.
      const annotations = await localAnnotations(archive, ref.id, trash)
      const unseen = annotations.some((a) => {
        const id = annotationDocId(ref.id, a.id)
        return local.unsent(id, changeKey(annotationDoc(a))) || !deleting.has(id)
      })
      if ((archive.catalog.has(ref.id) || trash.has(ref.id)) && (local.unsent(docId) || unseen)) {
        const title = archive.catalog.has(ref.id)
          ? archive.catalog.get(ref.id).title
          : (await readTrash(archive.dir, ref.id)).meta.title
        local.kept.set(
          docId,
          `“${title}” was emptied from the trash by another member; your changes not yet sent kept it here, ` +
            'and the next sync sends it back to the team.',
        )
        return
      }
      // Emptied from the trash on the other side: gone here too, by the same way (trash, then removal).
      if (archive.catalog.has(ref.id)) await archive.deleteArticle(ref.id)
      await removeTrash(archive.dir, ref.id)
      await removeImages(archive.dir, ref.id).catch(() => {})
      trash.delete(ref.id)
      return
    }
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
