// Renderer: the archive's tags, for autocomplete and colours; refreshed after changes.
import type { Tag } from '../../../shared/types'
import { api } from '../api'
import { useApiValue } from './useApiValue'

const load = () => api['tags.list']({})

/** `ready`: false waits (the library's first rows come first). */
export function useTags(ready = true): { tags: Tag[]; refresh: () => void } {
  const { value, refresh } = useApiValue(load, ready)
  return { tags: value ?? [], refresh }
}
