// Renderer: every tagged figure in the archive — one sortable, filterable table, a chart of one metric over
// time by source, and the places where claims disagree.
import { lazy, Suspense, useMemo, useState } from 'react'
import type { InputHTMLAttributes } from 'react'
import { quoteSentence } from '../../../shared/export/quote-sentence'
import { isIsoDay } from '../../../shared/figures/table'
import type { FigureFilter, FigureSort, SortKey } from '../../../shared/figures/table'
import { formatFigureValue, formatPeriod } from '../components/FigureSummary'
import DateInput from '../components/DateInput'
import { formatDate, plural } from '../format'
import { ROWS_STEP, useFigurePages } from '../hooks/useFigurePages'
import type { FigureFacetsResult } from '../hooks/useFigurePages'

// The chart brings Observable Plot and d3: loaded only once a metric is chosen and the chart is shown.
const SeriesChart = lazy(() => import('../components/SeriesChart'))

type Props = { onOpen: (articleId: string, annotationId: string) => void }

/** The filters as typed: numbers and dates are sent to main once they read as one. */
type Typed = {
  metric?: string
  tag?: string
  source?: string
  creator?: string
  text?: string
  from?: string
  to?: string
  min?: string
  max?: string
}

const COLUMNS: [SortKey, string][] = [
  ['value', 'Value'],
  ['metric', 'Metric'],
  ['period', 'Period'],
  ['speaker', 'Said by'],
  ['article', 'Article'],
]

/** What main is asked to filter by: a half-typed date or a number that is not one filters nothing. */
function asked(t: Typed): FigureFilter {
  const number = (v: string | undefined) => {
    const n = v?.trim() ? Number(v) : NaN
    return Number.isFinite(n) ? n : undefined
  }
  const f: FigureFilter = {}
  if (t.metric) f.metric = t.metric
  if (t.tag) f.tag = t.tag
  if (t.source) f.source = t.source
  if (t.creator) f.creator = t.creator
  if (t.text?.trim()) f.text = t.text.trim().slice(0, 500)
  if (isIsoDay(t.from)) f.from = t.from
  if (isIsoDay(t.to)) f.to = t.to
  const [min, max] = [number(t.min), number(t.max)]
  if (min !== undefined) f.min = min
  if (max !== undefined) f.max = max
  return f
}

type FacetKey = Exclude<keyof FigureFacetsResult, 'total' | 'status'>

