// Renderer: the reader's font size, remembered on this computer.
import { useCallback, useState } from 'react'

const KEY = 'glossa-font-size'
const MIN = 14
const MAX = 28

export function useFontSize(): [number, (delta: number) => void] {
  const [size, setSize] = useState(() => Number(localStorage.getItem(KEY)) || 19)
  const change = useCallback((delta: number) => {
    setSize((s) => {
      const next = Math.min(MAX, Math.max(MIN, s + delta))
      localStorage.setItem(KEY, String(next))
      return next
    })
  }, [])
  return [size, change]
}
