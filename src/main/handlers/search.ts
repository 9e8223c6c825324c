// Main process: full-text search across titles, text, notes and tags (search.*).
import type { HandlerMap, ServiceContext } from './context'

export function searchHandlers({ search }: ServiceContext): HandlerMap<'search'> {
  return {
    'search.query': async ({ q, limit }) => (await search()).find(q, { limit }),
    'search.status': async () => {
      const indexing = (await search()).indexing
      return indexing ? { indexing } : {}
    },
  }
}