export default function FiguresView({ onOpen }: Props) {
  const [typed, setTyped] = useState<Typed>({})
  const [sort, setSort] = useState<FigureSort>({ key: 'period', dir: 1 })
  const filter = useMemo(() => asked(typed), [typed])
  const { page, error, status, facets, conflicts, series, more } = useFigurePages(filter, sort)
  const open = (articleId: string, annotationId: string) => onOpen(articleId, annotationId)
  const set = (patch: Partial<Typed>) => setTyped((f) => ({ ...f, ...patch }))
  const choice = (
    key: 'metric' | 'tag' | 'source' | 'creator',
    facet: FacetKey,
    label: string,
    all: string,
  ) => (
    <select
      aria-label={label}
      value={typed[key] ?? ''}
      onChange={(e) => set({ [key]: e.target.value || undefined })}
    >
      <option value="">{all}</option>
      {(facets?.[facet] ?? []).map((o) => (
        <option key={o.name} value={o.name}>
          {o.name} ({o.count.toLocaleString('en')})
        </option>
      ))}
    </select>
  )
  const input = (key: keyof Typed, label: string, props: InputHTMLAttributes<HTMLInputElement>) => (
    <input
      aria-label={label}
      {...props}
      value={typed[key] ?? ''}
      onChange={(e) => set({ [key]: e.target.value || undefined })}
    />
  )

  const dateFilter = (key: 'from' | 'to', label: string) => (
    <label className="filter-date">
      <span>{label}</span>
      <DateInput
        value={typed[key] ?? ''}
        placeholder="any day"
        onChange={(value) => set({ [key]: value || undefined })}
      />
    </label>
  )

  if (error)
    return (
      <p className="error pad" role="alert">
        {error}
      </p>
    )
  if (!page) return <p className="muted pad">Loading figures…</p>

  const rows = page.items
  const shownConflicts = conflicts?.shown ?? []
  const conflictCount = conflicts?.total ?? 0
  return (
    <div className="figures-view">
      <header className="figures-header">
        <h1>Figures</h1>
        <span className="muted">{plural(page.all, 'figure')} tagged across the archive</span>
        {status && status.state !== 'ready' && (
          <span className="muted" role="status">
            {status.state === 'building' ? 'Reading the archive’s figures' : 'Checking the figures index'}:{' '}
            {status.done.toLocaleString('en')} of {status.of.toLocaleString('en')} articles
          </span>
        )}
      </header>
      <div className="figures-filters" role="search">
        {choice('metric', 'metrics', 'Metric', 'All metrics')}
        {choice('tag', 'tags', 'Tag', 'All tags')}
        {choice('source', 'sources', 'Source', 'All sources')}
        {(facets?.creators.length ?? 0) > 0 && choice('creator', 'creators', 'Tagged by', 'Anyone')}
        {input('text', 'Search figures', { placeholder: 'Speaker, quote, place…' })}
        {dateFilter('from', 'Period from')}
        {dateFilter('to', 'Period to')}
        {input('min', 'Minimum value', { inputMode: 'decimal', placeholder: 'min' })}
        {input('max', 'Maximum value', { inputMode: 'decimal', placeholder: 'max' })}
      </div>
      {filter.metric && (
        <section className="figures-section" aria-label="Series">
          <h2>{filter.metric} over time</h2>
          <Suspense fallback={<p className="muted">Drawing the chart…</p>}>
            {series ? (
              <SeriesChart
                metric={filter.metric}
                points={series.points}
                onPick={(p) => open(p.record.article.id, p.record.annotation.id)}
              />
            ) : (
              <p className="muted">Drawing the chart…</p>
            )}
          </Suspense>
          {series && series.total > series.points.length && (
            <p className="muted">
              {series.points.length.toLocaleString('en')} of {series.total.toLocaleString('en')} figures
              drawn, evenly spread over time: narrow the period to see every one.
            </p>
          )}
        </section>
      )}
      <section className="figures-section" aria-label="Conflicts">
        <h2>
          Conflicts {conflictCount > 0 && <span className="badge">{conflictCount.toLocaleString('en')}</span>}
        </h2>
        {shownConflicts.length === 0 ? (
          <p className="muted">
            {conflicts
              ? 'No disagreements: no two sources give different values for one metric over overlapping periods.'
              : 'Looking for disagreements…'}
          </p>
        ) : (
          <ul className="conflict-list">
            {shownConflicts.map((c) => (
              <li key={`${c.a.annotation.id}-${c.b.annotation.id}`} className="conflict">
                <strong>{c.metric}</strong>: {c.reason}
                <div className="conflict-sides">
                  {[c.a, c.b].map((r) => (
                    <button
                      key={r.annotation.id}
                      type="button"
                      className="link"
                      onClick={() => open(r.article.id, r.annotation.id)}
                    >
                      “{r.annotation.quote}” — {r.article.title}
                      {r.annotation.page ? `, p. ${r.annotation.page}` : ''}
                      {r.annotation.creator ? ` · tagged by ${r.annotation.creator}` : ''}
                    </button>
                  ))}
                </div>
              </li>
            ))}
          </ul>
        )}
        {conflictCount > shownConflicts.length && (
          <p className="muted">
            The first {shownConflicts.length} of {conflictCount.toLocaleString('en')} conflicts
            {filter.metric ? '' : ': choose a metric to see its own'}.
          </p>
        )}
      </section>
      <section className="figures-section">
        <table className="figures-table">
          <thead>
            <tr>
              {COLUMNS.map(([key, label]) => (
                <th
                  key={key}
                  aria-sort={sort.key === key ? (sort.dir === 1 ? 'ascending' : 'descending') : 'none'}
                >
                  <button
                    type="button"
                    onClick={() => setSort((s) => ({ key, dir: s.key === key ? (-s.dir as 1 | -1) : 1 }))}
                  >
                    {label} {sort.key === key ? (sort.dir === 1 ? '▲' : '▼') : ''}
                  </button>
                </th>
              ))}
              <th>Quote</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr
                key={r.annotation.id}
                onClick={() => open(r.article.id, r.annotation.id)}
                tabIndex={0}
                onKeyDown={(e) => e.key === 'Enter' && open(r.article.id, r.annotation.id)}
              >
                <td className="num">{formatFigureValue(r.annotation.figure)}</td>
                <td>{r.annotation.figure.metric}</td>
                <td>{formatPeriod(r.annotation.figure)}</td>
                <td>{r.annotation.figure.attributedTo}</td>
                <td>
                  <div className="cell-title">{r.article.title}</div>
                  <div className="muted small">
                    {[
                      r.article.source,
                      formatDate(r.article.publishedAt),
                      r.annotation.page ? `p. ${r.annotation.page}` : '',
                    ]
                      .filter(Boolean)
                      .join(' · ')}
                  </div>
                </td>
                <td className="cell-quote">
                  {quoteSentence({
                    type: 'TextQuoteSelector',
                    exact: r.annotation.quote,
                    prefix: r.annotation.prefix,
                    suffix: r.annotation.suffix,
                  })}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {page.total > rows.length && (
          <p className="figures-more">
            <button type="button" onClick={more}>
              Show {Math.min(ROWS_STEP, page.total - rows.length)} more
            </button>{' '}
            <span className="muted">
              {rows.length.toLocaleString('en')} of {page.total.toLocaleString('en')} figures shown
            </span>
          </p>
        )}
        {page.total === 0 && (
          <p className="muted pad">No figures match. Tag one in the reader: click an underlined number.</p>
        )}
      </section>
    </div>
  )
}
