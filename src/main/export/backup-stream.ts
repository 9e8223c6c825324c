// Main process, export job process and CLI: the JSON backup written a slice of articles at a time, in the order
// of the file — every article with its text, then every annotation, then the tag colours and collections, then
// the articles' stored files — so at most one slice of articles (and one article's files) is held at once. The
// text is the same as exportBackup of the whole backup (json-stream.ts).
import { backupParts } from '../../shared/export/json-stream'
import type { Annotation, ArticleMeta } from '../../shared/types'
import { readArticleAssets } from '../archive/backup-assets'
import type { ExportScope, ExportSource, Selection } from './source'

/** The articles of a slice that go in the export and their annotations (run.ts's gatherSlice). */
export type SliceGatherer = (
  articles: ArticleMeta[],
) => Promise<{ articles: ArticleMeta[]; annotations: Annotation[] }>

/** glossa-backup.json's text, in chunks of at most a slice of articles each. */
export async function* backupChunks(
  source: ExportSource,
  selection: Selection,
  scope: ExportScope,
  generatedAt: string,
  gather: SliceGatherer,
  sliceArticles: number,
): AsyncGenerator<string> {
  const parts = backupParts(generatedAt)
  yield parts.head()
  const slices = async function* () {
    for (let at = 0; at < selection.count; at += sliceArticles) yield await selection.slice(at, sliceArticles)
  }
  // A metric keeps only the articles with a figure of it: which ones, their annotations say.
  const kept = async (slice: ArticleMeta[]) => (scope.metric ? (await gather(slice)).articles : slice)
  for await (const slice of slices()) {
    const out: string[] = []
    for (const meta of await kept(slice)) out.push(parts.article(await source.getArticle(meta)))
    yield out.join('')
  }
  yield parts.annotationsStart()
  for await (const slice of slices())
    yield (await gather(slice)).annotations.map((a) => parts.annotation(a)).join('')
  yield parts.rest(source.tagColors(), source.collections())
  // Images and PDFs too: a backup restores the article as it was, not its text alone. One article's at a time.
  for await (const slice of slices())
    for (const meta of await kept(slice)) {
      const { assets } = await readArticleAssets(source.dir, meta.id)
      if (assets.length) yield assets.map((a) => parts.asset(a)).join('')
    }
  yield parts.end()
}
