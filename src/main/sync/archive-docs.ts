// Main process: the archive as sync documents — every article (in the catalog or in the trash), annotation,
// coloured tag and collection — each with its change key; the content (an article's body) is read only for the
// documents a sync sends.
import { readdir } from 'node:fs/promises'
import { join } from 'node:path'
import { ASSET_NAME, PDF_ASSET_NAME } from '../../shared/assets'
import { annotationDoc, articleDoc, changeKey, collectionDoc, hashText, tagDoc } from '../../shared/sync/docs'
import type { SyncDoc } from '../../shared/sync/docs'
import type { ScopeFacts } from '../../shared/sync/scope'
import { annotationDocId, articleDocId, collectionDocId, tagDocId } from '../../shared/sync/doc-ids'
import type { Annotation, ArticleMeta } from '../../shared/types'
import type { Archive } from '../archive/archive'
import { readBody } from '../archive/archive'
import { isPlainId } from '../archive/ids'
import { readTrash } from '../archive/trash'
import { readArticleAssets } from '../archive/backup-assets'
import type { SyncAsset } from './sync-protocol'

/**
 * A document's change key, its content on demand, what sharing chosen collections needs (scope.ts), and for an
 * article with files (images, a PDF report) those files on demand: they travel as its CouchDB attachments.
 */
export type DocEntry = {
  key: string
  load: () => Promise<SyncDoc>
  facts?: ScopeFacts
  assets?: () => Promise<SyncAsset[]>
}

/** Every article's stored file names (`assets/<id>/<sha256>.<ext>`): one folder read per article that has files. */
async function assetNames(dir: string): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>()
  for (const id of (await readdir(join(dir, 'assets')).catch(() => [] as string[])).filter(isPlainId)) {
    const names = (await readdir(join(dir, 'assets', id)).catch(() => [] as string[]))
      .filter((n) => ASSET_NAME.test(n) || PDF_ASSET_NAME.test(n))
      .sort()
    if (names.length) out.set(id, names)
  }
  return out
}

/** An article's change key with its files' names (a name is its content's hash): a file added is a change. */
const withAssets = (key: string, names: string[] | undefined) =>
  names?.length ? hashText(`${key}\n${names.join(',')}`) : key

/** The article's files as the sync sends them; a damaged one is left out (the backup's rule). */
const assetsOf = (dir: string, id: string) => async (): Promise<SyncAsset[]> =>
  (await readArticleAssets(dir, id)).assets.map(({ name, dataBase64 }) => ({ name, dataBase64 }))

const annotated = (meta: ArticleMeta) => meta.counts.highlights + meta.counts.figures + meta.counts.notes > 0

export async function trashedIds(dir: string): Promise<string[]> {
  const names = await readdir(join(dir, 'trash')).catch(() => [] as string[])
  return names
    .filter((n) => n.endsWith('.json') && !n.startsWith('.'))
    .map((n) => n.slice(0, -5))
    .filter(isPlainId)
}

/**
 * Every record of the archive as a document id with its change key. `known` lists articles that had annotation
 * documents at the last sync: their annotations are read even when the catalog counts none (all deleted).
 * `only`: the records of these articles alone (with every tag and collection), for what one batch of a sync
 * changed — reading every annotations file after each batch made a sync of N batches read the archive N times.
 */
export async function archiveDocs(
  archive: Archive,
  known: ReadonlySet<string>,
  only?: ReadonlySet<string>,
): Promise<Map<string, DocEntry>> {
  const docs = new Map<string, DocEntry>()
  const addAnnotations = (list: Annotation[]) => {
    for (const a of list) {
      const doc = annotationDoc(a)
      docs.set(annotationDocId(a.articleId, a.id), {
        key: changeKey(doc),
        load: async () => doc,
        facts: { tags: a.figure?.metric ? [...a.tags, a.figure.metric] : a.tags },
      })
    }
  }
  const files = await assetNames(archive.dir)
  const metas = only
    ? [...only].filter((id) => archive.catalog.has(id)).map((id) => archive.meta(id))
    : archive.list()
  for (const meta of metas) {
    const key = withAssets(changeKey(articleDoc(meta, { text: '' }), meta.textHash), files.get(meta.id))
    docs.set(articleDocId(meta.id), {
      key,
      ...(files.has(meta.id) ? { assets: assetsOf(archive.dir, meta.id) } : {}),
      load: async () => articleDoc(meta, await readBody(archive.dir, meta.id)),
      facts: { collections: meta.collections ?? [], tags: meta.tags },
    })
    if (annotated(meta) || known.has(meta.id)) addAnnotations(await archive.readAnnotations(meta.id))
  }
  for (const id of await trashedIds(archive.dir)) {
    if (archive.catalog.has(id) || (only && !only.has(id))) continue
    const record = await readTrash(archive.dir, id).catch(() => undefined)
    if (!record) continue
    const doc = articleDoc(record.meta, record.body, true)
    docs.set(articleDocId(id), {
      key: withAssets(changeKey(doc, record.meta.textHash), files.get(id)),
      ...(files.has(id) ? { assets: assetsOf(archive.dir, id) } : {}),
      load: async () => doc,
      facts: { collections: record.meta.collections ?? [], tags: record.meta.tags },
    })
    addAnnotations(record.annotations)
  }
  for (const [name, { color }] of Object.entries(archive.tagStore.colors())) {
    if (!color) continue
    const doc = tagDoc(name, color)
    docs.set(tagDocId(name), { key: changeKey(doc), load: async () => doc })
  }
  for (const c of archive.collections.all()) {
    const doc = collectionDoc(c)
    docs.set(collectionDocId(c.id), { key: changeKey(doc), load: async () => doc })
  }
  return docs
}
