// Renderer: Settings → Team — the team database (address, user, password), "Sync now" with its status, and the
// conflicts a sync kept: every version of an item with who wrote it, to keep one or merge the notes.
import { useCallback, useEffect, useRef, useState } from 'react'
import type { ResultOf } from '../../../shared/contract'
import { api } from '../api'
import { useArchiveId, withArchive } from '../hooks/archive-info'
import { useCollections } from '../hooks/useCollections'
import { clearDraft, readDraft, teamDraftKey, writeDraft } from '../reader/drafts'
import Modal from './Modal'
import { statusLine } from './team-status-line'

type Status = ResultOf<'sync.status'>
type Conflict = ResultOf<'sync.conflicts'>[number]
/** What is typed in the form and not yet configured; never the password, which stays out of storage. */
type TeamDraft = { remote: string; user: string; share: string[] | null }

function isTeamDraft(d: unknown): d is TeamDraft {
  const t = d as TeamDraft | undefined
  return (
    typeof t?.remote === 'string' &&
    typeof t.user === 'string' &&
    (t.share === null || (Array.isArray(t.share) && t.share.every((id) => typeof id === 'string')))
  )
}

export default function TeamDialog({ onClose, onSynced }: { onClose: () => void; onSynced: () => void }) {
  const [status, setStatus] = useState<Status | null>(null)
  const [conflicts, setConflicts] = useState<Conflict[]>([])
  const [remote, setRemote] = useState('')
  const [user, setUser] = useState('')
  const [password, setPassword] = useState('')
  const [live, setLive] = useState<boolean | undefined>(undefined)
  /** The collections shared; null: the whole archive (undefined until the status is read). */
  const [share, setShare] = useState<string[] | null | undefined>(undefined)
  const { collections } = useCollections()
  const [busy, setBusy] = useState(false)
  const [offline, setOffline] = useState(false)
  const [message, setMessage] = useState('')
  // The address, user and share chosen are a draft until sync.configure has them on disk: closing the dialog
  // or reloading keeps them, and the dialog opens with them.
  const archive = useArchiveId()
  const typed = useRef(false)
  const edit =
    <T,>(set: (value: T) => void) =>
    (value: T) => {
      typed.current = true
      set(value)
    }
  useEffect(() => {
    if (!archive) return
    const kept = readDraft<unknown>(teamDraftKey(archive))
    if (!isTeamDraft(kept)) return
    setRemote(kept.remote)
    setUser(kept.user)
    setShare(kept.share)
  }, [archive])
  useEffect(() => {
    if (!typed.current) return
    const draft = { remote, user, share: share ?? null } satisfies TeamDraft
    withArchive(archive, (folder) => writeDraft(teamDraftKey(folder), draft))
  }, [archive, remote, user, share])

  const load = useCallback(() => {
    api['sync.status']({}).then(
      (s) => {
        setStatus(s)
        setRemote((r) => r || s.remote || '')
        setUser((u) => u || s.user || '')
        setLive((l) => l ?? s.live !== undefined)
        setShare((c) => (c !== undefined ? c : (s.share ?? null)))
      },
      () => {},
    )
    api['sync.conflicts']({}).then(setConflicts, () => {})
  }, [])
  useEffect(load, [load])

  const act = async (work: () => Promise<string>) => {
    setBusy(true)
    try {
      setMessage(await work())
      setOffline(false)
    } catch (err) {
      const e = err as { code?: string; message?: string }
      setOffline(e.code === 'unreachable')
      setMessage(e.message ?? String(err))
    }
    setBusy(false)
    load()
  }
  /** What the form says, for sync.configure. */
  const settings = (liveOn = !!live) => ({
    remote: remote.trim(),
    user: user.trim(),
    ...(password ? { password } : {}),
    live: liveOn,
    share: share ?? null,
  })
  /** Configures the sync with what the form says; once that is on disk the draft of it is dropped. */
  const configure = async (liveOn = !!live) => {
    const sent = { remote, user, share: share ?? null }
    await api['sync.configure'](settings(liveOn))
    if (!archive) return
    const key = teamDraftKey(archive)
    if (JSON.stringify(readDraft<unknown>(key)) === JSON.stringify(sent)) clearDraft(key)
    typed.current = false
  }
  const syncNow = () =>
    act(async () => {
      await configure()
      const r = await api['sync.run']({})
      onSynced()
      const extra = r.waiting.length
        ? ` ${r.waiting.length} change(s) not accepted: ${r.waiting[0]!.reason}.`
        : ''
      return `Sent ${r.sent}, received ${r.received}.${extra}`
    })
  const resolve = (c: Conflict, rev: string, note?: string) =>
    act(async () => {
      await api['sync.resolve']({ id: c.id, rev, ...(note !== undefined ? { note } : {}) })
      onSynced()
      return 'Kept. The next sync sends it to the team.'
    })

  return (
    <Modal title="Team" label="Team" busy={busy} onClose={onClose}>
      <p className="muted">
        Share this archive with a team through a CouchDB database. Each of you keeps working offline; “Sync
        now” exchanges changes both ways.
      </p>
      <form
        className="team-form"
        onSubmit={(e) => {
          e.preventDefault()
          void syncNow()
        }}
      >
        <label>
          Database
          <input
            type="url"
            value={remote}
            placeholder="https://couch.example.org/team"
            onChange={(e) => edit(setRemote)(e.target.value)}
            required
          />
        </label>
        <label>
          User name
          <input value={user} onChange={(e) => edit(setUser)(e.target.value)} autoComplete="username" />
        </label>
        <label>
          Password
          <input
            type="password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            autoComplete="current-password"
            placeholder={
              status?.password === 'stored'
                ? 'kept in the keychain'
                : status?.password === 'session'
                  ? 'kept for this session'
                  : ''
            }
          />
        </label>
        <p className="muted small">
          {status?.password === 'stored'
            ? 'The password is kept encrypted by your system’s keychain, outside the archive.'
            : 'In the browser (or on a system without a keychain) the password is kept in memory for this session only and asked again after a restart.'}{' '}
          It is never written to the archive.
        </p>
        <fieldset className="team-share">
          <legend>Share</legend>
          <label>
            <input type="radio" name="share" checked={share === null} onChange={() => edit(setShare)(null)} />
            The whole archive
          </label>
          <label>
            <input
              type="radio"
              name="share"
              checked={!!share}
              onChange={() => edit(setShare)([])}
              disabled={!collections.length}
            />
            Chosen collections only{collections.length ? '' : ' (make a collection first)'}
          </label>
          {share && (
            <div className="team-share-list" role="group" aria-label="Collections shared">
              {collections.map((c) => (
                <label key={c.id}>
                  <input
                    type="checkbox"
                    checked={share.includes(c.id)}
                    onChange={(e) =>
                      edit(setShare)(e.target.checked ? [...share, c.id] : share.filter((id) => id !== c.id))
                    }
                  />
                  {c.name}
                </label>
              ))}
              <p className="muted small">
                Only their articles and notes are sent (and anything sent before); what the team sends comes
                in whatever its collection.
              </p>
            </div>
          )}
        </fieldset>
        <label className="team-live">
          <input
            type="checkbox"
            checked={!!live}
            onChange={(e) => {
              const on = e.target.checked
              setLive(on)
              if (remote.trim())
                void act(async () => {
                  await configure(on)
                  return on ? 'Live sync is on: changes go both ways in the background.' : 'Live sync is off.'
                })
            }}
          />
          Keep in sync (live, in the background)
        </label>
        <button type="submit" className="primary" disabled={busy}>
          Sync now
        </button>
      </form>
      <p className="team-status" role="status">
        {statusLine(status, offline)}
      </p>
      {message && <p className="muted">{message}</p>}
      {status?.kept?.length ? (
        <ul className="team-kept" aria-label="Kept here">
          {status.kept.map((k) => (
            <li key={k.id}>{k.message}</li>
          ))}
        </ul>
      ) : null}
      {conflicts.length > 0 && (
        <section aria-label="Conflicts">
          <h3>Conflicts</h3>
          <ul className="team-conflicts">
            {conflicts.map((c) => (
              <li key={c.id} className="team-conflict">
                <div>
                  <span className="conflict-marker" aria-label="conflict">
                    ⚠
                  </span>{' '}
                  {c.kind} {c.title ? `in “${c.title}”` : ''}
                </div>
                <ul>
                  {c.versions.map((v) => (
                    <li key={v.rev} className="conflict-version">
                      <div className="muted small">
                        {v.creator ?? 'unknown'} · {v.current ? 'shown now' : 'other version'} ·{' '}
                        {v.deleted ? 'deleted' : v.summary}
                      </div>
                      {v.note !== undefined && <blockquote>{v.note || '(no note)'}</blockquote>}
                      <button type="button" disabled={busy} onClick={() => void resolve(c, v.rev)}>
                        Keep this
                      </button>
                    </li>
                  ))}
                </ul>
                {c.kind === 'annotation' && c.versions.filter((v) => v.note !== undefined).length > 1 && (
                  <button
                    type="button"
                    disabled={busy}
                    onClick={() =>
                      void resolve(
                        c,
                        c.versions[0]!.rev,
                        c.versions
                          .filter((v) => v.note !== undefined)
                          .map((v) => v.note)
                          .join('\n\n'),
                      )
                    }
                  >
                    Keep both texts
                  </button>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}
    </Modal>
  )
}
