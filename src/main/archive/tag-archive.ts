// Main process: what tag operations (tag-ops.ts) need of an archive. Archive has all of it; tag-ops names this
// type rather than importing archive.ts, which imports tag-ops to finish an interrupted rename when it opens.
import type { Annotation, ArticleMeta } from '../../shared/types'
import type { CatalogStore } from './catalog-store'
import type { TagStore } from './tag-store'

export type TagArchive = {
  readonly dir: string
  readonly catalog: Pick<CatalogStore, 'has' | 'damagedFiles'>
  readonly tagStore: Pick<TagStore, 'damage' | 'colors' | 'setColor'>
  list(): ArticleMeta[]
  meta(id: string): ArticleMeta
  readAnnotations(articleId: string): Promise<Annotation[]>
  updateArticle(id: string, patch: { tags: string[] }): Promise<ArticleMeta>
  changeAnnotations<R>(articleId: string, change: (list: Annotation[]) => R): Promise<R>
}
