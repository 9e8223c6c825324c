// Main process: the Figures view's questions answered from the figures index — a page of rows filtered and
// sorted, the filter lists with counts, the conflicts, one metric's series — each kept until the index changes,
// so paging on, the chart and the conflicts do not filter and sort 100,000 figures again.
// (From the modules themselves: src/shared/figures/index.ts also brings figure detection and every language.)
import { conflictsOf, seriesFor } from '../../shared/figures/conflicts'
import type { Conflict, FigureEntry, SeriesPoint } from '../../shared/figures/conflicts'
import { figureFacets, filterFigures, sortFigures } from '../../shared/figures/table'
import type { FigureFacets, FigureFilter, FigureSort } from '../../shared/figures/table'
import { isWithinTag } from '../../shared/tags'
import { HEAD_ROWS } from './figure-index'
import type { FigureIndex } from './figure-index'

/** Orders (a filter and a sort) kept at once: the view's current one and the few before it. */
const KEPT_ORDERS = 6
export const DEFAULT_SORT: FigureSort = { key: 'period', dir: 1 }
export const SERIES_LIMIT = 5_000

export class FigureQueries {
  private version = -1
  private readonly orders = new Map<string, FigureEntry[]>()
  private facets: FigureFacets | null = null
  private readonly conflicts = new Map<string, { total: number; shown: Conflict<FigureEntry>[] }>()
  private readonly series = new Map<string, SeriesPoint<FigureEntry>[]>()

  constructor(private readonly index: FigureIndex) {
    // The saved head's first rows and filter lists: the answers kept here, not worked out again.
    index.summarize = () => ({ first: this.ordered().slice(0, HEAD_ROWS), facets: this.facetCounts() })
  }

  /** Drops every answer kept once the index has moved on. */
  private current(): void {
    if (this.version === this.index.version) return
    this.version = this.index.version
    this.orders.clear()
    this.facets = null
    this.conflicts.clear()
    this.series.clear()
  }

  /** The figures `filter` keeps, in `sort`'s order. */
  ordered(filter: FigureFilter = {}, sort: FigureSort = DEFAULT_SORT): FigureEntry[] {
    this.current()
    const key = JSON.stringify([filter, sort])
    let list = this.orders.get(key)
    if (list) {
      // Most recently used last, so the oldest is the one dropped.
      this.orders.delete(key)
    } else {
      list = sortFigures(filterFigures(this.index.all(), filter), sort.key, sort.dir)
      if (this.orders.size >= KEPT_ORDERS) this.orders.delete(this.orders.keys().next().value!)
    }
    this.orders.set(key, list)
    return list
  }

  facetCounts(): FigureFacets {
    this.current()
    return (this.facets ??= figureFacets(this.index.all()))
  }

  conflictsOf(metric: string | undefined, limit: number): { total: number; shown: Conflict<FigureEntry>[] } {
    this.current()
    const key = `${metric ?? ''}\n${limit}`
    let answer = this.conflicts.get(key)
    if (!answer) {
      const all = this.index.all()
      answer = conflictsOf(
        metric ? all.filter((r) => isWithinTag(r.annotation.figure.metric, metric)) : all,
        limit,
      )
      this.conflicts.set(key, answer)
    }
    return answer
  }

  /** The metric's points in date order; the caller keeps the first ones it can draw. */
  seriesOf(metric: string): SeriesPoint<FigureEntry>[] {
    this.current()
    let points = this.series.get(metric)
    if (!points) {
      points = seriesFor(this.index.all(), metric)
      this.series.set(metric, points)
    }
    return points
  }
}
