// Main process: figures across the archive, each with the article it stands in (figures.*).
import type { FigureRecord } from '../../shared/figures'
import { isWithinTag } from '../../shared/tags'
import type { Archive } from '../archive/archive'
import type { HandlerMap, ServiceContext } from './context'

/** Annotations files read at once. */
const READ_WIDTH = 8

/**
 * Each article's figures, kept once read until the article or its annotations change. Only the figures are
 * kept: the annotations files are read, not held open (listAnnotations keeps a file in memory for editing, and
 * the Figures view used it on every article with a figure: at 10,000 articles it held 75 MB of annotations, at
 * 100,000 it would have held every annotation in the archive).
 */
function figureCache(archive: Archive) {
  const byArticle = new Map<string, FigureRecord[]>()
  let listening = false
  const listen = () => {
    if (listening) return
    listening = true
    // Any change to an article (its title, its annotations, its being deleted) drops its figures until read again.
    archive.onChange((change) => byArticle.delete(change.articleId))
  }
  const read = async (articleId: string): Promise<FigureRecord[]> => {
    const article = archive.meta(articleId)
    const ref = {
      id: article.id,
      title: article.title,
      source: article.source,
      publishedAt: article.publishedAt,
      url: article.url,
    }
    const records: FigureRecord[] = []
    for (const annotation of await archive.readAnnotations(articleId))
      if (annotation.figure)
        records.push({ annotation: { ...annotation, figure: annotation.figure }, article: ref })
    return records
  }
  return async (articleIds: string[]): Promise<FigureRecord[][]> => {
    listen()
    const lists = new Array<FigureRecord[]>(articleIds.length)
    let next = 0
    const lane = async () => {
      for (let i = next++; i < articleIds.length; i = next++) {
        const id = articleIds[i]
        let list = byArticle.get(id)
        if (!list) {
          list = await read(id)
          byArticle.set(id, list)
        }
        lists[i] = list
      }
    }
    await Promise.all(Array.from({ length: READ_WIDTH }, lane))
    return lists
  }
}

export function figureHandlers({ archive }: ServiceContext): HandlerMap<'figures'> {
  // Made on first use: the handler map is also built without an archive, to read its method names.
  let cache: ReturnType<typeof figureCache> | undefined
  return {
    'figures.list': async ({ metric }) => {
      const articles = archive
        .list()
        .filter(
          (a) =>
            a.counts.figures > 0 &&
            (!metric || Object.keys(a.annotationTags).some((t) => isWithinTag(t, metric))),
        )
      const lists = await (cache ??= figureCache(archive))(articles.map((a) => a.id))
      return lists.flatMap((list) =>
        metric ? list.filter((r) => isWithinTag(r.annotation.figure.metric, metric)) : list,
      )
    },
  }
}
