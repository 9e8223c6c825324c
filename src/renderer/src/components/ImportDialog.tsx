// Renderer: "Import…" — files, a folder, a web address or pasted text; progress, results, cancel.
import { useRef, useState } from 'react'
import { api } from '../api'
import Modal from './Modal'
import { importableFiles, needsPassword } from '../hooks/useImport'
import type { ImportResult, ImportRun } from '../hooks/useImport'

type Props = {
  run: ImportRun
  onFiles: (files: File[]) => void
  onSingle: (work: () => Promise<ImportResult>, name: string) => void
  /** An encrypted PDF of the run again, with its password (used for this import only). */
  onUnlock?: (index: number, password: string) => void
  onCancel: () => void
  onClose: () => void
  onOpen: (id: string) => void
}

/** The password field under an encrypted PDF's result. */
function PasswordRow({
  name,
  onSubmit,
  busy,
}: {
  name: string
  onSubmit: (p: string) => void
  busy: boolean
}) {
  const [password, setPassword] = useState('')
  return (
    <form
      className="import-password"
      onSubmit={(e) => {
        e.preventDefault()
        if (password) onSubmit(password)
      }}
    >
      <input
        type="password"
        autoComplete="off"
        aria-label={`Password for ${name}`}
        placeholder="Password"
        value={password}
        onChange={(e) => setPassword(e.target.value)}
      />
      <button type="submit" disabled={busy || !password}>
        Import with password
      </button>
    </form>
  )
}

export default function ImportDialog({ run, onFiles, onSingle, onUnlock, onCancel, onClose, onOpen }: Props) {
  const files = useRef<HTMLInputElement>(null)
  const folder = useRef<HTMLInputElement>(null)
  const [url, setUrl] = useState('')
  const [pasted, setPasted] = useState('')
  const busy = run.running
  const counts = (s: ImportResult['status']) => run.results.filter((r) => r.status === s).length

  return (
    <Modal title="Import articles" label="Import" busy={busy} onClose={onClose}>
      <p className="muted">
        Saved web pages (.html), Markdown (.md), text (.txt) and PDF reports (.pdf). You can also drop files
        anywhere on the window.
      </p>
      <div className="import-sources">
        <button type="button" className="primary" disabled={busy} onClick={() => files.current?.click()}>
          Choose files…
        </button>
        <button type="button" className="primary" disabled={busy} onClick={() => folder.current?.click()}>
          Choose a folder…
        </button>
        <input
          ref={files}
          type="file"
          multiple
          hidden
          aria-label="Files to import"
          accept=".html,.htm,.xhtml,.md,.markdown,.txt,.text,.pdf"
          onChange={(e) => {
            onFiles(importableFiles([...(e.target.files ?? [])], false))
            e.target.value = ''
          }}
        />
        <input
          ref={folder}
          type="file"
          hidden
          aria-label="Folder to import"
          {...{ webkitdirectory: '', directory: '' }}
          onChange={(e) => {
            onFiles(importableFiles([...(e.target.files ?? [])], true))
            e.target.value = ''
          }}
        />
      </div>
      <form
        className="import-row"
        onSubmit={(e) => {
          e.preventDefault()
          if (url.trim()) onSingle(() => api['import.url']({ url: url.trim() }), url.trim())
        }}
      >
        <input
          aria-label="Web address"
          placeholder="https://… (needs a network connection)"
          value={url}
          onChange={(e) => setUrl(e.target.value)}
        />
        <button type="submit" disabled={busy || !url.trim()}>
          Fetch
        </button>
      </form>
      <div className="import-row">
        <textarea
          aria-label="Pasted text"
          rows={3}
          placeholder="…or paste an article's text here"
          value={pasted}
          onChange={(e) => setPasted(e.target.value)}
        />
        <button
          type="button"
          disabled={busy || !pasted.trim()}
          onClick={() => onSingle(() => api['import.text']({ text: pasted }), 'Pasted text')}
        >
          Import text
        </button>
      </div>
      {run.total > 0 && (
        <section className="import-progress" aria-label="Import progress">
          <div className="progress-line">
            <progress max={run.total} value={run.done} aria-label="Imported files" />
            <span>
              {run.done} of {run.total}
            </span>
            {busy && (
              <button type="button" onClick={onCancel}>
                Cancel
              </button>
            )}
          </div>
          {!busy && (
            <p className="import-summary" role="status">
              {counts('imported')} imported, {counts('duplicate')} already in the archive, {counts('failed')}{' '}
              failed
              {run.cancelled ? ' — cancelled' : ''}
            </p>
          )}
          <ul className="import-results">
            {run.results.map((r, i) => (
              <li key={i} className={`import-result ${r.status}`}>
                {r.status === 'imported' && r.id ? (
                  <button type="button" className="link" onClick={() => onOpen(r.id!)}>
                    {r.title}
                  </button>
                ) : (
                  <span className="import-name">{r.name}</span>
                )}
                {r.message && <span className="import-message">{r.message}</span>}
                {onUnlock && needsPassword(r) && (
                  <PasswordRow name={r.name} busy={busy} onSubmit={(p) => onUnlock(i, p)} />
                )}
              </li>
            ))}
          </ul>
        </section>
      )}
    </Modal>
  )
}
