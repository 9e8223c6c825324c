// Renderer: the archive's tags, for autocomplete and colours; refreshed after changes.
import { useCallback, useEffect, useState } from 'react'
import type { Tag } from '../../../shared/types'
import { api } from '../api'

export function useTags(): { tags: Tag[]; refresh: () => void } {
  const [tags, setTags] = useState<Tag[]>([])
  const [generation, setGeneration] = useState(0)
  useEffect(() => {
    let live = true
    api['tags.list']({}).then(
      (list) => live && setTags(list),
      () => {},
    )
    return () => {
      live = false
    }
  }, [generation])
  const refresh = useCallback(() => setGeneration((g) => g + 1), [])
  return { tags, refresh }
}
