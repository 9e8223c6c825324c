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
