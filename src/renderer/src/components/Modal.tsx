// Renderer: a dialog over the window — title, close button, and the behaviour every dialog shares: a native
// modal <dialog> (the window behind is inert), Escape or a click on the dimmed window closes it, Tab stays
// inside it, and focus goes back to where it was when it closes. Closing is refused while busy.
import { useEffect, useRef, useState } from 'react'
import type { KeyboardEvent, MouseEvent, ReactNode } from 'react'

type Props = {
  title: string
  label: string
  busy?: boolean
  wide?: boolean
  onClose: () => void
  children: ReactNode
}

const FOCUSABLE =
  'button:not(:disabled), input:not(:disabled):not([type="hidden"]), select:not(:disabled), textarea:not(:disabled), a[href], [tabindex]:not([tabindex="-1"])'

export default function Modal({ title, label, busy = false, wide = false, onClose, children }: Props) {
  const ref = useRef<HTMLDialogElement>(null)
  const latest = useRef({ busy, onClose })
  latest.current = { busy, onClose }
  // Read while rendering, before anything inside the dialog takes focus.
  const [opener] = useState(() =>
    document.activeElement instanceof HTMLElement ? document.activeElement : null,
  )

  useEffect(() => {
    const dialog = ref.current
    if (!dialog) return
    if (!dialog.open) dialog.showModal()
    // Escape asks to close; the dialog closes when its owner unmounts it (or stays, while busy).
    const onCancel = (e: Event) => {
      e.preventDefault()
      if (!latest.current.busy) latest.current.onClose()
    }
    dialog.addEventListener('cancel', onCancel)
    return () => {
      dialog.removeEventListener('cancel', onCancel)
      if (dialog.open) dialog.close()
      if (opener?.isConnected) opener.focus()
    }
  }, [opener])

  // The browser lets Tab leave a modal dialog for its own toolbar; keep it going round the dialog instead.
  const onKeyDown = (e: KeyboardEvent<HTMLDialogElement>) => {
    if (e.key !== 'Tab') return
    const items = [...e.currentTarget.querySelectorAll<HTMLElement>(FOCUSABLE)].filter(
      (el) => el.getClientRects().length > 0,
    )
    if (!items.length) return
    const first = items[0]
    const last = items[items.length - 1]
    if (e.shiftKey && document.activeElement === first) {
      e.preventDefault()
      last.focus()
    } else if (!e.shiftKey && document.activeElement === last) {
      e.preventDefault()
      first.focus()
    }
  }

  // A click on the ::backdrop lands on the <dialog> itself; its content fills it, so a click inside never does.
  const onClick = (e: MouseEvent<HTMLDialogElement>) => {
    if (e.target === e.currentTarget && !busy) onClose()
  }

  return (
    <dialog
      ref={ref}
      className={`modal${wide ? ' export-modal' : ''}`}
      aria-label={label}
      onKeyDown={onKeyDown}
      onClick={onClick}
    >
      <div className="modal-content">
        <header className="modal-header">
          <h2>{title}</h2>
          <button type="button" aria-label="Close" onClick={onClose} disabled={busy}>
            ×
          </button>
        </header>
        {children}
      </div>
    </dialog>
  )
}
