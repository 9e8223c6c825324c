// Renderer: what app.info says of the open archive, asked once per window and shared: the App's problems
// banner, the reader's kept changes (keyed by the archive's folder) and the drafts of dialogs all use it.
import { useEffect, useState } from 'react'
import type { ResultOf } from '../../../shared/contract'
import { api } from '../api'

type AppInfo = ResultOf<'app.info'>

let asked: Promise<AppInfo> | null = null
let known: string | null = null

/** app.info, asked the first time only (asked again after a failure). */
export function appInfo(): Promise<AppInfo> {
  asked ??= api['app.info']({}).then(
    (info) => {
      known = info.archive
      return info
    },
    (err: unknown) => {
      asked = null
      throw err
    },
  )
  return asked
}

/** The open archive's folder if app.info has answered already, else null (read without waiting). */
export function knownArchive(): string | null {
  return known
}

/**
 * Runs `run` with the open archive's folder: at once when known, else once app.info answers. What a user types
 * before that (a dialog opened the moment the window shows) is kept all the same, even if the form has closed by
 * then; calls made while waiting run in the order they were made, so the last text typed is the one kept.
 */
export function withArchive(archive: string | null, run: (archive: string) => void): void {
  if (archive) return run(archive)
  appInfo().then(
    (info) => run(info.archive),
    () => {},
  )
}

/** The open archive's folder, which scopes what a window keeps in localStorage; null until known. */
export function useArchiveId(): string | null {
  const [archive, setArchive] = useState(known)
  useEffect(() => {
    if (archive) return
    let live = true
    appInfo().then(
      (info) => live && setArchive(info.archive),
      () => {},
    )
    return () => {
      live = false
    }
  }, [archive])
  return archive
}
