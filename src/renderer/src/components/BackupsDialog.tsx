// Renderer: snapshots of the archive — "Back up now", and "Restore…" to repair damaged files from one
// (and, if asked, bring back articles deleted since).
import { useCallback, useEffect, useState } from 'react'
import { api } from '../api'
import Modal from './Modal'
import Popover from './Popover'
import { formatDate } from '../format'

type Snapshot = { id: string; createdAt: string; size: number; articles: number; future: boolean }
type Props = { problems: { file?: string; message: string }[]; onClose: () => void; onRestored: () => void }

export default function BackupsDialog({ problems, onClose, onRestored }: Props) {
  const [snapshots, setSnapshots] = useState<Snapshot[] | null>(null)
  const [busy, setBusy] = useState(false)
  const [confirm, setConfirm] = useState<Snapshot | null>(null)
  const [addMissing, setAddMissing] = useState(false)
  const [messages, setMessages] = useState<string[]>([])

  const load = useCallback(() => {
    api['backups.list']({}).then(setSnapshots, (err: Error) => setMessages([err.message]))
  }, [])
  useEffect(load, [load])

  const act = async (work: () => Promise<string[]>) => {
    setBusy(true)
    try {
      setMessages(await work())
    } catch (err) {
      setMessages([err instanceof Error ? err.message : String(err)])
    }
    setBusy(false)
    setConfirm(null)
    load()
  }
  const damaged = problems.filter((p) => p.file)

  return (
    <Modal title="Backups" label="Backups" busy={busy} onClose={onClose}>
      <p className="muted">
        Glossa takes a snapshot of your archive every day and keeps the last seven
        {snapshots?.some((s) => s.future)
          ? ', and every snapshot dated in the future (a clock that was ahead).'
          : '.'}
      </p>
      {damaged.length > 0 && (
        <div className="problem-list" role="alert">
          {damaged.map((p) => (
            <div key={p.file}>{p.message}</div>
          ))}
        </div>
      )}
      <button
        type="button"
        className="primary"
        disabled={busy}
        onClick={() =>
          void act(async () => [`Snapshot taken: ${(await api['backups.create']({})).articles} articles.`])
        }
      >
        Back up now
      </button>
      <ul className="snapshot-list">
        {snapshots?.map((s) => (
          <li key={s.id}>
            <span>
              <strong>{formatDate(s.createdAt)}</strong> {new Date(s.createdAt).toLocaleTimeString()} ·{' '}
              {s.articles} articles · {(s.size / 1024).toFixed(0)} KB
              {s.future && (
                <span className="muted snapshot-future" title="Kept: not counted among the last seven">
                  {' '}
                  · dated in the future
                </span>
              )}
            </span>
            <button type="button" disabled={busy} onClick={() => setConfirm(s)}>
              Restore…
            </button>
          </li>
        ))}
        {snapshots?.length === 0 && <li className="muted">No snapshots yet.</li>}
      </ul>
      {confirm && (
        <Popover
          className="bulk-confirm"
          role="alertdialog"
          label="Confirm restore"
          onDismiss={() => setConfirm(null)}
        >
          <span>
            Restore from {formatDate(confirm.createdAt)}?{' '}
            {damaged.length
              ? `${damaged.length} damaged file(s) will be rebuilt; the damaged copies are kept beside them.`
              : 'No file is damaged.'}
          </span>
          <label className="check">
            <input type="checkbox" checked={addMissing} onChange={(e) => setAddMissing(e.target.checked)} />{' '}
            Also bring back articles deleted since
          </label>
          <button
            type="button"
            className="danger"
            onClick={() =>
              void act(async () => {
                const result = await api['backups.restore']({ id: confirm.id, addMissing })
                onRestored()
                return result.messages
              })
            }
          >
            Restore
          </button>
          <button type="button" data-autofocus onClick={() => setConfirm(null)}>
            Cancel
          </button>
        </Popover>
      )}
      {messages.length > 0 && (
        <div className="import-summary" role="status">
          {messages.map((m) => (
            <div key={m}>{m}</div>
          ))}
        </div>
      )}
    </Modal>
  )
}
