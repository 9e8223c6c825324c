// Renderer: the browser connector — whether Glossa is listening for the extension, a pairing code to type
// into it, and the paired browsers, each of which can be revoked.
import { useCallback, useEffect, useState } from 'react'
import type { ResultOf } from '../../../shared/contract'
import { api } from '../api'
import { formatDate } from '../format'
import Modal from './Modal'

type Status = ResultOf<'connector.status'>
type Paired = ResultOf<'connector.tokens.list'>[number]
type Code = ResultOf<'connector.pair.start'>

const secondsLeft = (code: Code | null, now: number) =>
  code ? Math.max(0, Math.round((Date.parse(code.expiresAt) - now) / 1000)) : 0

export default function ConnectorDialog({ onClose }: { onClose: () => void }) {
  const [status, setStatus] = useState<Status | null>(null)
  const [paired, setPaired] = useState<Paired[] | null>(null)
  const [code, setCode] = useState<Code | null>(null)
  // The browsers paired before the code was shown: one more means the code was used.
  const [known, setKnown] = useState<Set<string>>(new Set())
  const [now, setNow] = useState(() => Date.now())
  const [message, setMessage] = useState('')

  const fail = (err: unknown) => setMessage(err instanceof Error ? err.message : String(err))
  const load = useCallback(() => {
    api['connector.status']({}).then(setStatus, fail)
    api['connector.tokens.list']({}).then(setPaired, fail)
  }, [])
  useEffect(load, [load])

  const left = secondsLeft(code, now)
  // While a code is open, the clock runs and the list is re-read, so the new browser shows up once it pairs.
  useEffect(() => {
    if (!code || left === 0) return
    const timer = window.setInterval(() => {
      setNow(Date.now())
      api['connector.tokens.list']({}).then(setPaired, () => {})
    }, 1000)
    return () => window.clearInterval(timer)
  }, [code, left])
  useEffect(() => {
    if (code && paired?.some((p) => !known.has(p.id))) {
      setCode(null)
      setMessage('Paired. The extension can now save to Glossa.')
    }
  }, [code, paired, known])

  const pair = () => {
    setMessage('')
    api['connector.pair.start']({}).then((c) => {
      setNow(Date.now())
      setKnown(new Set(paired?.map((p) => p.id)))
      setCode(c)
    }, fail)
  }
  const revoke = (p: Paired) => {
    api['connector.tokens.revoke']({ id: p.id }).then(() => {
      setMessage(`${p.name} can no longer save to Glossa.`)
      load()
    }, fail)
  }

  return (
    <Modal title="Browser connector" label="Browser connector" onClose={onClose}>
      <p className="muted">
        The Glossa extension saves the page you are reading — as you see it, with your logins — and a
        selection as a highlight, into this archive.
      </p>
      <p className="connector-status" data-testid="connector-status">
        {status === null
          ? 'Checking…'
          : status.listening
            ? `Listening on 127.0.0.1, port ${status.port}. Only the paired extension can reach it.`
            : (status.problem ?? 'Not listening: the extension cannot reach this Glossa.')}
      </p>
      {status?.notice ? (
        <p className="connector-notice" role="status" data-testid="connector-notice">
          {status.notice}
        </p>
      ) : null}
      {code && left > 0 ? (
        <div className="pairing" role="status">
          <span>In the extension, enter this code{status?.port ? ` and port ${status.port}` : ''}:</span>
          <strong className="pairing-code" data-testid="pairing-code">
            {code.code}
          </strong>
          <span className="muted">
            It works once, for {Math.floor(left / 60)}:{String(left % 60).padStart(2, '0')} more.
          </span>
        </div>
      ) : (
        <button
          type="button"
          className="primary"
          disabled={!status?.listening || paired === null}
          onClick={pair}
        >
          Pair a browser
        </button>
      )}
      {message && (
        <p className="connector-message" role="status">
          {message}
        </p>
      )}
      <h3 className="connector-heading">Paired browsers</h3>
      <ul className="snapshot-list" aria-label="Paired browsers">
        {paired?.map((p) => (
          <li key={p.id}>
            <span>
              <strong>{p.name}</strong> · paired {formatDate(p.createdAt)}
              {p.lastUsedAt ? ` · last saved ${formatDate(p.lastUsedAt)}` : ' · nothing saved yet'}
              <span className="muted connector-origin"> {p.origin}</span>
            </span>
            <button type="button" onClick={() => revoke(p)}>
              Revoke
            </button>
          </li>
        ))}
        {paired?.length === 0 && <li className="muted">No browser is paired.</li>}
      </ul>
    </Modal>
  )
}
