// Runs everywhere: where tagged figures disagree. Two figures conflict when they measure the same metric over
// overlapping periods, their values cannot both be right, and they come from different articles or speakers.
import type { Annotation, ArticleMeta, Figure } from '../types'

export type ArticleRef = Pick<ArticleMeta, 'id' | 'title'> &
  Partial<Pick<ArticleMeta, 'source' | 'publishedAt' | 'url'>>
export type FigureRecord = { annotation: Annotation & { figure: Figure }; article: ArticleRef }
/**
 * A figure as the figures index keeps it (src/main/figures/): what the table's filters and sorts, the chart and
 * the conflicts need, without the selectors: the quote's exact text with the words before and after it (for the
 * table's sentence), `page` a PDF page's label.
 */
export type FigureEntry = {
  annotation: {
    id: string
    articleId: string
    figure: Figure
    tags: string[]
    creator?: string
    note: string
    quote: string
    prefix: string
    suffix: string
    page?: string
  }
  article: ArticleRef
}
/** What conflicts and series read of a figure: a whole record or an index entry. */
export type FigureLike = { annotation: { figure: Figure }; article: ArticleRef }
export type Conflict<R extends FigureLike = FigureRecord> = { metric: string; a: R; b: R; reason: string }
/**
 * One figure on a metric's chart: drawn from `start` to `end` (the same day for a one-day period), at `value`
 * (up to `max` for a range). `dated` says whether the days are the figure's period or, lacking one, its
 * article's date. `openEnd` is the side a qualifier leaves open: "more than 500" is open `above`.
 */
export type SeriesPoint<R extends FigureLike = FigureRecord> = {
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
  record: R
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

function speaker(r: FigureLike): string {
  return (r.annotation.figure.attributedTo ?? '').trim().toLowerCase()
}

function describeValue(f: Figure): string {
  const range = f.max !== undefined && f.max !== f.value ? `${f.value}–${f.max}` : `${f.value}`
  return `${f.qualifier ? `${f.qualifier} ` : ''}${range}${f.unit === '%' ? '%' : ''}`
}

/**
 * Every pair of figures that conflict, metric by metric (in the order metrics first appear), each pair in the
 * order its figures come in `records`. Only figures whose periods overlap are compared: each metric's figures
 * are swept in order of their period's start, keeping those whose period is still open, and what each figure
 * needs for the comparison (period days, unit kind, speaker) is worked out once. (Comparing every pair, with
 * the dates parsed again for each, and the metric lists copied on every figure, took minutes at 100,000.)
 */
export function findConflicts<R extends FigureLike>(records: R[]): Conflict<R>[] {
  return conflictsOf(records, Infinity).shown
}

/**
 * Pairs of figures looked at per call, at most. Figures of one metric whose periods all overlap are compared each
 * with each: 8,000 of them took 150 s and 3 GB of the process holding the archive (every conflicting pair was
 * kept, then sorted), and an archive from elsewhere can hold any number. Past this, `total` is what was counted
 * so far (a lower bound) and `capped` says so.
 */
export const MAX_COMPARED = 4_000_000

/**
 * How many pairs conflict, and the first `limit` of them as findConflicts orders them: at 100,000 figures there
 * can be millions, and only the ones shown are made into conflicts with their sentence.
 */
export function conflictsOf<R extends FigureLike>(
  records: R[],
  limit: number,
  maxCompared = MAX_COMPARED,
): { total: number; shown: Conflict<R>[]; capped?: true } {
  const byMetric = new Map<string, R[]>()
  for (const r of records) {
    const metric = r.annotation.figure.metric
    if (!metric) continue
    const list = byMetric.get(metric)
    if (list) list.push(r)
    else byMetric.set(metric, [r])
  }
  const conflicts: Conflict<R>[] = []
  let total = 0
  let compared = 0
  let capped = false
  for (const [metric, list] of byMetric) {
    if (capped) break
    const facts = list.map((r, at) => ({
      at,
      r,
      period: periodOf(r.annotation.figure),
      kind: unitKind(r.annotation.figure.unit),
      speaker: speaker(r),
    }))
    const dated = facts
      .filter((f): f is typeof f & { period: [number, number] } => f.period !== null)
      .sort((x, y) => x.period[0] - y.period[0] || x.at - y.at)
    let pairs: [number, number][] = []
    // Once `limit` conflicts are made, later metrics are only counted.
    const need = limit - conflicts.length
    const counting = need <= 0
    const byIndex = (p: [number, number], q: [number, number]) => p[0] - q[0] || p[1] - q[1]
    let counted = 0
    let open: typeof dated = []
    for (const x of dated) {
      compared += open.length * 2
      if (compared > maxCompared) {
        capped = true
        break
      }
      // Periods that ended before this one starts overlap nothing from here on.
      open = open.filter((o) => o.period[1] >= x.period[0])
      for (const o of open) {
        if (o.kind !== x.kind) continue
        if (o.r.article.id === x.r.article.id && o.speaker === x.speaker) continue
        const fa = o.r.annotation.figure
        const fb = x.r.annotation.figure
        if (Math.max(fa.value, fb.value) <= Math.min(fa.max ?? fa.value, fb.max ?? fb.value)) continue
        counted++
        if (counting) continue
        pairs.push(o.at < x.at ? [o.at, x.at] : [x.at, o.at])
        // Only the first `need` pairs in the records' order are shown: the rest are counted, not kept.
        if (pairs.length >= 2 * need) pairs = pairs.sort(byIndex).slice(0, need)
      }
      open.push(x)
    }
    total += counted
    if (counting) continue
    pairs.sort(byIndex)
    const who = (r: R) => r.annotation.figure.attributedTo ?? r.article.source ?? r.article.title
    for (const [i, j] of pairs.slice(0, limit - conflicts.length)) {
      const [a, b] = [list[i], list[j]]
      conflicts.push({
        metric,
        a,
        b,
        reason: `${describeValue(a.annotation.figure)} (${who(a)}) vs ${describeValue(b.annotation.figure)} (${who(b)}) over overlapping periods`,
      })
    }
  }
  return capped ? { total, shown: conflicts, capped } : { total, shown: conflicts }
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
export function seriesFor<R extends FigureLike>(records: R[], metric: string): SeriesPoint<R>[] {
  const points: SeriesPoint<R>[] = []
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
