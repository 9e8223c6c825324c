// Renderer: after an unexpected shutdown (a power cut while the archive was open) the main process reads every
// article's annotation counts again in the background, and the export waits for it (counts-check.ts). Asked once
// when shown (archive.status), then every half second while the recount runs; null when none runs.
import { useEffect, useRef, useState } from 'react'
import type { ResultOf } from '../../../shared/contract'
import { api } from '../api'
import { groupThousands, plural } from '../format'

export type Recount = NonNullable<ResultOf<'archive.status'>['recount']>

const STATUS_EVERY_MS = 500

/** The recount under way, or null; `onDone` runs when one seen under way has ended (the counts shown may be old). */
export function useRecount(onDone?: () => void): Recount | null {
  const [recount, setRecount] = useState<Recount | null>(null)
  const done = useRef(onDone)
  done.current = onDone
  useEffect(() => {
    let live = true
    let timer: ReturnType<typeof setTimeout> | undefined
    let seen = false
    const ask = () =>
      api['archive.status']({}).then(
        ({ recount }) => {
          if (!live) return
          setRecount(recount ?? null)
          if (recount) {
            seen = true
            timer = setTimeout(ask, STATUS_EVERY_MS)
          } else if (seen) done.current?.()
        },
        // Asked again while one was under way: a failed answer does not end the notice by itself.
        () => live && seen && (timer = setTimeout(ask, STATUS_EVERY_MS)),
      )
    void ask()
    return () => {
      live = false
      clearTimeout(timer)
    }
  }, [])
  return recount
}

/** "Checking annotation counts after an unexpected shutdown — 3,200 of 10,000 articles"; `waiting` says what for. */
export function recountLine(recount: Recount, waiting?: string): string {
  const what = waiting
    ? `${waiting} waits for the annotation counts, checked again after an unexpected shutdown`
    : 'Checking annotation counts after an unexpected shutdown'
  return recount.of ? `${what} — ${groupThousands(recount.done)} of ${plural(recount.of, 'article')}` : what
}
