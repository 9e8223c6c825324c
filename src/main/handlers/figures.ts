// Main process: figures across the archive, each with the article it stands in (figures.*).
import { isWithinTag } from '../../shared/tags'
import type { HandlerMap, ServiceContext } from './context'

export function figureHandlers({ archive }: ServiceContext): HandlerMap<'figures'> {
  return {
    'figures.list': async ({ metric }) => {
      const records = []
      for (const article of archive.list()) {
        if (article.counts.figures === 0) continue
        if (metric && !Object.keys(article.annotationTags).some((t) => isWithinTag(t, metric))) continue
        const ref = {
          id: article.id,
          title: article.title,
          source: article.source,
          publishedAt: article.publishedAt,
          url: article.url,
        }
        for (const annotation of await archive.listAnnotations(article.id)) {
          if (!annotation.figure || (metric && !isWithinTag(annotation.figure.metric, metric))) continue
          records.push({ annotation: { ...annotation, figure: annotation.figure }, article: ref })
        }
      }
      return records
    },
  }
}
