// Renderer: the archive's collections.
import type { Collection } from '../../../shared/types'
import { api } from '../api'
import { useApiValue } from './useApiValue'

const load = () => api['collections.list']({})

/** `ready`: false waits (the library's first rows come first). */
export function useCollections(ready = true): { collections: Collection[]; refresh: () => void } {
  const { value, refresh } = useApiValue(load, ready)
  return { collections: value ?? [], refresh }
}
