// Renderer: the archive's collections.
import type { Collection } from '../../../shared/types'
import { api } from '../api'
import { useApiValue } from './useApiValue'

const load = () => api['collections.list']({})

export function useCollections(): { collections: Collection[]; refresh: () => void } {
  const { value, refresh } = useApiValue(load)
  return { collections: value ?? [], refresh }
}
