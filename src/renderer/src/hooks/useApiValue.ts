// Renderer: a value loaded through the contract, with its error and a way to load it again.
import { useCallback, useEffect, useState } from 'react'

export type ApiValue<T> = { value: T | null; error: string | null; refresh: () => void }

/** `ready`: false holds the first load back (what the first screen does not show waits for it to be drawn). */
export function useApiValue<T>(load: () => Promise<T>, ready = true): ApiValue<T> {
  const [state, setState] = useState<{ value: T | null; error: string | null }>({ value: null, error: null })
  const [generation, setGeneration] = useState(0)
  useEffect(() => {
    if (!ready) return
    let live = true
    load().then(
      (value) => live && setState({ value, error: null }),
      (err: Error) => live && setState((s) => ({ value: s.value, error: err.message })),
    )
    return () => {
      live = false
    }
  }, [load, generation, ready])
  const refresh = useCallback(() => setGeneration((g) => g + 1), [])
  return { ...state, refresh }
}
