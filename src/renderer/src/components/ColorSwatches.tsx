// Renderer: the highlight colours, each with its number key.
import { HIGHLIGHT_COLORS } from '../../../shared/vocabulary'
import type { HighlightColor } from '../../../shared/types'

type Props = { value?: HighlightColor; onPick: (color: HighlightColor) => void; showKeys?: boolean }

export default function ColorSwatches({ value, onPick, showKeys }: Props) {
  return (
    <div className="swatches" role="group" aria-label="Highlight colour">
      {HIGHLIGHT_COLORS.map((color, i) => (
        <button
          key={color}
          type="button"
          className={`swatch swatch-${color}${value === color ? ' current' : ''}`}
          aria-label={`${color} highlight${showKeys ? ` (${i + 1})` : ''}`}
          aria-pressed={value === color}
          title={`${color}${showKeys ? ` — key ${i + 1}` : ''}`}
          onMouseDown={(e) => e.preventDefault()}
          onClick={() => onPick(color)}
        />
      ))}
    </div>
  )
}
