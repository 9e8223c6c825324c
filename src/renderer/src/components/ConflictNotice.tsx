// Renderer: a team-sync conflict where the item is shown — on an annotation's card in the reader, or above an
// article's text: it was changed on two sides before either synced. Every version with who wrote it, "Keep this"
// on each, and for a note "Keep both texts". The answer goes to the team at the next sync (sync.resolve).
import { useState } from 'react'
import { api } from '../api'
import type { SyncConflict } from '../hooks/useArticleConflicts'

export default function ConflictNotice({
  conflict,
  onResolved,
}: {
  conflict: SyncConflict
  onResolved: () => void
}) {
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState('')
  const notes = conflict.versions.filter((v) => v.note !== undefined)
  const resolve = async (rev: string, note?: string) => {
    setBusy(true)
    setError('')
    try {
      await api['sync.resolve']({ id: conflict.id, rev, ...(note !== undefined ? { note } : {}) })
      onResolved()
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err))
    }
    setBusy(false)
  }
  return (
    <div className="conflict-notice" role="group" aria-label="Conflict" onClick={(e) => e.stopPropagation()}>
      <div className="conflict-notice-title">
        <span className="conflict-marker" aria-hidden="true">
          ⚠
        </span>{' '}
        Changed on two sides — pick one{notes.length > 1 ? ' or keep both texts' : ''}
      </div>
      <ul>
        {conflict.versions.map((v) => (
          <li key={v.rev} className="conflict-version">
            <div className="muted small">
              {v.creator ?? 'unknown'} · {v.current ? 'shown now' : 'other version'}
              {v.deleted ? ' · deleted' : v.note === undefined ? ` · ${v.summary}` : ''}
            </div>
            {v.note !== undefined && <blockquote>{v.note || '(no note)'}</blockquote>}
            <button type="button" className="small" disabled={busy} onClick={() => void resolve(v.rev)}>
              Keep this
            </button>
          </li>
        ))}
      </ul>
      {conflict.kind === 'annotation' && notes.length > 1 && (
        <button
          type="button"
          className="small"
          disabled={busy}
          onClick={() => void resolve(conflict.versions[0]!.rev, notes.map((v) => v.note).join('\n\n'))}
        >
          Keep both texts
        </button>
      )}
      {error && (
        <p className="error small" role="alert">
          {error}
        </p>
      )}
    </div>
  )
}
