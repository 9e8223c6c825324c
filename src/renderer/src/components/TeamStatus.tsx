// Renderer: the team sync status in the window (the library's footer): synced, offline, N changes waiting, N
// conflicts — read every few seconds while the archive is in a team. When live sync has taken in changes the
// window reloads what it shows (`onReceived`).
import { useEffect, useRef, useState } from 'react'
import type { ResultOf } from '../../../shared/contract'
import { api } from '../api'
import { statusLine } from './team-status-line'

type Status = ResultOf<'sync.status'>

const EVERY_MS = 3000

export default function TeamStatus({ onReceived, onOpen }: { onReceived: () => void; onOpen: () => void }) {
  const [status, setStatus] = useState<Status | null>(null)
  const received = useRef<number | undefined>(undefined)
  const notify = useRef(onReceived)
  notify.current = onReceived
  useEffect(() => {
    let gone = false
    const read = () =>
      api['sync.status']({}).then(
        (s) => {
          if (gone) return
          setStatus(s)
          const now = s.live?.received
          if (now !== undefined && received.current !== undefined && now > received.current) notify.current()
          received.current = now
        },
        () => {},
      )
    void read()
    const timer = setInterval(() => void read(), EVERY_MS)
    return () => {
      gone = true
      clearInterval(timer)
    }
  }, [])
  if (!status?.remote) return null
  const state = status.live?.state
  return (
    <button
      type="button"
      className={`link team-badge${state ? ` team-${state}` : ''}`}
      onClick={onOpen}
      title="Team sync: open Settings → Team"
    >
      <span role="status" aria-label="Team sync status">
        {statusLine(status)}
      </span>
    </button>
  )
}
