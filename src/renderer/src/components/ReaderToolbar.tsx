// Renderer: the reader's top strip: save state, undo/redo, font size, find; in a narrow window, the buttons
// that show the library and the annotations drawer.
import type { Ref } from 'react'
import { plural } from '../format'
import type { SaveStatus } from '../reader/annotation-sync'

/** A panel folded away in a narrow window, and the button that shows it. */
export type PanelToggle = { open: boolean; toggle: () => void; ref?: Ref<HTMLButtonElement>; count?: number }

type Props = {
  status: SaveStatus
  /** Changes not on disk that could not be kept for a reload either: closing the window loses them. */
  unkept?: number
  /** What the archive did instead of a change (a deletion it refused), in plain words. */
  notice?: string
  canUndo: boolean
  canRedo: boolean
  onUndo: () => void
  onRedo: () => void
  onFont: (delta: number) => void
  onFind: () => void
  onExport: () => void
  library?: PanelToggle
  annotations?: PanelToggle
}

const LABEL: Record<SaveStatus['state'], string> = {
  saved: 'Saved',
  editing: 'Editing…',
  saving: 'Saving…',
  retrying: 'Not saved — retrying',
  failed: 'Not saved',
  waiting: 'Not saved',
  loading: 'Loading…',
}

export default function ReaderToolbar({
  status,
  unkept = 0,
  notice,
  canUndo,
  canRedo,
  onUndo,
  onRedo,
  onFont,
  onFind,
  onExport,
  library,
  annotations,
}: Props) {
  return (
    <div className="reader-toolbar">
      {library && (
        <button
          type="button"
          className="library-toggle"
          aria-expanded={library.open}
          onClick={library.toggle}
          title="Show the library"
        >
          Library
        </button>
      )}
      <span className={`save-status ${status.state}`} role="status" title={status.message}>
        {LABEL[status.state]}
        {status.state === 'waiting' ? ` — ${plural(status.waiting ?? 0, 'change')} waiting` : ''}
        {status.message && status.state !== 'saved' ? `: ${status.message}` : ''}
      </span>
      <div className="toolbar-group">
        <button type="button" onClick={onUndo} disabled={!canUndo} title="Undo (Ctrl+Z)">
          Undo
        </button>
        <button type="button" onClick={onRedo} disabled={!canRedo} title="Redo (Ctrl+Shift+Z)">
          Redo
        </button>
        <span className="toolbar-divider" />
        <button type="button" onClick={() => onFont(-1)} aria-label="Smaller text" title="Smaller text">
          A−
        </button>
        <button type="button" onClick={() => onFont(1)} aria-label="Larger text" title="Larger text">
          A+
        </button>
        <button type="button" onClick={onFind} title="Find (Ctrl+F)">
          Find
        </button>
        <button type="button" onClick={onExport} title="Export this article's notes">
          Export
        </button>
        {annotations && (
          <button
            ref={annotations.ref}
            type="button"
            className="drawer-toggle"
            aria-expanded={annotations.open}
            onClick={annotations.toggle}
            title="Annotations (A)"
          >
            Annotations{annotations.count ? ` (${annotations.count})` : ''}
          </button>
        )}
      </div>
      {status.state === 'retrying' && unkept === 0 && (
        <p className="retry-note">
          If you close this window now, these changes stay kept in this browser and are saved the next time
          this article is opened here.
        </p>
      )}
      {notice && (
        <p className="sync-notice" aria-live="polite">
          {notice}
        </p>
      )}
      {unkept > 0 && (
        <p className="unkept-warning" role="alert">
          {unkept === 1 ? '1 change is' : `${plural(unkept, 'change')} are`} not saved and will be lost if you
          close this window. Keep it open until the archive can be reached again.
        </p>
      )}
    </div>
  )
}
