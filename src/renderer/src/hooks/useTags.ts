// Renderer: the archive's tags, for autocomplete and colours; refreshed after changes.
import type { Tag } from '../../../shared/types'
import { api } from '../api'
import { useApiValue } from './useApiValue'

const load = () => api['tags.list']({})

export function useTags(): { tags: Tag[]; refresh: () => void } {
  const { value, refresh } = useApiValue(load)
  return { tags: value ?? [], refresh }
}
