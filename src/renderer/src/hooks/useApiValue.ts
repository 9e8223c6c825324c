// Renderer: a value loaded through the contract, with its error and a way to load it again.
import { useCallback, useEffect, useState } from 'react'

export type ApiValue<T> = { value: T | null; error: string | null; refresh: () => void }

export function useApiValue<T>(load: () => Promise<T>): ApiValue<T> {
  const [state, setState] = useState<{ value: T | null; error: string | null }>({ value: null, error: null })
  const [generation, setGeneration] = useState(0)
  useEffect(() => {
    let live = true
    load().then(
      (value) => live && setState({ value, error: null }),
      (err: Error) => live && setState((s) => ({ value: s.value, error: err.message })),
    )
    return () => {
      live = false
    }
  }, [load, generation])
  const refresh = useCallback(() => setGeneration((g) => g + 1), [])
  return { ...state, refresh }
}
