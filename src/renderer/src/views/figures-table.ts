// Renderer: filtering and sorting the Figures table.
import type { FigureRecord } from '../../../shared/figures'
import { isWithinTag } from '../../../shared/tags'

export type FigureFilter = {
  metric?: string
  tag?: string
  source?: string
  /** Who tagged it: the annotation's creator (a team member's user name). */
  creator?: string
  text?: string
  from?: string
  to?: string
  min?: string
  max?: string
}
export type SortKey = 'value' | 'metric' | 'period' | 'speaker' | 'article'

export function filterRecords(records: FigureRecord[], f: FigureFilter): FigureRecord[] {
  const text = f.text?.trim().toLowerCase()
  const min = f.min ? Number(f.min) : undefined
  const max = f.max ? Number(f.max) : undefined
  return records.filter((r) => {
    const fig = r.annotation.figure
    if (f.metric && !isWithinTag(fig.metric, f.metric)) return false
    if (f.tag && !r.annotation.tags.some((t) => isWithinTag(t, f.tag!))) return false
    if (f.source && r.article.source !== f.source) return false
    if (f.creator && r.annotation.creator !== f.creator) return false
    if (min !== undefined && !Number.isNaN(min) && (fig.max ?? fig.value) < min) return false
    if (max !== undefined && !Number.isNaN(max) && fig.value > max) return false
    // A period filter keeps figures whose period overlaps it.
    if (isIsoDay(f.from) && (fig.periodEnd ?? fig.periodStart ?? '') < f.from) return false
    if (isIsoDay(f.to) && (!fig.periodStart || fig.periodStart > f.to)) return false
    if (text) {
      const hay = [
        fig.attributedTo,
        fig.place,
        fig.unit,
        fig.metric,
        r.annotation.target.quote.exact,
        r.article.title,
        r.annotation.note,
        ...r.annotation.tags,
      ]
      if (!hay.some((h) => h?.toLowerCase().includes(text))) return false
    }
    return true
  })
}

/** An ISO day ("2024-01-10") as the period filters need it; anything else typed there filters nothing. */
const isIsoDay = (v: string | undefined): v is string => !!v && /^\d{4}-\d{2}-\d{2}$/.test(v)

/**
 * Sorted by `key`; by period, figures with no period last whichever way the column is sorted. Each record's
 * value is worked out once, not on every comparison, and periods (ISO days, the table's default order) compare
 * as plain strings rather than by localeCompare.
 */
export function sortRecords(records: FigureRecord[], key: SortKey, dir: 1 | -1): FigureRecord[] {
  const value = (r: FigureRecord): string | number | undefined => {
    const f = r.annotation.figure
    if (key === 'value') return f.value
    if (key === 'metric') return f.metric ?? ''
    if (key === 'period')
      return f.periodStart ? `${f.periodStart} ${f.periodEnd ?? f.periodStart}` : undefined
    if (key === 'speaker') return f.attributedTo ?? ''
    return r.article.title
  }
  const keyed = records.map((r, at) => ({ r, at, v: value(r) }))
  keyed.sort((a, b) => {
    const [x, y] = [a.v, b.v]
    if (x === undefined || y === undefined) return x === y ? a.at - b.at : x === undefined ? 1 : -1
    const order =
      typeof x === 'number' && typeof y === 'number'
        ? x - y
        : key === 'period'
          ? String(x) < String(y)
            ? -1
            : String(x) > String(y)
              ? 1
              : 0
          : String(x).localeCompare(String(y))
    return order * dir || a.at - b.at
  })
  return keyed.map((k) => k.r)
}
