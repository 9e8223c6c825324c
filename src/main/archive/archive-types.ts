// Main process: the shapes the archive's API takes and tells (archive.ts): a new article, a patch to one, what
// changed (for derived data such as the search index), and how an archive is opened.
import type { ArticleMeta } from '../../shared/types'
import type { StoredImage } from './assets'

export type NewArticle = Omit<
  ArticleMeta,
  'id' | 'addedAt' | 'textHash' | 'length' | 'counts' | 'annotationTags'
> & {
  text: string
  html?: string
  /** The images `html` names as `glossa-asset:<name>`, written before the body. */
  images?: StoredImage[]
  /** A PDF report's bytes, kept as `assets/<id>/<pdf.file>` (the meta's `pdf`), written before the body. */
  pdfBytes?: Uint8Array
}
export type ArticlePatch = Partial<
  Pick<ArticleMeta, 'title' | 'source' | 'url' | 'author' | 'publishedAt' | 'tags' | 'collections'>
>

/** What changed, so derived data (the search index) can follow without rescanning the archive. */
export type ArchiveChange =
  | { kind: 'article-created' | 'article-updated' | 'article-deleted'; articleId: string }
  | { kind: 'annotations-changed'; articleId: string }
export type ArchiveListener = (change: ArchiveChange) => void
