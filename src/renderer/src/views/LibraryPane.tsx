// Renderer: the library — every article in the archive, filtered and sorted by the main process and
// virtualized, so 100,000 scroll smoothly: the list asks for the pages of rows it shows (useLibraryPages);
// bulk selection to tag, collect or delete.
import { useVirtualizer } from '@tanstack/react-virtual'
import { useEffect, useRef, useState } from 'react'
import type { KeyboardEvent, MouseEvent, ReactNode } from 'react'
import type { Collection, Tag } from '../../../shared/types'
import ArticleRow from '../components/ArticleRow'
import TeamStatus from '../components/TeamStatus'
import { plural } from '../format'
import BulkBar from '../library/BulkBar'
import FilterPanel from '../library/FilterPanel'
import type { LibraryRows } from '../hooks/useLibraryPages'
import { recountLine, useRecount } from '../hooks/useRecount'
import { filterChips, SORT_LABELS } from '../library/library-filter'
import type { LibraryFilter, LibrarySort } from '../library/library-filter'

export type View = 'library' | 'figures' | 'tags'

type Props = {
  /** The rows the filter keeps, in the sort's order, a page at a time. */
  rows: LibraryRows
  error: string | null
  selectedId: string | null
  onSelect: (id: string) => void
  onImport: () => void
  onExport: () => void
  onBackups: () => void
  onConnector: () => void
  /** Settings → Team: the team database, Sync now, conflicts. */
  onTeam: () => void
  /** Live team sync took in changes: reload what the window shows. */
  onTeamReceived?: () => void
  /** The recount of annotation counts after an unexpected shutdown ended: the counts shown may be old. */
  onCountsChecked?: () => void
  view: View
  onView: (view: View) => void
  tags: Tag[]
  collections: Collection[]
  search: ReactNode
  /** While a search is active, its results take the list's place. */
  results: ReactNode | null
  /** While a search is active, how many articles it found (null until it answers); the count line follows it. */
  searchCount?: { total: number; match: 'exact' | 'close' } | null
  filter: LibraryFilter
  sort: LibrarySort
  onSort: (sort: LibrarySort) => void
  onFilter: (update: (f: LibraryFilter) => LibraryFilter) => void
  onBulk: {
    tag: (ids: string[], tags: string[]) => void
    collect: (ids: string[], target: string | { name: string }) => void
    remove: (ids: string[]) => void
    exportIds: (ids: string[]) => void
  }
}

const ROW_HEIGHT = 76

/** The line above the list: how many articles it shows — or, while a search is on, how many the search found. */
function countLine({ rows, searchCount }: Pick<Props, 'rows' | 'searchCount'>): string {
  if (searchCount === null) return 'Searching…'
  if (searchCount)
    return searchCount.match === 'close'
      ? plural(searchCount.total, 'close match', 'close matches')
      : `${plural(searchCount.total, 'article')} found`
  if (rows.total === null || rows.all === null) {
    if (rows.error) return ''
    return rows.all === null || rows.loading ? 'Opening archive…' : 'Filtering…'
  }
  // The first rows came from the library's head: the rest of the archive is still opening.
  if (rows.loading) return `${plural(rows.all, 'article')} · opening…`
  return rows.total === rows.all
    ? plural(rows.all, 'article')
    : `${rows.total} of ${plural(rows.all, 'article')}`
}

