// Main process: full-text search across titles, text, notes and tags.
import type { HandlerMap, ServiceContext } from './context'

export function searchHandlers({ search }: ServiceContext): HandlerMap<'search.query'> {
  return {
    'search.query': async ({ q, limit }) => (await search()).find(q, { limit }),
  }
}
