// Renderer: the figure form's draft in the reader — a form left open by a reload or a closed tab opens again with
// what was typed (this tab's draft, where a closed tab's was moved when the article opened; never a draft of
// another tab still open), and a saved form's draft is dropped once the figure is on disk.
import { useCallback, useEffect } from 'react'
import type { Figure } from '../../../shared/types'
import type { FigureDraft } from '../components/FigureForm'
import type { AnnotationSync } from './annotation-sync'
import type { DomText } from './dom-text'
import { clearDraft, readDraft } from './drafts'

type Options = {
  model: DomText | null
  sync: AnnotationSync | null
  /** This tab's key for the form (useReaderDrafts), and whether drafts of closed tabs were moved under it yet. */
  figureKey: string | undefined
  ready: boolean
  restore: (kept: FigureDraft) => void
  /** Saves the figure; the id of its annotation, or null when nothing was saved. */
  save: (figure: Figure, note: string) => string | null
  onSaved: (id: string) => void
  refreshTags: () => void
}

export function useFigureFormDraft(o: Options) {
  const { model, sync, figureKey, ready, restore, save, onSaved, refreshTags } = o
  useEffect(() => {
    const kept = model && sync && ready && figureKey ? readDraft<FigureDraft>(figureKey) : undefined
    // A new figure whose save did land before the page went away is not offered again.
    const landed =
      !!kept &&
      !kept.editingId &&
      !!sync
        ?.getSnapshot()
        .items.some(
          (a) =>
            a.kind === 'figure' &&
            a.target.position.start === kept.start &&
            a.target.position.end === kept.end,
        )
    if (landed && figureKey) clearDraft(figureKey)
    else if (kept) restore(kept)
  }, [figureKey, ready, model, sync, restore])

  const onSave = useCallback(
    (figure: Figure, note: string) => {
      const key = figureKey
      const kept = key ? JSON.stringify(readDraft(key)) : undefined
      const saved = save(figure, note)
      if (saved) onSaved(saved)
      // The form's draft is dropped once the figure is on disk (and no other form took its place); while the
      // save is refused or retried it stays, and a reload offers the form again.
      if (key) {
        if (saved && sync)
          void sync.flushed().then(() => {
            if (sync.isSaved(saved) && JSON.stringify(readDraft(key)) === kept) clearDraft(key)
          })
        else clearDraft(key)
      }
      setTimeout(refreshTags, 300)
    },
    [figureKey, save, onSaved, sync, refreshTags],
  )
  return onSave
}
