// Renderer: this article's annotations in reading order, then those that could not be placed (orphans).
import type { ReactNode } from 'react'
import type { Tag } from '../../../shared/types'
import type { AnnotationPatch, LocalAnnotation } from '../reader/annotation-sync'
import AnnotationCard from './AnnotationCard'

type Props = {
  form?: ReactNode
  placed: LocalAnnotation[]
  orphans: LocalAnnotation[]
  focusedId: string | null
  editing: 'note' | 'tags' | null
  knownTags: Tag[]
  onFocus: (id: string) => void
  onChange: (id: string, patch: AnnotationPatch) => void
  onDelete: (id: string) => void
  onEditFigure?: (id: string) => void
}

export default function AnnotationSidebar({ form, placed, orphans, focusedId, ...rest }: Props) {
  return (
    <aside className="annotation-sidebar" aria-label="Annotations">
      <h2 className="sidebar-title">
        Annotations <span className="muted">{placed.length + orphans.length || ''}</span>
      </h2>
      {form}
      {placed.length + orphans.length === 0 && (
        <p className="muted sidebar-hint">
          Select a passage to highlight it. Keys 1–6 pick a colour, N adds a note, T a tag, F tags a figure.
        </p>
      )}
      <ol className="annotation-list">
        {placed.map((a) => (
          <AnnotationCard key={a.id} annotation={a} focused={a.id === focusedId} {...rest} />
        ))}
      </ol>
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
