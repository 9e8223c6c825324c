// Renderer: find in article (Ctrl/Cmd+F), with the match count and Enter / Shift+Enter to step.
import { useEffect, useRef } from 'react'

type Props = {
  query: string
  count: number
  current: number
  onQuery: (q: string) => void
  onStep: (delta: 1 | -1) => void
  onClose: () => void
}

export default function FindBar({ query, count, current, onQuery, onStep, onClose }: Props) {
  const input = useRef<HTMLInputElement>(null)
  useEffect(() => {
    input.current?.focus()
    input.current?.select()
  }, [])
  return (
    <div className="find-bar" role="search">
      <input
        ref={input}
        aria-label="Find in article"
        placeholder="Find in article"
        value={query}
        onChange={(e) => onQuery(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') onStep(e.shiftKey ? -1 : 1)
          if (e.key === 'Escape') onClose()
        }}
      />
      <span className="find-count" aria-live="polite">
        {query ? (count ? `${current + 1} of ${count}` : 'No matches') : ''}
      </span>
      <button type="button" aria-label="Previous match" onClick={() => onStep(-1)} disabled={!count}>
        ↑
      </button>
      <button type="button" aria-label="Next match" onClick={() => onStep(1)} disabled={!count}>
        ↓
      </button>
      <button type="button" aria-label="Close find" onClick={onClose}>
        ×
      </button>
    </div>
  )
}
