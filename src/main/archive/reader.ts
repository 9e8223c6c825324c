// Main process: what a pass that reads a whole archive needs of it — the catalog, article bodies and annotation
// files — whether it runs beside the open Archive (the app) or in a job process of its own (the index builder,
// an export), which reads the archive's files for the catalog it was sent and never writes.
import type { Annotation, Article, ArticleMeta } from '../../shared/types'
import { GlossaError } from '../../shared/errors'
import type { Archive } from './archive'
import { readBody } from './archive'
import { openAnnotationFile } from './annotation-store'

export type ArchiveReader = {
  readonly dir: string
  list(): ArticleMeta[]
  has(id: string): boolean
  /** Throws a `not_found` GlossaError for an unknown id. */
  meta(id: string): ArticleMeta
  /** Throws when the article's body cannot be read. */
  getArticle(id: string): Promise<Article>
  /** The article's annotations, read without keeping the file open. */
  readAnnotations(id: string): Promise<Annotation[]>
}

export function archiveReader(archive: Archive): ArchiveReader {
  return {
    dir: archive.dir,
    list: () => archive.list(),
    has: (id) => archive.catalog.has(id),
    meta: (id) => archive.meta(id),
    getArticle: (id) => archive.getArticle(id),
    readAnnotations: (id) => archive.readAnnotations(id),
  }
}

/** The archive's files in `dir` as they are on disk, for the catalog entries `metas`. */
export function filesReader(dir: string, metas: ArticleMeta[]): ArchiveReader {
  const byId = new Map(metas.map((m) => [m.id, m]))
  const meta = (id: string) => {
    const found = byId.get(id)
    if (!found) throw new GlossaError('not_found', `No article with id ${id} in this archive.`)
    return found
  }
  return {
    dir,
    list: () => metas,
    has: (id) => byId.has(id),
    meta,
    getArticle: async (id) => {
      const body = await readBody(dir, id)
      return { ...meta(id), text: body.text, ...(body.html ? { html: body.html } : {}) }
    },
    readAnnotations: async (id) => (await openAnnotationFile(dir, id)).data.annotations,
  }
}
