// Runs everywhere (main pages the Figures view with it): filtering, sorting and counting the figures table's rows.
import { isWithinTag } from '../tags'
import type { FigureEntry } from './conflicts'

export type FigureFilter = {
  /** A metric and the metrics within it (`drones` keeps `drones/launched`). */
  metric?: string
  tag?: string
  source?: string
  /** Who tagged it: the annotation's creator (a team member's user name). */
  creator?: string
  /** Words in the speaker, place, unit, metric, quote, article title, note or tags. */
  text?: string
  /** ISO days: a figure is kept when its period overlaps them. */
  from?: string
  to?: string
  min?: number
  max?: number
}
export const FIGURE_SORT_KEYS = ['value', 'metric', 'period', 'speaker', 'article'] as const
export type SortKey = (typeof FIGURE_SORT_KEYS)[number]
export type FigureSort = { key: SortKey; dir: 1 | -1 }

/** An ISO day ("2024-01-10") as the period filters need it; anything else filters nothing. */
export const isIsoDay = (v: string | undefined): v is string => !!v && /^\d{4}-\d{2}-\d{2}$/.test(v)

export function filterFigures<R extends FigureEntry>(records: R[], f: FigureFilter): R[] {
  const text = f.text?.trim().toLowerCase()
  const { min, max } = f
  if (!f.metric && !f.tag && !f.source && !f.creator && !text && min === undefined && max === undefined)
    if (!isIsoDay(f.from) && !isIsoDay(f.to)) return records
  return records.filter((r) => {
    const fig = r.annotation.figure
    if (f.metric && !isWithinTag(fig.metric, f.metric)) return false
    if (f.tag && !r.annotation.tags.some((t) => isWithinTag(t, f.tag!))) return false
    if (f.source && r.article.source !== f.source) return false
    if (f.creator && r.annotation.creator !== f.creator) return false
    if (min !== undefined && (fig.max ?? fig.value) < min) return false
    if (max !== undefined && fig.value > max) return false
    // A period filter keeps figures whose period overlaps it.
    if (isIsoDay(f.from) && (fig.periodEnd ?? fig.periodStart ?? '') < f.from) return false
    if (isIsoDay(f.to) && (!fig.periodStart || fig.periodStart > f.to)) return false
    if (text) {
      const hay = [
        fig.attributedTo,
        fig.place,
        fig.unit,
        fig.metric,
        r.annotation.quote,
        r.article.title,
        r.annotation.note,
        ...r.annotation.tags,
      ]
      if (!hay.some((h) => h?.toLowerCase().includes(text))) return false
    }
    return true
  })
}

let collator: Intl.Collator | undefined

/** What `key` sorts a record by: a number, a string, or undefined for a figure with no period. */
export function sortValue(r: FigureEntry, key: SortKey): string | number | undefined {
  const f = r.annotation.figure
  if (key === 'value') return f.value
  if (key === 'metric') return f.metric ?? ''
  if (key === 'period') return f.periodStart ? `${f.periodStart} ${f.periodEnd ?? f.periodStart}` : undefined
  if (key === 'speaker') return f.attributedTo ?? ''
  return r.article.title
}

/**
 * How two sort values compare in `key`'s order, `dir` applied; 0 for a tie (sortFigures then keeps the records'
 * order). No period sorts last whichever way the column is sorted.
 */
export function compareSortValues(
  x: string | number | undefined,
  y: string | number | undefined,
  key: SortKey,
  dir: 1 | -1,
): number {
  if (x === undefined || y === undefined) return x === y ? 0 : x === undefined ? 1 : -1
  const order =
    typeof x === 'number' && typeof y === 'number'
      ? x - y
      : key === 'period'
        ? x < y
          ? -1
          : x > y
            ? 1
            : 0
        : (collator ??= new Intl.Collator()).compare(String(x), String(y))
  return order * dir
}

/**
 * Sorted by `key`; by period, figures with no period last whichever way the column is sorted; ties keep the
 * records' order. Each record's value is worked out once, not on every comparison; periods (ISO days, the
 * table's default order) compare as plain strings, text columns with one Intl.Collator (the order localeCompare
 * gives, several times faster).
 */
export function sortFigures<R extends FigureEntry>(records: R[], key: SortKey, dir: 1 | -1): R[] {
  const keyed = records.map((r, at) => ({ r, at, v: sortValue(r, key) }))
  keyed.sort((a, b) => compareSortValues(a.v, b.v, key, dir) || a.at - b.at)
  return keyed.map((k) => k.r)
}

export type FacetCount = { name: string; count: number }
export type FigureFacets = {
  total: number
  metrics: FacetCount[]
  tags: FacetCount[]
  sources: FacetCount[]
  creators: FacetCount[]
}

/** What the filter lists offer, each value with how many figures carry it, A to Z. */
export function figureFacets(records: FigureEntry[]): FigureFacets {
  const metrics = new Map<string, number>()
  const tags = new Map<string, number>()
  const sources = new Map<string, number>()
  const creators = new Map<string, number>()
  const add = (m: Map<string, number>, name: string | undefined) => {
    if (name) m.set(name, (m.get(name) ?? 0) + 1)
  }
  for (const r of records) {
    add(metrics, r.annotation.figure.metric)
    for (const t of new Set(r.annotation.tags)) add(tags, t)
    add(sources, r.article.source)
    add(creators, r.annotation.creator)
  }
  const list = (m: Map<string, number>) =>
    [...m].map(([name, count]) => ({ name, count })).sort((a, b) => (a.name < b.name ? -1 : 1))
  return {
    total: records.length,
    metrics: list(metrics),
    tags: list(tags),
    sources: list(sources),
    creators: list(creators),
  }
}
