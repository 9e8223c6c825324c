// Renderer: the library — every article in the archive, filtered, sorted and virtualized so thousands
// scroll smoothly; bulk selection to tag, collect or delete.
import { useVirtualizer } from '@tanstack/react-virtual'
import { useMemo, useRef, useState } from 'react'
import type { KeyboardEvent, MouseEvent, ReactNode } from 'react'
import type { ArticleListItem, Collection, Tag } from '../../../shared/types'
import ArticleRow from '../components/ArticleRow'
import { plural } from '../format'
import BulkBar from '../library/BulkBar'
import FilterPanel from '../library/FilterPanel'
import { filterChips, SORT_LABELS, sortArticles } from '../library/library-filter'
import type { LibraryFilter, LibrarySort } from '../library/library-filter'

export type View = 'library' | 'figures' | 'tags'

type Props = {
  articles: ArticleListItem[] | null
  error: string | null
  selectedId: string | null
  onSelect: (id: string) => void
  onImport: () => void
  onExport: () => void
  onBackups: () => void
  onConnector: () => void
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
  /** The articles the filter keeps (App works them out; the export dialog offers them too). */
  shown: ArticleListItem[]
  /** The main process has not yet answered which articles the filter's tag or colour selects. */
  filtering: boolean
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
function countLine({
  articles,
  listed,
  filtering,
  searchCount,
}: Pick<Props, 'articles' | 'filtering' | 'searchCount'> & { listed: number }): string {
  if (searchCount === null) return 'Searching…'
  if (searchCount)
    return searchCount.match === 'close'
      ? plural(searchCount.total, 'close match', 'close matches')
      : `${plural(searchCount.total, 'article')} found`
  if (!articles) return 'Opening archive…'
  if (filtering) return 'Filtering…'
  return listed === articles.length
    ? plural(articles.length, 'article')
    : `${listed} of ${plural(articles.length, 'article')}`
}

export default function LibraryPane(props: Props) {
  const {
    articles,
    error,
    selectedId,
    onSelect,
    onImport,
    onExport,
    onBackups,
    onConnector,
    view,
    onView,
    tags,
    collections,
    search,
    results,
    searchCount,
    onBulk,
    filter,
    shown,
    filtering,
  } = props
  const setFilter = props.onFilter
  const scrollRef = useRef<HTMLDivElement>(null)
  const [sort, setSort] = useState<LibrarySort>('added')
  const [showFilters, setShowFilters] = useState(false)
  const [checked, setChecked] = useState<Set<string>>(new Set())
  const [anchor, setAnchor] = useState<string | null>(null)

  const list = useMemo(() => sortArticles(shown, sort), [shown, sort])
  const chips = filterChips(filter, (id) => collections.find((c) => c.id === id)?.name ?? id)
  const virtualizer = useVirtualizer({
    count: list.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
  })

  const onCheck = (id: string, e: MouseEvent) => {
    setChecked((prev) => {
      const next = new Set(prev)
      if (e.shiftKey && anchor) {
        const [a, b] = [list.findIndex((x) => x.id === anchor), list.findIndex((x) => x.id === id)].sort(
          (x, y) => x - y,
        )
        for (const x of list.slice(a, b + 1)) next.add(x.id)
      } else if (next.has(id)) next.delete(id)
      else next.add(id)
      return next
    })
    setAnchor(id)
  }

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return
    event.preventDefault()
    const at = list.findIndex((a) => a.id === selectedId)
    const next = Math.min(list.length - 1, Math.max(0, at + (event.key === 'ArrowDown' ? 1 : -1)))
    if (list[next]) {
      onSelect(list[next].id)
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
          <span className="pane-subtitle">
            {countLine({ articles, listed: list.length, filtering, searchCount })}
          </span>
          <select aria-label="Sort by" value={sort} onChange={(e) => setSort(e.target.value as LibrarySort)}>
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
            articles={articles ?? []}
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
          {virtualizer.getVirtualItems().map((item) => {
            const article = list[item.index]
            return (
              <ArticleRow
                key={article.id}
                article={article}
                open={article.id === selectedId}
                checked={checked.has(article.id)}
                selecting={checked.size > 0}
                onOpen={onSelect}
                onCheck={onCheck}
                style={{
                  position: 'absolute',
                  top: 0,
                  left: 0,
                  right: 0,
                  height: item.size,
                  transform: `translateY(${item.start}px)`,
                }}
              />
            )
          })}
        </div>
        {articles && !filtering && list.length === 0 && (
          <p className="muted pad">
            {articles.length ? 'No article matches these filters.' : 'No articles yet.'}
          </p>
        )}
      </div>
      <footer className="library-footer">
        <button type="button" className="link" onClick={onBackups}>
          Backups…
        </button>
        <button type="button" className="link" onClick={onConnector}>
          Browser connector…
        </button>
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
