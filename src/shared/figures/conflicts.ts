// Runs everywhere: where tagged figures disagree. Two figures conflict when they measure the same metric over
// overlapping periods, their values cannot both be right, and they come from different articles or speakers.
import type { Annotation, ArticleMeta, Figure } from '../types'

export type ArticleRef = Pick<ArticleMeta, 'id' | 'title'> &
  Partial<Pick<ArticleMeta, 'source' | 'publishedAt' | 'url'>>
export type FigureRecord = { annotation: Annotation & { figure: Figure }; article: ArticleRef }
export type Conflict = { metric: string; a: FigureRecord; b: FigureRecord; reason: string }
/**
 * One figure on a metric's chart: drawn from `start` to `end` (the same day for a one-day period), at `value`
 * (up to `max` for a range). `dated` says whether the days are the figure's period or, lacking one, its
 * article's date. `openEnd` is the side a qualifier leaves open: "more than 500" is open `above`.
 */
export type SeriesPoint = {
  start: string
  end: string
  dated: 'period' | 'article'
  value: number
  max?: number
  openEnd?: 'above' | 'below'
  /** The article's source (or title when it names none). */
  source: string
  /** Who said it: the figure's speaker, else its article's source. */
  speaker: string
  record: FigureRecord
}

const DAY = 86_400_000

/** The figure's period as [start, end] in days; an open end is the start; no period means none. */
function periodOf(f: Figure): [number, number] | null {
  if (!f.periodStart) return null
  const start = Date.parse(f.periodStart.slice(0, 10))
  const end = Date.parse((f.periodEnd ?? f.periodStart).slice(0, 10))
  if (Number.isNaN(start) || Number.isNaN(end)) return null
  return [Math.floor(start / DAY), Math.floor(Math.max(start, end) / DAY)]
}

function unitKind(unit: string | undefined): string {
  if (unit === '%') return 'share'
  if (unit && /^[A-Z]{3}$/.test(unit)) return `money:${unit}`
  return 'count'
}

function speaker(r: FigureRecord): string {
  return (r.annotation.figure.attributedTo ?? '').trim().toLowerCase()
}

function describeValue(f: Figure): string {
  const range = f.max !== undefined && f.max !== f.value ? `${f.value}–${f.max}` : `${f.value}`
  return `${f.qualifier ? `${f.qualifier} ` : ''}${range}${f.unit === '%' ? '%' : ''}`
}

export function findConflicts(records: FigureRecord[]): Conflict[] {
  const byMetric = new Map<string, FigureRecord[]>()
  for (const r of records) {
    const metric = r.annotation.figure.metric
    if (!metric) continue
    byMetric.set(metric, [...(byMetric.get(metric) ?? []), r])
  }
  const conflicts: Conflict[] = []
  for (const [metric, list] of byMetric) {
    for (let i = 0; i < list.length; i++) {
      for (let j = i + 1; j < list.length; j++) {
        const [a, b] = [list[i], list[j]]
        const fa = a.annotation.figure
        const fb = b.annotation.figure
        const pa = periodOf(fa)
        const pb = periodOf(fb)
        if (!pa || !pb || pa[0] > pb[1] || pb[0] > pa[1]) continue
        if (unitKind(fa.unit) !== unitKind(fb.unit)) continue
        if (a.article.id === b.article.id && speaker(a) === speaker(b)) continue
        const overlap = Math.max(fa.value, fb.value) <= Math.min(fa.max ?? fa.value, fb.max ?? fb.value)
        if (overlap) continue
        const who = (r: FigureRecord) =>
          r.annotation.figure.attributedTo ?? r.article.source ?? r.article.title
        conflicts.push({
          metric,
          a,
          b,
          reason: `${describeValue(fa)} (${who(a)}) vs ${describeValue(fb)} (${who(b)}) over overlapping periods`,
        })
      }
    }
  }
  return conflicts
}

const FLOORS = /^(more than|over|above|at least|no (?:less|fewer) than|upwards of|in excess of|exceeding)$/i
const CEILINGS = /^(up to|at most|no more than|less than|fewer than|under|below|as (?:many|much) as)$/i

/** The side a qualifier leaves open: "more than 500" may be any value above 500, "up to 500" any below. */
export function openEndOf(qualifier: string | undefined): 'above' | 'below' | undefined {
  const q = qualifier?.trim() ?? ''
  return FLOORS.test(q) ? 'above' : CEILINGS.test(q) ? 'below' : undefined
}

const isoDay = (day: number): string => new Date(day * DAY).toISOString().slice(0, 10)

/** One metric's figures over time, each across its period (or on its article's date when it has none). */
export function seriesFor(records: FigureRecord[], metric: string): SeriesPoint[] {
  const points: SeriesPoint[] = []
  for (const record of records) {
    const f = record.annotation.figure
    if (f.metric !== metric) continue
    const published = record.article.publishedAt
      ? Math.floor(Date.parse(record.article.publishedAt.slice(0, 10)) / DAY)
      : NaN
    const days = periodOf(f) ?? (Number.isNaN(published) ? null : [published, published])
    if (!days) continue
    const source = record.article.source ?? record.article.title
    const openEnd = openEndOf(f.qualifier)
    points.push({
      start: isoDay(days[0]),
      end: isoDay(days[1]),
      dated: periodOf(f) ? 'period' : 'article',
      value: f.value,
      ...(f.max !== undefined && f.max !== f.value ? { max: f.max } : {}),
      ...(openEnd ? { openEnd } : {}),
      source,
      speaker: f.attributedTo?.trim() || source,
      record,
    })
  }
  return points.sort((x, y) => x.start.localeCompare(y.start) || x.end.localeCompare(y.end))
}
