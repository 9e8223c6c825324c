// Renderer: a note being typed in a card. Each keystroke is kept as a draft at once and saved through the
// annotation's update after a pause (AUTOSAVE_MS), on blur, Ctrl+Enter, when the card goes away, or when
// the page is hidden or closed. Escape goes back to the text the editing began with.
import { useCallback, useEffect, useRef, useState } from 'react'
import type { DraftSink } from './drafts'
import { clearDraft, noteDraft, onLeave, writeDraft } from './drafts'

export const AUTOSAVE_MS = 500

let sessions = 0

export function useNoteEditor(args: {
  id: string
  saved: string
  drafts?: DraftSink
  commit: (note: string, session: string) => void
}) {
  const { id, saved, drafts, commit } = args
  const [note, setNote] = useState(saved)
  const [open, setOpen] = useState(false)
  const session = useRef({ name: '', original: saved, handedOver: saved })
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined)
  const unregister = useRef<() => void>(() => {})
  const key = drafts?.keyOf(id, 'note') ?? ''
  const latest = useRef({ note, commit, drafts, key })
  latest.current = { note, commit, drafts, key }

  // The card shows what is stored whenever nothing is being typed (undo, a save from elsewhere).
  useEffect(() => {
    if (open) return
    setNote(saved)
    latest.current.note = saved
    session.current.handedOver = saved
  }, [saved, open])

  const handOver = useCallback(() => {
    clearTimeout(timer.current)
    timer.current = undefined
    unregister.current()
    const { note: text, commit: save, drafts: sink, key: k } = latest.current
    if (text !== session.current.handedOver) {
      session.current.handedOver = text
      save(text, session.current.name)
    }
    if (k) sink?.setDirty(k, false)
  }, [])

  const begin = useCallback(() => {
    session.current = { name: `note-${++sessions}`, original: saved, handedOver: saved }
    setNote(saved)
    setOpen(true)
  }, [saved])

  const type = useCallback(
    (text: string) => {
      setNote(text)
      latest.current.note = text
      if (key) {
        writeDraft(key, noteDraft(text))
        drafts?.setDirty(key, true)
      }
      clearTimeout(timer.current)
      unregister.current()
      unregister.current = onLeave(handOver)
      timer.current = setTimeout(handOver, AUTOSAVE_MS)
    },
    [key, drafts, handOver],
  )

  const finish = useCallback(() => {
    handOver()
    setOpen(false)
  }, [handOver])

  const cancel = useCallback(() => {
    latest.current.note = session.current.original
    setNote(session.current.original)
    handOver()
    if (key) clearDraft(key)
    setOpen(false)
  }, [handOver, key])

  // A card that goes away (unfocused, scrolled out, article closed) saves what it holds first.
  useEffect(() => () => handOver(), [handOver])

  return { note, open, begin, type, finish, cancel }
}
