// Renderer: every tagged figure in the archive — one sortable, filterable table, a chart of one metric over
// time by source, and the places where claims disagree.
import { lazy, Suspense, useMemo, useState } from 'react'
import type { InputHTMLAttributes } from 'react'
import { quoteSentence } from '../../../shared/export/quote-sentence'
import { conflictsOf, seriesFor } from '../../../shared/figures'
import type { FigureRecord } from '../../../shared/figures'
import { isWithinTag } from '../../../shared/tags'
import { formatFigureValue, formatPeriod } from '../components/FigureSummary'
import DateInput from '../components/DateInput'
import { formatDate, plural } from '../format'
import { useFigureRecords } from '../hooks/useFigureRecords'
import { filterRecords, sortRecords } from './figures-table'
import type { FigureFilter, SortKey } from './figures-table'

// The chart brings Observable Plot and d3: loaded only once a metric is chosen and the chart is shown.
const SeriesChart = lazy(() => import('../components/SeriesChart'))

type Props = { onOpen: (articleId: string, annotationId: string) => void }

/** Conflicts listed: an archive of 100,000 figures can have millions; they are counted, and these many shown. */
const CONFLICTS_SHOWN = 100
/** Table rows drawn at first and added by "Show more": every row of 100,000 at once took the page seconds. */
const ROWS_STEP = 300

const COLUMNS: [SortKey, string][] = [
  ['value', 'Value'],
  ['metric', 'Metric'],
  ['period', 'Period'],
  ['speaker', 'Said by'],
  ['article', 'Article'],
]

export default function FiguresView({ onOpen }: Props) {
  const { records, error } = useFigureRecords()
  const [filter, setFilter] = useState<FigureFilter>({})
  const [sort, setSort] = useState<{ key: SortKey; dir: 1 | -1 }>({ key: 'period', dir: 1 })
  const all = useMemo(() => records ?? [], [records])
  const metrics = useMemo(
    () => [...new Set(all.map((r) => r.annotation.figure.metric).filter((m): m is string => !!m))].sort(),
    [all],
  )
  const tagNames = useMemo(() => [...new Set(all.flatMap((r) => r.annotation.tags))].sort(), [all])
  const sources = useMemo(
    () => [...new Set(all.map((r) => r.article.source).filter((s): s is string => !!s))].sort(),
    [all],
  )
  // Who tagged the figures (team members' user names): offered once there are figures by someone.
  const creators = useMemo(
    () => [...new Set(all.map((r) => r.annotation.creator).filter((c): c is string => !!c))].sort(),
    [all],
  )
  const shown = useMemo(
    () => sortRecords(filterRecords(all, filter), sort.key, sort.dir),
    [all, filter, sort],
  )
  const { total: conflictCount, shown: conflicts } = useMemo(
    () =>
      conflictsOf(
        filter.metric ? all.filter((r) => isWithinTag(r.annotation.figure.metric, filter.metric!)) : all,
        CONFLICTS_SHOWN,
      ),
    [all, filter.metric],
  )
  // Back to the first rows whenever what the table shows changes.
  const [rowsFor, setRowsFor] = useState<{ of: FigureRecord[]; rows: number }>({ of: [], rows: ROWS_STEP })
  const rows = rowsFor.of === shown ? rowsFor.rows : ROWS_STEP
  const series = useMemo(() => (filter.metric ? seriesFor(all, filter.metric) : []), [all, filter.metric])
  const open = (r: FigureRecord) => onOpen(r.article.id, r.annotation.id)
  const set = (patch: Partial<FigureFilter>) => setFilter((f) => ({ ...f, ...patch }))
  const choice = (key: keyof FigureFilter, label: string, all: string, options: string[]) => (
    <select
      aria-label={label}
      value={filter[key] ?? ''}
      onChange={(e) => set({ [key]: e.target.value || undefined })}
    >
      <option value="">{all}</option>
      {options.map((o) => (
        <option key={o}>{o}</option>
      ))}
    </select>
  )
  const input = (key: keyof FigureFilter, label: string, props: InputHTMLAttributes<HTMLInputElement>) => (
    <input
      aria-label={label}
      {...props}
      value={filter[key] ?? ''}
      onChange={(e) => set({ [key]: e.target.value || undefined })}
    />
  )

  const dateFilter = (key: 'from' | 'to', label: string) => (
    <label className="filter-date">
      <span>{label}</span>
      <DateInput
        value={filter[key] ?? ''}
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
  if (!records) return <p className="muted pad">Loading figures…</p>

  return (
    <div className="figures-view">
      <header className="figures-header">
        <h1>Figures</h1>
        <span className="muted">{plural(all.length, 'figure')} tagged across the archive</span>
      </header>
      <div className="figures-filters" role="search">
        {choice('metric', 'Metric', 'All metrics', metrics)}
        {choice('tag', 'Tag', 'All tags', tagNames)}
        {choice('source', 'Source', 'All sources', sources)}
        {creators.length > 0 && choice('creator', 'Tagged by', 'Anyone', creators)}
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
            <SeriesChart metric={filter.metric} points={series} onPick={(p) => open(p.record)} />
          </Suspense>
        </section>
      )}
      <section className="figures-section" aria-label="Conflicts">
        <h2>
          Conflicts {conflictCount > 0 && <span className="badge">{conflictCount.toLocaleString('en')}</span>}
        </h2>
        {conflicts.length === 0 ? (
          <p className="muted">
            No disagreements: no two sources give different values for one metric over overlapping periods.
          </p>
        ) : (
          <ul className="conflict-list">
            {conflicts.map((c) => (
              <li key={`${c.a.annotation.id}-${c.b.annotation.id}`} className="conflict">
                <strong>{c.metric}</strong>: {c.reason}
                <div className="conflict-sides">
                  {[c.a, c.b].map((r) => (
                    <button key={r.annotation.id} type="button" className="link" onClick={() => open(r)}>
                      “{r.annotation.target.quote.exact}” — {r.article.title}
                      {r.annotation.pdf ? `, p. ${r.annotation.pdf.label}` : ''}
                      {r.annotation.creator ? ` · tagged by ${r.annotation.creator}` : ''}
                    </button>
                  ))}
                </div>
              </li>
            ))}
          </ul>
        )}
        {conflictCount > conflicts.length && (
          <p className="muted">
            The first {conflicts.length} of {conflictCount.toLocaleString('en')} conflicts
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
            {shown.slice(0, rows).map((r) => (
              <tr
                key={r.annotation.id}
                onClick={() => open(r)}
                tabIndex={0}
                onKeyDown={(e) => e.key === 'Enter' && open(r)}
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
                      r.annotation.pdf ? `p. ${r.annotation.pdf.label}` : '',
                    ]
                      .filter(Boolean)
                      .join(' · ')}
                  </div>
                </td>
                <td className="cell-quote">{quoteSentence(r.annotation.target.quote)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {shown.length > rows && (
          <p className="figures-more">
            <button type="button" onClick={() => setRowsFor({ of: shown, rows: rows + ROWS_STEP })}>
              Show {Math.min(ROWS_STEP, shown.length - rows)} more
            </button>{' '}
            <span className="muted">
              {rows.toLocaleString('en')} of {shown.length.toLocaleString('en')} figures shown
            </span>
          </p>
        )}
        {shown.length === 0 && (
          <p className="muted pad">No figures match. Tag one in the reader: click an underlined number.</p>
        )}
      </section>
    </div>
  )
}
