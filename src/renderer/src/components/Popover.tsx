// Renderer: a popover that is not a dialog (a confirm bar, the library's filters, the bulk bar's pickers):
// Escape closes the one opened last, wherever focus is, and focus goes back to where it was when it opened —
// as a <dialog> does (Modal.tsx). Inside a Modal, Escape closes the popover first and leaves the dialog open.
import { useEffect, useRef, useState } from 'react'
import type { ReactNode } from 'react'

type Props = {
  className: string
  role?: 'alertdialog' | 'group' | 'dialog'
  label: string
  onDismiss: () => void
  /** Focus moves to the element inside marked `data-autofocus` when the popover opens (e.g. "Cancel"). */
  children: ReactNode
}

/** Open popovers, last opened last: Escape goes to the top one only. */
const open: { dismiss: () => void }[] = []

function onKey(e: KeyboardEvent) {
  if (e.key !== 'Escape' || e.defaultPrevented || !open.length) return
  // Handled here, before the target or a dialog sees it: the dialog stays open, the reader keeps its focus.
  e.preventDefault()
  e.stopPropagation()
  open[open.length - 1].dismiss()
}

export default function Popover({ className, role = 'group', label, onDismiss, children }: Props) {
  const ref = useRef<HTMLDivElement>(null)
  const latest = useRef(onDismiss)
  latest.current = onDismiss
  // Read while rendering, before anything inside takes focus.
  const [opener] = useState(() =>
    document.activeElement instanceof HTMLElement ? document.activeElement : null,
  )

  useEffect(() => {
    const entry = { dismiss: () => latest.current() }
    open.push(entry)
    if (open.length === 1) window.addEventListener('keydown', onKey, true)
    const first = ref.current?.querySelector<HTMLElement>('[data-autofocus]')
    if (first && !ref.current?.contains(document.activeElement)) first.focus()
    const self = ref.current
    return () => {
      open.splice(open.indexOf(entry), 1)
      if (!open.length) window.removeEventListener('keydown', onKey, true)
      // Back to the opener if focus was inside (or lost with the popover), not if the user moved on.
      const active = document.activeElement
      const lost = !active || active === document.body || !active.isConnected || !!self?.contains(active)
      if (lost && opener?.isConnected) opener.focus()
    }
  }, [opener])

  return (
    <div ref={ref} className={className} role={role} aria-label={label}>
      {children}
    </div>
  )
}
