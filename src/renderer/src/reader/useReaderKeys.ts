// Renderer: the reader's keyboard: colours and actions on a selection (colours on the focused highlight
// too), undo/redo, find, moving between highlights, the annotations drawer. Keys are ignored while the
// researcher is typing in a field or a dialog is open; an Escape something else handled is left alone.
import { useEffect, useLayoutEffect, useRef } from 'react'
import { HIGHLIGHT_COLORS } from '../../../shared/vocabulary'
import type { HighlightColor } from '../../../shared/types'
import type { SelectionAction } from '../components/SelectionToolbar'

type Handlers = {
  hasSelection: boolean
  onSelectionAction: (action: SelectionAction) => void
  onUndo: () => void
  onRedo: () => void
  onFind: () => void
  onStep: (delta: 1 | -1) => void
  onEscape: () => void
  onDeleteFocused: () => void
  onRecolourFocused: (color: HighlightColor) => void
  onToggleDrawer: () => void
}

function typing(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null
  return (
    !!el &&
    (el.tagName === 'INPUT' || el.tagName === 'TEXTAREA' || el.tagName === 'SELECT' || el.isContentEditable)
  )
}

export function useReaderKeys(handlers: Handlers): void {
  // The listener reads the handlers of the last commit, not those of the render that registered it: a key
  // pressed between a commit and a re-registering effect would otherwise act on a selection already gone.
  const latest = useRef(handlers)
  useLayoutEffect(() => {
    latest.current = handlers
  }, [handlers])
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const h = latest.current
      const mod = e.ctrlKey || e.metaKey
      if (mod && e.key.toLowerCase() === 'f') {
        e.preventDefault()
        return h.onFind()
      }
      if (typing(e.target) || document.querySelector('dialog[open]')) return
      if (mod && e.key.toLowerCase() === 'z') {
        e.preventDefault()
        return e.shiftKey ? h.onRedo() : h.onUndo()
      }
      if (mod && e.key.toLowerCase() === 'y') {
        e.preventDefault()
        return h.onRedo()
      }
      if (mod || e.altKey) return
      if (e.key === 'Escape') return e.defaultPrevented ? undefined : h.onEscape()
      const n = Number(e.key)
      const color = n >= 1 && n <= HIGHLIGHT_COLORS.length ? HIGHLIGHT_COLORS[n - 1] : undefined
      if (h.hasSelection) {
        if (color) return h.onSelectionAction({ color })
        const then = ({ n: 'note', t: 'tags', f: 'figure' } as const)[e.key.toLowerCase()]
        if (then) {
          e.preventDefault()
          return h.onSelectionAction({ then })
        }
        return
      }
      if (e.key === 'j' || e.key === ']') return h.onStep(1)
      if (e.key === 'k' || e.key === '[') return h.onStep(-1)
      if (e.key === 'Delete') return h.onDeleteFocused()
      if (color) return h.onRecolourFocused(color)
      if (e.key === 'a') return h.onToggleDrawer()
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [])
}
