// Main process: what the search index reads of an archive — its catalog entries, article texts and annotation
// files. In the app that is the open Archive; in the index builder process (build-worker.ts) it is the catalog
// entries the app sent and the archive's files, read and never written (the app holds the archive's lock).
import type { Archive } from '../archive/archive'
import { readBody } from '../archive/archive'
import { openAnnotationFile } from '../archive/annotation-store'
import type { Annotation, ArticleMeta } from '../../shared/types'

export type IndexSource = {
  readonly dir: string
  list(): ArticleMeta[]
  has(id: string): boolean
  /** Throws when the article is not there; check `has` first. */
  meta(id: string): ArticleMeta
  /** The article's plain text; throws when its body cannot be read. */
  text(id: string): Promise<string>
  /** The article's annotations, read without keeping the file open. */
  annotations(id: string): Promise<Annotation[]>
}

export function archiveSource(archive: Archive): IndexSource {
  return {
    dir: archive.dir,
    list: () => archive.list(),
    has: (id) => archive.catalog.has(id),
    meta: (id) => archive.meta(id),
    text: async (id) => (await archive.getArticle(id)).text,
    annotations: (id) => archive.readAnnotations(id),
  }
}

/** The archive's files as they are on disk, for the given catalog entries. */
export function filesSource(dir: string, metas: ArticleMeta[]): IndexSource {
  const byId = new Map(metas.map((m) => [m.id, m]))
  return {
    dir,
    list: () => metas,
    has: (id) => byId.has(id),
    meta: (id) => {
      const meta = byId.get(id)
      if (!meta) throw new Error(`No article ${id} in the catalog sent to the index builder.`)
      return meta
    },
    text: async (id) => (await readBody(dir, id)).text,
    annotations: async (id) => (await openAnnotationFile(dir, id)).data.annotations,
  }
}
