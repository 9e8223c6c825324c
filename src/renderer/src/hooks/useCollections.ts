// Renderer: the archive's collections.
import { useCallback, useEffect, useState } from 'react'
import type { Collection } from '../../../shared/types'
import { api } from '../api'

export function useCollections(): { collections: Collection[]; refresh: () => void } {
  const [collections, setCollections] = useState<Collection[]>([])
  const [generation, setGeneration] = useState(0)
  useEffect(() => {
    let live = true
    api['collections.list']({}).then(
      (list) => live && setCollections(list),
      () => {},
    )
    return () => {
      live = false
    }
  }, [generation])
  const refresh = useCallback(() => setGeneration((g) => g + 1), [])
  return { collections, refresh }
}
