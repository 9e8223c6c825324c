// Renderer: this article's annotations in reading order, then those that could not be placed (orphans).
// The placed ones are virtualized: a long read with hundreds of notes renders the cards in view, not all of them,
// so opening it paints the text without waiting for every card. The focused card is always kept rendered: a
// note being edited survives scrolling away from it, and a highlight focused in the text far from the cards in
// view has a card to scroll to (AnnotationCard brings itself into view).
import { defaultRangeExtractor, useVirtualizer } from '@tanstack/react-virtual'
import type { Range } from '@tanstack/react-virtual'
import { useCallback, useLayoutEffect, useRef, useState } from 'react'
import type { ReactNode } from 'react'
import type { Tag } from '../../../shared/types'
import type { AnnotationPatch, LocalAnnotation } from '../reader/annotation-sync'
import type { DraftSink } from '../reader/drafts'
import type { SyncConflict } from '../hooks/useArticleConflicts'
import AnnotationCard from './AnnotationCard'

type Props = {
  form?: ReactNode
  placed: LocalAnnotation[]
  orphans: LocalAnnotation[]
  /** On a PDF: not anchored, painted from their rectangles on their page. */
  approximate?: LocalAnnotation[]
  focusedId: string | null
  editing: 'note' | 'tags' | null
  knownTags: Tag[]
  onFocus: (id: string) => void
  onChange: (id: string, patch: AnnotationPatch, session?: string) => void
  drafts?: DraftSink
  onDelete: (id: string) => void
  onEditFigure?: (id: string) => void
  /** Team-sync conflicts: marked on their cards (AnnotationCard). */
  conflictOf?: (id: string) => SyncConflict | undefined
  onConflictResolved?: () => void
}

/** A card with a short quote and no note; real heights are measured as cards render. */
const CARD_ESTIMATE = 90
const CARD_GAP = 8

export default function AnnotationSidebar({
  form,
  placed,
  orphans,
  approximate = [],
  focusedId,
  ...rest
}: Props) {
  const scrollRef = useRef<HTMLElement>(null)
  const listRef = useRef<HTMLOListElement>(null)
  // Where the list starts inside the scrolling sidebar: below the title and the figure form, whose height changes.
  const [listTop, setListTop] = useState(0)
  useLayoutEffect(() => {
    const list = listRef.current
    const head = list?.previousElementSibling
    if (!list) return
    const measure = () => setListTop(list.offsetTop)
    measure()
    const observer = new ResizeObserver(measure)
    if (head) observer.observe(head)
    return () => observer.disconnect()
  }, [])

  const focusedIndex = focusedId ? placed.findIndex((a) => a.id === focusedId) : -1
  const rangeExtractor = useCallback(
    (range: Range) => {
      const indexes = defaultRangeExtractor(range)
      if (focusedIndex < 0 || indexes.includes(focusedIndex)) return indexes
      return [...indexes, focusedIndex].sort((a, b) => a - b)
    },
    [focusedIndex],
  )
  const virtualizer = useVirtualizer({
    count: placed.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => CARD_ESTIMATE,
    getItemKey: useCallback((i: number) => placed[i].id, [placed]),
    gap: CARD_GAP,
    overscan: 6,
    scrollMargin: listTop,
    rangeExtractor,
  })
  return (
    <aside className="annotation-sidebar" aria-label="Annotations" ref={scrollRef}>
      <div className="sidebar-head">
        <h2 className="sidebar-title">
          Annotations{' '}
          <span className="muted">{placed.length + orphans.length + approximate.length || ''}</span>
        </h2>
        {form}
        {placed.length + orphans.length + approximate.length === 0 && (
          <p className="muted sidebar-hint">
            Select a passage to highlight it. Keys 1–6 pick a colour, N adds a note, T a tag, F tags a figure.
          </p>
        )}
      </div>
      <ol ref={listRef} className="annotation-list virtual" style={{ height: virtualizer.getTotalSize() }}>
        {virtualizer.getVirtualItems().map((item) => {
          const a = placed[item.index]
          return (
            <AnnotationCard
              key={item.key}
              annotation={a}
              focused={a.id === focusedId}
              measure={virtualizer.measureElement}
              index={item.index}
              top={item.start - listTop}
              {...rest}
            />
          )
        })}
      </ol>
      {approximate.length > 0 && (
        <>
          <h3 className="sidebar-subtitle">Approximate</h3>
          <ol className="annotation-list">
            {approximate.map((a) => (
              <AnnotationCard key={a.id} annotation={a} focused={a.id === focusedId} approximate {...rest} />
            ))}
          </ol>
        </>
      )}
      {orphans.length > 0 && (
        <>
          <h3 className="sidebar-subtitle">Orphans</h3>
          <ol className="annotation-list">
            {orphans.map((a) => (
              <AnnotationCard key={a.id} annotation={a} focused={a.id === focusedId} orphan {...rest} />
            ))}
          </ol>
        </>
      )}
    </aside>
  )
}
