// Renderer: a quiet message at the bottom of the window, with an optional action such as Undo.
import { useEffect } from 'react'

export type ToastMessage = { text: string; action?: { label: string; run: () => void } }

export default function Toast({ message, onDone }: { message: ToastMessage; onDone: () => void }) {
  useEffect(() => {
    const timer = setTimeout(onDone, 10_000)
    return () => clearTimeout(timer)
  }, [message, onDone])
  return (
    <div className="toast" aria-live="polite">
      <span>{message.text}</span>
      {message.action && (
        <button
          type="button"
          onClick={() => {
            message.action!.run()
            onDone()
          }}
        >
          {message.action.label}
        </button>
      )}
    </div>
  )
}
