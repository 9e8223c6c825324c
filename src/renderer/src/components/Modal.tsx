// Renderer: a dialog over the window — backdrop, title and close button; closing is refused while busy.
import type { ReactNode } from 'react'

type Props = {
  title: string
  label: string
  busy?: boolean
  wide?: boolean
  onClose: () => void
  children: ReactNode
}

export default function Modal({ title, label, busy = false, wide = false, onClose, children }: Props) {
  return (
    <div className="modal-backdrop" onClick={() => !busy && onClose()}>
      <div
        className={`modal${wide ? ' export-modal' : ''}`}
        role="dialog"
        aria-modal="true"
        aria-label={label}
        onClick={(e) => e.stopPropagation()}
      >
        <header className="modal-header">
          <h2>{title}</h2>
          <button type="button" aria-label="Close" onClick={onClose} disabled={busy}>
            ×
          </button>
        </header>
        {children}
      </div>
    </div>
  )
}