export default function LibraryPane(props: Props) {
  const {
    rows,
    error,
    selectedId,
    onSelect,
    onImport,
    onExport,
    onBackups,
    onConnector,
    onTeam,
    onTeamReceived,
    view,
    onView,
    tags,
    collections,
    search,
    results,
    searchCount,
    onBulk,
    filter,
    sort,
    onSort,
  } = props
  const setFilter = props.onFilter
  const scrollRef = useRef<HTMLDivElement>(null)
  const [showFilters, setShowFilters] = useState(false)
  const [checked, setChecked] = useState<Set<string>>(new Set())
  const [anchor, setAnchor] = useState<string | null>(null)
  const recount = useRecount(props.onCountsChecked)

  const count = rows.total ?? 0
  const chips = filterChips(filter, (id) => collections.find((c) => c.id === id)?.name ?? id)
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
  })

  const items = virtualizer.getVirtualItems()
  const firstShown = items[0]?.index ?? 0
  const lastShown = items.at(-1)?.index ?? 0
  // The pages of the rows in view (and the overscan), asked for as the list scrolls.
  useEffect(() => rows.want(firstShown, lastShown), [rows.want, firstShown, lastShown]) // eslint-disable-line react-hooks/exhaustive-deps

  const onCheck = (id: string, e: MouseEvent) => {
    setAnchor(id)
    if (e.shiftKey && anchor) {
      // The range may run through rows not loaded: its ids come from the main process, in the list's order.
      void rows.allIds().then((all) => {
        const [a, b] = [all.indexOf(anchor), all.indexOf(id)].sort((x, y) => x - y)
        if (a < 0) return
        setChecked((prev) => new Set([...prev, ...all.slice(a, b + 1)]))
      })
      return
    }
    setChecked((prev) => {
      const next = new Set(prev)
      if (next.has(id)) next.delete(id)
      else next.add(id)
      return next
    })
  }

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return
    event.preventDefault()
    const at = selectedId ? rows.indexOf(selectedId) : -1
    const next = Math.min(count - 1, Math.max(0, at + (event.key === 'ArrowDown' ? 1 : -1)))
    const article = rows.rowAt(next)
    if (article) {
      onSelect(article.id)
      virtualizer.scrollToIndex(next, { align: 'auto' })
    }
  }
  const ids = [...checked]

  return (
    <nav className="library-pane" aria-label="Library">
      <header className="pane-header">
        <div className="brand-row">
          <div className="brand">Glossa</div>
          <div className="toolbar-group">
            <button type="button" className="small" onClick={onExport} title="Export notes and data">
              Export…
            </button>
            <button type="button" className="primary small" onClick={onImport} title="Import (Ctrl+O)">
              Import…
            </button>
          </div>
        </div>
        <div className="view-tabs" role="tablist" aria-label="Views">
          {(['library', 'figures', 'tags'] as const).map((v) => (
            <button key={v} type="button" role="tab" aria-selected={view === v} onClick={() => onView(v)}>
              {{ library: 'Articles', figures: 'Figures', tags: 'Tags' }[v]}
            </button>
          ))}
        </div>
        {search}
        <div className="library-tools">
          <span className="pane-subtitle">{countLine({ rows, searchCount })}</span>
          <select aria-label="Sort by" value={sort} onChange={(e) => onSort(e.target.value as LibrarySort)}>
            {Object.entries(SORT_LABELS).map(([k, label]) => (
              <option key={k} value={k}>
                {label}
              </option>
            ))}
          </select>
          <button type="button" aria-expanded={showFilters} onClick={() => setShowFilters((s) => !s)}>
            Filters{chips.length ? ` (${chips.length})` : ''}
          </button>
        </div>
        {showFilters && (
          <FilterPanel
            filter={filter}
            tags={tags}
            collections={collections}
            onChange={(p) => setFilter((f) => ({ ...f, ...p }))}
            onClose={() => setShowFilters(false)}
          />
        )}
        {chips.length > 0 && (
          <div className="filter-chips" aria-label="Active filters">
            {chips.map((c) => (
              <span key={c.key} className="chip">
                {c.label}
                <button
                  type="button"
                  aria-label={`Remove filter ${c.label}`}
                  onClick={() => setFilter((f) => ({ ...f, [c.key]: undefined }))}
                >
                  ×
                </button>
              </span>
            ))}
          </div>
        )}
      </header>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {results}
      <div
        hidden={results !== null}
        className="library-list"
        ref={scrollRef}
        role="listbox"
        aria-label="Articles"
        aria-multiselectable
        tabIndex={0}
        onKeyDown={onKeyDown}
      >
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {items.map((item) => {
            const article = rows.rowAt(item.index)
            const place = {
              position: 'absolute',
              top: 0,
              left: 0,
              right: 0,
              height: item.size,
              transform: `translateY(${item.start}px)`,
            } as const
            // A row whose page is on its way keeps its place, empty, until it arrives.
            if (!article)
              return (
                <div key={`row-${item.index}`} className="article-row pending" style={place} aria-hidden />
              )
            return (
              <ArticleRow
                key={article.id}
                article={article}
                open={article.id === selectedId}
                checked={checked.has(article.id)}
                selecting={checked.size > 0}
                onOpen={onSelect}
                onCheck={onCheck}
                style={place}
              />
            )
          })}
        </div>
        {rows.total === 0 && (
          <p className="muted pad">{rows.all ? 'No article matches these filters.' : 'No articles yet.'}</p>
        )}
      </div>
      <footer className="library-footer">
        {recount && (
          <p className="recount-notice muted" role="status">
            {recountLine(recount)}
          </p>
        )}
        <button type="button" className="link" onClick={onBackups}>
          Backups…
        </button>
        <button type="button" className="link" onClick={onConnector}>
          Browser connector…
        </button>
        <button type="button" className="link" onClick={onTeam}>
          Team…
        </button>
        <TeamStatus onOpen={onTeam} onReceived={() => onTeamReceived?.()} />
      </footer>
      {checked.size > 0 && (
        <BulkBar
          count={checked.size}
          tags={tags}
          collections={collections}
          onClear={() => setChecked(new Set())}
          onTag={(t) => onBulk.tag(ids, t)}
          onCollect={(target) => onBulk.collect(ids, target)}
          onExport={() => onBulk.exportIds(ids)}
          onDelete={() => {
            onBulk.remove(ids)
            setChecked(new Set())
          }}
        />
      )}
    </nav>
  )
}
