// Renderer: one article, its highlights painted over the text, and the annotations sidebar (a drawer over
// the text in a window narrower than DRAWER_QUERY).
import { Suspense, lazy, useCallback, useEffect, useMemo, useRef, useState } from 'react'
import type { MouseEvent } from 'react'
import { onAppEvent } from '../api'
import AnnotationSidebar from '../components/AnnotationSidebar'
import ConflictNotice from '../components/ConflictNotice'
import ArticleBody from '../components/ArticleBody'
import PdfBody from '../components/PdfBody'
import ArticleHeader from '../components/ArticleHeader'
import FindBar from '../components/FindBar'
import ReaderToolbar from '../components/ReaderToolbar'
import type { PanelToggle } from '../components/ReaderToolbar'
import SelectionToolbar from '../components/SelectionToolbar'
import type { SelectionAction } from '../components/SelectionToolbar'
import { useArticle } from '../hooks/useArticle'
import { useAnnotationSync } from '../hooks/useAnnotationSync'
import { useArticleConflicts } from '../hooks/useArticleConflicts'
import { useFontSize } from '../hooks/useFontSize'
import { useMediaQuery } from '../hooks/useMediaQuery'
import { useTags } from '../hooks/useTags'
import { rangeFromOffsets } from '../reader/dom-text'
import type { DomText } from '../reader/dom-text'
import { paintLayer } from '../reader/paint'
import { createFromSelection } from '../reader/create-from-selection'
import { useAnchoring } from '../reader/useAnchoring'
import { useFigureFormDraft } from '../reader/useFigureFormDraft'
import { useFigures } from '../reader/useFigures'
import { useFind } from '../reader/useFind'
import type { HighlightColor } from '../../../shared/types'
import { useReaderDrafts } from '../reader/useReaderDrafts'
import { useArrival } from '../reader/useArrival'
import { useReaderKeys } from '../reader/useReaderKeys'
import { useReaderPaint } from '../reader/useReaderPaint'
import { useReaderSelection } from '../reader/useReaderSelection'

// The figure form validates against the contract's schemas (zod): loaded when first needed, or at idle once an
// article is on screen (useFigures), so opening an article does not wait for it.
const FigureForm = lazy(() => import('../components/FigureForm'))

/** Below this width the annotations sidebar is a drawer (styles.css uses the same 1199px). */
const DRAWER_QUERY = '(max-width: 1199px)'

type Props = {
  id: string
  initialAnnotation?: string
  initialPosition?: { start: number; end: number }
  onChanged: () => void
  onExport: () => void
  /** The library's button, in a window too narrow to show the library beside the article. */
  library?: PanelToggle
}

