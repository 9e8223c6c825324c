// Renderer: the small toolbar over a selected passage: colour, note, tag, figure.
import type { HighlightColor } from '../../../shared/types'
import ColorSwatches from './ColorSwatches'

export type SelectionAction = { color?: HighlightColor; then?: 'note' | 'tags' | 'figure' }

const ACTIONS = [
  { then: 'note', label: 'Note', key: 'N' },
  { then: 'tags', label: 'Tag', key: 'T' },
  { then: 'figure', label: 'Figure', key: 'F' },
] as const

type Props = { top: number; left: number; onAction: (action: SelectionAction) => void; canFigure: boolean }

export default function SelectionToolbar({ top, left, onAction, canFigure }: Props) {
  return (
    <div className="selection-toolbar" role="toolbar" aria-label="Selection" style={{ top, left }}>
      <ColorSwatches onPick={(color) => onAction({ color })} showKeys />
      <span className="toolbar-divider" />
      {ACTIONS.filter((a) => canFigure || a.then !== 'figure').map((a) => (
        <button
          key={a.then}
          type="button"
          onMouseDown={(e) => e.preventDefault()}
          onClick={() => onAction({ then: a.then })}
          title={`${a.label} (${a.key})`}
        >
          {a.label}
        </button>
      ))}
    </div>
  )
}
