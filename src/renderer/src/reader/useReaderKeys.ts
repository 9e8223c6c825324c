// Renderer: the reader's keyboard: colours and actions on a selection, undo/redo, find, moving between
// highlights. Keys are ignored while the researcher is typing in a field.
import { useEffect } from 'react'
import { HIGHLIGHT_COLORS } from '../../../shared/vocabulary'
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
}

function typing(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null
  return (
    !!el &&
    (el.tagName === 'INPUT' || el.tagName === 'TEXTAREA' || el.tagName === 'SELECT' || el.isContentEditable)
  )
}

export function useReaderKeys(h: Handlers): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const mod = e.ctrlKey || e.metaKey
      if (mod && e.key.toLowerCase() === 'f') {
        e.preventDefault()
        return h.onFind()
      }
      if (typing(e.target)) return
      if (mod && e.key.toLowerCase() === 'z') {
        e.preventDefault()
        return e.shiftKey ? h.onRedo() : h.onUndo()
      }
      if (mod && e.key.toLowerCase() === 'y') {
        e.preventDefault()
        return h.onRedo()
      }
      if (mod || e.altKey) return
      if (e.key === 'Escape') return h.onEscape()
      if (h.hasSelection) {
        const n = Number(e.key)
        if (n >= 1 && n <= HIGHLIGHT_COLORS.length)
          return h.onSelectionAction({ color: HIGHLIGHT_COLORS[n - 1] })
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
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [h])
}
