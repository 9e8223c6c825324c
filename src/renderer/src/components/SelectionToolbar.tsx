// Renderer: the small toolbar over a selected passage: colour, note, tag, figure.
import type { HighlightColor } from '../../../shared/types'
import ColorSwatches from './ColorSwatches'

export type SelectionAction = { color?: HighlightColor; then?: 'note' | 'tags' | 'figure' }

type Props = { top: number; left: number; onAction: (action: SelectionAction) => void; canFigure: boolean }

export default function SelectionToolbar({ top, left, onAction, canFigure }: Props) {
  return (
    <div className="selection-toolbar" role="toolbar" aria-label="Selection" style={{ top, left }}>
      <ColorSwatches onPick={(color) => onAction({ color })} showKeys />
      <span className="toolbar-divider" />
      <button
        type="button"
        onMouseDown={(e) => e.preventDefault()}
        onClick={() => onAction({ then: 'note' })}
        title="Note (N)"
      >
        Note
      </button>
      <button
        type="button"
        onMouseDown={(e) => e.preventDefault()}
        onClick={() => onAction({ then: 'tags' })}
        title="Tag (T)"
      >
        Tag
      </button>
      {canFigure && (
        <button
          type="button"
          onMouseDown={(e) => e.preventDefault()}
          onClick={() => onAction({ then: 'figure' })}
          title="Figure (F)"
        >
          Figure
        </button>
      )}
    </div>
  )
}
