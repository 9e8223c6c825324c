// Main process: the Figures view's questions answered from the figures index — a page of rows filtered and
// sorted, the filter lists with counts, the conflicts, one metric's series — each kept until the index changes,
// so paging on, the chart and the conflicts do not filter and sort 100,000 figures again. A save moves the
// changed article's rows within each kept order (a filter and binary searches) instead of sorting them again.
// (From the modules themselves: src/shared/figures/index.ts also brings figure detection and every language.)
import { conflictsOf, seriesFor } from '../../shared/figures/conflicts'
import type { Conflict, FigureEntry, SeriesPoint } from '../../shared/figures/conflicts'
import {
  compareSortValues,
  figureFacets,
  filterFigures,
  sortFigures,
  sortValue,
} from '../../shared/figures/table'
import type { FigureFacets, FigureFilter, FigureSort } from '../../shared/figures/table'
import { isWithinTag } from '../../shared/tags'
import type { FigureIndex } from './figure-index'

/** Orders (a filter and a sort) kept at once: the view's current one and the few before it. */
const KEPT_ORDERS = 6
export const DEFAULT_SORT: FigureSort = { key: 'period', dir: 1 }
export const SERIES_LIMIT = 5_000

/** Past this many articles changed at once, a kept order is sorted again rather than moved in step. */
const PATCH_MAX = 500

/** An order kept, as of the index's `version`. */
type Kept = { filter: FigureFilter; sort: FigureSort; list: FigureEntry[]; version: number }

export class FigureQueries {
  private version = -1
  private readonly orders = new Map<string, Kept>()
  /** Orders sorted from the whole index so far (the tests and the bench read it). */
  sorts = 0
  private facets: FigureFacets | null = null
  private readonly conflicts = new Map<string, { total: number; shown: Conflict<FigureEntry>[] }>()
  private readonly series = new Map<string, SeriesPoint<FigureEntry>[]>()

  constructor(private readonly index: FigureIndex) {
    // The saved head's first rows, pages and filter lists: the answers kept here, not worked out again.
    index.summarize = () => ({ ordered: this.ordered(), facets: this.facetCounts() })
  }

  /** Drops every other answer kept once the index has moved on (orders are brought up to date when asked). */
  private current(): void {
    if (this.version === this.index.version) return
    this.version = this.index.version
    this.facets = null
    this.conflicts.clear()
    this.series.clear()
  }

  /**
   * The figures of the `touched` articles taken out of a kept order and their figures now put back, each where
   * a binary search by the sort's value finds it, ties by its place in the index (as sortFigures keeps them).
   */
  private patch(kept: Kept, touched: Set<string>): void {
    const { key, dir } = kept.sort
    // Compacted in place: a new array of 100,000 for each kept order is garbage the next save pays for.
    const list = kept.list
    let w = 0
    for (let r = 0; r < list.length; r++) if (!touched.has(list[r].annotation.articleId)) list[w++] = list[r]
    list.length = w
    const rank = (e: FigureEntry) => this.index.rankOf(e) ?? [Infinity, Infinity]
    const before = (a: FigureEntry, b: FigureEntry) => {
      const order = compareSortValues(sortValue(a, key), sortValue(b, key), key, dir)
      if (order) return order < 0
      const [x, y] = [rank(a), rank(b)]
      return x[0] < y[0] || (x[0] === y[0] && x[1] < y[1])
    }
    for (const id of touched)
      for (const e of filterFigures(this.index.figuresOf(id), kept.filter)) {
        let lo = 0
        let hi = list.length
        while (lo < hi) {
          const mid = (lo + hi) >>> 1
          if (before(list[mid], e)) lo = mid + 1
          else hi = mid
        }
        list.splice(lo, 0, e)
      }
    kept.list = list
  }

  /** The figures `filter` keeps, in `sort`'s order. */
  ordered(filter: FigureFilter = {}, sort: FigureSort = DEFAULT_SORT): FigureEntry[] {
    this.current()
    const key = JSON.stringify([filter, sort])
    let kept = this.orders.get(key)
    if (kept && kept.version !== this.index.version) {
      // Only the order asked for is moved in step with the saves since it was last asked.
      const touched = this.index.changedSince(kept.version)
      if (touched && touched.size <= PATCH_MAX) {
        this.patch(kept, touched)
        kept.version = this.index.version
      } else kept = undefined
    }
    if (kept) {
      // Most recently used last, so the oldest is the one dropped.
      this.orders.delete(key)
    } else {
      this.orders.delete(key)
      const list = sortFigures(filterFigures(this.index.all(), filter), sort.key, sort.dir)
      kept = { filter, sort, list, version: this.index.version }
      this.sorts++
      if (this.orders.size >= KEPT_ORDERS) this.orders.delete(this.orders.keys().next().value!)
    }
    this.orders.set(key, kept)
    return kept.list
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