export default function ReaderPane(props: Props) {
  const { id, initialAnnotation, initialPosition, onChanged, onExport, library } = props
  const { article, error } = useArticle(id)
  const [annotationsGeneration, setAnnotationsGeneration] = useState(0)
  const { sync, snapshot, error: annotationError } = useAnnotationSync(id, annotationsGeneration)
  const conflicts = useArticleConflicts(id)
  const conflictResolved = useCallback(() => {
    conflicts.reload()
    setAnnotationsGeneration((g) => g + 1)
    onChanged()
  }, [conflicts, onChanged])
  const drafts = useReaderDrafts(id, sync)
  const { tags, refresh: refreshTags } = useTags()
  const [model, setModel] = useState<DomText | null>(null)
  const [focusedId, setFocusedId] = useState<string | null>(null)
  const [editing, setEditing] = useState<'note' | 'tags' | null>(null)
  const [fontSize, changeFont] = useFontSize()
  const drawerMode = useMediaQuery(DRAWER_QUERY)
  const [drawerOpen, setDrawerOpen] = useState(false)
  const drawerToggle = useRef<HTMLButtonElement>(null)
  // The drawer opens below the reader's toolbar, so it never covers the toolbar's buttons.
  const [toolbarHeight, setToolbarHeight] = useState(0)
  const column = useCallback((node: HTMLDivElement | null) => {
    const bar = node?.querySelector<HTMLElement>('.reader-toolbar')
    if (!bar) return
    const observer = new ResizeObserver(() => setToolbarHeight(bar.offsetHeight))
    observer.observe(bar)
    return () => observer.disconnect()
  }, [])
  const scroller = useRef<HTMLDivElement>(null)
  const body = useRef<HTMLElement | null>(null)
  const { selection, refresh, clear, offsetAt } = useReaderSelection(model, body, scroller)
  const find = useFind(model?.text ?? '')

  const onModel = useCallback((m: DomText, container: HTMLElement) => {
    body.current = container
    setModel(m)
  }, [])

  // An article tag added here shows in the library row at once, and in the tag lists.
  const onTagsChanged = useCallback(() => {
    refreshTags()
    onChanged()
  }, [refreshTags, onChanged])

  // The library's counts follow once a change is saved.
  const saved = snapshot.status.state === 'saved'
  const hasChanges = snapshot.canUndo
  useEffect(() => {
    if (saved && hasChanges) onChanged()
  }, [saved, hasChanges, snapshot.items, onChanged])

  useEffect(() => {
    // The text model is the same rule main applied on import; a difference means highlights anchor by quote.
    if (model && article && model.text !== article.text)
      console.warn('Glossa: displayed text differs from stored text')
  }, [model, article])

  const { placed, orphans, approximate, spans, approximateMarks } = useAnchoring(
    model,
    article,
    snapshot.items,
    body,
  )

  const taggedSpans = useMemo(
    () => placed.filter((a) => a.kind === 'figure').map((a) => spans.get(a.id)!),
    [placed, spans],
  )
  const figures = useFigures(model, article, sync, taggedSpans)
  const onFormDirty = useCallback((dirty: boolean) => sync?.setEditing('figure-form', dirty), [sync])
  const formOpen = !!figures.draft
  useEffect(() => {
    // The figure form lives in the sidebar: opening it shows the drawer.
    if (formOpen) setDrawerOpen(true)
  }, [formOpen])
  useReaderPaint(model, placed, spans, focusedId, figures.candidates)

  const scrollToSpan = useCallback(
    (span: { start: number; end: number } | undefined) => {
      const range = model && span ? rangeFromOffsets(model, span.start, span.end) : null
      const box = scroller.current
      if (!range || !box) return
      const rect = range.getBoundingClientRect()
      const view = box.getBoundingClientRect()
      if (rect.top < view.top + 60 || rect.bottom > view.bottom - 40) {
        box.scrollBy({ top: rect.top - view.top - view.height / 3 })
      }
    },
    [model],
  )

  const findMatches = find.matches
  const findCurrent = find.current
  useEffect(() => {
    paintLayer(model, 'find-match', findMatches)
    const current = findMatches[findCurrent]
    paintLayer(model, 'find-current', current ? [current] : [])
    scrollToSpan(current)
  }, [model, findMatches, findCurrent, scrollToSpan])

  const focus = useCallback(
    (next: string | null, mode: 'note' | 'tags' | null = null, scroll = true) => {
      setFocusedId(next)
      setEditing(mode)
      if (mode) setDrawerOpen(true)
      if (next && scroll) scrollToSpan(spans.get(next))
    },
    [spans, scrollToSpan],
  )
  const onFiguredSaved = useCallback((saved: string) => focus(saved, null, false), [focus])
  const onSaveFigure = useFigureFormDraft({
    model,
    sync,
    figureKey: drafts.figureKey,
    ready: drafts.ready,
    restore: figures.restore,
    save: figures.save,
    onSaved: onFiguredSaved,
    refreshTags,
  })
  const focusApproximate = useCallback((next: string) => {
    setFocusedId(next)
    setDrawerOpen(true)
  }, [])

  const onSelectionAction = useCallback(
    (action: SelectionAction) => {
      if (!sync || !model || !selection) return
      if (action.then === 'figure') {
        void figures.openForSpan(selection.start, selection.end)
        clear()
        return
      }
      // On a PDF report a selection across pages becomes one annotation per page.
      const ids = createFromSelection(sync, model, article, selection, action.color ?? 'yellow')
      clear()
      focus(ids[0], action.then === 'note' || action.then === 'tags' ? action.then : null, false)
    },
    [sync, model, selection, clear, focus, figures, article],
  )

  const keys = useMemo(
    () => ({
      hasSelection: !!selection,
      onSelectionAction,
      onUndo: () => sync?.undo(),
      onRedo: () => sync?.redo(),
      onFind: find.show,
      onEscape: () => {
        if (selection) return clear()
        if (drawerMode && drawerOpen) {
          setDrawerOpen(false)
          return drawerToggle.current?.focus()
        }
        focus(null)
      },
      onDeleteFocused: () => focusedId && sync?.remove(focusedId),
      onRecolourFocused: (color: HighlightColor) => focusedId && drafts.onChange(focusedId, { color }),
      onToggleDrawer: () => drawerMode && setDrawerOpen((o) => !o),
      onStep: (delta: 1 | -1) => {
        if (!placed.length) return
        const at = placed.findIndex((a) => a.id === focusedId)
        const next =
          at < 0 ? (delta > 0 ? 0 : placed.length - 1) : (at + delta + placed.length) % placed.length
        focus(placed[next].id)
      },
    }),
    [
      selection,
      onSelectionAction,
      sync,
      find.show,
      clear,
      focus,
      focusedId,
      placed,
      drawerMode,
      drawerOpen,
      drafts,
    ],
  )
  useReaderKeys(keys)

  useArrival({ model, spans, initialPosition, initialAnnotation, scrollToSpan, focus })
  useEffect(() => onAppEvent('menu.find', find.show), [find.show])

  const onPointerUp = (e: MouseEvent) => {
    const sel = window.getSelection()
    if (sel && !sel.isCollapsed) return refresh()
    refresh()
    const offset = offsetAt(e.clientX, e.clientY)
    if (offset === null) return
    // An underlined figure opens its form even inside a highlight (its card still focuses the highlight).
    if (figures.candidates.some((c) => c.start <= offset && offset < c.end))
      return void figures.openCandidateAt(offset)
    const hits = placed.filter((a) => spans.get(a.id)!.start <= offset && offset < spans.get(a.id)!.end)
    hits.sort((a, b) => spanLength(spans.get(a.id)!) - spanLength(spans.get(b.id)!))
    if (hits.length) return focus(hits[0].id, null, false)
    void figures.openCandidateAt(offset)
  }

  if (error)
    return (
      <p className="error pad" role="alert">
        {error}
      </p>
    )
  if (!article) return <p className="muted pad">Loading…</p>

  return (
    <div
      className={`reader-layout${drawerMode && drawerOpen ? ' drawer-open' : ''}`}
      style={{
        ['--read-size' as string]: `${fontSize}px`,
        ['--toolbar-height' as string]: `${toolbarHeight}px`,
      }}
    >
      <div className="reader-column" ref={column}>
        <ReaderToolbar
          status={snapshot.status}
          unkept={snapshot.unkept}
          notice={snapshot.notice}
          canUndo={snapshot.canUndo}
          canRedo={snapshot.canRedo}
          onUndo={() => sync?.undo()}
          onRedo={() => sync?.redo()}
          onFont={changeFont}
          onFind={find.show}
          onExport={onExport}
          library={library}
          annotations={
            drawerMode
              ? {
                  open: drawerOpen,
                  toggle: () => setDrawerOpen((o) => !o),
                  ref: drawerToggle,
                  count: placed.length + orphans.length + approximate.length,
                }
              : undefined
          }
        />
        {find.open && (
          <FindBar
            query={find.query}
            count={find.matches.length}
            current={find.current}
            onQuery={find.setQuery}
            onStep={find.step}
            onClose={find.close}
          />
        )}
        <div className="reader-scroll" ref={scroller} onMouseUp={onPointerUp} onKeyUp={refresh}>
          <article className={article.pdf ? 'reader reader-pdf' : 'reader'} lang={article.language}>
            <ArticleHeader article={article} knownTags={tags} onTagsChanged={onTagsChanged} />
            {conflicts.article && (
              <ConflictNotice conflict={conflicts.article} onResolved={conflictResolved} />
            )}
            {annotationError && (
              <p className="error" role="alert">
                {annotationError}
              </p>
            )}
            {article.pdf ? (
              <PdfBody
                article={article}
                onModel={onModel}
                approximate={approximateMarks}
                onFocusAnnotation={focusApproximate}
              />
            ) : (
              <ArticleBody article={article} onModel={onModel} />
            )}
          </article>
          {selection && (
            <SelectionToolbar
              top={selection.top}
              left={selection.left}
              onAction={onSelectionAction}
              canFigure
            />
          )}
        </div>
      </div>
      <AnnotationSidebar
        form={
          figures.draft && (
            <Suspense fallback={null}>
              <FigureForm
                key={`${figures.draft.start}-${figures.draft.end}-${figures.draft.editingId ?? ''}`}
                draft={figures.draft}
                draftKey={drafts.figureKey}
                onDirty={onFormDirty}
                knownTags={tags}
                keepDraftOnSave
                onSave={onSaveFigure}
                onCancel={figures.cancel}
              />
            </Suspense>
          )
        }
        onEditFigure={(a) => {
          const annotation =
            placed.find((x) => x.id === a) ??
            orphans.find((x) => x.id === a) ??
            approximate.find((x) => x.id === a)
          if (annotation) void figures.openForAnnotation(annotation, spans.get(a))
        }}
        placed={placed}
        orphans={orphans}
        approximate={approximate}
        focusedId={focusedId}
        editing={editing}
        knownTags={tags}
        onFocus={(a) => focus(a)}
        drafts={drafts.sink}
        onChange={(a, patch, session) => {
          drafts.onChange(a, patch, session)
          if (patch.tags) setTimeout(refreshTags, 300)
        }}
        onDelete={(a) => {
          sync?.remove(a)
          focus(null)
        }}
        conflictOf={conflicts.ofAnnotation}
        onConflictResolved={conflictResolved}
      />
    </div>
  )
}

function spanLength(s: { start: number; end: number }): number {
  return s.end - s.start
}
