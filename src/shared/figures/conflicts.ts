// Runs everywhere: where tagged figures disagree. Two figures conflict when they measure the same metric over
// overlapping periods, their values cannot both be right, and they come from different articles or speakers.
import type { Annotation, ArticleMeta, Figure } from '../types'

export type ArticleRef = Pick<ArticleMeta, 'id' | 'title'> &
  Partial<Pick<ArticleMeta, 'source' | 'publishedAt' | 'url'>>
export type FigureRecord = { annotation: Annotation & { figure: Figure }; article: ArticleRef }
export type Conflict = { metric: string; a: FigureRecord; b: FigureRecord; reason: string }
export type SeriesPoint = { date: string; value: number; max?: number; source: string; record: FigureRecord }

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

/** One metric's values over time: each figure at the middle of its period (or its article's date). */
export function seriesFor(records: FigureRecord[], metric: string): SeriesPoint[] {
  const points: SeriesPoint[] = []
  for (const record of records) {
    const f = record.annotation.figure
    if (f.metric !== metric) continue
    const period = periodOf(f)
    const day = period
      ? Math.round((period[0] + period[1]) / 2)
      : record.article.publishedAt
        ? Math.floor(Date.parse(record.article.publishedAt.slice(0, 10)) / DAY)
        : NaN
    if (Number.isNaN(day)) continue
    points.push({
      date: new Date(day * DAY).toISOString().slice(0, 10),
      value: f.value,
      ...(f.max !== undefined ? { max: f.max } : {}),
      source: f.attributedTo ?? record.article.source ?? record.article.title,
      record,
    })
  }
  return points.sort((x, y) => x.date.localeCompare(y.date))
}
