// Renderer: which article is open, kept in the URL (#/article/<id>) so reloads and links return to it.
import { useCallback, useEffect, useState } from 'react'

function fromHash(): string | null {
  const match = /^#\/article\/([a-z0-9_-]+)/.exec(window.location.hash)
  return match ? match[1] : null
}

export function useSelection(): [string | null, (id: string | null) => void] {
  const [id, setId] = useState<string | null>(fromHash)

  useEffect(() => {
    const onHash = () => setId(fromHash())
    window.addEventListener('hashchange', onHash)
    return () => window.removeEventListener('hashchange', onHash)
  }, [])

  const select = useCallback((next: string | null) => {
    history.replaceState(null, '', next ? `#/article/${next}` : window.location.pathname)
    setId(next)
  }, [])
  return [id, select]
}
