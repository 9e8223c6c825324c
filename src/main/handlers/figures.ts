// Main process: figures across the archive, each with the article it stands in (figures.*).
import type { FigureRecord } from '../../shared/figures'
import type { FigureEntry } from '../../shared/figures/conflicts'
import { isWithinTag } from '../../shared/tags'
import type { Archive } from '../archive/archive'
import { FigureIndex } from '../figures/figure-index'
import { DEFAULT_SORT, FigureQueries, SERIES_LIMIT } from '../figures/figure-query'
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

/** How long a first answer waits for an index being built before it answers with what is read so far. */
const BUILD_WAIT_MS = 1_000

/** `limit` points spread evenly over `points` (in date order), first and last kept. */
function spread<T>(points: T[], limit: number): T[] {
  if (points.length <= limit) return points
  if (limit === 1) return [points[0]]
  const step = (points.length - 1) / (limit - 1)
  return Array.from({ length: limit }, (_, i) => points[Math.round(i * step)])
}

export function figureHandlers({ archive }: ServiceContext): HandlerMap<'figures'> {
  // Made on first use: the handler map is also built without an archive, to read its method names.
  let cache: ReturnType<typeof figureCache> | undefined
  let opened: { index: FigureIndex; queries: FigureQueries } | undefined
  const figures = async () => {
    if (!opened) {
      const index = FigureIndex.open(archive)
      opened = { index, queries: new FigureQueries(index) }
    }
    await opened.index.loaded
    if (opened.index.state === 'building') {
      let timer: ReturnType<typeof setTimeout> | undefined
      await Promise.race([
        opened.index.ready,
        new Promise((resolve) => (timer = setTimeout(resolve, BUILD_WAIT_MS))),
      ])
      clearTimeout(timer)
    }
    return opened
  }
  return {
    'figures.page': async ({ filter, sort, offset, limit }) => {
      const { index, queries } = await figures()
      const page = (list: FigureEntry[], total: number, all: number) => ({
        total,
        all,
        offset,
        items: list.slice(offset, offset + limit),
        status: index.status(),
      })
      const within = (first: FigureEntry[], total: number) =>
        offset + limit <= first.length || first.length === total
      // While the saved index is read, its head answers the view's first page (default filter and order), and
      // its saved pages a filter by a metric alone in the default order.
      const head = index.head
      const order = !sort || (sort.key === DEFAULT_SORT.key && sort.dir === DEFAULT_SORT.dir)
      const named = Object.entries(filter ?? {}).filter(([, v]) => v !== undefined)
      if (head && order && named.length === 0 && offset + limit <= head.first.length)
        return page(head.first, head.all, head.all)
      const metric = head && order && named.length === 1 ? filter?.metric : undefined
      const saved = metric ? await index.metricPage(metric) : null
      if (head && saved && within(saved.first, saved.total)) return page(saved.first, saved.total, head.all)
      await index.full
      const list = queries.ordered(filter, sort)
      return page(list, list.length, index.all().length)
    },
    'figures.facets': async () => {
      const { index, queries } = await figures()
      if (index.head) return { ...index.head.facets, status: index.status() }
      await index.full
      return { ...queries.facetCounts(), status: index.status() }
    },
    'figures.status': async () => (opened ? opened.index.status() : (await figures()).index.status()),
    'figures.conflicts': async ({ metric, limit = 100 }) => {
      const { index, queries } = await figures()
      await index.full
      return queries.conflictsOf(metric, limit)
    },
    'figures.series': async ({ metric, limit = SERIES_LIMIT }) => {
      const { index, queries } = await figures()
      await index.full
      const points = queries.seriesOf(metric)
      return { total: points.length, points: spread(points, limit) }
    },
    'figures.list': async ({ metric }) => {
      // Chosen by the counts: after a power cut, once they are read again (Archive.countsChecked).
      await archive.countsChecked()
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
