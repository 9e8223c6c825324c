// Renderer: one annotation in the sidebar; the focused one opens for editing in place.
import { useCallback, useEffect, useRef } from 'react'
import type { Tag } from '../../../shared/types'
import type { AnnotationPatch, LocalAnnotation } from '../reader/annotation-sync'
import type { DraftSink } from '../reader/drafts'
import { useNoteEditor } from '../reader/useNoteEditor'
import type { SyncConflict } from '../hooks/useArticleConflicts'
import ColorSwatches from './ColorSwatches'
import ConflictNotice from './ConflictNotice'
import FigureSummary from './FigureSummary'
import Markdown from './Markdown'
import TagInput from './TagInput'

type Props = {
  annotation: LocalAnnotation
  focused: boolean
  orphan?: boolean
  /** On a PDF: not found in the page's text, painted from the rectangles it covered on its page. */
  approximate?: boolean
  editing?: 'note' | 'tags' | null
  knownTags: Tag[]
  onFocus: (id: string) => void
  /** `session` groups the autosaves of one note being typed into one undo step. */
  onChange: (id: string, patch: AnnotationPatch, session?: string) => void
  drafts?: DraftSink
  onDelete: (id: string) => void
  onEditFigure?: (id: string) => void
  /** In a virtualized list: its place in the list, where it sits, and how the list measures it. */
  index?: number
  top?: number
  measure?: (node: HTMLLIElement | null) => void
  /** A team-sync conflict on this annotation, if any, shown on the card to resolve here. */
  conflictOf?: (id: string) => SyncConflict | undefined
  onConflictResolved?: () => void
}

export default function AnnotationCard(props: Props) {
  const {
    annotation: a,
    focused,
    orphan,
    approximate,
    editing,
    knownTags,
    onFocus,
    onChange,
    onDelete,
    onEditFigure,
    drafts,
    index,
    top,
    measure,
    conflictOf,
    onConflictResolved,
  } = props
  const conflict = conflictOf?.(a.id)
  const ref = useRef<HTMLLIElement | null>(null)
  const setRef = useCallback(
    (node: HTMLLIElement | null) => {
      ref.current = node
      measure?.(node)
    },
    [measure],
  )
  const editor = useNoteEditor({
    id: a.id,
    saved: a.note,
    drafts,
    commit: (note, session) => onChange(a.id, { note }, session),
  })
  const { begin } = editor

  useEffect(() => {
    if (focused) ref.current?.scrollIntoView({ block: 'nearest' })
  }, [focused])
  useEffect(() => {
    if (focused && editing === 'note') begin()
  }, [focused, editing, begin])

  return (
    <li
      ref={setRef}
      data-index={index}
      style={top === undefined ? undefined : { transform: `translateY(${top}px)` }}
      className={`annotation-card color-${a.color}${focused ? ' focused' : ''}${orphan ? ' orphan' : ''}${approximate ? ' approximate' : ''}${conflict ? ' conflicted' : ''}`}
      data-annotation-id={a.id}
      onClick={() => !focused && onFocus(a.id)}
    >
      <blockquote className="card-quote">{a.target.quote.exact}</blockquote>
      {a.figure && <FigureSummary figure={a.figure} />}
      {!focused && a.note && <Markdown className="card-note" source={a.note} />}
      {!focused && a.tags.length > 0 && (
        <div className="card-tags">
          {a.tags.map((t) => (
            <span key={t} className="chip small">
              {t}
            </span>
          ))}
        </div>
      )}
      {orphan && <div className="orphan-label">Not found in the current text of the article</div>}
      {approximate && (
        <div className="orphan-label">
          Approximate: not found in the text of page {a.pdf?.label ?? (a.pdf?.page ?? 0) + 1}; painted where
          it was on the page
        </div>
      )}
      {a.unsaved && <div className="unsaved-label">Not saved yet</div>}
      {conflict && <ConflictNotice conflict={conflict} onResolved={() => onConflictResolved?.()} />}
      {focused && (
        <div className="card-editor" onClick={(e) => e.stopPropagation()}>
          <ColorSwatches value={a.color} onPick={(color) => onChange(a.id, { color })} />
          {editor.open ? (
            <textarea
              aria-label="Note"
              autoFocus
              rows={4}
              value={editor.note}
              placeholder="Note (Markdown)…  saved as you type; Ctrl+Enter to close"
              onChange={(e) => editor.type(e.target.value)}
              onBlur={editor.finish}
              onKeyDown={(e) => {
                if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) editor.finish()
                if (e.key === 'Escape') editor.cancel()
              }}
            />
          ) : (
            <button type="button" className="note-button" onClick={begin}>
              {a.note ? (
                <Markdown className="card-note" source={a.note} />
              ) : (
                <span className="muted">Add a note…</span>
              )}
            </button>
          )}
          <TagInput
            draftKey={drafts?.ready ? drafts.keyOf(a.id, 'tags') : undefined}
            onDraft={drafts?.setDirty}
            value={a.tags}
            known={knownTags}
            autoFocus={editing === 'tags'}
            onChange={(tags) => onChange(a.id, { tags })}
          />
          <div className="card-actions">
            {onEditFigure && (
              <button type="button" onClick={() => onEditFigure(a.id)}>
                {a.figure ? 'Edit figure' : 'Tag as figure'}
              </button>
            )}
            <button type="button" className="danger" onClick={() => onDelete(a.id)}>
              Delete
            </button>
          </div>
        </div>
      )}
    </li>
  )
}
