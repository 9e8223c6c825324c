// Main process, export job process and CLI: the types an export is read through — what it selects and where it
// reads from (run.ts and backup-stream.ts both use them; kept apart so neither imports the other for types).
import type { z } from 'zod'
import type { exportArgsSchema } from '../../shared/contract-reading'
import type { Annotation, Article, ArticleMeta, HighlightColor } from '../../shared/types'

export type ExportArgs = z.infer<typeof exportArgsSchema>
export type ExportScope = ExportArgs['scope']

/**
 * The articles an export selected, in export order, handed over a slice at a time: from the catalog the app
 * holds, or — in an export job process — asked of the app a slice at a time (job.ts), so the job never holds
 * the whole catalog.
 */
export type Selection = { count: number; slice(from: number, count: number): Promise<ArticleMeta[]> }

/**
 * What an export reads: the articles a scope selects, their annotation and body files, and the tag colours and
 * collections a backup carries. The open Archive in the app (archiveExportSource), or its files in an export
 * job process (jobExportSource in job.ts).
 */
export type ExportSource = {
  readonly dir: string
  /** The articles `scope` selects; throws a `not_found` GlossaError for an unknown id in its articleIds. */
  select(scope: ExportScope): Promise<Selection>
  /** The article's annotations, read without keeping the file open. */
  readAnnotations(id: string): Promise<Annotation[]>
  /** The article with its text; throws when its body cannot be read. */
  getArticle(meta: ArticleMeta): Promise<Article>
  tagColors(): Record<string, HighlightColor>
  collections(): CollectionName[]
}

export type CollectionName = { id: string; name: string }
