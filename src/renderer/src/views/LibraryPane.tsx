// Renderer: the library — every article in the archive, virtualized so thousands scroll smoothly.
import { useVirtualizer } from '@tanstack/react-virtual'
import { useRef } from 'react'
import type { KeyboardEvent } from 'react'
import type { ArticleMeta } from '../../../shared/types'
import ArticleRow from '../components/ArticleRow'
import { plural } from '../format'

type Props = {
  articles: ArticleMeta[] | null
  error: string | null
  selectedId: string | null
  onSelect: (id: string) => void
  onImport: () => void
  onChanged: () => void
  view: 'library' | 'figures'
  onView: (view: 'library' | 'figures') => void
}

const ROW_HEIGHT = 76

export default function LibraryPane({
  articles,
  error,
  selectedId,
  onSelect,
  onImport,
  view,
  onView,
}: Props) {
  const scrollRef = useRef<HTMLDivElement>(null)
  const list = articles ?? []
  const virtualizer = useVirtualizer({
    count: list.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
  })

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

  return (
    <nav className="library-pane" aria-label="Library">
      <header className="pane-header">
        <div className="brand-row">
          <div className="brand">Glossa</div>
          <button type="button" className="primary small" onClick={onImport} title="Import (Ctrl+O)">
            Import…
          </button>
        </div>
        <div className="view-tabs" role="tablist" aria-label="Views">
          <button
            type="button"
            role="tab"
            aria-selected={view === 'library'}
            onClick={() => onView('library')}
          >
            Articles
          </button>
          <button
            type="button"
            role="tab"
            aria-selected={view === 'figures'}
            onClick={() => onView('figures')}
          >
            Figures
          </button>
        </div>
        <div className="pane-subtitle">
          {articles ? plural(articles.length, 'article') : 'Opening archive…'}
        </div>
      </header>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <div
        className="library-list"
        ref={scrollRef}
        role="listbox"
        aria-label="Articles"
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
                selected={article.id === selectedId}
                onSelect={onSelect}
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
        {articles && articles.length === 0 && <p className="muted pad">No articles yet.</p>}
      </div>
    </nav>
  )
}
