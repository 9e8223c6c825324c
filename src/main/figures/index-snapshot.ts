// Main process: the figures index's saved file made from what it holds (the head, the pages, the body; format in
// index-file.ts) and its head and pages made back into rows (figure-index.ts answers the Figures view's first
// page and a first filter by a metric from them while the body is read). No state of its own.
import type { FigureEntry } from '../../shared/figures/conflicts'
import type { FigureFacets } from '../../shared/figures/table'
import { tagAncestry } from '../../shared/tags'
import type { Archive } from '../archive/archive'
import { articleRef, fromSaved, toSaved } from './figure-entries'
import type { SavedArticle, SavedFigure, SavedHead, SavedPages } from './index-file'

/** Rows of the default order saved in the file's head and for each metric in its pages: a first page. */
export const HEAD_ROWS = 300

/** What the head of the saved file holds, read back: the first rows, how many figures, the filter lists. */
export type IndexHead = { first: FigureEntry[]; all: number; facets: FigureFacets }

type Row = [string, ...SavedFigure]
const rowOf = (e: FigureEntry): Row => [e.annotation.articleId, ...toSaved(e)]

/**
 * For each metric and each of its parents, how many figures a filter by it keeps and its first rows, from the
 * default order once through (a filter keeps the order's ties, so its first rows are the order's first of it).
 */
export function pagesOf(ordered: FigureEntry[]): SavedPages {
  const pages: SavedPages = Object.create(null) as SavedPages
  for (const e of ordered) {
    const metric = e.annotation.figure.metric
    if (!metric) continue
    for (const up of tagAncestry(metric)) {
      const page = (pages[up] ??= [0, []])
      if (page[0]++ < HEAD_ROWS) page[1].push(rowOf(e))
    }
  }
  return pages
}

/** The file's parts from what the index holds: `ordered` is every figure in the default order. */
export function snapshotOf(
  ordered: FigureEntry[],
  facets: FigureFacets,
  recheck: string[],
  held: Iterable<[string, { stamp: string; entries: FigureEntry[] }]>,
): { head: SavedHead; pages: SavedPages; articles: SavedArticle[] } {
  const head: SavedHead = {
    takenAt: Date.now(),
    recheck,
    all: ordered.length,
    facets: {
      metrics: facets.metrics,
      tags: facets.tags,
      sources: facets.sources,
      creators: facets.creators,
    },
    first: ordered.slice(0, HEAD_ROWS).map(rowOf),
  }
  const articles: SavedArticle[] = []
  for (const [articleId, { stamp, entries }] of held) articles.push([articleId, stamp, entries.map(toSaved)])
  return { head, pages: pagesOf(ordered), articles }
}

/** Saved rows made back into figures, those of articles no longer in the catalog left out. */
export function rowsOf(archive: Archive, rows: Row[]): FigureEntry[] {
  const refs = new Map<string, FigureEntry['article']>()
  const out: FigureEntry[] = []
  for (const [articleId, ...figure] of rows) {
    if (!archive.catalog.has(articleId)) continue
    let ref = refs.get(articleId)
    if (!ref) refs.set(articleId, (ref = articleRef(archive, articleId)))
    out.push(fromSaved(articleId, ref, figure))
  }
  return out
}

export function headOf(archive: Archive, saved: SavedHead): IndexHead {
  return {
    first: rowsOf(archive, saved.first),
    all: saved.all,
    facets: { total: saved.all, ...saved.facets },
  }
}

/** A metric's saved page (index-file.ts readPage) made back into rows, or null when it is not of a page's shape. */
export function metricPageOf(
  archive: Archive,
  page: unknown,
): { total: number; first: FigureEntry[] } | null {
  if (!Array.isArray(page) || !Number.isSafeInteger(page[0]) || !Array.isArray(page[1])) return null
  const rows = page[1] as unknown[]
  if (!rows.every((row) => Array.isArray(row) && typeof row[0] === 'string' && row.length === 10)) return null
  return { total: page[0] as number, first: rowsOf(archive, rows as Row[]) }
}
